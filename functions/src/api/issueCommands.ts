/**
 * What may happen to an issue, decided once for the single-issue routes and
 * for every item of a bulk change. Each command checks visibility (404),
 * then permission (403), then the domain rules (409/422).
 */
import { FieldValue, type DocumentReference, type DocumentSnapshot, type Transaction } from "firebase-admin/firestore";
import {
  isAssignableRole,
  can,
  canReopen,
  commandNoteIsInternal,
  decideTransition,
  isReopen,
  parseIssueNumber,
  priorityRank,
  REOPEN_CLEARS,
  sourceForActor,
  statusAfterMacroReply,
  tagsAfterMacro,
  type Actor,
  type Status,
  type IssueUpdateInput,
} from "../domain";
import { addComment } from "../store/comments";
import { db } from "../store/db";
import { eraseIssue } from "../store/issueErasure";
import { getIssueById, getIssueByNumber, mutateIssue } from "../store/issues";
import { macroOf } from "../store/macros";
import { macrosCol, membersCol } from "../store/refs";
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
  { includeDeleted = false, actor = access.actor }: { includeDeleted?: boolean; actor?: Actor } = {},
): Promise<DocumentSnapshot> {
  return mutateIssue(db(), access.orgId, id, actor, (issue, tx) => {
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
      throw new ApiError(
        "conflict",
        `The issue is at version ${version}, not ${expectedVersion}. Reload it and try again.`,
        {
          extensions: { currentVersion: version },
        },
      );
    }
    const changes: Record<string, unknown> = Object.fromEntries(
      Object.entries(input).filter(([, value]) => value !== undefined),
    );
    if (input.priority) changes.priorityRank = priorityRank(input.priority);
    return changes;
  });
}

function refusal(from: Status, to: Status, allowed: Status[], detail: string): ApiError {
  return new ApiError("conflict", detail, { extensions: { from, to, allowedTransitions: allowed } });
}

/** The fields a move writes besides the status: resolve's resolution, close's time, reopen's clearing. */
function statusMoveFields(
  from: Status,
  to: Status,
  resolutionNotes: string | undefined,
  actor: Actor,
): Record<string, unknown> {
  const now = FieldValue.serverTimestamp();
  const changes: Record<string, unknown> = { status: to };
  if (to === "resolved") {
    changes.resolution = { notes: resolutionNotes, by: actor, at: now };
    changes.resolvedAt = now;
  }
  if (to === "closed") changes.closedAt = now;
  if (isReopen(from, to)) Object.assign(changes, REOPEN_CLEARS);
  return changes;
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
    const changes = statusMoveFields(from, to, options.resolutionNotes, access.actor);
    if (options.comment) {
      const input = { body: options.comment.body, internal: options.comment.internal, solution: false };
      await addComment(db(), access.orgId, id, input, access.actor, sourceForActor(access.actor), tx);
    }
    return changes;
  });
}

