/**
 * Firetrack → Linear. A push reads the issue as it is now and sends what Linear
 * does not hold yet, so tasks need carry nothing but a path and ten quick edits
 * cannot land out of order (one push per issue at a time: store/linear.ts
 * withPushLease).
 *
 * Create is idempotent by our own id: the UUID is stored on the issue before
 * Linear is first asked, and every attempt sends it. A retry after a lost
 * answer meets Linear's "already exists" and adopts the issue that is there.
 */
import { createHash, randomUUID } from "node:crypto";
import { FieldValue, type DocumentReference, type DocumentSnapshot, type Firestore } from "firebase-admin/firestore";
import {
  chooseLinearState,
  fieldsToPush,
  initialLinearState,
  LINEAR_PRIORITY,
  linearCommentBody,
  shouldMirrorComment,
  syncedFieldsOf,
  type LinearSettings,
  type LinearSyncedField,
  type LinearWorkflowState,
  type Priority,
  type Status,
} from "../../domain";
import {
  cachedWorkflowStates,
  linearLinkFrom,
  linearLinkOf,
  pendingLink,
  withPushLease,
  type StoredLinearLink,
} from "../../store/linear";
import { commentsCol, issueRef } from "../../store/refs";
import { LinearCallError, type LinearApi, type LinearIssueInput, type LinearIssueSnapshot } from "./client";

export interface SyncContext {
  db: Firestore;
  api: LinearApi;
  orgId: string;
  issueId: string;
  settings: LinearSettings & { teamId: string };
  /** Names the push lease: the task's own id. */
  holder: string;
}

export type PushOutcome = "pushed" | "created" | "up_to_date" | "skipped";

interface IssueNow {
  title: string;
  description: string;
  status: Status;
  priority: Priority;
  version: number;
}

function issueNow(snapshot: DocumentSnapshot): IssueNow | null {
  if (!snapshot.exists || snapshot.get("deleted") !== false) return null;
  return {
    title: String(snapshot.get("title") ?? ""),
    description: String(snapshot.get("description") ?? ""),
    status: snapshot.get("status") as Status,
    priority: snapshot.get("priority") as Priority,
    version: Number(snapshot.get("version") ?? 0),
  };
}

/** The link, made first if the issue has none; null when the issue should not go to Linear (gone, deleted, removed there). */
async function ensureLink(
  db: Firestore,
  ref: DocumentReference,
): Promise<{ issue: IssueNow; link: StoredLinearLink } | null> {
  return db.runTransaction(async (tx) => {
    const snapshot = await tx.get(ref);
    const issue = issueNow(snapshot);
    if (!issue) return null;
    const link = linearLinkOf(snapshot);
    // Removed in Linear: never created again by itself (an admin can ask for it: linear:sync).
    if (link?.state === "deleted") return null;
    if (link) return { issue, link };
    const created = pendingLink(randomUUID());
    tx.update(ref, { linear: created });
    return { issue, link: linearLinkFrom(created)! };
  });
}

function inputFor(
  issue: IssueNow,
  fields: readonly LinearSyncedField[],
  state: LinearWorkflowState | null,
): Partial<LinearIssueInput> {
  const input: Partial<LinearIssueInput> = {};
  if (fields.includes("title")) input.title = issue.title;
  if (fields.includes("description")) input.description = issue.description;
  if (fields.includes("priority")) input.priority = LINEAR_PRIORITY[issue.priority];
  if (fields.includes("status") && state) input.stateId = state.id;
  return input;
}

const isInvalidInput = (err: unknown) =>
  err instanceof LinearCallError && err.failure.kind === "permanent" && err.failure.code === "invalid_input";

/** Pushes the issue (creating it in Linear the first time). */
export async function pushIssue(ctx: SyncContext): Promise<PushOutcome> {
  return withPushLease(ctx.db, ctx.orgId, ctx.issueId, ctx.holder, () => pushIssueHoldingLease(ctx));
}

