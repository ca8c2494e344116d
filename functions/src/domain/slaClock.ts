/**
 * The SLA clock (DESIGN.md §5), pure: every function takes `now` (epoch ms) so
 * tests drive pause, resume and breach with an injected clock.
 *
 * Due dates are `createdAt + target + pausedMs`. The clock stops in `on_hold`
 * and `waiting_for_response` (the contract) and also while an issue is resolved,
 * closed or deleted (our decision: time spent solved must not count against a
 * reopened issue). While it is stopped `pausedAt` marks when; on resume the
 * stopped span is added to `pausedMs`, which pushes both due dates out. The
 * state is a function of the issue's current fields plus the previous state,
 * so applying it twice changes nothing (the triggers rely on that fixed point).
 */
import type { IssueFacts, SlaState } from "./issueFacts";
import type { SlaPolicy } from "./sla";
import type { Status } from "./vocabulary";

const MINUTE = 60_000;

/** The statuses in which the contract pauses the clock. */
export const SLA_PAUSED_STATUSES: readonly Status[] = ["on_hold", "waiting_for_response"];
const FINISHED: readonly Status[] = ["resolved", "closed"];

export type SlaInput = Pick<IssueFacts, "priority" | "status" | "deleted" | "createdAt" | "firstResponseAt" | "sla">;

/** Whether the clock runs for an issue in this state. */
export function slaClockRuns(status: Status, deleted: boolean): boolean {
  return !deleted && !SLA_PAUSED_STATUSES.includes(status) && !FINISHED.includes(status);
}

/** True when the next state needs the org's policy: a new SLA, or a change of priority. */
export function slaNeedsPolicy(issue: SlaInput): boolean {
  return issue.priority !== null && (issue.sla === null || issue.sla.priority !== issue.priority);
}

/**
 * The SLA state the issue should have at `now`, or null for a document without
 * the fields an SLA needs. `now` is the time of the change being handled. The
 * policy is read only when `slaNeedsPolicy`; otherwise the stored targets hold.
 */
export function nextSlaState(issue: SlaInput, policy: SlaPolicy | null, now: number): SlaState | null {
  if (!issue.priority || !issue.status || issue.createdAt === null || issue.deleted === null) return null;
  const current = issue.sla;
  let target = current && current.priority === issue.priority
    ? { firstResponseMins: current.firstResponseMins, resolutionMins: current.resolutionMins }
    : null;
  if (!target) {
    if (!policy) throw new Error("nextSlaState needs the policy for a new SLA or a change of priority");
    target = { ...policy[issue.priority] };
  }
  const runs = slaClockRuns(issue.status, issue.deleted);
  let pausedAt = current?.pausedAt ?? null;
  let pausedMs = current?.pausedMs ?? 0;
  if (!current) {
    // A new issue created straight into a stopped state stops from its creation.
    pausedAt = runs ? null : issue.createdAt;
  } else if (!runs && pausedAt === null) {
    pausedAt = now;
  } else if (runs && pausedAt !== null) {
    pausedMs += Math.max(0, now - pausedAt);
    pausedAt = null;
  }
  const firstResponseBreached = current?.firstResponseBreached ?? false;
  const resolutionBreached = current?.resolutionBreached ?? false;
  return {
    priority: issue.priority,
    firstResponseMins: target.firstResponseMins,
    resolutionMins: target.resolutionMins,
    firstResponseDueAt: issue.createdAt + target.firstResponseMins * MINUTE + pausedMs,
    resolutionDueAt: issue.createdAt + target.resolutionMins * MINUTE + pausedMs,
    pausedAt,
    pausedMs,
    firstResponseBreached,
    resolutionBreached,
    breached: firstResponseBreached || resolutionBreached,
    running: pausedAt === null,
    firstResponsePending: issue.firstResponseAt === null && !firstResponseBreached,
    resolutionPending: !FINISHED.includes(issue.status) && !resolutionBreached,
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

/** Time left on a clock at `now` (negative when overdue). A stopped clock shows the time it had when it stopped. */
export function remainingMs(sla: SlaState, kind: SlaClockKind, now: number): number {
  const due = kind === "firstResponse" ? sla.firstResponseDueAt : sla.resolutionDueAt;
  return due - (sla.pausedAt ?? now);
}
