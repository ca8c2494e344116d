/**
 * Activities are immutable and named after the event that caused them, so a
 * second delivery of the event finds its activity already there: `create()`
 * fails with ALREADY_EXISTS and that counts as done.
 */
import type { Timestamp, Firestore } from "firebase-admin/firestore";
import type { Actor, ActivityType } from "../domain";
import { isAlreadyExists } from "./grpcCodes";
import { activitiesCol } from "./refs";

/** Event ids are opaque strings; keep them usable as document ids. */
export { docIdFor } from "../domain";

export interface ActivityDoc {
  type: ActivityType;
  actor: Actor;
  changes: Record<string, { from: unknown; to: unknown }>;
  internal: boolean;
  at: Timestamp;
  /** For comment activities. */
  commentId?: string;
  /** The event that wrote it (for tracing a redelivery). */
  eventId: string;
}

/** Firestore refuses `undefined`; a change from "absent" is recorded as null. */
export function firestoreSafe(value: unknown): unknown {
  if (value === undefined) return null;
  if (Array.isArray(value)) return value.map(firestoreSafe);
  if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, firestoreSafe(inner)]));
  }
  return value;
}

/**
 * Writes the activities of one event together: a change seen by both audiences is one entry of the
 * audit trail, and no reader finds its public half without its internal half. Returns false when an
 * earlier delivery of the event wrote them already (the batch then writes nothing).
 */
export async function writeActivities(
  db: Firestore,
  orgId: string,
  issueId: string,
  activities: { id: string; activity: ActivityDoc }[],
): Promise<boolean> {
  if (activities.length === 0) return false;
  const batch = db.batch();
  for (const { id, activity } of activities)
    batch.create(activitiesCol(db, orgId, issueId).doc(id), firestoreSafe(activity) as Record<string, unknown>);
  try {
    await batch.commit();
    return true;
  } catch (err) {
    if (isAlreadyExists(err)) return false;
    throw err;
  }
}
