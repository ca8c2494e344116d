/**
 * Mail into the emulated `inboundEmail` as a provider's relay sends it: a raw message
 * built with nodemailer's MailComposer, signed over its bytes (docs/email.md).
 */
import { createHash } from "node:crypto";
import MailComposer from "nodemailer/lib/mail-composer";
import { expect } from "vitest";
import { signInbound } from "../../src/domain/email";
import { waitFor } from "./eventsHelpers";
import { db, FUNCTION_BASE } from "./helpers";

export const INBOUND_URL = FUNCTION_BASE.replace(/\/api\/v1$/, "/inboundEmail");
export const INBOUND_SECRET = process.env.FIRETRACK_INBOUND_EMAIL_SECRET ?? "";
export const INBOUND_DOMAIN = "inbound.firetrack.test";

export type MailOptions = ConstructorParameters<typeof MailComposer>[0];
export const compose = (options: MailOptions): Promise<Buffer> =>
  new MailComposer({ date: new Date(), ...options }).compile().build();
export const messageIdOf = (raw: Buffer) => /^Message-ID: (<[^>]+>)/im.exec(raw.toString("latin1"))![1]!;
/** The `inboundMail` id of a message: the SHA-256 of its Message-ID. */
export const inboundId = (messageId: string) =>
  createHash("sha256").update(messageId.trim().toLowerCase()).digest("hex");

/** Posts a signed message; the status and the JSON answer. */
export async function postInbound(raw: Buffer, envelopeTo: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(INBOUND_URL, {
    method: "POST",
    headers: {
      "Content-Type": "message/rfc822",
      "X-Envelope-To": envelopeTo,
      "X-Firetrack-Signature": signInbound(INBOUND_SECRET, Math.floor(Date.now() / 1000), raw),
    },
    body: raw,
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/** Posts a signed message and waits for `processInboundMail` to record its outcome. */
export async function deliverInbound(raw: Buffer, envelopeTo: string): Promise<FirebaseFirestore.DocumentData> {
  const response = await postInbound(raw, envelopeTo);
  expect(response.status, JSON.stringify(response.body)).toBe(202);
  const ref = db().doc(`inboundMail/${inboundId(messageIdOf(raw))}`);
  return waitFor("the inbound outcome", async () => {
    const data = (await ref.get()).data();
    return data && data.outcome !== "pending" ? data : null;
  });
}