/** POST …/transition {status, note}: the team's note is for the team, wherever the issue goes; a customer's is public. */
export function transitionIssue(
  access: OrgAccess,
  id: string,
  to: Status,
  options: { note?: string | undefined } = {},
) {
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

/**
 * The assignee a uid names: an admin or agent of the org, else a 422 at `path`. Shared by
 * …/assign, assignee on create and macros, so each applies one rule.
 */
export async function assigneeFor(
  access: OrgAccess,
  assigneeUid: string | null,
  read: (ref: DocumentReference) => Promise<DocumentSnapshot>,
  path = "assigneeUid",
): Promise<{ uid: string; name: string } | null> {
  if (!assigneeUid) return null;
  const member = await read(membersCol(db(), access.orgId).doc(assigneeUid));
  if (!member.exists || !isAssignableRole(member.get("role"))) {
    throw new ApiError("validation", "The assignee must be an admin or agent of this organisation.", {
      errors: [{ path, code: "invalid_value", message: "not an admin or agent of this organisation" }],
    });
  }
  return { uid: assigneeUid, name: member.get("displayName") as string };
}

/** Visibility (404) and permission (403) come before the assignee is looked at, so a 422 tells only those who may assign who is staff. */
export function assignIssue(access: OrgAccess, id: string, assigneeUid: string | null) {
  return command(access, id, async (issue, tx) => {
    requireEdit(issue, access);
    const assignee = await assigneeFor(access, assigneeUid, (ref) => tx.get(ref));
    if ((issue.get("assignee.uid") ?? null) === (assignee?.uid ?? null)) return null;
    return { assignee };
  });
}

/**
 * Applies a macro in one transaction, so it is one write and one entry in the audit trail:
 * the reply is posted first (it may answer an open issue), then the changes. A move the
 * status machine refuses from there is a 409 and nothing is written, the reply included.
 */
export function applyMacro(access: OrgAccess, id: string, macroId: string) {
  return db()
    .runTransaction(async (tx) => {
      const snapshot = await tx.get(macrosCol(db(), access.orgId).doc(macroId));
      return snapshot.exists ? macroOf(snapshot) : null;
    })
    .then((macro) => {
      if (!macro) throw notFound("The macro");
      const actor: Actor = { ...access.actor, via: { kind: "macro", name: macro.name } };
      return command(
        access,
        id,
        async (issue, tx) => {
          requireEdit(issue, access);
          const { reply, changes } = macro;
          const from = issue.get("status") as Status;
          const afterReply = statusAfterMacroReply(from, reply, issue.get("firstResponseAt") == null);
          const update: Record<string, unknown> = {};
          const to = changes.status ?? afterReply;
          if (to !== from) {
            const notes = to === "resolved" && reply && !reply.internal ? reply.body : undefined;
            if (to !== afterReply) {
              const decision = decideTransition(afterReply, to, notes);
              if (!decision.ok) {
                throw decision.reason === "resolution_notes_required"
                  ? new ApiError("validation", "This macro resolves without public notes.", {
                      errors: [
                        { path: "reply", code: "required", message: "a macro that resolves needs a public reply" },
                      ],
                    })
                  : refusal(
                      afterReply,
                      to,
                      decision.allowed,
                      `The macro "${macro.name}" cannot move an issue from ${afterReply} to ${to}.`,
                    );
              }
            }
            Object.assign(update, statusMoveFields(from, to, notes, access.actor));
          }
          if (changes.priority && changes.priority !== issue.get("priority")) {
            update.priority = changes.priority;
            update.priorityRank = priorityRank(changes.priority);
          }
          if (changes.addTags?.length) {
            const current = (issue.get("tags") as string[] | undefined) ?? [];
            const tags = tagsAfterMacro(current, changes.addTags);
            if (tags.length > 20) {
              throw new ApiError("validation", "An issue carries at most 20 tags.", {
                errors: [{ path: "tags", code: "too_big", message: "at most 20 tags" }],
              });
            }
            if (tags.length !== current.length) update.tags = tags;
          }
          if (changes.assigneeUid !== undefined) {
            const assignee = await assigneeFor(
              access,
              changes.assigneeUid,
              (ref) => tx.get(ref),
              "changes.assigneeUid",
            );
            if ((issue.get("assignee.uid") ?? null) !== (assignee?.uid ?? null)) update.assignee = assignee;
          }
          // Reads are done: the reply is written with the changes, or not at all.
          if (reply) {
            await addComment(
              db(),
              access.orgId,
              id,
              { body: reply.body, internal: reply.internal, solution: false },
              access.actor,
              sourceForActor(access.actor),
              tx,
            );
          }
          // A reply alone still stamps the issue, so the audit trail and the version record the macro.
          return Object.keys(update).length > 0 || reply ? update : null;
        },
        { actor },
      );
    });
}

export function retagIssue(
  access: OrgAccess,
  id: string,
  tags: { add?: string[] | undefined; remove?: string[] | undefined },
) {
  return command(access, id, (issue) => {
    requireEdit(issue, access);
    const current = (issue.get("tags") as string[] | undefined) ?? [];
    const next = [...new Set([...current, ...(tags.add ?? [])])].filter((tag) => !(tags.remove ?? []).includes(tag));
    if (next.length > 20) {
      throw new ApiError("validation", "An issue carries at most 20 tags.", {
        errors: [{ path: "tags", code: "too_big", message: "at most 20 tags" }],
      });
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
