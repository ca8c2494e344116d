/**
 * Marks an issue's due breaches once. The transaction re-reads the issue and
 * decides from its current SLA state (domain/slaClock.ts), so a breach that is
 * already marked, a clock that stopped, or a due date that moved is left
 * alone; the breach activity is named after the clock and created in the same
 * transaction. The issue trigger sees the flag flip and sends the notifications.
 */
import { Timestamp, type Firestore } from "firebase-admin/firestore";
import { dueBreaches, markBreaches, SYSTEM_ACTOR, type SlaClockKind } from "../domain";
import { docIdFor } from "./activities";
import { factsOf, slaToFirestore } from "./issueFacts";
import { activitiesCol, issueRef } from "./refs";

export const breachActivityId = (clock: SlaClockKind) => docIdFor("sla", clock);

export async function markDueBreaches(db: Firestore, orgId: string, issueId: string, now: number): Promise<SlaClockKind[]> {
  const ref = issueRef(db, orgId, issueId);
  return db.runTransaction(async (tx) => {
    const issue = factsOf(await tx.get(ref));
    if (!issue?.sla || issue.deleted !== false) return [];
    const due = dueBreaches(issue.sla, now);
    if (due.length === 0) return [];
    const marked = markBreaches(issue.sla, due);
    tx.update(ref, { sla: slaToFirestore(marked), lastActor: SYSTEM_ACTOR });
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
