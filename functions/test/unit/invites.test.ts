import { describe, expect, it } from "vitest";
import { INVITE_TTL_MS, inviteCreateSchema, inviteStatus, inviteThrottle, renderInviteMail } from "../../src/domain";
import { inviteIdFor } from "../../src/store/invites";
import { defaultOrgSettings, mergeSettings } from "../../src/store/orgs";

describe("invitations", () => {
  const now = Date.UTC(2026, 2, 2);
  it.each([
    ["pending until it expires", { expiresAt: now + 1, acceptedAt: null }, "pending"],
    ["expired at its expiry", { expiresAt: now, acceptedAt: null }, "expired"],
    ["accepted, expired or not", { expiresAt: now - INVITE_TTL_MS, acceptedAt: now - 1 }, "accepted"],
  ] as const)("%s", (_name, invite, expected) => {
    expect(inviteStatus(invite, now)).toBe(expected);
  });

  it("takes an address and a member role; never service, never anything else", () => {
    expect(inviteCreateSchema.parse({ email: "Ann@Example.TEST", role: "agent" })).toEqual({
      email: "ann@example.test",
      role: "agent",
    });
    for (const body of [
      { email: "ann@example.test", role: "service" },
      { email: "ann", role: "agent" },
      { email: "ann@example.test" },
      { email: "ann@example.test", role: "agent", uid: "u" },
    ]) {
      expect(inviteCreateSchema.safeParse(body).success, JSON.stringify(body)).toBe(false);
    }
  });

  it("names one invitation per org and address, so inviting again renews it", () => {
    expect(inviteIdFor("org-a", "ann@example.test")).toBe(inviteIdFor("org-a", "ann@example.test"));
    expect(inviteIdFor("org-a", "ann@example.test")).not.toBe(inviteIdFor("org-b", "ann@example.test"));
    expect(inviteIdFor("org-a", "ann@example.test")).not.toBe(inviteIdFor("org-a", "bob@example.test"));
    expect(inviteIdFor("org-a", "ann@example.test")).toMatch(/^[A-Za-z0-9_-]{24}$/);
  });

  it("mails the link, with the org's name escaped in HTML", () => {
    const mail = renderInviteMail({
      orgName: "<b>Acme</b> & Co",
      role: "agent",
      link: "https://app.test/invites/abc",
      expiresAt: new Date(now),
    });
    expect(mail.subject).toBe("Invitation to join <b>Acme</b> & Co on Firetrack");
    expect(mail.text).toContain("Accept it: https://app.test/invites/abc");
    expect(mail.text).toContain("as agent");
    expect(mail.html).toContain("&lt;b&gt;Acme&lt;/b&gt; &amp; Co");
    expect(mail.html).not.toContain("<b>Acme");
    expect(mail.html).toContain('href="https://app.test/invites/abc"');
  });
});

describe("settings changes", () => {
  it("merge SLA targets per priority and Linear per field, and replace lists", () => {
    const current = {
      ...defaultOrgSettings(),
      autoJoinDomains: ["a.test"],
      linear: { teamId: "T", enabled: true, mirrorComments: "none" as const, stateMap: { on_hold: "Blocked" } },
    };
    const next = mergeSettings(current, {
      sla: { high: { firstResponseMins: 90, resolutionMins: 1200 } },
      linear: { mirrorComments: "public" },
      autoJoinDomains: ["b.test"],
    });
    expect(next.sla.high).toEqual({ firstResponseMins: 90, resolutionMins: 1200, clock: "business" });
    expect(next.sla.critical).toEqual(current.sla.critical);
    expect(next.linear).toEqual({
      teamId: "T",
      enabled: true,
      mirrorComments: "public",
      stateMap: { on_hold: "Blocked" },
    });
    expect(next.autoJoinDomains).toEqual(["b.test"]);
    expect(next.publicIntake).toBe(false);
    expect(next.serviceAccounts).toEqual([]);
  });
});

describe("inviteThrottle", () => {
  const limits = { perOrgPerHour: 2, perAddressPerDay: 1, pendingPerOrg: 3 };
  const quiet = { orgLastHour: 0, addressLastDay: 0, orgPending: 0, renewsPending: false };
  it("lets an invitation go under every limit", () => {
    expect(inviteThrottle(quiet, limits)).toBeNull();
  });
  it("names the limit a new invitation would break", () => {
    expect(inviteThrottle({ ...quiet, orgLastHour: 2 }, limits)).toBe("org_hourly");
    expect(inviteThrottle({ ...quiet, addressLastDay: 1 }, limits)).toBe("address_daily");
    expect(inviteThrottle({ ...quiet, orgPending: 3 }, limits)).toBe("pending_cap");
  });
  it("lets a renewal of a pending invitation past the pending cap, not past the rate limits", () => {
    expect(inviteThrottle({ ...quiet, orgPending: 3, renewsPending: true }, limits)).toBeNull();
    expect(inviteThrottle({ ...quiet, orgPending: 3, renewsPending: true, orgLastHour: 2 }, limits)).toBe("org_hourly");
  });
});
