/**
 * Receiving (docs/email.md): raw messages built with nodemailer's MailComposer, signed as a
 * provider's relay signs them, posted to the emulated `inboundEmail`; the trigger opens
 * issues and adds comments through the API's own code, and the acknowledgement and replies
 * go out over real SMTP into a server this test runs. Every machine-made or unwelcome mail
 * changes no issue, and every bad post is a 4xx that stores nothing.
 */
import { createHash, randomUUID } from "node:crypto";
import MailComposer from "nodemailer/lib/mail-composer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInbound } from "../../src/domain/email";
import { startSmtpSink, smtpTestPort, type Received, type SmtpSink } from "../support/smtpSink";
import { addMemberWithUser, waitFor } from "./eventsHelpers";
import { call, db, FUNCTION_BASE, newUser, withTriggersPaused, type TestUser } from "./helpers";

const INBOUND_URL = FUNCTION_BASE.replace(/\/api\/v1$/, "/inboundEmail");
const SECRET = process.env.FIRETRACK_INBOUND_EMAIL_SECRET ?? "";
const DOMAIN = "inbound.firetrack.test";

let sink: SmtpSink;
let admin: TestUser;
let agent: TestUser;
let orgId: string;
let slug: string;
let closedSlug: string;

type MailOptions = ConstructorParameters<typeof MailComposer>[0];
async function compose(options: MailOptions): Promise<Buffer> {
  return new MailComposer({ date: new Date(), ...options }).compile().build();
}
const messageIdOf = (raw: Buffer) => /^Message-ID: (<[^>]+>)/im.exec(raw.toString("latin1"))![1]!;
const inboundId = (messageId: string) => createHash("sha256").update(messageId.trim().toLowerCase()).digest("hex");

async function post(
  raw: Buffer,
  envelopeTo: string,
  {
    url = INBOUND_URL,
    signature,
    contentType = "message/rfc822",
  }: { url?: string; signature?: string | null; contentType?: string } = {},
) {
  const headers: Record<string, string> = { "Content-Type": contentType };
  if (envelopeTo) headers["X-Envelope-To"] = envelopeTo;
  const sig = signature === undefined ? signInbound(SECRET, Math.floor(Date.now() / 1000), raw) : signature;
  if (sig !== null) headers["X-Firetrack-Signature"] = sig;
  const response = await fetch(url, { method: "POST", headers, body: raw });
  const text = await response.text();
  let body: Record<string, unknown> = {};
  try {
    body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    body = { text };
  }
  return { status: response.status, body, type: response.headers.get("content-type") ?? "" };
}

/** Posts a message and waits for the trigger to decide about it. */
async function deliver(raw: Buffer, envelopeTo: string): Promise<FirebaseFirestore.DocumentData> {
  const response = await post(raw, envelopeTo);
  expect(response.status, JSON.stringify(response.body)).toBe(202);
  const ref = db().doc(`inboundMail/${inboundId(messageIdOf(raw))}`);
  return waitFor("the inbound outcome", async () => {
    const data = (await ref.get()).data();
    return data && data.outcome !== "pending" ? data : null;
  });
}

const mailsTo = (address: string): Received[] => sink.received.filter((m) => m.envelopeTo.includes(address));
const issuesOf = async (org: string) => (await db().collection(`orgs/${org}/issues`).get()).docs;

beforeAll(async () => {
  sink = await startSmtpSink(smtpTestPort());
  [admin, agent] = await Promise.all([newUser("inadmin"), newUser("inagent")]);
  slug = `help-${randomUUID().slice(0, 8)}`;
  closedSlug = `closed-${randomUUID().slice(0, 8)}`;
  orgId = (await call("POST", "/orgs", { token: admin.token, body: { name: "Inbound Help", slug } })).body.id;
  expect(
    (await call("PATCH", `/orgs/${orgId}/settings`, { token: admin.token, body: { publicIntake: true } })).status,
  ).toBe(200);
  await addMemberWithUser(orgId, agent, "agent");
  expect(
    (await call("POST", "/orgs", { token: admin.token, body: { name: "Closed Shop", slug: closedSlug } })).status,
  ).toBe(201);
});

afterAll(async () => {
  await sink?.close();
});

