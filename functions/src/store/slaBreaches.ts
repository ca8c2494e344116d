/**
 * Marks an issue's due SLA events once: the at-risk warning of the clock that
 * runs out next, and the breaches. Both the SLA task (events/slaTimer.ts) and
 * the minute sweep come here, so a task delivered twice, or a task and the
 * sweep at the same moment, mark each event once.
 *
 * Breaches: The query that finds candidates reads
 * the trigger-derived flags, which lag the writes by seconds; so the
 * transaction decides again from the facts on the document: the status, the
 * recorded clock stops, `firstResponseAt` (and a public member reply that its
 * trigger has not recorded yet). A reply or a resolution made before the due
 * time is never a breach, however late its trigger runs. A breach already
 * marked, a clock that stopped, or a due date that moved is left alone. The
 * breach activity is named after the clock and created in the same
 * transaction; the issue trigger sees the flag flip and sends the notifications.
 */
import { Timestamp, type Firestore, type Transaction } from "firebase-admin/firestore";
import {
  atRiskDue,
  clockStopsAt,
  deepEqual,
  dueBreaches,
  markAtRisk,
  markBreaches,
  nextSlaState,
  slaNeedsPolicy,
  SYSTEM_ACTOR,
  type SlaClockKind,
  type SlaState,
} from "../domain";
import { docIdFor } from "./activities";
import { clockStopsToFirestore, factsOf, slaToFirestore } from "./issueFacts";
import { activitiesCol, commentsCol, issueRef } from "./refs";

export const breachActivityId = (clock: SlaClockKind) => docIdFor("sla", clock);
export const atRiskActivityId = (clock: SlaClockKind) => docIdFor("sla", clock, "at-risk");

export interface MarkedSlaEvents {
  breached: SlaClockKind[];
  warned: SlaClockKind | null;
}

/** A public reply by a member written by `dueAt`: the first response, even if its trigger has not run yet. */
async function memberRepliedBy(
  tx: Transaction,
  db: Firestore,
  orgId: string,
  issueId: string,
  dueAt: number,
): Promise<boolean> {
  const replies = await tx.get(
    commentsCol(db, orgId, issueId)
      .where("internal", "==", false)
      .where("author.kind", "==", "member")
      .where("createdAt", "<=", Timestamp.fromMillis(dueAt))
      .limit(1),
  );
  return !replies.empty;
}

export async function markDueBreaches(
  db: Firestore,
  orgId: string,
  issueId: string,
  now: number,
): Promise<SlaClockKind[]> {
  return (await markDueSlaEvents(db, orgId, issueId, now)).breached;
}

export async function markDueSlaEvents(
  db: Firestore,
  orgId: string,
  issueId: string,
  now: number,
): Promise<MarkedSlaEvents> {
  const ref = issueRef(db, orgId, issueId);
  const none: MarkedSlaEvents = { breached: [], warned: null };
  return db.runTransaction(async (tx) => {
    const issue = factsOf(await tx.get(ref));
    // A priority change not yet derived has no targets to judge by; the next sweep will.
    if (!issue?.sla || issue.deleted !== false || slaNeedsPolicy(issue)) return none;
    const sla = nextSlaState(issue, null, now);
    if (!sla) return none;
    let due = dueBreaches(sla, now);
    if (due.includes("firstResponse") && (await memberRepliedBy(tx, db, orgId, issueId, sla.firstResponseDueAt))) {
      due = due.filter((clock) => clock !== "firstResponse");
    }
    // A warning whose clock breaches at the same time is folded into the breach: marked, not sent.
    const warning = atRiskDue(sla, now);
    const warned = warning && !due.includes(warning) ? warning : null;
    if (due.length === 0 && !warning) return none;
    let marked: SlaState = markBreaches(sla, due);
    if (warning) marked = markAtRisk(marked, warning);
    for (const clock of due) marked = markAtRisk(marked, clock);
    // Derived again from the marks, so the next clock's due and at-risk times are current in this same write.
    marked = nextSlaState({ ...issue, sla: marked }, null, now)!;
    const update: Record<string, unknown> = { sla: slaToFirestore(marked), lastActor: SYSTEM_ACTOR };
    const stops = clockStopsAt(issue, now);
    if (stops && !deepEqual(stops, issue.clockStops)) update.clockStops = clockStopsToFirestore(stops);
    tx.update(ref, update);
    for (const clock of due) {
      const field = clock === "firstResponse" ? "sla.firstResponseBreached" : "sla.resolutionBreached";
      tx.create(activitiesCol(db, orgId, issueId).doc(breachActivityId(clock)), {
        type: "sla_breached",
        actor: SYSTEM_ACTOR,
        changes: { [field]: { from: false, to: true } },
        internal: true,
        at: Timestamp.fromMillis(now),
        eventId: `sla-sweep-${now}`,
      });
    }
    if (warned) {
      const field = warned === "firstResponse" ? "sla.firstResponseAtRisk" : "sla.resolutionAtRisk";
      tx.create(activitiesCol(db, orgId, issueId).doc(atRiskActivityId(warned)), {
        type: "sla_at_risk",
        actor: SYSTEM_ACTOR,
        changes: { [field]: { from: false, to: true } },
        internal: true,
        at: Timestamp.fromMillis(now),
        eventId: `sla-at-risk-${now}`,
      });
    }
    return { breached: due, warned };
  });
}
