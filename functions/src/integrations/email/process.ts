/**
 * What a received message does (docs/email.md), decided once per `inboundMail` record:
 * - ours coming back, an auto-reply or a bounce (which marks the mail it reports) changes no issue;
 * - `reply+<token>@` comments on the token's issue, only as the token's recipient;
 * - otherwise a reply to one of our Message-IDs to that same sender comments on its issue;
 * - `<slug>@` opens an issue in the slug's org, as the org's customer under its intake policy;
 *   a closed org refuses politely, once per sender; a sender opening more than 20 an hour is held.
 * Issues and comments are written by the API's own store code (insertIssue, the numbering,
 * addComment), so the triggers that follow (activities, automatic moves, notifications,
 * SLA, stats) are the same as for the web. Ids derive from the record, so a second run of
 * the same event finds them written and does nothing twice.
 */
import { createHash } from "node:crypto";
import { getAuth } from "firebase-admin/auth";
import { FieldValue, Timestamp, type DocumentReference, type Firestore } from "firebase-admin/firestore";
import { onDocumentCreated, type FirestoreEvent, type QueryDocumentSnapshot } from "firebase-functions/v2/firestore";
import { logger } from "firebase-functions/logger";
import {
  actorKindForRole,
  can,
  intakeGrant,
  isDomainError,
  issuePageUrl,
  LIMITS,
  sourceForActor,
  type Actor,
  type MemberRole,
  type Role,
} from "../../domain";
import {
  classifyRecipient,
  MAIL_ISSUES_PER_SENDER_HOUR,
  mailCommentBody,
  parseReplyToken,
  parseTokenKeys,
  threadOfMessageId,
  titleFromSubject,
  verifyReplyToken,
  visibleReply,
  type TokenKeys,
} from "../../domain/email";
import { appBaseUrl, inboundEmailDomain, REGION, REPLY_TOKEN_KEYS, replyTokenKeys } from "../../config";
import { addComment } from "../../store/comments";
import { db } from "../../store/db";
import { isAlreadyExists } from "../../store/grpcCodes";
import { fromHeader, issueMailDocument, mailContext } from "../../store/issueMail";
import { ERASED_INBOUND } from "../../store/issueErasure";
import { insertIssue } from "../../store/issues";
import { addMember } from "../../store/members";
import { ensureIssueNumbered } from "../../store/numberAllocator";
import { getOrgSettings } from "../../store/orgs";
import { inboundMailRef, issueRef, mailCol, mailThreadRef, membersCol, userRef } from "../../store/refs";
import { orgIdOfSlug } from "../../store/slugs";
import type { InboundFacts } from "./receive";

export type Outcome =
  | "created"
  | "commented"
  | "own"
  | "auto_reply"
  | "bounce"
  | "unknown_address"
  | "disabled"
  | "refused"
  | "held"
  | "stranger"
  | "forbidden"
  | "issue_gone";

interface Inbound {
  id: string;
  messageId: string;
  from: string;
  fromName: string;
  to: string;
  facts: InboundFacts;
  receivedAtMs: number;
}

interface Result {
  outcome: Outcome;
  orgId?: string;
  issueId?: string;
}

const shortHash = (value: string) => createHash("sha256").update(value).digest("hex").slice(0, 20);

/** The person behind an address: their Auth account, made on the fly for a newcomer (no password; docs/email.md). */
async function personByEmail(
  firestore: Firestore,
  email: string,
  name: string,
): Promise<{ uid: string; name: string }> {
  const auth = getAuth();
  const found = await auth.getUserByEmail(email).catch((err: { code?: string }) => {
    if (err.code === "auth/user-not-found") return null;
    throw err;
  });
  const displayName = name.trim() || email.split("@")[0]!;
  let user = found;
  if (!user) {
    user = await auth.createUser({ email, displayName, emailVerified: false }).catch(async (err: { code?: string }) => {
      if (err.code === "auth/email-already-exists") return auth.getUserByEmail(email);
      throw err;
    });
  }
  // Mail may go to this address: the address itself wrote to us (store/notifications.ts verifiedEmailOf).
  await userRef(firestore, user.uid).set(
    { displayName: user.displayName ?? displayName, email, mailContact: true },
    { merge: true },
  );
  return { uid: user.uid, name: user.displayName ?? displayName };
}

