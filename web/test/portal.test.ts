/** The portal's and the notifications' pure pieces: where links lead, what a customer is offered, how the portal speaks. */
import { NOTIFICATION_TYPES, resolvePrefs, STATUSES } from "@firetrack/domain";
import { describe, expect, it } from "vitest";
import { EMPTY_FORM } from "../src/issues/issueForm";
import { bellLabel, prefTypesFor, unreadBadge, withPref } from "../src/notifications/notificationView";
import { portalIssueInput } from "../src/portal/RaiseForm";
import {
  customerMemberships,
  issueHref,
  landingPath,
  portalIssueHref,
  portalPathForOrgPath,
  slugFromIntakeInput,
} from "../src/shared/links";
import { inTab, statusExplanation } from "../src/portal/portalStatus";

const agentOfAcme = { orgId: "acme", role: "agent" as const };
const customerOfGlobex = { orgId: "globex", role: "customer" as const };

describe("issueHref: an issue opens where the reader works on it", () => {
  it("sends a member to the agent page and a customer to the portal page", () => {
    const memberships = [agentOfAcme, customerOfGlobex];
    expect(issueHref(memberships, "acme", "i1")).toBe("/o/acme/issues/i1");
    expect(issueHref(memberships, "globex", "i2")).toBe("/portal/issues/globex/i2");
  });

  it("sends someone with no membership there to the portal, where only their own projection can open", () => {
    expect(issueHref([agentOfAcme], "elsewhere", "i3")).toBe("/portal/issues/elsewhere/i3");
  });

  it("escapes ids so a crafted one cannot make another path", () => {
    expect(issueHref([customerOfGlobex], "globex", "../o/acme")).toBe("/portal/issues/globex/..%2Fo%2Facme");
  });

  it("names a numbered issue by its number on both pages, and by id until it is numbered", () => {
    const memberships = [agentOfAcme, customerOfGlobex];
    expect(issueHref(memberships, "acme", "i1", "ISS-2026-0044")).toBe("/o/acme/issues/ISS-2026-0044");
    expect(issueHref(memberships, "globex", "i2", "ISS-2026-0007")).toBe("/portal/issues/globex/ISS-2026-0007");
    expect(issueHref(memberships, "globex", "i2", null)).toBe("/portal/issues/globex/i2");
  });
});

describe("portalIssueHref: a row of the portal", () => {
  it("opens the issue by its number once numbered, by id before", () => {
    expect(portalIssueHref({ orgId: "acme", issueId: "aB3", number: "ISS-2026-0042" })).toBe(
      "/portal/issues/acme/ISS-2026-0042",
    );
    expect(portalIssueHref({ orgId: "acme", issueId: "aB3", number: null })).toBe("/portal/issues/acme/aB3");
  });
});

describe("landingPath", () => {
  it("prefers a workspace, then the portal, then registration (null)", () => {
    expect(landingPath([customerOfGlobex, agentOfAcme])).toBe("/o/acme/issues");
    expect(landingPath([customerOfGlobex])).toBe("/portal");
    expect(landingPath([])).toBeNull();
  });
});

describe("portalPathForOrgPath: an agent URL opened by a customer", () => {
  it.each([
    ["/o/acme/issues/abc123", "/portal/issues/acme/abc123"],
    ["/o/acme/issues/abc123/", "/portal/issues/acme/abc123"],
    ["/o/acme/issues/ISS-2026-0044", "/portal/issues/acme/ISS-2026-0044"],
    ["/o/acme/issues", "/portal"],
    ["/o/acme/issues/new", "/portal"],
    ["/o/acme/dashboard", "/portal"],
    ["/o/acme/portal", "/portal"],
  ])("%s → %s", (path, expected) => {
    expect(portalPathForOrgPath(path, "acme")).toBe(expected);
  });
});

describe("slugFromIntakeInput", () => {
  it.each([
    ["acme-support", "acme-support"],
    ["  Acme-Support ", "acme-support"],
    ["https://firetrack.example/raise/acme-support", "acme-support"],
    ["http://127.0.0.1:5000/raise/acme-support?ref=mail#top", "acme-support"],
  ])("reads %j as %j", (input, slug) => {
    expect(slugFromIntakeInput(input)).toBe(slug);
  });
  it.each(["", "   ", "acme support", "-acme", "https://x/raise/", "../admin", "x".repeat(51)])(
    "refuses %j",
    (input) => {
      expect(slugFromIntakeInput(input)).toBeNull();
    },
  );
});

describe("customerMemberships", () => {
  it("keeps the customer ones only", () => {
    expect(customerMemberships([agentOfAcme, customerOfGlobex])).toEqual([customerOfGlobex]);
  });
});

describe("portal status", () => {
  it("puts every active status under Open, resolved and closed ones under Resolved, and everything under All", () => {
    const open = STATUSES.filter((s) => inTab(s, "open"));
    const done = STATUSES.filter((s) => inTab(s, "done"));
    expect(open).toEqual(["open", "answered", "in_progress", "on_hold", "waiting_for_response"]);
    expect(done).toEqual(["resolved", "closed"]);
    expect(STATUSES.every((s) => inTab(s, "all"))).toBe(true);
  });

  it("explains each status in its own words", () => {
    const sentences = STATUSES.map(statusExplanation);
    expect(new Set(sentences).size).toBe(STATUSES.length);
    expect(statusExplanation("resolved")).toMatch(/reopen/i);
    expect(statusExplanation("waiting_for_response")).toMatch(/your reply/);
  });
});

describe("portalIssueInput", () => {
  it("sends no tags (the team's own filing) and keeps the rest of the form", () => {
    const input = portalIssueInput({
      ...EMPTY_FORM,
      title: "Broken",
      tags: "vip, sneaky",
      orderId: "o-1",
      orderRef: "SO-1",
    });
    expect(input).not.toHaveProperty("tags");
    expect(input).toMatchObject({
      title: "Broken",
      order: { id: "o-1", ref: "SO-1" },
      vendor: null,
      priority: "medium",
    });
  });
});

describe("the bell", () => {
  it.each([
    [0, ""],
    [1, "1"],
    [99, "99"],
    [100, "99+"],
  ])("shows %i unread as %j", (count, badge) => {
    expect(unreadBadge(count)).toBe(badge);
  });
  it("says the count in its accessible name", () => {
    expect(bellLabel(0)).toBe("Notifications, none unread");
    expect(bellLabel(3)).toBe("Notifications, 3 unread");
    expect(bellLabel(100)).toBe("Notifications, over 99 unread");
  });
});

describe("notification preferences", () => {
  it("offers a customer only what can reach a customer, and staff every type", () => {
    expect(prefTypesFor([customerOfGlobex])).toEqual(["status_changed", "comment"]);
    expect(prefTypesFor([customerOfGlobex, agentOfAcme])).toEqual([...NOTIFICATION_TYPES]);
    expect(prefTypesFor([])).toEqual(["status_changed", "comment"]);
  });

  it("changes one channel of one type and leaves the rest", () => {
    const before = resolvePrefs({});
    const after = withPref(before, "comment", "email", false);
    expect(after.comment).toEqual({ inApp: true, email: false });
    expect({ ...after, comment: before.comment }).toEqual(before);
    expect(before.comment.email).toBe(true);
    // What is saved reads back the same through the server's resolvePrefs.
    expect(resolvePrefs(after)).toEqual(after);
  });
});
