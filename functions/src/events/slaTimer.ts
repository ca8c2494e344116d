/**
 * The SLA timer: one Cloud Task per issue, scheduled at the issue's next SLA
 * moment (the at-risk warning or a breach), so both fire within seconds of
 * their time instead of at the next minute's sweep. See docs/sla.md.
 *
 * The task carries the moment it was scheduled for and nothing else it could
 * trust: the handler decides again from the issue as it is (store/slaBreaches.ts),
 * so a task whose moment moved (a pause, a reply, a new priority) marks nothing,
 * and a task delivered twice marks nothing the second time. The trigger queues
 * a new task whenever the moment moves; the task id names the issue and the
 * moment, so a redelivered event queues nothing twice.
 */
import { onTaskDispatched, type Request } from "firebase-functions/v2/tasks";
import { logger } from "firebase-functions/logger";
import type { Firestore } from "firebase-admin/firestore";
import { z } from "zod";
import { docIdSchema, nextSlaEventAt, type IssueFacts } from "../domain";
import { REGION } from "../config";
import { db } from "../store/db";
import { markDueSlaEvents, type MarkedSlaEvents } from "../store/slaBreaches";
import { enqueueTask, taskId } from "../store/taskQueues";

export const SLA_TIMER_QUEUE = "slaTimer";

export const slaTimerTaskSchema = z.strictObject({
  orgId: docIdSchema,
  issueId: docIdSchema,
  at: z.number().int().nonnegative(),
});
export type SlaTimerTask = z.infer<typeof slaTimerTaskSchema>;

/** Clocks of Cloud Tasks and of the function differ by a little; a task this early counts as on time. */
const EARLY_TOLERANCE_MS = 2_000;

export async function handleSlaTimer(
  request: Pick<Request<unknown>, "data">,
  firestore: Firestore = db(),
  now: number = Date.now(),
): Promise<MarkedSlaEvents | null> {
  const parsed = slaTimerTaskSchema.safeParse(request.data);
  if (!parsed.success) {
    logger.warn("sla.timer_unreadable", { issues: parsed.error.issues.length });
    return null;
  }
  const { orgId, issueId, at } = parsed.data;
  // Too early means a queue that ignored the schedule; the sweep or a later task covers it.
  if (now < at - EARLY_TOLERANCE_MS) return { breached: [], warned: null };
  const marked = await markDueSlaEvents(firestore, orgId, issueId, Math.max(now, at));
  if (marked.breached.length > 0 || marked.warned)
    logger.info("sla.timer_fired", {
      orgId,
      issueId,
      breached: marked.breached.length,
      warned: marked.warned !== null,
      lateMs: Math.max(0, now - at),
    });
  return marked;
}

export const slaTimer = onTaskDispatched(
  {
    region: REGION,
    timeoutSeconds: 60,
    retryConfig: { maxAttempts: 5, minBackoffSeconds: 5, maxBackoffSeconds: 300 },
    rateLimits: { maxConcurrentDispatches: 50 },
  },
  async (request) => {
    await handleSlaTimer(request);
  },
);

/** Queues one timer task; false when a task of that id was queued before. */
export type SlaTimerQueue = (task: SlaTimerTask, options: { id: string; scheduleTime: Date }) => Promise<boolean>;

const cloudTasksQueue: SlaTimerQueue = (task, options) =>
  enqueueTask<SlaTimerTask>(SLA_TIMER_QUEUE, task, { ...options, dispatchDeadlineSeconds: 60 });
let timerQueue: SlaTimerQueue = cloudTasksQueue;

/**
 * Replaces the queue (null restores Cloud Tasks). The emulator's queue runs a
 * task at once, whatever its schedule; suites that call the triggers with an
 * injected clock record the tasks instead and deliver them at their moment.
 */
export function useSlaTimerQueue(queue: SlaTimerQueue | null): void {
  timerQueue = queue ?? cloudTasksQueue;
}

/** The task id: one per issue and moment, so the same moment is never queued twice. */
export const slaTimerTaskId = (orgId: string, issueId: string, at: number) =>
  taskId("sla", `${orgId}/${issueId}/${at}`);

/**
 * Step of onIssueWritten: queues the timer when the issue's next SLA moment
 * moved. A queue that cannot be reached does not fail the trigger: the minute
 * sweep marks the event, only later.
 */
export async function queueSlaTimer(
  orgId: string,
  issueId: string,
  before: IssueFacts | null,
  after: IssueFacts | null,
): Promise<boolean> {
  const next = after && after.deleted === false ? nextSlaEventAt(after.sla) : null;
  const previous = before && before.deleted === false ? nextSlaEventAt(before.sla) : null;
  if (next === null || next === previous) return false;
  try {
    return await timerQueue(
      { orgId, issueId, at: next },
      { id: slaTimerTaskId(orgId, issueId, next), scheduleTime: new Date(next) },
    );
  } catch (err) {
    logger.warn("sla.timer_not_queued", { orgId, issueId, code: (err as { code?: string }).code ?? "unknown" });
    return false;
  }
}