async function roleOf(
  firestore: Firestore,
  orgId: string,
  uid: string,
): Promise<{ role: MemberRole; name: string } | null> {
  const member = await membersCol(firestore, orgId).doc(uid).get();
  return member.exists
    ? { role: member.get("role") as MemberRole, name: (member.get("displayName") as string | undefined) ?? "" }
    : null;
}

/** A comment from the mail, as `uid`, if their role lets them comment publicly on that issue. */
async function commentAs(
  firestore: Firestore,
  mail: Inbound,
  orgId: string,
  issueId: string,
  uid: string,
): Promise<Result> {
  const [issue, member] = await Promise.all([issueRef(firestore, orgId, issueId).get(), roleOf(firestore, orgId, uid)]);
  if (!issue.exists || issue.get("deleted") === true) return { outcome: "issue_gone", orgId, issueId };
  if (!member) return { outcome: "forbidden", orgId, issueId };
  const owns = issue.get("reporter.uid") === uid;
  if (!can(member.role as Role, "comment.public", owns)) return { outcome: "forbidden", orgId, issueId };
  const actor: Actor = { uid, name: member.name, kind: actorKindForRole(member.role) };
  const body = mailCommentBody(visibleReply(mail.facts.text), mail.facts.attachments, LIMITS.descriptionMax);
  try {
    await addComment(
      firestore,
      orgId,
      issueId,
      { body, internal: false, solution: false },
      actor,
      sourceForActor(actor),
      undefined,
      {
        id: `mail-${mail.id.slice(0, 24)}`,
        email: { messageId: mail.messageId, from: mail.from, original: mail.facts.text.slice(0, 20_000) },
      },
    );
  } catch (err) {
    if (!isAlreadyExists(err)) throw err;
  }
  return { outcome: "commented", orgId, issueId };
}

/** The conversation a reply belongs to, through one of our Message-IDs it names, sent to this same sender. */
async function threadByReferences(
  firestore: Firestore,
  mail: Inbound,
  keys: TokenKeys,
): Promise<{ orgId: string; issueId: string; uid: string } | null> {
  const domain = inboundEmailDomain();
  const ids = [...mail.facts.inReplyTo, ...[...mail.facts.references].reverse()];
  for (const messageId of ids) {
    const ours = threadOfMessageId(messageId, keys, domain);
    if (!ours) continue;
    const thread = await mailThreadRef(firestore, ours.threadId).get();
    if (thread.exists && thread.get("email") === mail.from && thread.get("uid")) {
      return {
        orgId: thread.get("orgId") as string,
        issueId: thread.get("issueId") as string,
        uid: thread.get("uid") as string,
      };
    }
  }
  return null;
}

/** Marks the mails a delivery report names; returns the issue of the first, so erasing that issue erases the report too. */
async function markBounces(firestore: Firestore, messageIds: string[]): Promise<Result> {
  let about: Result = { outcome: "bounce" };
  for (const messageId of messageIds) {
    const mails = await mailCol(firestore).where("message.messageId", "==", messageId).limit(5).get();
    for (const mail of mails.docs) {
      await mail.ref.update({
        "delivery.state": "ERROR",
        "delivery.error": "Bounced: the recipient's server returned it.",
        "delivery.bounced": true,
      });
      const orgId = mail.get("orgId") as string | undefined;
      const issueId = mail.get("issueId") as string | undefined;
      if (orgId && issueId) {
        if (!about.issueId) about = { outcome: "bounce", orgId, issueId };
        await issueRef(firestore, orgId, issueId)
          .collection("mails")
          .doc(mail.id)
          .set({ state: "ERROR", error: "Bounced", updatedAt: FieldValue.serverTimestamp() }, { merge: true });
      }
    }
  }
  return about;
}

/** A polite refusal for a closed org, once per sender and org (the mail's id says so). */
async function refuseOnce(firestore: Firestore, orgId: string, mail: Inbound): Promise<void> {
  const ctx = await mailContext(firestore, orgId);
  const ref = mailCol(firestore).doc(`refusal_${orgId}_${shortHash(mail.from)}`);
  const text = `Thank you for writing to ${ctx.orgName}.\n\nThis address takes requests only from people the team works with, so your message did not open a ticket. If you expected otherwise, please contact ${ctx.orgName} the way you usually do.`;
  await ref
    .create({
      to: mail.from,
      from: fromHeader(ctx),
      message: {
        subject: `Re: ${mail.facts.subject}`.slice(0, 250),
        text,
        html: `<p>${text.replaceAll("\n\n", "</p><p>")}</p>`,
      },
      headers: {
        "Auto-Submitted": "auto-replied",
        "In-Reply-To": mail.messageId,
        References: mail.messageId,
        "X-Firetrack-Mail": ref.id,
      },
      orgId,
      kind: "refusal",
      createdAt: FieldValue.serverTimestamp(),
    })
    .catch((err: unknown) => {
      if (!isAlreadyExists(err)) throw err;
    });
}

