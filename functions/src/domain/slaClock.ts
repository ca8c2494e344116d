/**
 * The SLA clock (docs/events.md), pure: every function takes its times as epoch
 * ms, so tests drive pause, resume and breach with an injected clock.
 *
 * The clock stops in `on_hold` and `waiting_for_response` (the contract) and
 * also while an issue is resolved, closed or deleted (our decision: time spent
 * solved must not count against a reopened issue). The stops are recorded on
 * the issue as `clockStops` ([{from, to}], the last one open while stopped) by
 * the write that changes the status or `deleted`, in the same transaction, at
 * the time of that write. Everything else follows from the record: the total
 * stopped time (`pausedMs`), the start of the current stop (`pausedAt`), the
 * due dates (`createdAt + target + pausedMs`), and whether a reply came in
 * time. So the state does not depend on when or in which order the triggers
 * see the writes: a retried or late event derives the same state.
 *
 * A writer that changes the status without recording the stop (a raw import,
 * an older document) is caught up by the trigger, at the event's time: the
 * best time there is for a change nobody recorded.
 */
import { addRunningTime, runningTimeBetween, type BusinessHours } from "./businessHours";
import { deepEqual } from "./equality";
import type { IssueFacts, SlaState } from "./issueFacts";
import { AT_RISK_SHARE, clockModeOf, type SlaPolicy } from "./sla";
import type { Status } from "./vocabulary";

const MINUTE = 60_000;

/** The statuses in which the contract pauses the clock. */
export const SLA_PAUSED_STATUSES: readonly Status[] = ["on_hold", "waiting_for_response"];
const FINISHED: readonly Status[] = ["resolved", "closed"];

export type SlaInput = Pick<
  IssueFacts,
  "priority" | "status" | "deleted" | "createdAt" | "firstResponseAt" | "sla" | "clockStops"
>;

/** A span in which the clock stood still; `to` is null while it still does. */
export interface ClockStop {
  from: number;
  to: number | null;
}

/** The record keeps at most this many stops; older ones are folded together (see `recordClockChange`). */
export const MAX_CLOCK_STOPS = 50;

/** Whether the clock runs for an issue in this state. */
export function slaClockRuns(status: Status, deleted: boolean): boolean {
  return !deleted && !SLA_PAUSED_STATUSES.includes(status) && !FINISHED.includes(status);
}

/** True when the next state needs the org's policy: a new SLA, or a change of priority. */
export function slaNeedsPolicy(issue: SlaInput): boolean {
  return issue.priority !== null && (issue.sla === null || issue.sla.priority !== issue.priority);
}

/**
 * Brings the record in line with whether the clock runs now: opens a stop at
 * `at` when it stopped, closes the open one at `at` when it runs again, and
 * leaves a record that already agrees alone. `at` never goes back before the
 * last recorded instant, so spans are never negative. Beyond MAX_CLOCK_STOPS
 * the two oldest stops become one of their combined length ending where the
 * second ended: totals, and the stopped time before any later instant, stay exact.
 */
export function recordClockChange(stops: readonly ClockStop[], runs: boolean, at: number): ClockStop[] {
  const last = stops[stops.length - 1];
  const open = last !== undefined && last.to === null;
  if (runs !== open) return [...stops];
  const time = last ? Math.max(at, last.to ?? last.from) : at;
  let next: ClockStop[] = open
    ? [...stops.slice(0, -1), { from: last.from, to: time }]
    : [...stops, { from: time, to: null }];
  while (next.length > MAX_CLOCK_STOPS) {
    const [a, b, ...rest] = next as [ClockStop, ClockStop, ...ClockStop[]];
    const total = a.to! - a.from + (b.to! - b.from);
    next = [{ from: b.to! - total, to: b.to }, ...rest];
  }
  return next;
}

/** The stops as recorded, or for a document from before they were recorded, as its SLA state implies. */
function recordedStops(issue: SlaInput): ClockStop[] {
  if (issue.clockStops) return issue.clockStops;
  const stops: ClockStop[] = [];
  if (issue.sla && issue.sla.pausedMs > 0 && issue.createdAt !== null) {
    stops.push({ from: issue.createdAt, to: issue.createdAt + issue.sla.pausedMs });
  }
  if (issue.sla?.pausedAt != null) stops.push({ from: issue.sla.pausedAt, to: null });
  return stops;
}

/**
 * The stops as they should be recorded: what the writers recorded, caught up
 * at `at` where a writer did not record its change. A document that arrives
 * with neither a record nor an SLA (an import) stops from its creation if it
 * was created in a stopped state.
 */
export function clockStopsAt(issue: SlaInput, at: number): ClockStop[] | null {
  if (!issue.status || issue.createdAt === null || issue.deleted === null) return null;
  const fresh = issue.clockStops === null && issue.sla === null;
  return recordClockChange(
    recordedStops(issue),
    slaClockRuns(issue.status, issue.deleted),
    fresh ? issue.createdAt : at,
  );
}

