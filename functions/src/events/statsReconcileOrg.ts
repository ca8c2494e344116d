/**
 * One org's statistics reconciliation, as a task on the queue
 * `statsReconcileOrg` (the schedule in statsReconciliation.ts puts one task per
 * org on it). Each task checks the org's counters against count()/sum() and
 * repairs drift that holds still (store/statsReconcile.ts), so the work grows
 * with the number of orgs without any one job running into its timeout.
 *
 * Throw to retry, return to drop: a payload that names no org, or an org that
 * is gone, is dropped (a retry would not change it); a failed reconciliation
 * throws and Cloud Tasks tries again later.
 */
import { onTaskDispatched, type Request } from "firebase-functions/v2/tasks";
import { logger } from "firebase-functions/logger";
import { z } from "zod";
import { docIdSchema } from "../domain";
import { REGION } from "../config";
import { db } from "../store/db";
import { orgRef } from "../store/refs";
import { reconcileOrgStats, type ReconcileOptions } from "../store/statsReconcile";

export const STATS_RECONCILE_QUEUE = "statsReconcileOrg";

export const reconcileTaskSchema = z.strictObject({ orgId: docIdSchema });
export type ReconcileTask = z.infer<typeof reconcileTaskSchema>;

export async function handleReconcileOrgTask(
  request: Pick<Request<unknown>, "data">,
  options: ReconcileOptions = {},
): Promise<void> {
  const parsed = reconcileTaskSchema.safeParse(request.data);
  if (!parsed.success) {
    logger.warn("stats.reconcile_task_unreadable", { issues: parsed.error.issues.length });
    return;
  }
  const { orgId } = parsed.data;
  const firestore = db();
  if (!(await orgRef(firestore, orgId).get()).exists) {
    logger.info("stats.reconcile_org_gone", { orgId });
    return;
  }
  const result = await reconcileOrgStats(firestore, orgId, options);
  const drifted = Object.keys(result.drift).length;
  if (drifted > 0) logger.warn("stats.drift", { orgId, keys: drifted, repaired: result.repaired });
}

export const statsReconcileOrg = onTaskDispatched(
  {
    region: REGION,
    // Two measurements a minute apart and about 260 small aggregation queries each: well inside 5 minutes.
    timeoutSeconds: 300,
    // A failure is contention or a quota; back off from a minute, and give up after five tries (the next run comes in 6 h).
    retryConfig: { maxAttempts: 5, minBackoffSeconds: 60, maxBackoffSeconds: 1800, maxDoublings: 4 },
    // Ten orgs at a time keeps the aggregation load on Firestore level however many orgs there are.
    rateLimits: { maxConcurrentDispatches: 10, maxDispatchesPerSecond: 5 },
  },
  (request) => handleReconcileOrgTask(request),
);
