/**
 * `inboundEmail`: one raw RFC 5322 message per POST (docs/email.md). The signature is
 * checked over the raw bytes before anything reads them; then the message is parsed
 * once, what routing needs is kept on `inboundMail/{sha256(Message-ID)}` (created once,
 * so a second delivery finds it), the raw bytes beside it for a while, and the answer is
 * 202. The trigger `processInboundMail` does the rest.
 */
import { createHash } from "node:crypto";
import type { Request, Response } from "express";
import { onRequest } from "firebase-functions/v2/https";
import { logger } from "firebase-functions/logger";
import { simpleParser, type AddressObject, type ParsedMail } from "mailparser";
import { FieldValue, Timestamp, type Firestore } from "firebase-admin/firestore";
import {
  autoReplyReason,
  INBOUND_MAX_BYTES,
  isBounce,
  isOwnMessage,
  mailText,
  messageIdsIn,
  normalizeEmail,
  parseTokenKeys,
  verifyInboundSignature,
  type HeaderLookup,
} from "../../domain/email";
import {
  INBOUND_EMAIL_SECRET,
  inboundEmailDomain,
  inboundEmailSecret,
  REGION,
  REPLY_TOKEN_KEYS,
  replyTokenKeys,
} from "../../config";
import { db } from "../../store/db";
import { inboundMailRef } from "../../store/refs";
import { isAlreadyExists } from "../../store/grpcCodes";

/** How long the raw message is kept (a TTL policy on `expireAt` deletes it). */
const RAW_KEEP_DAYS = 30;
const RAW_CHUNK_BYTES = 900_000;
/** Text kept for routing and the comment: more than a description may hold is cut anyway. */
const TEXT_KEEP_CHARS = 60_000;

function problem(res: Response, status: number, title: string, detail: string): void {
  res.status(status).type("application/problem+json").json({ type: "about:blank", title, status, detail });
}

const firstAddress = (value: AddressObject | AddressObject[] | undefined) => [value ?? []].flat()[0]?.value[0];

/** The headers a raw message starts with, as text, or null when it does not start with any. */
function headerBlock(raw: Buffer): string | null {
  const head = raw.subarray(0, Math.min(raw.length, 256 * 1024)).toString("latin1");
  const end = head.search(/\r?\n\r?\n/);
  const block = end === -1 ? head : head.slice(0, end);
  return /^[!-9;-~]+:/.test(block) ? block : null;
}

/**
 * Our Message-IDs a delivery report quotes: in its text, in the returned headers
 * (text/rfc822-headers or message/rfc822 parts, which the parser lists as attachments),
 * and in the raw bytes.
 */
function bouncedMessageIds(parsed: ParsedMail, raw: Buffer, domain: string): string[] {
  const returned = parsed.attachments
    .filter((a) => /^(message\/rfc822|text\/rfc822-headers|message\/delivery-status)$/i.test(a.contentType))
    .map((a) => a.content.toString("utf8"));
  const texts = [parsed.text ?? "", ...returned, raw.toString("latin1")];
  const ids = texts.flatMap((text) => messageIdsIn(text));
  return [...new Set(ids)].filter((id) => id.toLowerCase().endsWith(`@${domain}>`)).slice(0, 20);
}

/** What routing needs of a parsed message, small enough for one document. */
export function inboundFacts(parsed: ParsedMail, raw: Buffer, header: HeaderLookup) {
  const keys = parseTokenKeys(replyTokenKeys());
  const domain = inboundEmailDomain();
  const from = firstAddress(parsed.from);
  const contentType = header("content-type");
  const bounce = isBounce(header, contentType, from?.address ?? null);
  return {
    subject: parsed.subject ?? "",
    text: mailText(parsed.text, parsed.html).slice(0, TEXT_KEEP_CHARS),
    inReplyTo: messageIdsIn(header("in-reply-to")),
    references: messageIdsIn(header("references")).slice(-50),
    autoReply: autoReplyReason(header),
    bounce,
    // The Message-IDs of ours a delivery report quotes: the mails that bounced.
    bounced: bounce ? bouncedMessageIds(parsed, raw, domain) : [],
    own: keys ? isOwnMessage(header, keys, domain) : header("x-firetrack-mail") !== undefined,
    attachments: parsed.attachments.slice(0, 50).map((a) => ({ filename: a.filename ?? null, size: a.size })),
  };
}

export type InboundFacts = ReturnType<typeof inboundFacts>;