/** How long the clock stood still between `start` and `end`. */
export function stoppedMsBetween(stops: readonly ClockStop[], start: number, end: number): number {
  let total = 0;
  for (const stop of stops) {
    const from = Math.max(stop.from, start);
    const to = Math.min(stop.to ?? end, end);
    if (to > from) total += to - from;
  }
  return total;
}

/**
 * What the write about to be made does to the clock record: a changed status
 * is stamped `statusChangedAt`, and a change of whether the clock runs opens or
 * closes a stop. The API and the comment trigger call it inside the
 * transaction that makes the change, with the time of that change.
 */
export function clockChangeFor(
  before: SlaInput & Pick<IssueFacts, "statusChangedAt">,
  after: { status: Status; deleted: boolean },
  at: number,
): { statusChangedAt?: number; clockStops?: ClockStop[] } {
  const change: { statusChangedAt?: number; clockStops?: ClockStop[] } = {};
  if (after.status !== before.status) change.statusChangedAt = Math.max(at, before.statusChangedAt ?? at);
  const current = clockStopsAt(before, at);
  if (current) {
    const stops = recordClockChange(current, slaClockRuns(after.status, after.deleted), at);
    if (!deepEqual(stops, before.clockStops)) change.clockStops = stops;
  }
  return change;
}

/**
 * The SLA state the issue should have, or null for a document without the
 * fields an SLA needs. `now` stands in only for a status change no writer
 * recorded (see `clockStopsAt`). The policy is read only when `slaNeedsPolicy`;
 * otherwise the stored targets hold. `hours` are the org's open hours, used
 * by a priority whose clock is `business`; without them every clock counts
 * calendar time. Like the targets, the clock and its hours are copied onto the
 * SLA when the priority is set, so a later change of settings moves nothing.
 */
export function nextSlaState(
  issue: SlaInput,
  policy: SlaPolicy | null,
  now: number,
  hours: BusinessHours | null = null,
): SlaState | null {
  if (!issue.priority || !issue.status || issue.createdAt === null || issue.deleted === null) return null;
  const current = issue.sla;
  let target: { firstResponseMins: number; resolutionMins: number; hours: BusinessHours | null } | null =
    current && current.priority === issue.priority
      ? {
          firstResponseMins: current.firstResponseMins,
          resolutionMins: current.resolutionMins,
          hours: current.clock === "business" ? current.hours : null,
        }
      : null;
  if (!target) {
    if (!policy) throw new Error("nextSlaState needs the policy for a new SLA or a change of priority");
    const chosen = policy[issue.priority];
    const business = clockModeOf(issue.priority, chosen) === "business" && hours !== null;
    target = {
      firstResponseMins: chosen.firstResponseMins,
      resolutionMins: chosen.resolutionMins,
      hours: business ? hours : null,
    };
  }
  const created = issue.createdAt;
  const stops = clockStopsAt(issue, now)!;
  const last = stops[stops.length - 1];
  const pausedAt = last && last.to === null ? last.from : null;
  const pausedMs = stops.reduce((sum, stop) => sum + (stop.to === null ? 0 : stop.to - stop.from), 0);
  // Calendar time keeps its original rule (every recorded stop shifts the due
  // time); business time walks the open hours outside the stops.
  const dueAfter = (ms: number) =>
    target.hours ? addRunningTime(created, ms, target.hours, stops) : created + ms + pausedMs;

  // A breach marked before the reply was known is withdrawn once the reply's
  // time shows it came in time (the clock's running time up to the reply).
  const reply = issue.firstResponseAt;
  const runningBeforeReply =
    reply === null
      ? 0
      : target.hours
        ? runningTimeBetween(
            created,
            reply,
            target.hours,
            stops.map((stop) => (stop.to === null ? { from: stop.from, to: Math.max(stop.from, reply) } : stop)),
          )
        : reply - created - stoppedMsBetween(stops, created, reply);
  const repliedInTime = reply !== null && runningBeforeReply < target.firstResponseMins * MINUTE;
  const firstResponseBreached = (current?.firstResponseBreached ?? false) && !repliedInTime;
  const resolutionBreached = current?.resolutionBreached ?? false;
  const firstResponsePending = issue.firstResponseAt === null && !firstResponseBreached;
  const resolutionPending = !FINISHED.includes(issue.status) && !resolutionBreached;

  // A warning, once sent, stays sent (like a breach mark, through a change of
  // priority too): each clock warns once in an issue's life.
  const firstResponseAtRisk = current?.firstResponseAtRisk ?? false;
  const resolutionAtRisk = current?.resolutionAtRisk ?? false;
  // The clock the queue shows: the first response until it is given, then the
  // resolution until the issue is solved, breached or not (an overdue clock is still the next thing to do).
  const next: SlaClockKind | null =
    issue.firstResponseAt === null ? "firstResponse" : !FINISHED.includes(issue.status) ? "resolution" : null;
  const nextBreached = next === "firstResponse" ? firstResponseBreached : resolutionBreached;
  const nextMins = next === "firstResponse" ? target.firstResponseMins : target.resolutionMins;
  const warned = next === "firstResponse" ? firstResponseAtRisk : resolutionAtRisk;
  const breached = firstResponseBreached || resolutionBreached;
  return {
    priority: issue.priority,
    firstResponseMins: target.firstResponseMins,
    resolutionMins: target.resolutionMins,
    firstResponseDueAt: dueAfter(target.firstResponseMins * MINUTE),
    resolutionDueAt: dueAfter(target.resolutionMins * MINUTE),
    pausedAt,
    pausedMs,
    firstResponseBreached,
    resolutionBreached,
    breached,
    running: pausedAt === null,
    firstResponsePending,
    resolutionPending,
    clock: target.hours ? "business" : "calendar",
    hours: target.hours,
    nextDueAt: next ? dueAfter(nextMins * MINUTE) : null,
    atRiskAt: next ? dueAfter(Math.round(nextMins * MINUTE * AT_RISK_SHARE)) : null,
    firstResponseAtRisk,
    resolutionAtRisk,
    atRiskPending: next !== null && !warned && !nextBreached,
    atRisk: next !== null && warned && !breached,
  };
}

