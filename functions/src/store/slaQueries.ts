/**
 * The SLA sweep's query: per clock, in collection group `issues`, with the
 * composite index sla.running ASC, sla.{clock}Pending ASC, sla.{clock}DueAt ASC
 * (COLLECTION_GROUP; store/queryShapes.ts).
 */
import { Timestamp, type Firestore, type QueryDocumentSnapshot } from "firebase-admin/firestore";
import type { SlaClockKind } from "../domain";
import { allIssues } from "./refs";

const pendingField = (clock: SlaClockKind) => `sla.${clock}Pending`;
const dueField = (clock: SlaClockKind) => `sla.${clock}DueAt`;

/** Issues in every org whose at-risk moment passed and whose warning is not sent yet, earliest first. */
export async function atRiskCandidates(db: Firestore, now: number, limit = 500): Promise<QueryDocumentSnapshot[]> {
  const result = await allIssues(db)
    .where("sla.running", "==", true)
    .where("sla.atRiskPending", "==", true)
    .where("sla.atRiskAt", "<=", Timestamp.fromMillis(now))
    .orderBy("sla.atRiskAt")
    .limit(limit)
    .get();
  return result.docs;
}

/** Issues in every org whose clock ran out and whose breach is not marked yet, earliest first. */
export async function breachCandidates(
  db: Firestore,
  clock: SlaClockKind,
  now: number,
  limit = 500,
): Promise<QueryDocumentSnapshot[]> {
  const result = await allIssues(db)
    .where("sla.running", "==", true)
    .where(pendingField(clock), "==", true)
    .where(dueField(clock), "<=", Timestamp.fromMillis(now))
    .orderBy(dueField(clock))
    .limit(limit)
    .get();
  return result.docs;
}
