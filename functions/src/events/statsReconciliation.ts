/**
 * Every six hours, puts one reconciliation task per org on the queue
 * `statsReconcileOrg` (statsReconcileOrg.ts does the work). The task id names
 * the org and the six-hour slot, so a schedule that fires twice in a slot
 * (Cloud Scheduler retries) enqueues nothing twice.
 */
import { createHash } from "node:crypto";
import type { TaskQueue } from "firebase-admin/functions";
import { FieldPath, type Firestore } from "firebase-admin/firestore";
import { onSchedule } from "firebase-functions/v2/scheduler";
import { logger } from "firebase-functions/logger";
import { REGION } from "../config";
import { db } from "../store/db";
import { orgsCol } from "../store/refs";
import { STATS_RECONCILE_QUEUE, type ReconcileTask } from "./statsReconcileOrg";

export const RECONCILE_EVERY_MS = 6 * 3600 * 1000;
const ORG_PAGE = 500;
const ENQUEUE_CONCURRENCY = 10;

/** The part of a task queue the schedule uses. */
export type ReconcileQueue = Pick<TaskQueue<ReconcileTask>, "enqueue">;

/**
 * The queue, through the Admin SDK's functions module, loaded on first use:
 * every function of the codebase loads this file, and only the schedule enqueues.
 */
export function reconcileQueue(): ReconcileQueue {
  let queue: Promise<ReconcileQueue> | null = null;
  const open = async () => {
    const { getFunctions } = await import("firebase-admin/functions");
    return getFunctions().taskQueue<ReconcileTask>(`locations/${REGION}/functions/${STATS_RECONCILE_QUEUE}`);
  };
  return {
    enqueue: async (data, options) => {
      queue ??= open();
      return (await queue).enqueue(data, options);
    },
  };
}

/** Task ids allow letters, digits, `-` and `_`; a hash also spreads them, which Cloud Tasks prefers to sequential names. */
export const reconcileTaskId = (orgId: string, now: number) =>
  `stats-${Math.floor(now / RECONCILE_EVERY_MS)}-${createHash("sha256").update(orgId).digest("hex").slice(0, 32)}`;

export interface EnqueueResult {
  enqueued: number;
  /** Already on the queue for this slot. */
  duplicates: number;
  failed: string[];
}

/** Enqueues one task per org id given. */
export async function enqueueReconciliations(
  queue: ReconcileQueue,
  orgIds: readonly string[],
  now: number,
): Promise<EnqueueResult> {
  const result: EnqueueResult = { enqueued: 0, duplicates: 0, failed: [] };
  let next = 0;
  const worker = async () => {
    while (next < orgIds.length) {
      const orgId = orgIds[next++]!;
      try {
        await queue.enqueue({ orgId }, { id: reconcileTaskId(orgId, now) });
        result.enqueued++;
      } catch (err) {
        if ((err as { code?: string }).code === "functions/task-already-exists") result.duplicates++;
        else {
          result.failed.push(orgId);
          logger.error("stats.reconcile_enqueue_failed", { orgId, code: (err as { code?: unknown }).code ?? null });
        }
      }
    }
  };
  await Promise.all(Array.from({ length: ENQUEUE_CONCURRENCY }, worker));
  return result;
}

/** Every org, page by page, one task each. Throws at the end if some could not be enqueued, so the schedule retries. */
export async function enqueueStatsReconciliation(
  firestore: Firestore = db(),
  queue: ReconcileQueue = reconcileQueue(),
  now = Date.now(),
) {
  const total: EnqueueResult = { enqueued: 0, duplicates: 0, failed: [] };
  let last: string | null = null;
  for (;;) {
    let query = orgsCol(firestore).orderBy(FieldPath.documentId()).select().limit(ORG_PAGE);
    if (last !== null) query = query.startAfter(last);
    const page = await query.get();
    const ids = page.docs.map((doc) => doc.id);
    const result = await enqueueReconciliations(queue, ids, now);
    total.enqueued += result.enqueued;
    total.duplicates += result.duplicates;
    total.failed.push(...result.failed);
    if (ids.length < ORG_PAGE) break;
    last = ids[ids.length - 1]!;
  }
  logger.info("stats.reconcile_enqueued", {
    enqueued: total.enqueued,
    duplicates: total.duplicates,
    failed: total.failed.length,
  });
  if (total.failed.length > 0) throw new Error(`${total.failed.length} reconciliation tasks could not be enqueued`);
  return total;
}

// Retried when some tasks could not be enqueued; the task ids keep the retry from enqueueing any twice.
export const statsReconciliation = onSchedule(
  { schedule: "every 6 hours", region: REGION, timeoutSeconds: 540, retryCount: 3 },
  async () => {
    await enqueueStatsReconciliation();
  },
);
