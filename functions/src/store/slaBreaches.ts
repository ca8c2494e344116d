/**
 * Marks an issue's due breaches once. The query that finds candidates reads
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
import { clockStopsAt, deepEqual, dueBreaches, markBreaches, nextSlaState, slaNeedsPolicy, SYSTEM_ACTOR, type SlaClockKind } from "../domain";
import { docIdFor } from "./activities";
import { clockStopsToFirestore, factsOf, slaToFirestore } from "./issueFacts";
import { activitiesCol, commentsCol, issueRef } from "./refs";

export const breachActivityId = (clock: SlaClockKind) => docIdFor("sla", clock);

/** A public reply by a member written by `dueAt`: the first response, even if its trigger has not run yet. */
async function memberRepliedBy(tx: Transaction, db: Firestore, orgId: string, issueId: string, dueAt: number): Promise<boolean> {
  const replies = await tx.get(
    commentsCol(db, orgId, issueId)
      .where("internal", "==", false)
      .where("author.kind", "==", "member")
      .where("createdAt", "<=", Timestamp.fromMillis(dueAt))
      .limit(1),
  );
  return !replies.empty;
}

export async function markDueBreaches(db: Firestore, orgId: string, issueId: string, now: number): Promise<SlaClockKind[]> {
  const ref = issueRef(db, orgId, issueId);
  return db.runTransaction(async (tx) => {
    const issue = factsOf(await tx.get(ref));
    // A priority change not yet derived has no targets to judge by; the next sweep will.
    if (!issue?.sla || issue.deleted !== false || slaNeedsPolicy(issue)) return [];
    const sla = nextSlaState(issue, null, now);
    if (!sla) return [];
    let due = dueBreaches(sla, now);
    if (due.includes("firstResponse") && (await memberRepliedBy(tx, db, orgId, issueId, sla.firstResponseDueAt))) {
      due = due.filter((clock) => clock !== "firstResponse");
    }
    if (due.length === 0) return [];
    const update: Record<string, unknown> = { sla: slaToFirestore(markBreaches(sla, due)), lastActor: SYSTEM_ACTOR };
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
    return due;
  });
}
