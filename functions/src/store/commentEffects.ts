/**
 * What a new comment does to its issue, in one transaction: commentCount and
 * publicCommentCount (what the customer's portal shows), firstResponseAt (the first public comment by a member), the automatic status
 * moves of docs/product.md, the author joining the watchers, and the comment's
 * activity. The activity is named after the comment and created in the same
 * transaction, so a redelivered event finds it and changes nothing.
 */
import { FieldValue, Timestamp, type Firestore } from "firebase-admin/firestore";
import { z } from "zod";
import {
  ACTOR_KINDS,
  isReopen,
  joinsWatchers,
  REOPEN_CLEARS,
  statusAfterComment,
  SYSTEM_ACTOR,
  type IssueFacts,
  type Status,
} from "../domain";
import { docIdFor, firestoreSafe } from "./activities";
import { factsOf } from "./issueFacts";
import { clockStamp } from "./issues";
import { activitiesCol, issueRef } from "./refs";

export const commentSchema = z.object({
  body: z.string().catch(""),
  author: z.object({ uid: z.string().min(1), name: z.string().catch(""), kind: z.enum(ACTOR_KINDS) }),
  internal: z.boolean().catch(false).default(false),
  createdAt: z
    .custom<{ toMillis(): number }>((value) => typeof (value as { toMillis?: unknown } | null)?.toMillis === "function")
    .transform((t) => t.toMillis())
    .nullable()
    .catch(null)
    .default(null),
});
export type CommentFacts = z.infer<typeof commentSchema>;

export const commentActivityId = (commentId: string) => docIdFor("comment", commentId);

export interface CommentEffects {
  /** False when an earlier delivery already applied this comment. */
  applied: boolean;
  issue: IssueFacts;
  statusMove: { from: Status; to: Status } | null;
  /** Watchers after the comment (the author included when they joined). */
  watchers: string[];
}

export async function applyCommentToIssue(
  db: Firestore,
  orgId: string,
  issueId: string,
  commentId: string,
  comment: CommentFacts,
  at: number,
  eventId: string,
): Promise<CommentEffects | null> {
  const ref = issueRef(db, orgId, issueId);
  const activityRef = activitiesCol(db, orgId, issueId).doc(commentActivityId(commentId));
  return db.runTransaction(async (tx) => {
    const [snapshot, activity] = await tx.getAll(ref, activityRef);
    const issue = factsOf(snapshot);
    if (!issue) return null;
    const joins = joinsWatchers(comment.author) && !issue.watchers.includes(comment.author.uid);
    const watchers = joins ? [...issue.watchers, comment.author.uid] : issue.watchers;
    if (activity!.exists) return { applied: false, issue, statusMove: null, watchers };

    const publicMemberReply = comment.author.kind === "member" && !comment.internal;
    const to = issue.status
      ? statusAfterComment({
          status: issue.status,
          authorKind: comment.author.kind,
          internal: comment.internal,
          firstPublicMemberReply: issue.firstResponseAt === null,
        })
      : null;
    const update: Record<string, unknown> = {
      commentCount: FieldValue.increment(1),
      ...(comment.internal ? {} : { publicCommentCount: FieldValue.increment(1) }),
      updatedAt: FieldValue.serverTimestamp(),
      // A status move is the commenter's change: it is their activity, and they are not notified of it.
      lastActor: to ? comment.author : SYSTEM_ACTOR,
    };
    if (publicMemberReply && issue.firstResponseAt === null) update.firstResponseAt = Timestamp.fromMillis(at);
    if (joins) update.watchers = FieldValue.arrayUnion(comment.author.uid);
    if (to) {
      update.status = to;
      update.version = FieldValue.increment(1);
      // The move happened when the comment was written, whenever this trigger runs.
      Object.assign(update, clockStamp(snapshot!, { status: to }, at));
      // A customer's reply reopening a resolved issue is a reopen like the explicit one.
      if (isReopen(issue.status!, to)) Object.assign(update, REOPEN_CLEARS);
    }
    tx.update(ref, update);
    tx.create(
      activityRef,
      firestoreSafe({
        type: "commented",
        actor: comment.author,
        changes: {},
        internal: comment.internal,
        commentId,
        at: Timestamp.fromMillis(at),
        eventId,
      }) as Record<string, unknown>,
    );
    return { applied: true, issue, statusMove: to ? { from: issue.status!, to } : null, watchers };
  });
}