async function sentThisHour(firestore: Firestore, orgId: string, from: string, nowMs: number): Promise<number> {
  const result = await firestore
    .collection("inboundMail")
    .where("orgId", "==", orgId)
    .where("fromKey", "==", from)
    .where("outcome", "==", "created")
    .where("receivedAt", ">=", Timestamp.fromMillis(nowMs - 3600_000))
    .count()
    .get();
  return result.data().count;
}

/** A new issue from the mail in the slug's org. */
async function openIssue(firestore: Firestore, mail: Inbound, slug: string): Promise<Result> {
  const orgId = await orgIdOfSlug(firestore, slug);
  if (!orgId) return { outcome: "unknown_address" };
  const settings = await getOrgSettings(firestore, orgId);
  if (!settings) return { outcome: "unknown_address" };
  if (!settings.email.enabled) return { outcome: "disabled", orgId };
  const person = await personByEmail(firestore, mail.from, mail.fromName);
  let member = await roleOf(firestore, orgId, person.uid);
  if (!member) {
    // The address is all we know of the sender: only public intake admits them (an unverified address).
    if (!intakeGrant(settings, { email: mail.from, emailVerified: false })) {
      await refuseOnce(firestore, orgId, mail);
      return { outcome: "refused", orgId };
    }
    await addMember(
      firestore,
      orgId,
      { uid: person.uid, displayName: person.name, email: mail.from, emailVerified: false },
      "customer",
    ).catch((err: unknown) => {
      if (!isDomainError(err, "already_member")) throw err;
    });
    member = { role: "customer", name: person.name };
  }
  if (!can(member.role as Role, "issue.create")) return { outcome: "forbidden", orgId };
  if ((await sentThisHour(firestore, orgId, mail.from, mail.receivedAtMs)) >= MAIL_ISSUES_PER_SENDER_HOUR)
    return { outcome: "held", orgId };

  const actor: Actor = { uid: person.uid, name: member.name || person.name, kind: actorKindForRole(member.role) };
  const issueId = `mail-${mail.id.slice(0, 24)}`;
  const description = mailCommentBody(visibleReply(mail.facts.text), mail.facts.attachments, LIMITS.descriptionMax);
  try {
    await insertIssue(
      firestore,
      orgId,
      {
        input: {
          title: titleFromSubject(mail.facts.subject, LIMITS.titleMax),
          description,
          type: "task",
          priority: "medium",
          category: "general",
          tags: [],
          vendor: null,
          order: null,
        },
        source: sourceForActor(actor),
        reporter: actor,
        channel: "email",
      },
      issueId,
    );
  } catch (err) {
    if (!isAlreadyExists(err)) throw err;
  }
  const issue = await ensureIssueNumbered(firestore, orgId, issueId);
  if (issue && settings.email.autoAcknowledge)
    await acknowledge(
      firestore,
      orgId,
      issue.id,
      person.uid,
      mail,
      issue.get("number") as string,
      issue.get("title") as string,
    );
  return { outcome: "created", orgId, issueId };
}

