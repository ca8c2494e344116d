/**
 * A new comment: commentCount, firstResponseAt, the automatic status moves,
 * the author joining the watchers and the comment's activity, all in one
 * transaction guarded by the activity (store/commentEffects.ts); then the
 * notifications, named after the comment and the recipient. A redelivery finds
 * the activity, changes nothing, and re-runs a fan-out whose writes all exist.
 * The status move, if any, is an issue write like any other: onIssueWritten
 * records it and notifies about it. Last, a comment the org mirrors to Linear
 * queues its push (named after the comment, so once).
 */
import type { FirestoreEvent, QueryDocumentSnapshot } from "firebase-functions/v2/firestore";
import { onDocumentCreated } from "firebase-functions/v2/firestore";
import { logger } from "firebase-functions/logger";
import { excerpt } from "../domain";
import { REGION, REPLY_TOKEN_KEYS } from "../config";
import { docIdFor } from "../store/activities";
import { applyCommentToIssue, commentSchema } from "../store/commentEffects";
import { db } from "../store/db";
import { notify } from "../store/notifications";
import { queueCommentPush } from "../integrations/linear/enqueue";

export type CommentCreatedEvent = FirestoreEvent<
  QueryDocumentSnapshot | undefined,
  { orgId: string; issueId: string; commentId: string }
>;

export async function handleCommentCreated(event: CommentCreatedEvent): Promise<void> {
  const { orgId, issueId, commentId } = event.params;
  const parsed = commentSchema.safeParse(event.data?.data());
  if (!parsed.success) {
    // A retry would not make it readable; drop it, with ids only.
    logger.warn("comment.unreadable", { orgId, issueId, commentId });
    return;
  }
  const comment = parsed.data;
  const at = comment.createdAt ?? (Date.parse(event.time) || Date.now());
  const firestore = db();
  const effects = await applyCommentToIssue(firestore, orgId, issueId, commentId, comment, at, docIdFor(event.id));
  if (effects?.issue.deleted !== false) return;
  await notify(firestore, {
    orgId,
    issueId,
    issueNumber: effects.issue.number,
    title: effects.issue.title,
    event: { type: "comment", internal: comment.internal, excerpt: excerpt(comment.body) },
    actor: comment.author,
    audience: {
      reporterUid: effects.issue.reporter?.uid ?? null,
      assigneeUid: effects.issue.assignee?.uid ?? null,
      watchers: effects.watchers,
    },
    eventKey: docIdFor("comment", commentId),
  });
  await queueCommentPush(firestore, orgId, issueId, commentId, {
    internal: comment.internal,
    source: (event.data?.get("source") as string | undefined) ?? null,
    authorKind: comment.author.kind,
  });
}

export const onCommentCreated = onDocumentCreated(
  // The reply-token keys sign the Message-IDs and Reply-To of the mails the fan-out writes.
  {
    document: "orgs/{orgId}/issues/{issueId}/comments/{commentId}",
    region: REGION,
    retry: true,
    secrets: [REPLY_TOKEN_KEYS],
  },
  handleCommentCreated,
);
