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

/** Returns false when the activity was already written by an earlier delivery. */
export async function writeActivity(
  db: Firestore,
  orgId: string,
  issueId: string,
  activityId: string,
  activity: ActivityDoc,
): Promise<boolean> {
  try {
    await activitiesCol(db, orgId, issueId)
      .doc(activityId)
      .create(firestoreSafe(activity) as Record<string, unknown>);
    return true;
  } catch (err) {
    if (isAlreadyExists(err)) return false;
    throw err;
  }
}
