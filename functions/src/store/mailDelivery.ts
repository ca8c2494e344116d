/**
 * A mail document's delivery record, kept on the document as the Trigger Email extension
 * keeps it (`delivery{state, attempts, startTime, endTime, leaseExpireTime, error, info}`).
 * A sender claims the document in a transaction before it sends, so a second event for the
 * same document finds it leased or done and sends nothing (docs/email.md).
 */
import { Timestamp, type DocumentReference, type Firestore } from "firebase-admin/firestore";
import { afterFailure, awaitsDelivery, DELIVERY_LEASE_MS, type SmtpFailure } from "../domain";
import { issueMailLogRef, mailCol } from "./refs";

/** Claims the document for one attempt; null when it is not waiting (done, leased, or gone). */
export async function claimDelivery(
  db: Firestore,
  ref: DocumentReference,
  nowMs: number,
): Promise<{ attempts: number; data: FirebaseFirestore.DocumentData } | null> {
  return db.runTransaction(async (tx) => {
    const snapshot = await tx.get(ref);
    if (!snapshot.exists || !awaitsDelivery(snapshot.get("delivery.state"))) return null;
    const attempts = ((snapshot.get("delivery.attempts") as number | undefined) ?? 0) + 1;
    tx.update(ref, {
      "delivery.state": "PROCESSING",
      "delivery.attempts": attempts,
      "delivery.startTime": Timestamp.fromMillis(nowMs),
      "delivery.leaseExpireTime": Timestamp.fromMillis(nowMs + DELIVERY_LEASE_MS),
      "delivery.error": null,
    });
    return { attempts, data: snapshot.data()! };
  });
}

export interface SentInfo {
  messageId: string;
  accepted: string[];
  rejected: string[];
  response: string;
}

export async function recordSuccess(
  db: Firestore,
  ref: DocumentReference,
  info: SentInfo,
  nowMs: number,
): Promise<void> {
  const state = info.accepted.length === 0 && info.rejected.length > 0 ? "ERROR" : "SUCCESS";
  await ref.update({
    "delivery.state": state,
    "delivery.endTime": Timestamp.fromMillis(nowMs),
    "delivery.leaseExpireTime": null,
    "delivery.error": state === "ERROR" ? "every recipient was rejected" : null,
    "delivery.info": info,
  });
  await logMail(db, ref, state, state === "ERROR" ? "every recipient was rejected" : null);
}

/** A failed attempt: RETRY after a while (the sweep sends it back to PENDING), or a final ERROR. */
export async function recordFailure(
  db: Firestore,
  ref: DocumentReference,
  err: SmtpFailure & { message?: string },
  attempts: number,
  nowMs: number,
): Promise<"RETRY" | "ERROR"> {
  const next = afterFailure(err, attempts, nowMs);
  const error = safeError(err);
  await ref.update({
    "delivery.state": next.state,
    "delivery.endTime": Timestamp.fromMillis(nowMs),
    "delivery.leaseExpireTime": next.retryAtMs === null ? null : Timestamp.fromMillis(next.retryAtMs),
    "delivery.error": error,
  });
  await logMail(db, ref, next.state, error);
  return next.state;
}

/** Written when there is nowhere to send: the document says so, and it is not retried. */
export async function recordNotConfigured(db: Firestore, ref: DocumentReference, nowMs: number): Promise<void> {
  const error = "Not sent: no SMTP server is configured (secret SMTP_URI).";
  await ref.update({
    "delivery.state": "ERROR",
    "delivery.endTime": Timestamp.fromMillis(nowMs),
    "delivery.leaseExpireTime": null,
    "delivery.error": error,
  });
  await logMail(db, ref, "ERROR", error);
}

/** The SMTP code and the server's words, never the message or an address. */
function safeError(err: SmtpFailure & { message?: string }): string {
  const parts = [
    typeof err.code === "string" ? err.code : null,
    typeof err.responseCode === "number" ? String(err.responseCode) : null,
  ].filter(Boolean);
  const text = (err.message ?? "").replace(/[^\s<>@]+@[^\s<>@]+/g, "<address>").slice(0, 300);
  return [parts.join(" "), text].filter(Boolean).join(": ") || "delivery failed";
}

/**
 * Mails that should be retried now: RETRY whose wait is over, and PROCESSING whose sender
 * died (lease expired). Each goes back to PENDING, which wakes `sendMail` again.
 */
export async function releaseDueMail(db: Firestore, nowMs: number, limit = 100): Promise<number> {
  // Oldest wait first, so a backlog drains in the order it built up.
  const due = await mailCol(db)
    .where("delivery.state", "in", ["RETRY", "PROCESSING"])
    .where("delivery.leaseExpireTime", "<=", Timestamp.fromMillis(nowMs))
    .orderBy("delivery.leaseExpireTime", "asc")
    .limit(limit)
    .get();
  let released = 0;
  for (const doc of due.docs) if (await releaseIfDue(db, doc.ref, nowMs)) released++;
  return released;
}

/** Hands one mail back to `sendMail` (PENDING) if its wait or lease is over at `nowMs`; decided on the document as it is now. */
export function releaseIfDue(db: Firestore, ref: DocumentReference, nowMs: number): Promise<boolean> {
  return db.runTransaction(async (tx) => {
    const fresh = await tx.get(ref);
    const lease = fresh.get("delivery.leaseExpireTime") as Timestamp | null | undefined;
    const state = fresh.get("delivery.state") as string | undefined;
    if ((state !== "RETRY" && state !== "PROCESSING") || !lease || lease.toMillis() > nowMs) return false;
    tx.update(ref, { "delivery.state": "PENDING", "delivery.leaseExpireTime": null });
    return true;
  });
}

/**
 * What agents see of mail on the issue page: kind, recipient, state (never the body).
 * `mail` itself stays server-only; this copy lives under the issue, for the team.
 */
async function logMail(db: Firestore, ref: DocumentReference, state: string, error: string | null): Promise<void> {
  const mail = await ref.get();
  const orgId = mail.get("orgId") as string | undefined;
  const issueId = mail.get("issueId") as string | undefined;
  if (!orgId || !issueId) return;
  await issueMailLogRef(db, orgId, issueId, ref.id).set(
    {
      to: mail.get("to") ?? null,
      kind: mail.get("kind") ?? null,
      subject: mail.get("message.subject") ?? null,
      state,
      error,
      attempts: mail.get("delivery.attempts") ?? 0,
      createdAt: mail.get("createdAt") ?? null,
      updatedAt: Timestamp.now(),
    },
    { merge: true },
  );
}
