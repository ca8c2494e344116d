/**
 * The task queue `linearSync`: one push per task (outbound.ts), and what a
 * failure leads to (domain classifyLinearFailure):
 * - rate limited: wait `retry-after` here when it is short, else queue the task
 *   again that much later; with no `retry-after`, the queue's backoff;
 * - timeouts, 5xx, Linear's internal errors: throw, and the queue retries with backoff;
 * - authentication, permission and invalid input: `linear.error` on the issue, no retry.
 * Without an API key the sync is off: the task does nothing, and nothing fails.
 */
import { FieldValue } from "firebase-admin/firestore";
import { logger } from "firebase-functions/logger";
import { HttpsError } from "firebase-functions/v2/https";
import { onTaskDispatched } from "firebase-functions/v2/tasks";
import { z } from "zod";
import { isLinearSyncOn } from "../../domain";
import { LINEAR_API_KEY, linearApiKey, linearApiUrl, REGION } from "../../config";
import { db } from "../../store/db";
import { PushLeaseBusyError } from "../../store/linear";
import { getOrgSettings } from "../../store/orgs";
import { issueRef } from "../../store/refs";
import { LinearCallError, linearApi, type LinearApi } from "./client";
import { enqueueLinearSync, type LinearSyncTask } from "./enqueue";
import { pushComment, pushIssue, type SyncContext } from "./outbound";

/** The queue's own retries; `maxAttempts` also decides when a transient failure is recorded as the issue's error. */
export const LINEAR_RETRY = { maxAttempts: 8, minBackoffSeconds: 2, maxBackoffSeconds: 300, maxDoublings: 5 } as const;
/** Linear allows roughly 1 request/s per key on average, in bursts: a push is one call, two on create. */
export const LINEAR_RATE_LIMITS = { maxConcurrentDispatches: 4, maxDispatchesPerSecond: 2 } as const;
/** A `retry-after` up to this long is waited out in the task; a longer one re-queues it. */
export const MAX_INLINE_WAIT_MS = 20_000;

const taskSchema = z.object({
  path: z.string().regex(/^orgs\/[^/]+\/issues\/[^/]+(\/comments\/[^/]+)?$/),
});

export interface SyncRequest {
  data: unknown;
  /** Retries so far (Cloud Tasks' X-CloudTasks-TaskRetryCount). */
  retryCount: number;
  /** The task's name, for the push lease. */
  taskId: string;
}

export interface SyncDeps {
  apiKey: () => string;
  api: (apiKey: string) => LinearApi;
  sleep: (ms: number) => Promise<void>;
  requeue: (task: LinearSyncTask, delaySeconds: number) => Promise<unknown>;
}

const defaultDeps: SyncDeps = {
  apiKey: linearApiKey,
  api: (apiKey) => linearApi(apiKey, linearApiUrl()),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  requeue: (task, delaySeconds) => enqueueLinearSync(task, { delaySeconds }),
};

export async function handleLinearSync(request: SyncRequest, deps: SyncDeps = defaultDeps): Promise<void> {
  const parsed = taskSchema.safeParse(request.data);
  if (!parsed.success) {
    logger.warn("linear.task_unreadable", { taskId: request.taskId });
    return;
  }
  const apiKey = deps.apiKey();
  if (!apiKey) {
    logger.info("linear.sync_off", { reason: "no_api_key" });
    return;
  }
  const [, orgId, , issueId, , commentId] = parsed.data.path.split("/") as [
    string,
    string,
    string,
    string,
    string?,
    string?,
  ];
  const settings = (await getOrgSettings(db(), orgId))?.linear;
  if (!settings || !isLinearSyncOn(settings)) return;
  const ctx: SyncContext = {
    db: db(),
    api: deps.api(apiKey),
    orgId,
    issueId,
    settings: { ...settings, teamId: settings.teamId! },
    holder: request.taskId,
  };
  const attempts = request.retryCount + 1;

  for (let waits = 0; ; waits++) {
    try {
      const outcome = commentId ? await pushComment(ctx, commentId) : await pushIssue(ctx);
      logger.info("linear.pushed", { orgId, issueId, commentId: commentId ?? null, outcome, attempts });
      return;
    } catch (err) {
      if (err instanceof PushLeaseBusyError) throw retryLater("another push of the issue is running");
      if (!(err instanceof LinearCallError)) throw err;
      const { failure } = err;
      logger.warn("linear.push_failed", { orgId, issueId, commentId: commentId ?? null, attempts, failure });
      switch (failure.kind) {
        case "rate_limited": {
          const wait = failure.retryAfterMs;
          if (wait !== null && wait <= MAX_INLINE_WAIT_MS && waits < 2) {
            await deps.sleep(wait);
            continue;
          }
          if (wait !== null) {
            await deps.requeue(parsed.data, Math.ceil(wait / 1000));
            return;
          }
          throw retryLater("rate limited");
        }
        case "transient":
          if (attempts >= LINEAR_RETRY.maxAttempts) {
            await recordError(orgId, issueId, failure.code, err.message, attempts);
            return;
          }
          throw retryLater(failure.code);
        case "permanent":
          await recordError(orgId, issueId, failure.code, err.message, attempts);
          return;
      }
    }
  }
}

/** A 503 to Cloud Tasks, which retries it with the queue's backoff; logged above already, so no stack. */
const retryLater = (why: string) => new HttpsError("unavailable", `Linear push to be retried: ${why}`);

/** What the issue page shows until a push succeeds (a successful push clears it). */
async function recordError(
  orgId: string,
  issueId: string,
  code: string,
  message: string,
  attempts: number,
): Promise<void> {
  const ref = issueRef(db(), orgId, issueId);
  await db().runTransaction(async (tx) => {
    const snapshot = await tx.get(ref);
    if (!snapshot.exists || !snapshot.get("linear.id")) return;
    tx.update(ref, { "linear.error": { code, message, at: FieldValue.serverTimestamp(), attempts } });
  });
}

export const linearSync = onTaskDispatched<LinearSyncTask>(
  {
    region: REGION,
    secrets: [LINEAR_API_KEY],
    retryConfig: { ...LINEAR_RETRY },
    rateLimits: { ...LINEAR_RATE_LIMITS },
    timeoutSeconds: 300,
  },
  (request) =>
    handleLinearSync({
      data: request.data,
      retryCount: request.retryCount ?? 0,
      taskId: request.id || request.queueName || "task",
    }),
);
