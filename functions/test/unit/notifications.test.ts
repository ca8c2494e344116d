import { describe, expect, it } from "vitest";
import {
  DEFAULT_NOTIFICATION_PREFS,
  notificationRecipients,
  renderNotification,
  resolvePrefs,
  type NotifyEvent,
  type Role,
} from "../../src/domain";

// An org: two admins, two agents (one assigned), a reporter-role member, a viewer who watches,
// the customer who raised the issue, another customer, and a former member.
const roles = new Map<string, Role>([
  ["admin1", "admin"],
  ["admin2", "admin"],
  ["agent1", "agent"],
  ["assignee", "agent"],
  ["rep", "reporter"],
  ["viewer", "viewer"],
  ["cust", "customer"],
  ["cust2", "customer"],
]);
const staff = { admins: ["admin1", "admin2"], agents: ["agent1", "assignee"] };
const issue = {
  reporterUid: "cust",
  assigneeUid: "assignee",
  watchers: ["cust", "assignee", "viewer", "cust2", "gone"],
};

const EVENTS: Record<string, NotifyEvent> = {
  raised: { type: "issue_raised" },
  assigned: { type: "assigned" },
  status: { type: "status_changed", from: "open", to: "resolved" },
  publicComment: { type: "comment", internal: false, excerpt: "hi" },
  internalComment: { type: "comment", internal: true, excerpt: "psst" },
  breach: { type: "sla_breach", clock: "resolution" },
};

describe("notification recipients: event × actor", () => {
  it.each([
    // event, actor, expected recipients
    ["raised", "cust", ["admin1", "admin2", "agent1", "assignee"]],
    ["raised", "admin1", ["admin2", "agent1", "assignee"]],
    ["assigned", "admin1", ["assignee"]],
    ["assigned", "assignee", []],
    ["status", "assignee", ["cust", "viewer"]],
    ["status", "cust", ["assignee", "viewer"]],
    ["publicComment", "assignee", ["cust", "viewer"]],
    ["publicComment", "cust", ["assignee", "viewer"]],
    ["internalComment", "assignee", ["viewer"]],
    ["internalComment", "viewer", ["assignee"]],
    ["breach", "system", ["admin1", "admin2", "assignee"]],
  ])("%s by %s → %j", (event, actor, expected) => {
    expect(notificationRecipients(EVENTS[event]!, issue, { actorUid: actor, roles, ...staff })).toEqual(expected);
  });

  it("never tells the actor, whatever the event", () => {
    for (const event of Object.values(EVENTS)) {
      for (const actor of roles.keys()) {
        expect(notificationRecipients(event, issue, { actorUid: actor, roles, ...staff })).not.toContain(actor);
      }
    }
  });

  it("never tells a customer anything internal, nor about an issue they did not raise", () => {
    for (const event of Object.values(EVENTS)) {
      const got = notificationRecipients(event, issue, { actorUid: "admin1", roles, ...staff });
      expect(got).not.toContain("cust2");
      if (event.type === "comment" && event.internal) expect(got).not.toContain("cust");
    }
  });

  it("tells nobody who is no longer a member", () => {
    const got = notificationRecipients(
      EVENTS.status!,
      { ...issue, reporterUid: "gone" },
      { actorUid: "x", roles, ...staff },
    );
    expect(got).not.toContain("gone");
  });

  it("still tells the reporter who stopped watching about status and comments", () => {
    const got = notificationRecipients(
      EVENTS.status!,
      { ...issue, watchers: [] },
      { actorUid: "admin1", roles, ...staff },
    );
    expect(got).toEqual(["cust"]);
  });
});

describe("notification prefs", () => {
  it("uses the defaults for anything missing or unreadable", () => {
    expect(resolvePrefs(undefined)).toEqual(DEFAULT_NOTIFICATION_PREFS);
    expect(resolvePrefs("garbage")).toEqual(DEFAULT_NOTIFICATION_PREFS);
    const prefs = resolvePrefs({ comment: { email: false }, assigned: "nonsense", unknown: { inApp: false } });
    expect(prefs.comment).toEqual({ inApp: true, email: false });
    expect(prefs.assigned).toEqual(DEFAULT_NOTIFICATION_PREFS.assigned);
  });
});

describe("notification text", () => {
  it("escapes the title in the HTML and links to the issue", () => {
    const { title, mail } = renderNotification(EVENTS.publicComment!, {
      issueNumber: "ISS-2026-0007",
      title: "<script>x</script>",
      link: "http://127.0.0.1:5000/orgs/o/issues/i",
      actorName: "Ann",
    });
    expect(mail.subject).toBe("[ISS-2026-0007] <script>x</script>");
    expect(mail.html).toContain("&lt;script&gt;x&lt;/script&gt;");
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain('href="http://127.0.0.1:5000/orgs/o/issues/i"');
    expect(mail.text).toContain("http://127.0.0.1:5000/orgs/o/issues/i");
    expect(title).toContain("Ann added a comment");
  });
});
