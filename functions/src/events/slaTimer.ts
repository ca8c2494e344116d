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
import { logger } from "firebase-functions";
import type { Firestore } from "firebase-admin/firestore";
import { z } from "zod";
import { docIdSchema, nextSlaEventAt, type IssueFacts } from "../domain";
import { REGION } from "../config";
import { db } from "../store/db";
import { markDueSlaEvents, type MarkedSlaEvents } from "../store/slaBreaches";
import { enqueueTask, taskId } from "../store/taskQueues";

export const SLA_TIMER_QUEUE = "slaTimer";

export const slaTimerTaskSchema = z.strictObject({ orgId: docIdSchema, issueId: docIdSchema, at: z.number().int().nonnegative() });
export type SlaTimerTask = z.infer<typeof slaTimerTaskSchema>;

/** Clocks of Cloud Tasks and of the function differ by a little; a task this early counts as on time. */
const EARLY_TOLERANCE_MS = 2_000;

export async function handleSlaTimer(request: Pick<Request<unknown>, "data">, firestore: Firestore = db(), now: number = Date.now()): Promise<MarkedSlaEvents | null> {
  const parsed = slaTimerTaskSchema.safeParse(request.data);
  if (!parsed.success) {
    logger.warn("sla.timer_unreadable", { issues: parsed.error.issues.length });
    return null;
  }
  const { orgId, issueId, at } = parsed.data;
  // Too early means a queue that ignored the schedule; the sweep or a later task covers it.
  if (now < at - EARLY_TOLERANCE_MS) return { breached: [], warned: null };
  const marked = await markDueSlaEvents(firestore, orgId, issueId, Math.max(now, at));
  if (marked.breached.length > 0 || marked.warned) logger.info("sla.timer_fired", { orgId, issueId, breached: marked.breached.length, warned: marked.warned !== null, lateMs: Math.max(0, now - at) });
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

/**
 * Step of onIssueWritten: queues the timer when the issue's next SLA moment
 * moved. A queue that cannot be reached does not fail the trigger: the minute
 * sweep marks the event, only later.
 */
export async function queueSlaTimer(orgId: string, issueId: string, before: IssueFacts | null, after: IssueFacts | null): Promise<boolean> {
  const next = after && after.deleted === false ? nextSlaEventAt(after.sla) : null;
  const previous = before && before.deleted === false ? nextSlaEventAt(before.sla) : null;
  if (next === null || next === previous) return false;
  try {
    return await enqueueTask<SlaTimerTask>(
      SLA_TIMER_QUEUE,
      { orgId, issueId, at: next },
      { id: taskId("sla", `${orgId}/${issueId}/${next}`), scheduleTime: new Date(next), dispatchDeadlineSeconds: 60 },
    );
  } catch (err) {
    logger.warn("sla.timer_not_queued", { orgId, issueId, code: (err as { code?: string }).code ?? "unknown" });
    return false;
  }
}
