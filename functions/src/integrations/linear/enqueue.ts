/**
 * Queueing pushes on the task queue `linearSync`. A task carries only a path:
 * the push reads the issue (or comment) as it is when the task runs. Tasks
 * queued by a trigger are named after the event, so a redelivered event queues
 * nothing twice.
 */
import type { Firestore } from "firebase-admin/firestore";
import { logger } from "firebase-functions/logger";
import { isLinearSyncOn, needsLinearPush, shouldMirrorComment, type IssueFacts } from "../../domain";
import { getOrgSettings } from "../../store/orgs";
import { enqueueTask, taskId } from "../../store/taskQueues";

export const LINEAR_SYNC_QUEUE = "linearSync";

export interface LinearSyncTask {
  /** `orgs/{orgId}/issues/{issueId}` or `orgs/{orgId}/issues/{issueId}/comments/{commentId}`. */
  path: string;
}

export const issuePath = (orgId: string, issueId: string) => `orgs/${orgId}/issues/${issueId}`;
export const commentPath = (orgId: string, issueId: string, commentId: string) =>
  `${issuePath(orgId, issueId)}/comments/${commentId}`;

/** Returns false when a task of that id was queued before. */
export async function enqueueLinearSync(
  task: LinearSyncTask,
  options: { id?: string; delaySeconds?: number } = {},
): Promise<boolean> {
  return enqueueTask(
    LINEAR_SYNC_QUEUE,
    { ...task },
    {
      ...(options.id ? { id: options.id } : {}),
      ...(options.delaySeconds ? { scheduleDelaySeconds: options.delaySeconds } : {}),
      dispatchDeadlineSeconds: 300,
    },
  );
}

/** Step of onIssueWritten: a create or a change of a synced field, not made by Linear, in an org that syncs. */
export async function queueIssuePush(
  db: Firestore,
  orgId: string,
  issueId: string,
  before: IssueFacts | null,
  after: IssueFacts | null,
  eventId: string,
): Promise<void> {
  if (!needsLinearPush(before, after)) return;
  const settings = await getOrgSettings(db, orgId);
  if (!settings || !isLinearSyncOn(settings.linear)) return;
  const queued = await enqueueLinearSync(
    { path: issuePath(orgId, issueId) },
    { id: taskId("issue", `${orgId}/${issueId}/${eventId}`) },
  );
  logger.info("linear.push_queued", { orgId, issueId, duplicate: !queued });
}

/** Step of onCommentCreated: a comment the org mirrors, that did not come from Linear. */
export async function queueCommentPush(
  db: Firestore,
  orgId: string,
  issueId: string,
  commentId: string,
  comment: { internal: boolean; source: string | null; authorKind: string },
): Promise<void> {
  if (comment.source === "linear" || comment.authorKind === "linear") return;
  const settings = await getOrgSettings(db, orgId);
  if (!settings || !isLinearSyncOn(settings.linear) || !shouldMirrorComment(settings.linear.mirrorComments, comment))
    return;
  await enqueueLinearSync(
    { path: commentPath(orgId, issueId, commentId) },
    { id: taskId("comment", `${orgId}/${issueId}/${commentId}`) },
  );
}