describe("a conversation by mail", () => {
  const customer = `cora-${randomUUID().slice(0, 6)}@example.test`;
  let issueId: string;
  let number: string;
  let ack: Received;

  it("opens a numbered issue from a mail with a non-ASCII subject, as the org's new customer, and acknowledges it", async () => {
    const raw = await compose({
      from: { name: "Cora Kundin", address: customer },
      to: `${slug}@${DOMAIN}`,
      subject: "Drucker druckt nicht – größer Ärger",
      text: "The printer stopped after the update.\n\n-- \nCora Kundin\nAcme GmbH",
    });
    expect(raw.toString("latin1")).toMatch(/^Subject: =\?UTF-8\?/m);
    const outcome = await deliver(raw, `${slug}@${DOMAIN}`);
    expect(outcome).toMatchObject({ outcome: "created", orgId });
    issueId = outcome.issueId;
    const issue = await db().doc(`orgs/${orgId}/issues/${issueId}`).get();
    expect(issue.data()).toMatchObject({
      title: "Drucker druckt nicht – größer Ärger",
      channel: "email",
      source: "client",
      raisedByCustomer: true,
      reporter: { kind: "customer", name: "Cora Kundin" },
    });
    expect(issue.get("description")).toContain("The printer stopped after the update.");
    expect(issue.get("description")).not.toContain("Acme GmbH");
    number = issue.get("number");
    expect(number).toMatch(/^ISS-\d{4}-\d{4}$/);
    const member = await db()
      .doc(`orgs/${orgId}/members/${issue.get("reporter.uid")}`)
      .get();
    expect(member.get("role")).toBe("customer");
    ack = await waitFor("the acknowledgement", async () =>
      mailsTo(customer).find((m) => m.parsed.subject === `[${number}] Drucker druckt nicht – größer Ärger`),
    );
    expect(ack.parsed.text).toContain(number);
    // Its link opens the customer's portal page by the number it announces.
    expect(ack.parsed.text).toMatch(new RegExp(`https?://[^\\s]+/portal/issues/${orgId}/${number}(\\s|$)`));
    expect(ack.parsed.text).not.toContain(issueId);
    expect(ack.header("in-reply-to")).toBe(messageIdOf(raw));
    expect(ack.header("auto-submitted")).toBe("auto-generated");
    expect(ack.parsed.replyTo?.value[0]?.address).toMatch(/^reply\+/);
  });

  it("turns the customer's answer to the token address into a public comment without the quoted history, with the automatic move", async () => {
    expect(
      (
        await call("POST", `/orgs/${orgId}/issues/${issueId}/comments`, {
          token: agent.token,
          body: { body: "Which model is it?" },
        })
      ).status,
    ).toBe(201);
    // The first public reply moves open → answered (in the comment trigger); from there the agent waits for the customer.
    await waitFor(
      "open → answered",
      async () => (await db().doc(`orgs/${orgId}/issues/${issueId}`).get()).get("status") === "answered",
    );
    expect(
      (
        await call("POST", `/orgs/${orgId}/issues/${issueId}/transition`, {
          token: agent.token,
          body: { status: "waiting_for_response" },
        })
      ).status,
    ).toBe(200);
    const replyTo = ack.parsed.replyTo!.value[0]!.address!;
    const raw = await compose({
      from: customer,
      to: replyTo,
      subject: `Re: ${ack.parsed.subject}`,
      inReplyTo: ack.header("message-id"),
      text: `It is the LaserJet 4000.\n\nOn Mon, 7 Dec 2026, Inbound Help wrote:\n> We received your request and opened ${number}.\n> Reply to this email to add to it.\n`,
    });
    expect(await deliver(raw, replyTo)).toMatchObject({ outcome: "commented", orgId, issueId });
    const comment = await db()
      .doc(`orgs/${orgId}/issues/${issueId}/comments/mail-${inboundId(messageIdOf(raw)).slice(0, 24)}`)
      .get();
    expect(comment.data()).toMatchObject({
      body: "It is the LaserJet 4000.",
      internal: false,
      channel: "email",
      source: "client",
      author: { kind: "customer" },
    });
    expect(comment.get("email")).toMatchObject({ messageId: messageIdOf(raw), from: customer });
    expect(comment.get("email.original")).toContain("> We received your request");
    await waitFor(
      "waiting_for_response → in_progress",
      async () => (await db().doc(`orgs/${orgId}/issues/${issueId}`).get()).get("status") === "in_progress",
    );
  });

  it("matches a reply without the token through In-Reply-To, to the same sender only", async () => {
    const before = (await issuesOf(orgId)).length;
    const raw = await compose({
      from: customer,
      to: `${slug}@${DOMAIN}`,
      subject: "Re: something else entirely",
      inReplyTo: ack.header("message-id"),
      references: [ack.header("message-id")!],
      text: "Also, it beeps.",
    });
    expect(await deliver(raw, `${slug}@${DOMAIN}`)).toMatchObject({ outcome: "commented", issueId });
    expect((await issuesOf(orgId)).length).toBe(before);
  });

  it("lets no stranger write into the conversation with the customer's token, and a subject alone attaches nothing", async () => {
    const count = (await db().collection(`orgs/${orgId}/issues/${issueId}/comments`).get()).size;
    const replyTo = ack.parsed.replyTo!.value[0]!.address!;
    const stranger = await compose({
      from: "mallory@example.test",
      to: replyTo,
      subject: `Re: [${number}] Drucker`,
      inReplyTo: ack.header("message-id"),
      text: "Send me the invoice.",
    });
    expect(await deliver(stranger, replyTo)).toMatchObject({ outcome: "stranger" });
    // A forged token: the right thread, the wrong MAC.
    const forged = replyTo.replace(/[0-9a-f]{4}@/, "0000@");
    const forgedMail = await compose({ from: customer, to: forged, subject: "Re: x", text: "Forged." });
    expect(await deliver(forgedMail, forged)).toMatchObject({ outcome: "stranger" });
    expect((await db().collection(`orgs/${orgId}/issues/${issueId}/comments`).get()).size).toBe(count);
  });

  it("takes the same Message-ID once: the second delivery is answered 202 and changes nothing", async () => {
    const raw = await compose({
      from: customer,
      to: `${slug}@${DOMAIN}`,
      subject: "Second printer",
      text: "Another one is broken.",
    });
    const first = await deliver(raw, `${slug}@${DOMAIN}`);
    expect(first.outcome).toBe("created");
    const again = await post(raw, `${slug}@${DOMAIN}`);
    expect(again).toMatchObject({ status: 202, body: { duplicate: true } });
    const titled = (await issuesOf(orgId)).filter((doc) => doc.get("title") === "Second printer");
    expect(titled).toHaveLength(1);
  });

  it("marks the original mail's delivery when it bounces, and opens nothing", async () => {
    const ackDoc = await waitFor("the acknowledgement document", async () => {
      const docs = await db().collection("mail").where("message.messageId", "==", ack.header("message-id")).get();
      return docs.docs[0];
    });
    const before = (await issuesOf(orgId)).length;
    const raw = await compose({
      from: "MAILER-DAEMON@mx.example.test",
      to: `${slug}@${DOMAIN}`,
      subject: "Undelivered Mail Returned to Sender",
      text: `This is the mail system.\n\nThe original message: Message-ID: ${ack.header("message-id")}\n`,
    });
    expect(await deliver(raw, `${slug}@${DOMAIN}`)).toMatchObject({ outcome: "bounce" });
    expect((await ackDoc.ref.get()).get("delivery")).toMatchObject({ state: "ERROR", bounced: true });
    expect((await issuesOf(orgId)).length).toBe(before);
  });
});

