/**
 * The email channel's pure rules (docs/email.md): how inbound posts are signed, how an
 * address names an org or a conversation, how our own Message-IDs and reply tokens are
 * made unforgeable, and which received mails are machines talking (auto-replies, bounces).
 * No Firestore, no SMTP: the store and the triggers call these. Node-only (crypto, parsers),
 * so it is not part of the index the web imports; the settings shape is (emailSettings.ts).
 */
import { createHmac, createHash, timingSafeEqual } from "node:crypto";
import EmailReplyParser from "email-reply-parser";
import { htmlToText } from "html-to-text";
import { ORG_SLUG_PATTERN } from "./orgSlug";

/** What `inboundEmail` accepts at most: a larger post is 413 before anything is read. */
export const INBOUND_MAX_BYTES = 10 * 1024 * 1024;
/** How old a signed inbound post may be. */
export const INBOUND_SIGNATURE_WINDOW_S = 300;
/** Issues one sender may open in one org per hour by mail; more are held back (outcome `held`). */
export const MAIL_ISSUES_PER_SENDER_HOUR = 20;

// ---------------------------------------------------------------------------
// The inbound post's signature: `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`.

export function signInbound(secret: string, t: number, body: Buffer): string {
  const mac = createHmac("sha256", secret).update(`${t}.`).update(body).digest("hex");
  return `t=${t},v1=${mac}`;
}

/** True only for a well-formed header, within the window, whose MAC matches the raw bytes. */
export function verifyInboundSignature(
  header: string | undefined,
  body: Buffer,
  secret: string,
  nowS: number,
): boolean {
  if (!header || !secret) return false;
  const parts = new Map(header.split(",").map((part) => part.trim().split("=", 2) as [string, string]));
  const t = Number(parts.get("t"));
  const given = parts.get("v1") ?? "";
  if (!Number.isInteger(t) || Math.abs(nowS - t) > INBOUND_SIGNATURE_WINDOW_S || !/^[0-9a-f]{64}$/.test(given))
    return false;
  const expected = createHmac("sha256", secret).update(`${t}.`).update(body).digest();
  return timingSafeEqual(expected, Buffer.from(given, "hex"));
}

// ---------------------------------------------------------------------------
// Keys for reply tokens and Message-IDs: `2:newkey,1:oldkey`. The first is current;
// every listed one is still accepted, so rotating keeps old tokens working while the
// old key stays listed.

export interface TokenKeys {
  current: { version: string; key: string };
  byVersion: ReadonlyMap<string, string>;
}

export function parseTokenKeys(value: string): TokenKeys | null {
  const entries = value
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const at = part.indexOf(":");
      return [part.slice(0, at), part.slice(at + 1)] as const;
    })
    .filter(([version, key]) => /^[0-9a-z]$/.test(version) && key.length >= 16);
  if (entries.length === 0) return null;
  return { current: { version: entries[0]![0], key: entries[0]![1] }, byVersion: new Map(entries) };
}

const mac16 = (key: string, data: string) => createHmac("sha256", key).update(data).digest("hex").slice(0, 16);
const equal = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** One conversation: an issue and one address. Its id is public; what it allows is signed. */
export interface MailThread {
  orgId: string;
  issueId: string;
  email: string;
}

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

export function threadIdOf(thread: MailThread): string {
  return createHash("sha256")
    .update(`${thread.orgId}/${thread.issueId}/${normalizeEmail(thread.email)}`)
    .digest("hex")
    .slice(0, 20);
}

const tokenData = (thread: MailThread, version: string) =>
  `token\n${thread.orgId}\n${thread.issueId}\n${normalizeEmail(thread.email)}\n${version}`;

/** The local part after `reply+`: lowercase, 38 characters, so it survives providers that fold case. */
export function replyToken(thread: MailThread, keys: TokenKeys): string {
  const { version, key } = keys.current;
  return `${threadIdOf(thread)}.${version}${mac16(key, tokenData(thread, version))}`;
}

export function parseReplyToken(token: string): { threadId: string; version: string; mac: string } | null {
  const match = /^([0-9a-f]{20})\.([0-9a-z])([0-9a-f]{16})$/.exec(token.toLowerCase());
  return match ? { threadId: match[1]!, version: match[2]!, mac: match[3]! } : null;
}

export function verifyReplyToken(token: string, thread: MailThread, keys: TokenKeys): boolean {
  const parsed = parseReplyToken(token);
  const key = parsed && keys.byVersion.get(parsed.version);
  if (!parsed || !key || parsed.threadId !== threadIdOf(thread)) return false;
  return equal(parsed.mac, mac16(key, tokenData(thread, parsed.version)));
}

/** `<thread.n.vMAC@domain>`: names its conversation, signed so nobody can make one up. */
export function messageIdFor(threadId: string, mailId: string, keys: TokenKeys, domain: string): string {
  const n = createHash("sha256").update(mailId).digest("hex").slice(0, 12);
  const { version, key } = keys.current;
  return `<${threadId}.${n}.${version}${mac16(key, `mid\n${threadId}\n${n}\n${version}`)}@${domain}>`;
}