export async function handleInboundEmail(
  req: Request,
  res: Response,
  firestore: Firestore = db(),
  nowMs = Date.now(),
): Promise<void> {
  if (req.method !== "POST") {
    res.setHeader("Allow", "POST");
    return problem(res, 405, "Method not allowed", "POST one raw message.");
  }
  if (Number(req.headers["content-length"] ?? 0) > INBOUND_MAX_BYTES)
    return problem(res, 413, "Payload too large", "A message may have 10 MB at most.");
  const raw: Buffer = Buffer.isBuffer((req as Request & { rawBody?: Buffer }).rawBody)
    ? (req as Request & { rawBody: Buffer }).rawBody
    : Buffer.alloc(0);
  if (raw.length > INBOUND_MAX_BYTES)
    return problem(res, 413, "Payload too large", "A message may have 10 MB at most.");
  // Nothing is read before the signature holds: not the envelope, not a header.
  const signature = req.headers["x-firetrack-signature"];
  if (
    !verifyInboundSignature(
      typeof signature === "string" ? signature : undefined,
      raw,
      inboundEmailSecret(),
      Math.floor(nowMs / 1000),
    )
  ) {
    res.setHeader("WWW-Authenticate", 'Signature realm="firetrack-inbound"');
    return problem(res, 401, "Authentication required", "The signature is missing, wrong or too old.");
  }
  if (!/^message\/rfc822\b/i.test(req.headers["content-type"] ?? ""))
    return problem(res, 415, "Unsupported media type", "Send the raw message as message/rfc822.");
  const envelopeTo = typeof req.headers["x-envelope-to"] === "string" ? req.headers["x-envelope-to"].trim() : "";
  if (!/^[^\s@<>]+@[^\s@<>]+$/.test(envelopeTo))
    return problem(res, 400, "Bad request", "X-Envelope-To must name the one recipient the message was delivered to.");
  if (raw.length === 0 || headerBlock(raw) === null)
    return problem(res, 400, "Bad request", "The body is not an RFC 5322 message.");

  let parsed: ParsedMail;
  try {
    parsed = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true });
  } catch {
    return problem(res, 400, "Bad request", "The message could not be parsed.");
  }
  const from = firstAddress(parsed.from);
  if (!from?.address || !/^[^\s@]+@[^\s@]+$/.test(from.address))
    return problem(res, 400, "Bad request", "The message has no From address.");
  const header: HeaderLookup = (name) => {
    const value = parsed.headers.get(name);
    if (value === undefined) return undefined;
    if (typeof value === "string") return value;
    // Structured headers (Content-Type) come parsed; the raw line is what the rules read.
    return parsed.headerLines.find((line) => line.key === name)?.line.replace(/^[^:]*:\s*/, "") ?? String(value);
  };
  const messageId = parsed.messageId ?? `<sha256-${createHash("sha256").update(raw).digest("hex")}@no-message-id>`;
  const id = createHash("sha256").update(messageId.trim().toLowerCase()).digest("hex");
  const ref = inboundMailRef(firestore, id);
  const chunks = Math.ceil(raw.length / RAW_CHUNK_BYTES);
  try {
    await ref.create({
      messageId,
      from: normalizeEmail(from.address),
      fromName: (from.name ?? "").slice(0, 200),
      to: normalizeEmail(envelopeTo),
      orgId: null,
      issueId: null,
      outcome: "pending",
      facts: inboundFacts(parsed, raw, header),
      size: raw.length,
      rawChunks: chunks,
      receivedAt: FieldValue.serverTimestamp(),
      expireAt: Timestamp.fromMillis(nowMs + RAW_KEEP_DAYS * 86_400_000),
    });
  } catch (err) {
    if (!isAlreadyExists(err)) throw err;
    logger.info("inbound.duplicate", { inboundId: id });
    res.status(202).json({ id, duplicate: true });
    return;
  }
  // The raw message, beside the record, in chunks below Firestore's document limit.
  for (let start = 0; start < chunks; start += 8) {
    const batch = firestore.batch();
    for (let i = start; i < Math.min(chunks, start + 8); i++) {
      batch.set(ref.collection("raw").doc(String(i)), {
        bytes: raw.subarray(i * RAW_CHUNK_BYTES, (i + 1) * RAW_CHUNK_BYTES),
        expireAt: Timestamp.fromMillis(nowMs + RAW_KEEP_DAYS * 86_400_000),
      });
    }
    await batch.commit();
  }
  logger.info("inbound.accepted", { inboundId: id, size: raw.length });
  res.status(202).json({ id, duplicate: false });
}

export const inboundEmail = onRequest(
  { region: REGION, secrets: [INBOUND_EMAIL_SECRET, REPLY_TOKEN_KEYS], memory: "512MiB" },
  async (req, res) => {
    try {
      await handleInboundEmail(req as unknown as Request, res as unknown as Response);
    } catch (err) {
      logger.error("inbound.failed", { error: err instanceof Error ? err.message : String(err) });
      if (!res.headersSent)
        problem(res as unknown as Response, 500, "Internal error", "Something went wrong on our side.");
    }
  },
);
