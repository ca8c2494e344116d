/** Every Firestore path the server writes, in one place (docs/product.md). */
import type { DocumentReference, Firestore } from "firebase-admin/firestore";
import { portalIssueDocId } from "../domain";

export const orgsCol = (db: Firestore) => db.collection("orgs");
export const orgRef = (db: Firestore, orgId: string) => orgsCol(db).doc(orgId);
/** Which org a slug names: slugs are unique across the deployment (store/slugs.ts). */
export const slugRef = (db: Firestore, slug: string) => db.collection("slugs").doc(slug);
export const apiKeysCol = (db: Firestore, orgId: string) => orgRef(db, orgId).collection("apiKeys");
/** The hash of an API key's secret, server-only and outside the org (store/apiKeys.ts). */
export const apiKeySecretRef = (db: Firestore, keyId: string) => db.collection("apiKeySecrets").doc(keyId);
/** The open issue of a service's fingerprint, by the fingerprint's SHA-256 (store/fingerprints.ts). */
export const fingerprintRefByHash = (db: Firestore, orgId: string, sha256: string) =>
  orgRef(db, orgId).collection("fingerprints").doc(sha256);
export const idempotencyKeyRef = (db: Firestore, recordId: string) => db.collection("idempotencyKeys").doc(recordId);
/** A chunk of a kept Idempotency-Key answer (store/answerChunks.ts). */
export const idempotencyAnswerChunkRef = (record: DocumentReference, index: number) =>
  record.collection("answerChunks").doc(String(index));
/** Collection groups the server queries across orgs or users. */
export const allIssues = (db: Firestore) => db.collectionGroup("issues");
export const allMembers = (db: Firestore) => db.collectionGroup("members");
export const allInvites = (db: Firestore) => db.collectionGroup("invites");
export const allNotifications = (db: Firestore) => db.collectionGroup("notifications");
export const membersCol = (db: Firestore, orgId: string) => orgRef(db, orgId).collection("members");
/** Members' addresses, apart from the member documents every member may read: only admins and agents read these. */
export const memberEmailsCol = (db: Firestore, orgId: string) => orgRef(db, orgId).collection("memberEmails");
/** The org's settings, apart from the org document customers read: admins and the server only. */
export const orgSettingsRef = (db: Firestore, orgId: string) => orgRef(db, orgId).collection("private").doc("settings");
export const invitesCol = (db: Firestore, orgId: string) => orgRef(db, orgId).collection("invites");
/** Texts the team inserts into replies (store/savedReplies.ts); admins and agents read them. */
export const savedRepliesCol = (db: Firestore, orgId: string) => orgRef(db, orgId).collection("savedReplies");
/** One-click answers and changes (store/macros.ts); staff read them, the API writes them. */
export const macrosCol = (db: Firestore, orgId: string) => orgRef(db, orgId).collection("macros");
/** The round-robin turn: the uid picked last (store/numberAllocator.ts). Server only. */
export const assignmentCursorRef = (db: Firestore, orgId: string) =>
  orgRef(db, orgId).collection("counters").doc("assignment");
export const issuesCol = (db: Firestore, orgId: string) => orgRef(db, orgId).collection("issues");
export const counterRef = (db: Firestore, orgId: string, year: number) =>
  orgRef(db, orgId).collection("counters").doc(`issues_${year}`);
/** Who is running the number allocator for the org right now (see numberAllocator.ts). */
export const numberingLeaseRef = (db: Firestore, orgId: string) =>
  orgRef(db, orgId).collection("counters").doc("numbering_lease");
export const userRef = (db: Firestore, uid: string) => db.collection("users").doc(uid);
export const issueRef = (db: Firestore, orgId: string, issueId: string) => issuesCol(db, orgId).doc(issueId);
export const activitiesCol = (db: Firestore, orgId: string, issueId: string) =>
  issueRef(db, orgId, issueId).collection("activities");
/** What went out by mail about an issue, for the team (store/mailDelivery.ts): recipient, kind, delivery state. */
export const issueMailLogRef = (db: Firestore, orgId: string, issueId: string, mailId: string) =>
  issueRef(db, orgId, issueId).collection("mails").doc(mailId);
export const commentsCol = (db: Firestore, orgId: string, issueId: string) =>
  issueRef(db, orgId, issueId).collection("comments");
export const statsCol = (db: Firestore, orgId: string) => orgRef(db, orgId).collection("stats");
/** Markers of the events whose stats deltas were applied (see store/stats.ts). */
export const statsEventsCol = (db: Firestore, orgId: string) =>
  statsCol(db, orgId).doc("_events").collection("applied");
/** The customer's projection of an issue they raised (kept by the event core). */
export const portalIssueRef = (db: Firestore, uid: string, orgId: string, issueId: string) =>
  userRef(db, uid).collection("portalIssues").doc(portalIssueDocId(orgId, issueId));
export const notificationsCol = (db: Firestore, uid: string) => userRef(db, uid).collection("notifications");
export const mailCol = (db: Firestore) => db.collection("mail");
/** One issue's mail conversation with one address (store/issueMail.ts): the Message-IDs sent, for threading and matching replies. */
export const mailThreadRef = (db: Firestore, threadId: string) => db.collection("mailThreads").doc(threadId);
/** One received message, by the SHA-256 of its Message-ID (store/inboundMail.ts); its raw bytes in `raw/{n}` chunks. */
export const inboundMailRef = (db: Firestore, id: string) => db.collection("inboundMail").doc(id);
/** Linear deliveries, by Linear-Delivery (store/linear.ts). */
export const webhookDeliveryRef = (db: Firestore, deliveryId: string) =>
  db.collection("webhookDeliveries").doc(deliveryId);
/** The Linear sync's own records (store/linear.ts): `team_{teamId}`, `viewer_{keyHash}`, `push_{orgId}_{issueId}`. */
export const linearDocRef = (db: Firestore, docId: string) => db.collection("linear").doc(docId);
