/**
 * What may happen to an issue, decided once for the single-issue routes and
 * for every item of a bulk change. Each command checks visibility (404),
 * then permission (403), then the domain rules (409/422).
 */
import { FieldValue, type DocumentSnapshot, type Transaction } from "firebase-admin/firestore";
import {
  can,
  canReopen,
  commandNoteIsInternal,
  decideTransition,
  isReopen,
  parseIssueNumber,
  priorityRank,
  REOPEN_CLEARS,
  sourceForActor,
  type Status,
  type IssueUpdateInput,
} from "../domain";
import { addComment } from "../store/comments";
import { db } from "../store/db";
import { eraseIssue } from "../store/issueErasure";
import { getIssueById, getIssueByNumber, mutateIssue } from "../store/issues";
import { membersCol } from "../store/refs";
import { ApiError, forbidden, notFound } from "./errors";
import type { OrgAccess } from "./orgAccess";

export const ownsIssue = (issue: DocumentSnapshot, access: OrgAccess) => issue.get("reporter.uid") === access.actor.uid;

/** May this caller know the issue exists? Customers see only theirs; deleted ones only admins. */
export function canSee(issue: DocumentSnapshot, access: OrgAccess, { includeDeleted = false } = {}): boolean {
  if (issue.get("deleted") && !(includeDeleted && can(access.role, "issue.restore"))) return false;
  return can(access.role, "issue.view", ownsIssue(issue, access));
}

export async function findVisibleIssue(access: OrgAccess, idOrNumber: string, options = {}): Promise<DocumentSnapshot> {
  const number = parseIssueNumber(idOrNumber);
  const snapshot = number
    ? await getIssueByNumber(db(), access.orgId, number.year ?? new Date().getUTCFullYear(), number.seq)
    : await getIssueById(db(), access.orgId, idOrNumber);
  if (!snapshot || !canSee(snapshot, access, options)) throw notFound("The issue");
  return snapshot;
}

type Decision = Record<string, unknown> | null;

/** Runs a decision on a visible issue; one that does not exist is the store's `issue_not_found`. */
function command(
  access: OrgAccess,
  id: string,
  decide: (issue: DocumentSnapshot, tx: Transaction) => Decision | Promise<Decision>,
  { includeDeleted = false } = {},
): Promise<DocumentSnapshot> {
  return mutateIssue(db(), access.orgId, id, access.actor, (issue, tx) => {
    if (!canSee(issue, access, { includeDeleted })) throw notFound("The issue");
    return decide(issue, tx);
  });
}

function requireEdit(issue: DocumentSnapshot, access: OrgAccess) {
  if (!can(access.role, "issue.edit", ownsIssue(issue, access))) throw forbidden();
}

/** `If-Match: "7"`, `W/"7"` or `7`. */
export function parseIfMatch(header: string | undefined): number | null | "invalid" {
  if (header === undefined) return null;
  const match = /^\s*(?:W\/)?"?(\d{1,12})"?\s*$/.exec(header);
  return match ? Number(match[1]) : "invalid";
}

export function patchIssue(access: OrgAccess, id: string, input: IssueUpdateInput, expectedVersion: number | null) {
  return command(access, id, (issue) => {
    requireEdit(issue, access);
    const version = issue.get("version") as number;
    if (expectedVersion !== null && expectedVersion !== version) {
      throw new ApiError("conflict", `The issue is at version ${version}, not ${expectedVersion}. Reload it and try again.`, {
        extensions: { currentVersion: version },
      });
    }
    const changes: Record<string, unknown> = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
    if (input.priority) changes.priorityRank = priorityRank(input.priority);
    return changes;
  });
}

function refusal(from: Status, to: Status, allowed: Status[], detail: string): ApiError {
  return new ApiError("conflict", detail, { extensions: { from, to, allowedTransitions: allowed } });
}

/** The comment a command leaves: a transition's note, a reopen's reason. */
interface CommandComment {
  body: string;
  internal: boolean;
}

/**
 * Moves the status, with resolve's notes and reopen's bookkeeping. A command's
 * comment is written in the same transaction, through the same function as
 * POST …/comments.
 */
