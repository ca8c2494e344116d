/**
 * Erasure (DELETE …/issues/{id}?permanent=true): the issue and everything that repeats
 * its content goes for good. Its number stays used: the counter is not touched, so no
 * later issue gets it. Statistics stay exact because the issue trigger sees the delete
 * and subtracts the issue's contribution (events/onIssueWritten.ts).
 *
 * Order: the copies first, the issue and its thread last. A failure part-way leaves
 * the issue in place, so the admin's retry finds it and finishes the job.
 */
import { FieldValue, type DocumentReference, type DocumentSnapshot, type Firestore } from "firebase-admin/firestore";
import { fingerprintRef } from "./fingerprints";
import { purgeIssueAnswers } from "./idempotency";
import { allNotifications, mailCol, portalIssueRef } from "./refs";

/** What an erased issue's received mail becomes: no sender, no text, no raw bytes; the id still answers "duplicate". */
export const ERASED_INBOUND = { outcome: "erased" } as const;

export async function eraseIssue(db: Firestore, orgId: string, issue: DocumentSnapshot): Promise<void> {
  const issueId = issue.id;
  const fingerprint = issue.get("fingerprint") as unknown;
  if (typeof fingerprint === "string" && fingerprint.length > 0) {
    // The pointer may have moved on to a newer issue with the same fingerprint: leave that one alone.
    const pointer = fingerprintRef(db, orgId, fingerprint);
    await db.runTransaction(async (tx) => {
      if ((await tx.get(pointer)).get("issueId") === issueId) tx.delete(pointer);
    });
  }

  await deleteCopies(db, orgId, issue);
  await deleteCachedTraces(db, orgId, issue);
  // Comments, activities and the issue itself (recursiveDelete removes the document after its subcollections).
  await db.recursiveDelete(issue.ref);
  // An event of an earlier write that ran meanwhile may have added an activity or a notice:
  // once more, now that notify() finds no issue and writes nothing new.
  await deleteCopies(db, orgId, issue);
  await db.recursiveDelete(issue.ref);
}

/** The customer's projection, notifications and mails: everything outside the issue that repeats it. */
async function deleteCopies(db: Firestore, orgId: string, issue: DocumentSnapshot): Promise<void> {
  const issueId = issue.id;
  const copies: DocumentReference[] = [];
  const reporterUid = issue.get("reporter.uid") as unknown;
  if (typeof reporterUid === "string" && reporterUid.length > 0)
    copies.push(portalIssueRef(db, reporterUid, orgId, issueId));
  // Notifications and mails quote its title. They name their issue; the org check keeps another org's namesake.
  const [notifications, mails] = await Promise.all([
    allNotifications(db).where("issueId", "==", issueId).get(),
    mailCol(db).where("issueId", "==", issueId).get(),
  ]);
  for (const doc of [...notifications.docs, ...mails.docs]) if (doc.get("orgId") === orgId) copies.push(doc.ref);
  // The mail conversations hold the addresses the issue's mail went to, and their Message-IDs.
  const threads = await db.collection("mailThreads").where("issueId", "==", issueId).get();
  for (const doc of threads.docs) if (doc.get("orgId") === orgId) copies.push(doc.ref);
  await eraseInboundMail(db, orgId, issueId);
  const writer = db.bulkWriter();
  const deleting = Promise.allSettled(copies.map((ref) => writer.delete(ref)));
  await writer.close();
  const failed = (await deleting).find((result): result is PromiseRejectedResult => result.status === "rejected");
  if (failed) throw failed.reason;
}

/**
 * The mails received about the issue (its opening mail, the replies, a stranger's mail to one
 * of its tokens, a bounce of one of its mails): sender, text and raw bytes go. The record itself stays as a tombstone
 * named by the Message-ID's hash, so a provider that delivers the same mail again finds
 * it and opens nothing (docs/email.md).
 */
async function eraseInboundMail(db: Firestore, orgId: string, issueId: string): Promise<void> {
  const received = await db.collection("inboundMail").where("issueId", "==", issueId).get();
  for (const doc of received.docs) {
    if (doc.get("orgId") !== orgId) continue;
    await db.recursiveDelete(doc.ref.collection("raw"));
    const expireAt = doc.get("expireAt") as unknown;
    await doc.ref.set({ ...ERASED_INBOUND, ...(expireAt ? { expireAt } : {}), erasedAt: FieldValue.serverTimestamp() });
  }
}

/**
 * What kept the issue's content for a while beside it: Idempotency-Key answers (replayed for
 * 24 h) and the Linear deliveries about its Linear twin (kept for dedup with the raw payload).
 */
async function deleteCachedTraces(db: Firestore, orgId: string, issue: DocumentSnapshot): Promise<void> {
  await purgeIssueAnswers(db, orgId, issue.id);
  const linearId = issue.get("linear.id") as unknown;
  if (typeof linearId !== "string" || linearId.length === 0) return;
  const deliveries = await db.collection("webhookDeliveries").where("linearIssueId", "==", linearId).get();
  await Promise.all(deliveries.docs.map((doc) => doc.ref.delete()));
}