async function pushIssueHoldingLease(ctx: SyncContext): Promise<PushOutcome> {
  const { db, api, settings } = ctx;
  const ref = issueRef(db, ctx.orgId, ctx.issueId);
  const linked = await ensureLink(db, ref);
  if (!linked) return "skipped";
  const { issue, link } = linked;
  const creating = link.identifier === null;
  const fields = creating ? [...fieldsToPush(issue, null)] : fieldsToPush(issue, link.syncedFields);
  if (fields.length === 0) {
    if (link.syncedVersion < issue.version) await recordPush(ref, link, issue, [], null, null);
    return "up_to_date";
  }
  const states = await cachedWorkflowStates(db, settings.teamId, () => api.workflowStates(settings.teamId));
  const state = creating
    ? initialLinearState(issue.status, states, settings.stateMap)
    : chooseLinearState(issue.status, states, settings.stateMap);
  const input = inputFor(issue, fields, state);

  let fetched: LinearIssueSnapshot | null = null;
  if (creating) {
    const full = input as LinearIssueInput;
    try {
      await api.createIssue({ ...full, id: link.id, teamId: settings.teamId });
    } catch (err) {
      // "Already exists": an earlier attempt got through and its answer was lost. Adopt it, with today's values.
      if (!isInvalidInput(err) || !(await api.issue(link.id))) throw err;
      await api.updateIssue(link.id, full);
    }
    fetched = await api.issue(link.id);
    if (!fetched)
      throw new LinearCallError(
        { kind: "transient", code: "not_visible_yet" },
        "The new Linear issue could not be read back yet.",
      );
  } else {
    await api.updateIssue(link.id, input as LinearIssueInput);
  }
  await recordPush(ref, link, issue, fields, fetched, state);
  return creating ? "created" : "pushed";
}

/**
 * Records what Linear now holds. Never bumps `version` or `lastActor`: the
 * link is bookkeeping, not an edit, and the trigger it fires finds no synced
 * field changed, so it queues nothing. A field that a Linear change applied
 * while we pushed (the webhook can beat our answer) keeps what that change
 * recorded; numbers only move forward.
 */
async function recordPush(
  ref: DocumentReference,
  start: StoredLinearLink,
  pushed: IssueNow,
  fields: readonly LinearSyncedField[],
  fetched: LinearIssueSnapshot | null,
  state: LinearWorkflowState | null,
): Promise<void> {
  const db = ref.firestore;
  await db.runTransaction(async (tx) => {
    const snapshot = await tx.get(ref);
    const link = snapshot.exists ? linearLinkOf(snapshot) : null;
    if (!link || link.id !== start.id) return;
    const update: Record<string, unknown> = {
      "linear.syncedAt": FieldValue.serverTimestamp(),
      "linear.syncedVersion": Math.max(link.syncedVersion, pushed.version),
      "linear.error": null,
    };
    const untouched = (field: LinearSyncedField) =>
      (link.syncedFields?.[field] ?? null) === (start.syncedFields?.[field] ?? null);
    for (const [field, print] of Object.entries(syncedFieldsOf(pushed, fields.filter(untouched))))
      update[`linear.syncedFields.${field}`] = print;
    // Not Linear's updatedAt, nor its state, from the read-back: a change someone made there meanwhile
    // may already show in it, and must still apply here when its webhook comes (our echo records the clock).
    if (fetched) {
      update["linear.identifier"] = fetched.identifier;
      update["linear.url"] = fetched.url;
    }
    if (state && fields.includes("status") && link.stateId === start.stateId) {
      update["linear.state"] = state.type;
      update["linear.stateId"] = state.id;
      update["linear.stateName"] = state.name;
    } else if (link.state === "pending") {
      update["linear.state"] = "unknown";
    }
    tx.update(ref, update);
  });
}

/** Linear's id for a comment of ours: derived from our ids, so every attempt and every duplicate task sends the same one. */
export function linearCommentId(orgId: string, issueId: string, commentId: string): string {
  const bytes = createHash("sha256").update(`firetrack/${orgId}/${issueId}/${commentId}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Mirrors one comment, once. The issue goes first if Linear does not have it yet. */
export async function pushComment(ctx: SyncContext, commentId: string): Promise<"mirrored" | "skipped"> {
  const { db, api } = ctx;
  const comment = await commentsCol(db, ctx.orgId, ctx.issueId).doc(commentId).get();
  if (!comment.exists) return "skipped";
  const mirror = shouldMirrorComment(ctx.settings.mirrorComments, {
    internal: comment.get("internal") === true,
    source: (comment.get("source") as string | undefined) ?? null,
    authorKind: String(comment.get("author.kind") ?? ""),
  });
  if (!mirror) return "skipped";
  let link = linearLinkOf(await issueRef(db, ctx.orgId, ctx.issueId).get());
  if (!link?.identifier) {
    if ((await pushIssue(ctx)) === "skipped") return "skipped";
    link = linearLinkOf(await issueRef(db, ctx.orgId, ctx.issueId).get());
  }
  if (!link?.identifier || link.state === "deleted") return "skipped";
  const id = linearCommentId(ctx.orgId, ctx.issueId, commentId);
  const body = linearCommentBody(
    String(comment.get("body") ?? ""),
    String(comment.get("author.name") ?? ""),
    commentId,
  );
  try {
    await api.createComment({ id, issueId: link.id, body });
  } catch (err) {
    // With our own id, "invalid input" while the issue is there means this comment is there already.
    if (!isInvalidInput(err) || !(await api.issue(link.id))) throw err;
  }
  return "mirrored";
}
