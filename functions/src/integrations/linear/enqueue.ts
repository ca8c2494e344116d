/**
 * Queueing pushes on the task queue `linearSync`. A task carries only a path:
 * the push reads the issue (or comment) as it is when the task runs. Tasks
 * queued by a trigger are named after the event, so a redelivered event queues
 * nothing twice.
 */
import { createHash } from "node:crypto";
import type { Firestore } from "firebase-admin/firestore";
import { getApp, getApps, initializeApp, type App } from "firebase-admin/app";
import { getFunctions } from "firebase-admin/functions";
import { logger } from "firebase-functions/logger";
import { isLinearSyncOn, needsLinearPush, shouldMirrorComment, type IssueFacts } from "../../domain";
import { REGION } from "../../config";
import { getOrgSettings } from "../../store/orgs";

export const LINEAR_SYNC_QUEUE = "linearSync";

export interface LinearSyncTask {
  /** `orgs/{orgId}/issues/{issueId}` or `orgs/{orgId}/issues/{issueId}/comments/{commentId}`. */
  path: string;
}

export const issuePath = (orgId: string, issueId: string) => `orgs/${orgId}/issues/${issueId}`;
export const commentPath = (orgId: string, issueId: string, commentId: string) => `${issuePath(orgId, issueId)}/comments/${commentId}`;

/** Task ids must be letters, digits, `-` and `_`; a hash also spreads them, as Cloud Tasks prefers. */
const taskId = (kind: string, key: string) => `${kind}-${createHash("sha256").update(key).digest("hex").slice(0, 40)}`;

/**
 * The app that queues tasks. Deployed, the default app: Cloud Tasks signs each
 * task as the runtime's service account. In the emulator, firebase-admin would
 * ask a GCE metadata server (169.254.169.254) for that account before falling
 * back; naming one stops the request from going out (the Tasks emulator checks none).
 */
function taskApp(): App {
  if (!process.env.CLOUD_TASKS_EMULATOR_HOST) return getApp();
  const name = "linear-tasks-emulator";
  return getApps().find((app) => app.name === name) ?? initializeApp({ projectId: getApp().options.projectId ?? process.env.GCLOUD_PROJECT, serviceAccountId: "emulated-service-acct@email.com" }, name);
}

/** Returns false when a task of that id was queued before. */
export async function enqueueLinearSync(task: LinearSyncTask, options: { id?: string; delaySeconds?: number } = {}): Promise<boolean> {
  try {
    await getFunctions(taskApp())
      .taskQueue<LinearSyncTask>(`locations/${REGION}/functions/${LINEAR_SYNC_QUEUE}`)
      .enqueue(task, {
        ...(options.id ? { id: options.id } : {}),
        ...(options.delaySeconds ? { scheduleDelaySeconds: options.delaySeconds } : {}),
        dispatchDeadlineSeconds: 300,
      });
    return true;
  } catch (err) {
    if ((err as { code?: string }).code === "functions/task-already-exists") return false;
    throw err;
  }
}

/** Step of onIssueWritten: a create or a change of a synced field, not made by Linear, in an org that syncs. */
export async function queueIssuePush(db: Firestore, orgId: string, issueId: string, before: IssueFacts | null, after: IssueFacts | null, eventId: string): Promise<void> {
  if (!needsLinearPush(before, after)) return;
  const settings = await getOrgSettings(db, orgId);
  if (!settings || !isLinearSyncOn(settings.linear)) return;
  const queued = await enqueueLinearSync({ path: issuePath(orgId, issueId) }, { id: taskId("issue", `${orgId}/${issueId}/${eventId}`) });
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
  if (!settings || !isLinearSyncOn(settings.linear) || !shouldMirrorComment(settings.linear.mirrorComments, comment)) return;
  await enqueueLinearSync({ path: commentPath(orgId, issueId, commentId) }, { id: taskId("comment", `${orgId}/${issueId}/${commentId}`) });
}