describe("mail that opens nothing", () => {
  it("ignores auto-replies (Auto-Submitted, Precedence, X-Autoreply) and our own mail coming back", async () => {
    const before = (await issuesOf(orgId)).length;
    const from = "ooo@example.test";
    const outcomes = [];
    for (const headers of [{ "Auto-Submitted": "auto-replied" }, { Precedence: "bulk" }, { "X-Autoreply": "yes" }]) {
      outcomes.push(
        (
          await deliver(
            await compose({ from, to: `${slug}@${DOMAIN}`, subject: "Out of office", text: "Back Monday.", headers }),
            `${slug}@${DOMAIN}`,
          )
        ).outcome,
      );
    }
    expect(outcomes).toEqual(["auto_reply", "auto_reply", "auto_reply"]);
    const loop = await compose({
      from: "support@firetrack.test",
      to: `${slug}@${DOMAIN}`,
      subject: "[ISS-2026-0001] Loop",
      text: "Ours.",
      headers: { "X-Firetrack-Mail": "comment_x_y" },
    });
    expect((await deliver(loop, `${slug}@${DOMAIN}`)).outcome).toBe("own");
    expect((await issuesOf(orgId)).length).toBe(before);
  });

  it("turns an HTML-only mail into text", async () => {
    const raw = await compose({
      from: "html@example.test",
      to: `${slug}@${DOMAIN}`,
      subject: "HTML only",
      html: "<div><p>The <b>scanner</b> is offline.</p><p>Since&nbsp;Monday.</p></div>",
    });
    const outcome = await deliver(raw, `${slug}@${DOMAIN}`);
    expect(outcome.outcome).toBe("created");
    const description = (await db().doc(`orgs/${orgId}/issues/${outcome.issueId}`).get()).get("description") as string;
    expect(description).toContain("The scanner is offline.");
    expect(description).toContain("Since Monday.");
    expect(description).not.toContain("<");
  });

  it("refuses politely, once, in a closed org, and opens nothing", async () => {
    const closedId = (await db().doc(`slugs/${closedSlug}`).get()).get("orgId") as string;
    const sender = `walkin-${randomUUID().slice(0, 6)}@example.test`;
    for (const subject of ["First try", "Second try"]) {
      expect(
        await deliver(
          await compose({ from: sender, to: `${closedSlug}@${DOMAIN}`, subject, text: "Hello?" }),
          `${closedSlug}@${DOMAIN}`,
        ),
      ).toMatchObject({ outcome: "refused", orgId: closedId });
    }
    expect(await issuesOf(closedId)).toHaveLength(0);
    await waitFor("the refusal", async () => mailsTo(sender).length === 1);
    expect(mailsTo(sender)[0]!.parsed.text).toContain("did not open a ticket");
    expect(mailsTo(sender)[0]!.header("auto-submitted")).toBe("auto-replied");
  });

  it("holds back a sender who opened 20 issues in the org this hour", async () => {
    const sender = `flood-${randomUUID().slice(0, 6)}@example.test`;
    await withTriggersPaused(async () => {
      const batch = db().batch();
      for (let i = 0; i < 20; i++) {
        batch.set(db().collection("inboundMail").doc(`flood-${sender}-${i}`), {
          orgId,
          fromKey: sender,
          outcome: "created",
          receivedAt: new Date(),
        });
      }
      await batch.commit();
    });
    const raw = await compose({ from: sender, to: `${slug}@${DOMAIN}`, subject: "Twenty-first", text: "More." });
    expect(await deliver(raw, `${slug}@${DOMAIN}`)).toMatchObject({ outcome: "held", orgId });
    expect((await issuesOf(orgId)).some((doc) => doc.get("title") === "Twenty-first")).toBe(false);
  });
});

