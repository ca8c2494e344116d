/** What an issue change sends and whether the customer's projection moved: decided in the domain, table-tested here. */
import { describe, expect, it } from "vitest";
import { activitiesFor, blankFacts, noticesFor, portalChanged, type IssueFacts } from "../../src/domain";

const agent = { uid: "u-agent", name: "Sam", kind: "member" as const };
const customer = { uid: "u-cust", name: "Cora", kind: "customer" as const };
const base = (over: Partial<IssueFacts> = {}) =>
  blankFacts({
    orgId: "acme",
    title: "Printer",
    status: "open",
    deleted: false,
    createdAt: 1,
    updatedAt: 1,
    raisedByCustomer: true,
    source: "client",
    reporter: customer,
    lastActor: agent,
    ...over,
  });
const types = (before: IssueFacts | null, after: IssueFacts) =>
  noticesFor(before, after, before ? activitiesFor(before, after) : []).map((n) => n.event.type);

describe("noticesFor", () => {
  it("announces a customer's issue once, when it gets its number", () => {
    const unnumbered = base({ number: null, lastActor: customer });
    const numbered = base({ number: "ISS-2026-0001", lastActor: customer });
    expect(types(unnumbered, numbered)).toEqual(["issue_raised"]);
    expect(types(numbered, { ...numbered, title: "Printer jam" })).not.toContain("issue_raised");
  });

  it("tells the assignee of an assignment on create, unless they assigned themselves", () => {
    expect(
      noticesFor(null, base({ assignee: { uid: "u-other", name: "Ola" } }), []).map((n) => n.event.type),
    ).toContain("assigned");
    expect(
      noticesFor(null, base({ assignee: { uid: agent.uid, name: agent.name } }), []).map((n) => n.event.type),
    ).not.toContain("assigned");
  });

  it("names a status change, with the automation's reason but never a macro's name", () => {
    const before = base({ number: "ISS-2026-0001", status: "resolved" });
    const closedBySystem = base({
      number: "ISS-2026-0001",
      status: "closed",
      lastActor: {
        uid: "system",
        name: "Firetrack",
        kind: "system",
        via: { kind: "auto_close", name: "Closed after 7 days" },
      },
    });
    const [notice] = noticesFor(before, closedBySystem, activitiesFor(before, closedBySystem));
    expect(notice?.event).toMatchObject({
      type: "status_changed",
      from: "resolved",
      to: "closed",
      reason: "Closed after 7 days",
    });
  });

  it("sends a breach once per clock, and folds an at-risk warning into a breach that comes with it", () => {
    const sla: NonNullable<IssueFacts["sla"]> = {
      priority: "medium",
      firstResponseMins: 480,
      resolutionMins: 4320,
      firstResponseDueAt: 10,
      resolutionDueAt: 20,
      pausedAt: null,
      pausedMs: 0,
      firstResponseBreached: false,
      resolutionBreached: false,
      breached: false,
      running: true,
      firstResponsePending: true,
      resolutionPending: true,
      clock: "calendar",
      hours: null,
      nextDueAt: 10,
      atRiskAt: 5,
      firstResponseAtRisk: false,
      resolutionAtRisk: false,
      atRiskPending: true,
      atRisk: false,
    };
    const running = base({ number: "ISS-2026-0001", sla });
    const warned = base({ number: "ISS-2026-0001", sla: { ...sla, firstResponseAtRisk: true, atRisk: true } });
    const breached = base({
      number: "ISS-2026-0001",
      sla: { ...sla, firstResponseBreached: true, firstResponseAtRisk: true, breached: true },
    });
    expect(types(running, warned)).toEqual(["sla_at_risk"]);
    expect(types(warned, breached)).toEqual(["sla_breach"]);
    expect(types(running, breached)).toEqual(["sla_breach"]);
    expect(types(breached, { ...breached, title: "Printer jam" })).not.toContain("sla_breach");
  });
});

describe("portalChanged", () => {
  it("is true for what a customer sees, false for what only the team sees", () => {
    const before = base({ number: "ISS-2026-0001" });
    expect(portalChanged(before, { ...before, title: "Printer jam" }, "acme", "i1")).toBe(true);
    expect(portalChanged(before, { ...before, tags: ["vip"] }, "acme", "i1")).toBe(false);
    expect(portalChanged(before, { ...before, watchers: ["u-agent"] }, "acme", "i1")).toBe(false);
    // An internal note: the issue's updatedAt and comment count move, nothing the customer sees does.
    expect(
      portalChanged(before, { ...before, updatedAt: 99, commentCount: before.commentCount + 1 }, "acme", "i1"),
    ).toBe(false);
    expect(
      portalChanged(
        before,
        { ...before, updatedAt: 99, publicCommentCount: before.publicCommentCount + 1 },
        "acme",
        "i1",
      ),
    ).toBe(true);
  });

  it("is false for an issue no customer raised, and true when a customer's issue is deleted", () => {
    const internal = base({ raisedByCustomer: false, source: "internal" });
    expect(portalChanged(internal, { ...internal, title: "Other" }, "acme", "i1")).toBe(false);
    const raised = base({ number: "ISS-2026-0001" });
    expect(portalChanged(raised, { ...raised, deleted: true }, "acme", "i1")).toBe(true);
  });
});
