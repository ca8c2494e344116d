/**
 * Delivers `mail/{id}` over SMTP with nodemailer (docs/email.md). The document is claimed
 * in a transaction first (store/mailDelivery.ts), so the same event twice, or two events
 * racing, send it once; the trigger's own writes (PROCESSING, SUCCESS…) find it not
 * waiting and return. A transient failure leaves it in RETRY for `mailRetrySweep`.
 */
import {
  onDocumentWritten,
  type Change,
  type DocumentSnapshot,
  type FirestoreEvent,
} from "firebase-functions/v2/firestore";
import { logger } from "firebase-functions/logger";
import type { Firestore } from "firebase-admin/firestore";
import nodemailer, { type Transporter } from "nodemailer";
import { awaitsDelivery } from "../domain";
import { REGION, SMTP_URI, smtpUri } from "../config";
import { db } from "../store/db";
import { claimDelivery, recordFailure, recordNotConfigured, recordSuccess } from "../store/mailDelivery";

export type MailWrittenEvent = FirestoreEvent<Change<DocumentSnapshot> | undefined, { mailId: string }>;

const transports = new Map<string, Transporter>();
/** One pooled transport per URI, for the life of the instance. */
function transportFor(uri: string): Transporter {
  let transport = transports.get(uri);
  if (!transport) {
    transport = nodemailer.createTransport(uri);
    transports.set(uri, transport);
  }
  return transport;
}

const asList = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(String) : typeof value === "string" ? [value] : [];

export async function deliverMail(
  firestore: Firestore,
  ref: FirebaseFirestore.DocumentReference,
  uri: string,
  nowMs = Date.now(),
): Promise<string | null> {
  const claim = await claimDelivery(firestore, ref, nowMs);
  if (!claim) return null;
  if (!uri) {
    await recordNotConfigured(firestore, ref, Date.now());
    return "ERROR";
  }
  const { data } = claim;
  const message = (data.message ?? {}) as Record<string, unknown>;
  try {
    const info = await transportFor(uri).sendMail({
      from: data.from as string | undefined,
      to: asList(data.to),
      cc: asList(data.cc),
      bcc: asList(data.bcc),
      replyTo: data.replyTo as string | undefined,
      subject: message.subject as string | undefined,
      text: message.text as string | undefined,
      html: message.html as string | undefined,
      messageId: message.messageId as string | undefined,
      headers: (data.headers ?? {}) as Record<string, string>,
    });
    await recordSuccess(
      firestore,
      ref,
      {
        messageId: info.messageId,
        accepted: (info.accepted ?? []).map(String),
        rejected: (info.rejected ?? []).map(String),
        response: info.response ?? "",
      },
      Date.now(),
    );
    logger.info("mail.sent", { mailId: ref.id, attempts: claim.attempts });
    return "SUCCESS";
  } catch (err) {
    const state = await recordFailure(
      firestore,
      ref,
      err as { code?: unknown; responseCode?: unknown; message?: string },
      claim.attempts,
      Date.now(),
    );
    logger.warn("mail.failed", {
      mailId: ref.id,
      attempts: claim.attempts,
      state,
      code: (err as { code?: unknown }).code ?? null,
    });
    return state;
  }
}

export async function handleMailWritten(event: MailWrittenEvent): Promise<void> {
  const after = event.data?.after;
  // Deleted, or a write of our own (PROCESSING, SUCCESS, RETRY…): nothing to send.
  if (!after?.exists || !awaitsDelivery(after.get("delivery.state"))) return;
  await deliverMail(db(), after.ref, smtpUri());
}

export const sendMail = onDocumentWritten(
  { document: "mail/{mailId}", region: REGION, secrets: [SMTP_URI] },
  handleMailWritten,
);