export type SlaClockKind = "firstResponse" | "resolution";

/** The breaches that are due at `now` and not yet marked. A stopped clock never breaches. */
export function dueBreaches(sla: SlaState, now: number): SlaClockKind[] {
  if (!sla.running) return [];
  const due: SlaClockKind[] = [];
  if (sla.firstResponsePending && now >= sla.firstResponseDueAt) due.push("firstResponse");
  if (sla.resolutionPending && now >= sla.resolutionDueAt) due.push("resolution");
  return due;
}

/** The state after marking breaches; marking one that is already marked changes nothing. */
export function markBreaches(sla: SlaState, kinds: readonly SlaClockKind[]): SlaState {
  const firstResponseBreached = sla.firstResponseBreached || kinds.includes("firstResponse");
  const resolutionBreached = sla.resolutionBreached || kinds.includes("resolution");
  return {
    ...sla,
    firstResponseBreached,
    resolutionBreached,
    breached: firstResponseBreached || resolutionBreached,
    firstResponsePending: sla.firstResponsePending && !firstResponseBreached,
    resolutionPending: sla.resolutionPending && !resolutionBreached,
  };
}

/**
 * Time left on a clock at `now` (negative when overdue). A stopped clock shows
 * the time it had when it stopped. For a business clock it is open time: the
 * hours the org is open between then and the due time.
 */
export function remainingMs(sla: SlaState, kind: SlaClockKind, now: number): number {
  const due = kind === "firstResponse" ? sla.firstResponseDueAt : sla.resolutionDueAt;
  const from = sla.pausedAt ?? now;
  if (sla.clock !== "business" || !sla.hours) return due - from;
  return due >= from ? runningTimeBetween(from, due, sla.hours) : -runningTimeBetween(due, from, sla.hours);
}

/** The clock an at-risk warning can still be about: the first response while it is pending, then the resolution. */
export function nextSlaClock(sla: SlaState): SlaClockKind | null {
  return sla.firstResponsePending ? "firstResponse" : sla.resolutionPending ? "resolution" : null;
}

/** Whether the next clock's warning is due at `now`. A stopped clock warns of nothing. */
export function atRiskDue(sla: SlaState, now: number): SlaClockKind | null {
  const clock = nextSlaClock(sla);
  if (!sla.running || !clock || !sla.atRiskPending || sla.atRiskAt === null || now < sla.atRiskAt) return null;
  return clock;
}

/** The state after warning about a clock; warning twice changes nothing. */
export function markAtRisk(sla: SlaState, clock: SlaClockKind): SlaState {
  const firstResponseAtRisk = sla.firstResponseAtRisk || clock === "firstResponse";
  const resolutionAtRisk = sla.resolutionAtRisk || clock === "resolution";
  const next = nextSlaClock(sla);
  const warned = next === "firstResponse" ? firstResponseAtRisk : resolutionAtRisk;
  return {
    ...sla,
    firstResponseAtRisk,
    resolutionAtRisk,
    atRiskPending: sla.atRiskPending && next !== null && !warned,
    atRisk: next !== null && warned && !sla.breached,
  };
}

/**
 * The next moment something happens on its own: the warning or a breach, or
 * null while the clock stands or nothing is pending. The SLA task is
 * scheduled for it (see docs/sla.md).
 */
export function nextSlaEventAt(sla: SlaState | null): number | null {
  if (!sla?.running) return null;
  const moments: number[] = [];
  if (sla.atRiskPending && sla.atRiskAt !== null) moments.push(sla.atRiskAt);
  if (sla.firstResponsePending) moments.push(sla.firstResponseDueAt);
  if (sla.resolutionPending) moments.push(sla.resolutionDueAt);
  return moments.length > 0 ? Math.min(...moments) : null;
}
