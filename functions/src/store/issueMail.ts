/**
 * The mail documents about an issue (docs/email.md), in the Trigger Email extension's
 * shape: `to`, `from`, `replyTo`, `message{subject, text, html, messageId}`, `headers`,
 * so the extension could deliver them instead of `sendMail`. What makes them a
 * conversation lives here: the signed Message-ID, the References of earlier mails of
 * the same issue to the same person (kept in `mailThreads/{threadId}`), and the Reply-To
 * token that lets the answer come back as a comment.
 */
import { FieldValue, type Firestore } from "firebase-admin/firestore";
import { escapeHtml, type EmailSettings, type MailContent } from "../domain";
import {
  messageIdFor,
  normalizeEmail,
  parseTokenKeys,
  replyAddress,
  replyToken,
  threadIdOf,
  type MailThread,
  type TokenKeys,
} from "../domain/email";
import { appBaseUrl, inboundEmailDomain, mailFrom, replyTokenKeys } from "../config";
import { getOrg, getOrgSettings } from "./orgs";
import { mailThreadRef } from "./refs";

/** What every mail of one org and one event shares: read once per fan-out. */
export interface MailContext {
  orgName: string;
  email: EmailSettings;
  keys: TokenKeys | null;
  domain: string;
}

export async function mailContext(db: Firestore, orgId: string): Promise<MailContext> {
  const [org, settings] = await Promise.all([getOrg(db, orgId), getOrgSettings(db, orgId)]);
  return {
    orgName: (org?.get("name") as string | undefined) ?? "Firetrack",
    email: settings?.email ?? { enabled: false, senderName: null, autoAcknowledge: false, signature: "" },
    keys: parseTokenKeys(replyTokenKeys()),
    domain: inboundEmailDomain(),
  };
}

export interface IssueMail {
  orgId: string;
  issueId: string;
  /** The recipient's uid, when they have one. */
  uid: string | null;
  to: string;
  /** The mail document's id; its Message-ID derives from it, so a rewrite is the same mail. */
  mailId: string;
  content: MailContent;
  /** Customers get the org's signature; staff don't. */
  customer: boolean;
  /** What the mail is about, for the issue page's list of mails. */
  kind: string;
}

/** The From header: the org's sender name (or name) at the deployment's address. */
export function fromHeader(ctx: MailContext): string {
  const name = (ctx.email.senderName ?? ctx.orgName).replace(/["\\\r\n]/g, "");
  return `"${name}" <${mailFrom()}>`;
}

function withFooter(content: MailContent, ctx: MailContext, customer: boolean, canReply: boolean): MailContent {
  const signature = customer ? ctx.email.signature.trim() : "";
  const hint = canReply ? "Reply to this email to answer; keep the subject as it is." : "";
  const textTail = [hint, signature].filter(Boolean).join("\n\n");
  const htmlTail = [
    hint ? `<p style="color:#555">${escapeHtml(hint)}</p>` : "",
    signature ? `<p>${escapeHtml(signature).replaceAll("\n", "<br>")}</p>` : "",
  ].join("");
  return {
    subject: content.subject,
    text: textTail ? `${content.text}\n\n-- \n${textTail}` : content.text,
    html: htmlTail ? `${content.html}\n<hr>${htmlTail}` : content.html,
  };
}

/**
 * Writes the conversation record for this mail and returns the mail document. Safe to
 * repeat: the thread keeps a set of Message-IDs and the mail's own is never in its References.
 */
export async function issueMailDocument(
  db: Firestore,
  ctx: MailContext,
  mail: IssueMail,
): Promise<Record<string, unknown>> {
  const thread: MailThread = { orgId: mail.orgId, issueId: mail.issueId, email: normalizeEmail(mail.to) };
  const threadId = threadIdOf(thread);
  const ref = mailThreadRef(db, threadId);
  const earlier = ((await ref.get()).get("messageIds") as string[] | undefined) ?? [];
  // Without keys (not configured) a mail still threads, but nothing can answer it by mail.
  const messageId = ctx.keys
    ? messageIdFor(threadId, mail.mailId, ctx.keys, ctx.domain)
    : `<${mail.mailId.replace(/[^A-Za-z0-9_.-]/g, "-")}@${ctx.domain}>`;
  const canReply = ctx.keys !== null && ctx.email.enabled;
  await ref.set(
    { ...thread, uid: mail.uid, messageIds: FieldValue.arrayUnion(messageId), updatedAt: FieldValue.serverTimestamp() },
    { merge: true },
  );
  const references = earlier.filter((id) => id !== messageId).slice(-20);
  const content = withFooter(mail.content, ctx, mail.customer, canReply);
  return {
    to: mail.to,
    from: fromHeader(ctx),
    ...(canReply ? { replyTo: replyAddress(replyToken(thread, ctx.keys!), ctx.domain) } : {}),
    message: { ...content, messageId },
    headers: {
      ...(references.length > 0
        ? { "In-Reply-To": references[references.length - 1], References: references.join(" ") }
        : {}),
      "Auto-Submitted": "auto-generated",
      "List-Unsubscribe": `<${appBaseUrl().replace(/\/+$/, "")}/account/notifications>`,
      "X-Firetrack-Mail": mail.mailId,
    },
    // Not the extension's: what the issue page lists, and who it was for.
    orgId: mail.orgId,
    issueId: mail.issueId,
    uid: mail.uid,
    kind: mail.kind,
    createdAt: FieldValue.serverTimestamp(),
  };
}