function moveIssue(
  access: OrgAccess,
  id: string,
  to: Status,
  options: { comment?: CommandComment | undefined; resolutionNotes?: string | undefined; viaTransition?: boolean } = {},
) {
  return command(access, id, async (issue, tx) => {
    const from = issue.get("status") as Status;
    const reopening = isReopen(from, to);
    const allowedToAct = reopening ? canReopen(access.role, ownsIssue(issue, access)) : can(access.role, "issue.edit");
    if (!allowedToAct) throw forbidden();
    if (options.viaTransition && to === "resolved") {
      // A transition's note is internal; the customer reads resolution notes, so they come only from resolve.
      const resolvePath = `/orgs/${access.orgId}/issues/${id}/resolve`;
      throw new ApiError("validation", `Resolve through POST ${resolvePath} with public resolution notes.`, {
        errors: [{ path: "status", code: "use_resolve", message: `resolve through POST ${resolvePath} with {notes}` }],
        extensions: { resolveWith: resolvePath },
      });
    }
    const decision = decideTransition(from, to, options.resolutionNotes);
    if (!decision.ok) {
      throw decision.reason === "resolution_notes_required"
        ? new ApiError("validation", "Resolving needs resolution notes.", {
            errors: [{ path: "notes", code: "required", message: "resolution notes are required" }],
          })
        : refusal(from, to, decision.allowed, `An issue cannot move from ${from} to ${to}.`);
    }
    const now = FieldValue.serverTimestamp();
    const changes: Record<string, unknown> = { status: to };
    if (to === "resolved") {
      changes.resolution = { notes: options.resolutionNotes, by: access.actor, at: now };
      changes.resolvedAt = now;
    }
    if (to === "closed") changes.closedAt = now;
    if (reopening) Object.assign(changes, REOPEN_CLEARS);
    if (options.comment) {
      const input = { body: options.comment.body, internal: options.comment.internal, solution: false };
      await addComment(db(), access.orgId, id, input, access.actor, sourceForActor(access.actor), tx);
    }
    return changes;
  });
}

/** POST …/transition {status, note}: the team's note is for the team, wherever the issue goes; a customer's is public. */
export function transitionIssue(access: OrgAccess, id: string, to: Status, options: { note?: string | undefined } = {}) {
  const comment = options.note ? { body: options.note, internal: commandNoteIsInternal(access.role) } : undefined;
  return moveIssue(access, id, to, { comment, viaTransition: true });
}

/** POST …/resolve {notes}: the notes are the public resolution. */
export function resolveIssue(access: OrgAccess, id: string, notes: string) {
  return moveIssue(access, id, "resolved", { resolutionNotes: notes });
}

/** POST …/reopen {reason}: a customer's reason is theirs to read; a member's is for the team. */
export function reopenIssue(access: OrgAccess, id: string, reason: string | undefined) {
  const comment = reason ? { body: reason, internal: commandNoteIsInternal(access.role) } : undefined;
  return moveIssue(access, id, "open", { comment });
}

export function closeIssue(access: OrgAccess, id: string) {
  return moveIssue(access, id, "closed");
}

/** Visibility (404) and permission (403) come before the assignee is looked at, so a 422 tells only those who may assign who is staff. */
export function assignIssue(access: OrgAccess, id: string, assigneeUid: string | null) {
  return command(access, id, async (issue, tx) => {
    requireEdit(issue, access);
    let assignee: { uid: string; name: string } | null = null;
    if (assigneeUid) {
      const member = await tx.get(membersCol(db(), access.orgId).doc(assigneeUid));
      if (!member.exists || !["admin", "agent"].includes(member.get("role") as string)) {
        throw new ApiError("validation", "The assignee must be an admin or agent of this organisation.", {
          errors: [{ path: "assigneeUid", code: "invalid_value", message: "not an admin or agent of this organisation" }],
        });
      }
      assignee = { uid: assigneeUid, name: member.get("displayName") as string };
    }
    if ((issue.get("assignee.uid") ?? null) === (assignee?.uid ?? null)) return null;
    return { assignee };
  });
}

export function retagIssue(access: OrgAccess, id: string, tags: { add?: string[] | undefined; remove?: string[] | undefined }) {
  return command(access, id, (issue) => {
    requireEdit(issue, access);
    const current = (issue.get("tags") as string[] | undefined) ?? [];
    const next = [...new Set([...current, ...(tags.add ?? [])])].filter((tag) => !(tags.remove ?? []).includes(tag));
    if (next.length > 20) {
      throw new ApiError("validation", "An issue carries at most 20 tags.", { errors: [{ path: "tags", code: "too_big", message: "at most 20 tags" }] });
    }
    return next.length === current.length && next.every((tag, i) => tag === current[i]) ? null : { tags: next };
  });
}

export function softDeleteIssue(access: OrgAccess, id: string) {
  return command(access, id, (issue) => {
    if (!can(access.role, "issue.softDelete")) throw forbidden();
    if (issue.get("deleted")) return null;
    return { deleted: true, deletedAt: FieldValue.serverTimestamp(), deletedBy: access.actor };
  });
}

export function restoreIssue(access: OrgAccess, id: string) {
  return command(
    access,
    id,
    (issue) => {
      if (!can(access.role, "issue.restore")) throw forbidden();
      if (!issue.get("deleted")) return null;
      return { deleted: false, deletedAt: null, deletedBy: null };
    },
    { includeDeleted: true },
  );
}

/** Erases the issue for good (admin): visibility first (404), then permission (403). */
export async function hardDeleteIssue(access: OrgAccess, id: string): Promise<void> {
  const issue = await getIssueById(db(), access.orgId, id);
  if (!issue || !canSee(issue, access, { includeDeleted: true })) throw notFound("The issue");
  if (!can(access.role, "issue.hardDelete")) throw forbidden();
  await eraseIssue(db(), access.orgId, issue);
}
