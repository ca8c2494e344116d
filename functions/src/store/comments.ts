import {
  FieldPath,
  FieldValue,
  type DocumentReference,
  type Firestore,
  type Query,
  type Transaction,
} from "firebase-admin/firestore";
import { channelForSource, type Actor, type CommentCreateInput, type Source } from "../domain";
import { cursorQueryKey, decodeCursor, encodeCursor } from "./cursor";
import { activitiesCol, commentsCol } from "./refs";

/**
 * The one way a comment is written: POST …/comments, and the comments commands
 * leave (a transition's note, a reopen's reason) inside their own transaction.
 * The comment trigger then keeps the counts, watchers, first response and the
 * automatic moves.
 */
export async function addComment(
  db: Firestore,
  orgId: string,
  issueId: string,
  input: CommentCreateInput,
  author: Actor,
  source: Source,
  tx?: Transaction,
  /** A mailed comment: its fixed id (one per received message), channel `email` and the mail's record. */
  mail?: { id: string; email: { messageId: string; from: string; original: string } },
): Promise<DocumentReference> {
  const ref = mail ? commentsCol(db, orgId, issueId).doc(mail.id) : commentsCol(db, orgId, issueId).doc();
  const record = {
    body: input.body,
    internal: input.internal,
    solution: input.solution,
    author,
    source,
    channel: mail ? "email" : channelForSource(source),
    email: mail?.email ?? null,
    createdAt: FieldValue.serverTimestamp(),
    editedAt: null,
  };
  if (tx) tx.create(ref, record);
  else await ref.create(record);
  return ref;
}

/** `list` names the thread (which list of which issue): a cursor resumes only the thread it came from. */
async function pageOf(
  query: Query,
  list: Record<string, string>,
  timeField: string,
  limit: number,
  cursor: string | undefined,
) {
  const key = cursorQueryKey(list);
  let q = query.orderBy(timeField, "asc").orderBy(FieldPath.documentId(), "asc");
  if (cursor) {
    const after = decodeCursor(cursor, key, 1);
    q = q.startAfter(...after.values, after.id);
  }
  const result = await q.limit(limit + 1).get();
  const docs = result.docs.slice(0, limit);
  const last = docs[docs.length - 1];
  return {
    docs,
    nextCursor: result.docs.length > limit && last ? encodeCursor(key, [last.get(timeField)], last.id) : null,
  };
}

/** Oldest first, as a thread reads. Customers pass publicOnly. */
export function listComments(
  db: Firestore,
  orgId: string,
  issueId: string,
  publicOnly: boolean,
  limit: number,
  cursor?: string,
) {
  let q: Query = commentsCol(db, orgId, issueId);
  if (publicOnly) q = q.where("internal", "==", false);
  return pageOf(q, { list: "comments", orgId, issueId }, "createdAt", limit, cursor);
}

export function listActivities(
  db: Firestore,
  orgId: string,
  issueId: string,
  publicOnly: boolean,
  limit: number,
  cursor?: string,
) {
  let q: Query = activitiesCol(db, orgId, issueId);
  if (publicOnly) q = q.where("internal", "==", false);
  return pageOf(q, { list: "activities", orgId, issueId }, "at", limit, cursor);
}