/** The conversation one of our (signed) Message-IDs names, or null for anyone else's. */
export function threadOfMessageId(
  messageId: string,
  keys: TokenKeys,
  domain: string,
): { threadId: string; n: string } | null {
  const match = /^<?([0-9a-f]{20})\.([0-9a-f]{12})\.([0-9a-z])([0-9a-f]{16})@([^>\s]+)>?$/.exec(messageId.trim());
  if (!match || match[5]!.toLowerCase() !== domain.toLowerCase()) return null;
  const [, threadId, n, version, mac] = match as unknown as [string, string, string, string, string];
  const key = keys.byVersion.get(version);
  return key && equal(mac, mac16(key, `mid\n${threadId}\n${n}\n${version}`)) ? { threadId, n } : null;
}

/** Every Message-ID in a header such as References (`<a@b> <c@d>`). */
export const messageIdsIn = (header: string | undefined): string[] => header?.match(/<[^<>\s]+>/g) ?? [];

// ---------------------------------------------------------------------------
// Where a received mail goes, by its envelope recipient.

export type Recipient = { kind: "org"; slug: string } | { kind: "reply"; token: string };

export function classifyRecipient(address: string, domain: string): Recipient | null {
  const at = address.trim().lastIndexOf("@");
  if (
    at < 1 ||
    address
      .slice(at + 1)
      .trim()
      .toLowerCase() !== domain.toLowerCase()
  )
    return null;
  const local = address.slice(0, at).trim().toLowerCase();
  if (local.startsWith("reply+")) return { kind: "reply", token: local.slice("reply+".length) };
  return ORG_SLUG_PATTERN.test(local) ? { kind: "org", slug: local } : null;
}

export const orgAddress = (slug: string, domain: string) => `${slug}@${domain}`;
export const replyAddress = (token: string, domain: string) => `reply+${token}@${domain}`;

// ---------------------------------------------------------------------------
// Mail from machines: none of it opens or changes an issue.

export type HeaderLookup = (name: string) => string | undefined;

/** Why a mail is an automatic reply (RFC 3834 and the common vendor headers), or null. */
export function autoReplyReason(header: HeaderLookup): string | null {
  const autoSubmitted = header("auto-submitted")?.trim().toLowerCase();
  if (autoSubmitted && autoSubmitted !== "no") return "auto-submitted";
  if (/^(bulk|junk|list|auto_reply)$/i.test(header("precedence")?.trim() ?? "")) return "precedence";
  if (header("x-autoreply") !== undefined || header("x-autorespond") !== undefined) return "x-autoreply";
  return null;
}

/** A delivery status notification (RFC 3464), or a mailer daemon's mail. */
export function isBounce(header: HeaderLookup, contentType: string | undefined, fromAddress: string | null): boolean {
  if (/multipart\/report/i.test(contentType ?? "") && /report-type\s*=\s*"?delivery-status/i.test(contentType ?? ""))
    return true;
  return /^(mailer-daemon|postmaster)@/i.test(fromAddress ?? "") || header("x-failed-recipients") !== undefined;
}

/** Signed by us: our Message-ID or our loop marker. Mail we sent that comes back opens nothing. */
export function isOwnMessage(header: HeaderLookup, keys: TokenKeys, domain: string): boolean {
  if (header("x-firetrack-mail") !== undefined) return true;
  const messageId = header("message-id");
  return messageId !== undefined && threadOfMessageId(messageId, keys, domain) !== null;
}

// ---------------------------------------------------------------------------
// What of a received mail becomes a comment.

/** The text of a mail: its text part, or its HTML turned into text. */
export function mailText(text: string | undefined, html: string | false | undefined): string {
  // A text part that the parser derived from the HTML keeps its non-breaking spaces: plain spaces either way.
  if (text?.trim()) return text.replace(/\u00a0/g, " ");
  if (html)
    return htmlToText(html, { wordwrap: false, selectors: [{ selector: "img", format: "skip" }] }).replace(
      /\u00a0/g,
      " ",
    );
  return "";
}

/** The new part of a reply: without the quoted history and the signature. */
export function visibleReply(text: string): string {
  return new EmailReplyParser().parseReply(text.replace(/\r\n/g, "\n")).trim();
}

export interface AttachmentFacts {
  filename: string | null;
  size: number;
}

/** The comment body for a received mail: the reply, then its attachments by name and size. */
export function mailCommentBody(reply: string, attachments: readonly AttachmentFacts[], max: number): string {
  const listed = attachments.map((a) => `- ${a.filename ?? "unnamed"} (${formatSize(a.size)})`);
  const tail = listed.length > 0 ? `\n\nAttachments (not stored):\n${listed.join("\n")}` : "";
  const body = (reply || "(no text)") + tail;
  return body.length <= max ? body : `${body.slice(0, max - 1)}…`;
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** An issue title from a subject: without `Re:`/`Fwd:` prefixes and our own `[ISS-…]` tag. */
export function titleFromSubject(subject: string | undefined, max: number): string {
  const cleaned = (subject ?? "")
    .replace(/^\s*((re|fwd?|aw|sv|wg)\s*:\s*)+/i, "")
    .replace(/\[ISS-\d{4}-\d{4,}\]\s*/g, "")
    .replace(/\s+/g, " ")
    .trim();
  const title = cleaned || "(no subject)";
  return title.length <= max ? title : `${title.slice(0, max - 1)}…`;
}
