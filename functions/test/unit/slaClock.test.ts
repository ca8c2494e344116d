import { describe, expect, it } from "vitest";
import {
  blankFacts,
  DEFAULT_SLA_POLICY,
  dueBreaches,
  markBreaches,
  nextSlaState,
  remainingMs,
  slaNeedsPolicy,
  type IssueFacts,
  type SlaState,
} from "../../src/domain";

const MIN = 60_000;
const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);

/** A tiny simulation: apply status changes at injected times, as the trigger does. */
function clock(initial: Partial<IssueFacts> = {}) {
  let issue = blankFacts({ createdAt: T0, priority: "high", ...initial });
  issue = { ...issue, sla: nextSlaState(issue, DEFAULT_SLA_POLICY, T0) };
  return {
    get sla(): SlaState {
      return issue.sla!;
    },
    set(at: number, change: Partial<IssueFacts>) {
      issue = { ...issue, ...change };
      issue = { ...issue, sla: nextSlaState(issue, slaNeedsPolicy(issue) ? DEFAULT_SLA_POLICY : null, at) };
      return this;
    },
  };
}

describe("SLA clock", () => {
  it("sets due dates from the policy on create", () => {
    const { sla } = clock();
    expect(sla.firstResponseDueAt).toBe(T0 + 120 * MIN);
    expect(sla.resolutionDueAt).toBe(T0 + 24 * 60 * MIN);
    expect(sla).toMatchObject({ running: true, pausedAt: null, pausedMs: 0, firstResponsePending: true, resolutionPending: true });
  });

  it("pauses in on_hold and resumes, pushing the due dates out by the paused span", () => {
    const c = clock().set(T0 + 30 * MIN, { status: "on_hold" });
    expect(c.sla).toMatchObject({ running: false, pausedAt: T0 + 30 * MIN, pausedMs: 0 });
    // While paused the remaining time is frozen and nothing breaches, however late it gets.
    expect(remainingMs(c.sla, "firstResponse", T0 + 10 * 60 * MIN)).toBe(90 * MIN);
    expect(dueBreaches(c.sla, T0 + 10 * 60 * MIN)).toEqual([]);
    c.set(T0 + 90 * MIN, { status: "in_progress" });
    expect(c.sla).toMatchObject({ running: true, pausedAt: null, pausedMs: 60 * MIN });
    expect(c.sla.firstResponseDueAt).toBe(T0 + 180 * MIN);
    expect(remainingMs(c.sla, "firstResponse", T0 + 90 * MIN)).toBe(90 * MIN);
  });

  it("pauses in waiting_for_response and adds up several pauses", () => {
    const c = clock()
      .set(T0 + 10 * MIN, { status: "waiting_for_response" })
      .set(T0 + 20 * MIN, { status: "in_progress" })
      .set(T0 + 30 * MIN, { status: "on_hold" })
      .set(T0 + 60 * MIN, { status: "answered" });
    expect(c.sla.pausedMs).toBe(40 * MIN);
    expect(c.sla.resolutionDueAt).toBe(T0 + 24 * 60 * MIN + 40 * MIN);
  });

  it("breaches once the running clock passes its due date, and only then", () => {
    const c = clock();
    expect(dueBreaches(c.sla, T0 + 120 * MIN - 1)).toEqual([]);
    expect(dueBreaches(c.sla, T0 + 120 * MIN)).toEqual(["firstResponse"]);
    expect(dueBreaches(c.sla, T0 + 24 * 60 * MIN)).toEqual(["firstResponse", "resolution"]);
    const marked = markBreaches(c.sla, ["firstResponse"]);
    expect(marked).toMatchObject({ firstResponseBreached: true, breached: true, firstResponsePending: false });
    // Marked once: the same clock is never due again.
    expect(dueBreaches(marked, T0 + 24 * 60 * MIN)).toEqual(["resolution"]);
    expect(markBreaches(marked, ["firstResponse"])).toEqual(marked);
  });

  it("stops watching the first-response clock once a member responded", () => {
    const c = clock().set(T0 + 5 * MIN, { firstResponseAt: T0 + 5 * MIN });
    expect(c.sla.firstResponsePending).toBe(false);
    expect(dueBreaches(c.sla, T0 + 200 * MIN)).toEqual([]);
  });

  it("stops while resolved, closed or deleted, and a reopen resumes without counting the solved time", () => {
    const c = clock().set(T0 + 60 * MIN, { status: "resolved" });
    expect(c.sla).toMatchObject({ running: false, resolutionPending: false });
    expect(dueBreaches(c.sla, T0 + 100 * 60 * MIN)).toEqual([]);
    c.set(T0 + 48 * 60 * MIN, { status: "open" });
    expect(c.sla).toMatchObject({ running: true, resolutionPending: true, pausedMs: 47 * 60 * MIN });
    expect(clock().set(T0 + MIN, { deleted: true }).sla.running).toBe(false);
  });

  it("recomputes due dates from the new priority and keeps the pauses", () => {
    const c = clock()
      .set(T0 + 10 * MIN, { status: "on_hold" })
      .set(T0 + 20 * MIN, { status: "in_progress" })
      .set(T0 + 30 * MIN, { priority: "critical" });
    expect(c.sla).toMatchObject({ priority: "critical", firstResponseMins: 15, resolutionMins: 240, pausedMs: 10 * MIN });
    expect(c.sla.firstResponseDueAt).toBe(T0 + 25 * MIN);
    expect(dueBreaches(c.sla, T0 + 30 * MIN)).toEqual(["firstResponse"]);
  });

  it("keeps the targets it started with when the policy changes later", () => {
    const c = clock();
    const looser = { ...DEFAULT_SLA_POLICY, high: { firstResponseMins: 999, resolutionMins: 9999 } };
    const issue = blankFacts({ createdAt: T0, priority: "high", sla: c.sla });
    expect(slaNeedsPolicy(issue)).toBe(false);
    expect(nextSlaState(issue, looser, T0 + MIN)).toEqual(c.sla);
  });

  it("asks for the policy on a new SLA or a priority change, and refuses to guess without it", () => {
    const issue = blankFacts({ createdAt: T0, priority: "low" });
    const withSla = blankFacts({ createdAt: T0, priority: "low", sla: clock({ priority: "low" }).sla });
    const reprioritised = { ...withSla, priority: "critical" as const };
    expect([issue, withSla, reprioritised].map(slaNeedsPolicy)).toEqual([true, false, true]);
    expect(() => nextSlaState(issue, null, T0)).toThrow(/needs the policy/);
  });

  it("starts stopped for an issue created on hold", () => {
    const c = clock({ status: "on_hold" });
    expect(c.sla).toMatchObject({ running: false, pausedAt: T0 });
  });

  it("is a fixed point: the same state again at a later time changes nothing", () => {
    const c = clock().set(T0 + 10 * MIN, { status: "on_hold" });
    const before = c.sla;
    c.set(T0 + 50 * MIN, {});
    expect(c.sla).toEqual(before);
  });

  it("has no SLA for a document without priority or creation time", () => {
    expect(nextSlaState(blankFacts({ priority: null }), DEFAULT_SLA_POLICY, T0)).toBeNull();
    expect(nextSlaState(blankFacts({ createdAt: null }), DEFAULT_SLA_POLICY, T0)).toBeNull();
  });
});