describe("bad posts: a clear 4xx, nothing stored", () => {
  const stored = async (raw: Buffer) =>
    (
      await db()
        .doc(`inboundMail/${inboundId(messageIdOf(raw))}`)
        .get()
    ).exists;

  it("refuses a missing, wrong or stale signature with 401", async () => {
    const raw = await compose({ from: "x@example.test", to: `${slug}@${DOMAIN}`, subject: "Unsigned", text: "Hi" });
    const now = Math.floor(Date.now() / 1000);
    for (const signature of [
      null,
      signInbound("not-the-secret", now, raw),
      signInbound(SECRET, now - 400, raw),
      signInbound(SECRET, now, Buffer.from("other body")),
      "t=abc,v1=zz",
    ]) {
      const response = await post(raw, `${slug}@${DOMAIN}`, { signature });
      expect(response.status).toBe(401);
      expect(response.type).toContain("application/problem+json");
    }
    expect(await stored(raw)).toBe(false);
  });

  it("refuses malformed MIME, a missing envelope recipient and another content type", async () => {
    const notMail = Buffer.from("this is not a message at all\n");
    expect((await post(notMail, `${slug}@${DOMAIN}`)).status).toBe(400);
    const noFrom = Buffer.from("Subject: hello\r\nMessage-ID: <nofrom@example.test>\r\n\r\nbody\r\n");
    expect((await post(noFrom, `${slug}@${DOMAIN}`)).status).toBe(400);
    const raw = await compose({ from: "x@example.test", to: `${slug}@${DOMAIN}`, subject: "No envelope", text: "Hi" });
    expect((await post(raw, "")).status).toBe(400);
    expect((await post(raw, "not an address")).status).toBe(400);
    expect((await post(raw, `${slug}@${DOMAIN}`, { contentType: "text/plain" })).status).toBe(415);
    expect(await stored(raw)).toBe(false);
    expect(
      (
        await db()
          .doc(`inboundMail/${inboundId("<nofrom@example.test>")}`)
          .get()
      ).exists,
    ).toBe(false);
  });

  it("refuses a body over 10 MB with 413", async () => {
    const raw = await compose({
      from: "big@example.test",
      to: `${slug}@${DOMAIN}`,
      subject: "Huge",
      text: "x".repeat(10 * 1024 * 1024 + 10),
    });
    const response = await post(raw, `${slug}@${DOMAIN}`);
    expect(response.status).toBe(413);
    expect(await stored(raw)).toBe(false);
  });
});
