/**
 * The status machine (docs/product.md). A person fixing workflow rules edits this
 * file and its test, nothing else.
 */
import { ACTIVE_STATUSES, isActiveStatus, type Status } from "./vocabulary";

/**
 * Manual moves other than resolving. `in_progress → waiting_for_response` is our
 * addition to the contract's minimum: an agent working an issue often has to
 * ask the customer something, and Zendesk users expect that move.
 */
const MANUAL_TRANSITIONS: Readonly<Record<Status, readonly Status[]>> = {
  open: ["answered", "in_progress", "on_hold", "closed"],
  answered: ["in_progress", "on_hold", "waiting_for_response", "closed"],
  waiting_for_response: ["answered", "in_progress", "closed"],
  on_hold: ["in_progress", "answered", "closed"],
  in_progress: ["on_hold", "waiting_for_response", "closed"],
  resolved: ["closed", "open"],
  closed: ["open"],
};

/** Every status a manual command may move `from` to, resolving included. */
export function allowedTargets(from: Status): Status[] {
  const targets: Status[] = [...MANUAL_TRANSITIONS[from]];
  if (isActiveStatus(from)) targets.push("resolved");
  return targets;
}

export function canTransition(from: Status, to: Status): boolean {
  return allowedTargets(from).includes(to);
}

/** A reopen is a move back to `open` from a finished state. */
export function isReopen(from: Status, to: Status): boolean {
  return to === "open" && (from === "resolved" || from === "closed");
}

/** What a reopen takes off the issue, whichever way it happens (the command, or a customer's reply). */
export const REOPEN_CLEARS = { resolution: null, resolvedAt: null, closedAt: null } as const;

export type TransitionRefusal =
  | { reason: "not_allowed"; from: Status; to: Status; allowed: Status[] }
  | { reason: "resolution_notes_required"; from: Status; to: Status; allowed: Status[] };

export type TransitionDecision = { ok: true; from: Status; to: Status } | ({ ok: false } & TransitionRefusal);

/**
 * Decides a requested move. Resolving needs non-blank notes; anything not in the
 * table is refused with the list of targets that would have been accepted.
 */
export function decideTransition(from: Status, to: Status, resolutionNotes?: string | null): TransitionDecision {
  const allowed = allowedTargets(from);
  if (!allowed.includes(to)) return { ok: false, reason: "not_allowed", from, to, allowed };
  if (to === "resolved" && !resolutionNotes?.trim()) {
    return { ok: false, reason: "resolution_notes_required", from, to, allowed };
  }
  return { ok: true, from, to };
}

export interface CommentEvent {
  status: Status;
  /** Who wrote it: only members and customers move issues by commenting. */
  authorKind: "member" | "customer" | "service" | "linear" | "system";
  internal: boolean;
  /** True when no public member reply existed before this comment. */
  firstPublicMemberReply: boolean;
}

/**
 * The automatic moves a comment causes:
 * - the first public reply by a member moves `open` → `answered`;
 * - a customer reply moves `waiting_for_response` → `in_progress`, and reopens a `resolved` issue.
 * Returns the new status, or null when the comment moves nothing.
 */
export function statusAfterComment(event: CommentEvent): Status | null {
  if (event.internal) return null;
  if (event.authorKind === "member") {
    return event.status === "open" && event.firstPublicMemberReply ? "answered" : null;
  }
  if (event.authorKind === "customer") {
    if (event.status === "waiting_for_response") return "in_progress";
    if (event.status === "resolved") return "open";
  }
  return null;
}

export { ACTIVE_STATUSES };
