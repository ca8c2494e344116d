/**
 * The SLA queries. Each needs a composite index (README, "SLA"):
 * - breach candidates, per clock, collection group `issues`:
 *     sla.running ASC, sla.{clock}Pending ASC, sla.{clock}DueAt ASC   (COLLECTION_GROUP)
 * - due soon, per clock, one org: the same fields                     (COLLECTION)
 * - breached issues of one org: deleted ASC, sla.breached ASC, sla.resolutionDueAt ASC (COLLECTION)
 */
import { Timestamp, type Firestore, type QueryDocumentSnapshot } from "firebase-admin/firestore";
import type { SlaClockKind } from "../domain";
import { issuesCol } from "./refs";

const pendingField = (clock: SlaClockKind) => `sla.${clock}Pending`;
const dueField = (clock: SlaClockKind) => `sla.${clock}DueAt`;

/** Issues in every org whose clock ran out and whose breach is not marked yet, earliest first. */
export async function breachCandidates(db: Firestore, clock: SlaClockKind, now: number, limit = 500): Promise<QueryDocumentSnapshot[]> {
  const result = await db
    .collectionGroup("issues")
    .where("sla.running", "==", true)
    .where(pendingField(clock), "==", true)
    .where(dueField(clock), "<=", Timestamp.fromMillis(now))
    .orderBy(dueField(clock))
    .limit(limit)
    .get();
  return result.docs;
}

export interface DueSoonQuery {
  clock: SlaClockKind;
  now: number;
  /** How far ahead counts as "soon". */
  withinMs: number;
  limit?: number;
}

/** Running, unbreached clocks of the org that run out within the window, soonest first. */
export async function issuesDueSoon(db: Firestore, orgId: string, query: DueSoonQuery): Promise<QueryDocumentSnapshot[]> {
  const result = await issuesCol(db, orgId)
    .where("sla.running", "==", true)
    .where(pendingField(query.clock), "==", true)
    .where(dueField(query.clock), ">", Timestamp.fromMillis(query.now))
    .where(dueField(query.clock), "<=", Timestamp.fromMillis(query.now + query.withinMs))
    .orderBy(dueField(query.clock))
    .limit(query.limit ?? 100)
    .get();
  return result.docs;
}

/** Live issues of the org with a marked breach, the most overdue resolution first. */
export async function breachedIssues(db: Firestore, orgId: string, limit = 100): Promise<QueryDocumentSnapshot[]> {
  const result = await issuesCol(db, orgId)
    .where("deleted", "==", false)
    .where("sla.breached", "==", true)
    .orderBy("sla.resolutionDueAt")
    .limit(limit)
    .get();
  return result.docs;
}
