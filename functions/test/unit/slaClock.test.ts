import { describe, expect, it } from "vitest";
import {
  blankFacts,
  clockChangeFor,
  DEFAULT_SLA_POLICY,
  MAX_CLOCK_STOPS,
  recordClockChange,
  stoppedMsBetween,
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
    expect(sla).toMatchObject({
      running: true,
      pausedAt: null,
      pausedMs: 0,
      firstResponsePending: true,
      resolutionPending: true,
    });
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
    expect(c.sla).toMatchObject({
      priority: "critical",
      firstResponseMins: 15,
      resolutionMins: 240,
      pausedMs: 10 * MIN,
    });
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

describe("SLA clock from the recorded stops", () => {
  /** The writes as the API makes them: each records its own change of the clock, at its own time. */
  function written(changes: [number, Partial<IssueFacts>][]) {
    let issue = blankFacts({ createdAt: T0, priority: "high", statusChangedAt: T0, clockStops: [] });
    issue = { ...issue, sla: nextSlaState(issue, DEFAULT_SLA_POLICY, T0) };
    for (const [at, change] of changes) {
      const next = { ...issue, ...change };
      issue = { ...next, ...clockChangeFor(issue, { status: next.status!, deleted: next.deleted! }, at) };
    }
    return issue;
  }

  it("derives the same pause whenever and in whatever order the triggers see the writes", () => {
    const afterHold = written([[T0 + 30 * MIN, { status: "on_hold" }]]);
    const afterResume = written([
      [T0 + 30 * MIN, { status: "on_hold" }],
      [T0 + 90 * MIN, { status: "in_progress" }],
    ]);
    expect(afterResume.clockStops).toEqual([{ from: T0 + 30 * MIN, to: T0 + 90 * MIN }]);
    expect(afterResume.statusChangedAt).toBe(T0 + 90 * MIN);
    // The resume's event first, then the hold's (late), then the resume's again (a retry), each at its own time.
    const states = [T0 + 95 * MIN, T0 + 31 * MIN, T0 + 500 * MIN].map((now) => nextSlaState(afterResume, null, now));
    for (const state of states) expect(state).toEqual(states[0]);
    expect(states[0]).toMatchObject({
      running: true,
      pausedAt: null,
      pausedMs: 60 * MIN,
      firstResponseDueAt: T0 + 180 * MIN,
    });
    expect(nextSlaState(afterHold, null, T0 + 400 * MIN)).toMatchObject({
      running: false,
      pausedAt: T0 + 30 * MIN,
      pausedMs: 0,
    });
  });

  it("keeps one stop across paused and finished statuses and deletion, and stamps only status changes", () => {
    const issue = written([
      [T0 + 10 * MIN, { status: "on_hold" }],
      [T0 + 20 * MIN, { status: "waiting_for_response" }],
      [T0 + 30 * MIN, { deleted: true }],
      [T0 + 40 * MIN, { deleted: false }],
      [T0 + 50 * MIN, { status: "in_progress" }],
      [T0 + 60 * MIN, { priority: "low" }],
    ]);
    expect(issue.clockStops).toEqual([{ from: T0 + 10 * MIN, to: T0 + 50 * MIN }]);
    expect(issue.statusChangedAt).toBe(T0 + 50 * MIN);
    expect(clockChangeFor(issue, { status: "in_progress", deleted: true }, T0 + 70 * MIN)).toEqual({
      clockStops: [
        { from: T0 + 10 * MIN, to: T0 + 50 * MIN },
        { from: T0 + 70 * MIN, to: null },
      ],
    });
    // A clock that disagrees with its own record never runs backwards: the change lands after the last instant recorded.
    expect(recordClockChange([{ from: T0 + 10 * MIN, to: null }], true, T0)).toEqual([
      { from: T0 + 10 * MIN, to: T0 + 10 * MIN },
    ]);
  });

  it("withdraws a first-response breach marked before the reply was known, and keeps it for a late reply", () => {
    const marked = (reply: number, stops = [] as { from: number; to: number | null }[]) => {
      const base = blankFacts({ createdAt: T0, priority: "high", clockStops: stops });
      const sla = markBreaches(nextSlaState(base, DEFAULT_SLA_POLICY, T0)!, ["firstResponse"]);
      return nextSlaState({ ...base, sla, firstResponseAt: reply }, null, T0 + 300 * MIN)!;
    };
    expect(marked(T0 + 119 * MIN)).toMatchObject({
      firstResponseBreached: false,
      breached: false,
      firstResponsePending: false,
    });
    expect(marked(T0 + 121 * MIN)).toMatchObject({ firstResponseBreached: true, breached: true });
    // 140 minutes after creation, 30 of them on hold: 110 minutes of running clock, in time.
    expect(marked(T0 + 140 * MIN, [{ from: T0 + 10 * MIN, to: T0 + 40 * MIN }]).firstResponseBreached).toBe(false);
    // A hold after the reply does not make a late reply timely.
    expect(marked(T0 + 121 * MIN, [{ from: T0 + 130 * MIN, to: T0 + 200 * MIN }]).firstResponseBreached).toBe(true);
  });

  it("decides breaches from the facts, not from flags a trigger has yet to update", () => {
    const issue = blankFacts({ createdAt: T0, priority: "high", clockStops: [] });
    const stale = nextSlaState(issue, DEFAULT_SLA_POLICY, T0)!;
    // Replied in time and then resolved; the trigger that would update the flags has not run.
    const facts = {
      ...issue,
      sla: stale,
      firstResponseAt: T0 + 119 * MIN,
      status: "resolved" as const,
      clockStops: [{ from: T0 + 200 * MIN, to: null }],
    };
    expect(dueBreaches(stale, T0 + 30 * 60 * MIN)).toEqual(["firstResponse", "resolution"]);
    expect(dueBreaches(nextSlaState(facts, null, T0 + 30 * 60 * MIN)!, T0 + 30 * 60 * MIN)).toEqual([]);
  });

  it("folds the oldest stops beyond the limit, keeping the total and the stopped time before later instants", () => {
    let stops: { from: number; to: number | null }[] = [];
    for (let i = 0; i < MAX_CLOCK_STOPS + 5; i++) {
      stops = recordClockChange(stops, false, T0 + i * 10 * MIN);
      stops = recordClockChange(stops, true, T0 + i * 10 * MIN + 3 * MIN);
    }
    expect(stops).toHaveLength(MAX_CLOCK_STOPS);
    const end = T0 + (MAX_CLOCK_STOPS + 5) * 10 * MIN;
    expect(stoppedMsBetween(stops, T0, end)).toBe((MAX_CLOCK_STOPS + 5) * 3 * MIN);
    expect(stoppedMsBetween(stops, T0, T0 + 40 * 10 * MIN)).toBe(40 * 3 * MIN);
  });

  it("takes an older document's pause from its SLA state, and an import created on hold stops from its creation", () => {
    const older = blankFacts({ createdAt: T0, priority: "high", status: "in_progress", clockStops: null });
    const sla = { ...nextSlaState(older, DEFAULT_SLA_POLICY, T0)!, pausedMs: 20 * MIN };
    expect(nextSlaState({ ...older, sla, status: "on_hold" }, null, T0 + 60 * MIN)).toMatchObject({
      pausedMs: 20 * MIN,
      pausedAt: T0 + 60 * MIN,
    });
    const imported = blankFacts({ createdAt: T0, priority: "high", status: "on_hold", clockStops: null });
    expect(nextSlaState(imported, DEFAULT_SLA_POLICY, T0 + 99 * MIN)).toMatchObject({ running: false, pausedAt: T0 });
  });
});