/** The acknowledgement with the number, the first mail of the conversation. */
async function acknowledge(
  firestore: Firestore,
  orgId: string,
  issueId: string,
  uid: string,
  mail: Inbound,
  number: string,
  title: string,
): Promise<void> {
  const ctx = await mailContext(firestore, orgId);
  const mailId = `ack_${mail.id.slice(0, 32)}`;
  // The portal page by number: the same name the subject and the team use (domain/issueLinks.ts).
  const link = issuePageUrl(appBaseUrl(), { orgId, id: issueId, number }, "customer");
  const text = `We received your request and opened ${number}: ${title}.\n\nReply to this email to add to it, or follow it online: ${link}`;
  const document = await issueMailDocument(firestore, ctx, {
    orgId,
    issueId,
    uid,
    to: mail.from,
    mailId,
    content: {
      subject: `[${number}] ${title}`,
      text,
      html: `<p>We received your request and opened <strong>${number}</strong>: ${escapeHtml(title)}.</p><p>Reply to this email to add to it, or <a href="${escapeHtml(link)}">follow ${number} online</a>.</p>`,
    },
    customer: true,
    kind: "acknowledgement",
  });
  // The customer's mail client threads the acknowledgement under what they sent.
  const headers = document.headers as Record<string, string>;
  if (!headers["In-Reply-To"]) Object.assign(headers, { "In-Reply-To": mail.messageId, References: mail.messageId });
  await mailCol(firestore)
    .doc(mailId)
    .create(document)
    .catch((err: unknown) => {
      if (!isAlreadyExists(err)) throw err;
    });
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export async function routeInbound(firestore: Firestore, mail: Inbound): Promise<Result> {
  const { facts } = mail;
  if (facts.own) return { outcome: "own" };
  if (facts.bounce) return markBounces(firestore, facts.bounced);
  if (facts.autoReply) return { outcome: "auto_reply" };
  const keys = parseTokenKeys(replyTokenKeys());
  const recipient = classifyRecipient(mail.to, inboundEmailDomain());
  if (!recipient) return { outcome: "unknown_address" };
  // The issue a genuine token names, kept on a stranger's record so that erasing the issue erases it too.
  let named: Result = { outcome: "stranger" };
  if (recipient.kind === "reply") {
    const parsed = parseReplyToken(recipient.token);
    const thread = parsed && keys ? await mailThreadRef(firestore, parsed.threadId).get() : null;
    if (thread?.exists && keys) {
      const facts = {
        orgId: thread.get("orgId") as string,
        issueId: thread.get("issueId") as string,
        email: thread.get("email") as string,
      };
      const genuine = verifyReplyToken(recipient.token, facts, keys);
      if (genuine && facts.email === mail.from && thread.get("uid")) {
        return commentAs(firestore, mail, facts.orgId, facts.issueId, thread.get("uid") as string);
      }
      if (genuine) named = { outcome: "stranger", orgId: facts.orgId, issueId: facts.issueId };
    }
  }
  // A reply that lost (or never had) its token: matched through our Message-IDs, to the same sender only.
  const byReference = keys ? await threadByReferences(firestore, mail, keys) : null;
  if (byReference) return commentAs(firestore, mail, byReference.orgId, byReference.issueId, byReference.uid);
  if (recipient.kind === "reply") return named;
  return openIssue(firestore, mail, recipient.slug);
}

export type InboundCreatedEvent = FirestoreEvent<QueryDocumentSnapshot | undefined, { inboundId: string }>;

export async function handleInboundCreated(event: InboundCreatedEvent, firestore: Firestore = db()): Promise<void> {
  const snapshot = event.data;
  if (!snapshot?.exists || snapshot.get("outcome") !== "pending") return;
  const received = snapshot.get("receivedAt") as Timestamp | undefined;
  const mail: Inbound = {
    id: snapshot.id,
    messageId: snapshot.get("messageId") as string,
    from: snapshot.get("from") as string,
    fromName: (snapshot.get("fromName") as string | undefined) ?? "",
    to: snapshot.get("to") as string,
    facts: snapshot.get("facts") as InboundFacts,
    receivedAtMs: received?.toMillis() ?? Date.parse(event.time),
  };
  const result = await routeInbound(firestore, mail);
  await recordOutcome(firestore, inboundMailRef(firestore, snapshot.id), mail, result);
  logger.info("inbound.processed", {
    inboundId: snapshot.id,
    outcome: result.outcome,
    orgId: result.orgId ?? null,
    issueId: result.issueId ?? null,
  });
}

async function recordOutcome(
  firestore: Firestore,
  ref: DocumentReference,
  mail: Inbound,
  result: Result,
): Promise<void> {
  await firestore.runTransaction(async (tx) => {
    // An erasure that ran meanwhile left a tombstone: the sender's address must not come back on it.
    if ((await tx.get(ref)).get("outcome") === ERASED_INBOUND.outcome) return;
    tx.update(ref, {
      outcome: result.outcome,
      orgId: result.orgId ?? null,
      issueId: result.issueId ?? null,
      fromKey: mail.from,
      processedAt: FieldValue.serverTimestamp(),
    });
  });
}

export const processInboundMail = onDocumentCreated(
  { document: "inboundMail/{inboundId}", region: REGION, retry: true, secrets: [REPLY_TOKEN_KEYS] },
  (event) => handleInboundCreated(event),
);
