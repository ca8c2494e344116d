/**
 * Sending (docs/email.md): the emulated `sendMail` delivers mail documents over SMTP with
 * nodemailer into a real SMTP server this test runs, with the conversation headers; a
 * document is sent once however often its event comes; a 4xx is retried with backoff and a
 * 5xx recorded; with no SMTP server configured the document says so.
 */
import { randomUUID } from "node:crypto";
import { Timestamp } from "firebase-admin/firestore";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleMailWritten, deliverMail } from "../../src/events/sendMail";
import { sweepMailRetries } from "../../src/events/mailRetrySweep";
import { releaseIfDue } from "../../src/store/mailDelivery";
import { startSmtpSink, smtpTestPort, type SmtpSink } from "../support/smtpSink";
import { addMemberWithUser, fft, waitFor } from "./eventsHelpers";
import { call, db, newUser, withTriggersPaused, type TestUser } from "./helpers";

let sink: SmtpSink;
let admin: TestUser;
let agent: TestUser;
let customer: TestUser;
let orgId: string;

const OUR_MESSAGE_ID = /^<[0-9a-f]{20}\.[0-9a-f]{12}\.2[0-9a-f]{16}@inbound\.firetrack\.test>$/;
const receivedFor = (address: string, subjectPart: string) =>
  sink.received.filter((m) => m.envelopeTo.includes(address) && (m.parsed.subject ?? "").includes(subjectPart));
const mailDoc = (to: string, subject: string) => ({
  to,
  message: { subject, text: "Plain words.", html: "<p>Plain words.</p>" },
  createdAt: new Date(),
});

beforeAll(async () => {
  sink = await startSmtpSink(smtpTestPort());
  process.env.SMTP_URI = `smtp://127.0.0.1:${smtpTestPort()}`;
  [admin, agent, customer] = await Promise.all([newUser("mailadmin"), newUser("mailagent"), newUser("mailcustomer")]);
  const org = await call("POST", "/orgs", { token: admin.token, body: { name: "Mail Send Org" } });
  orgId = org.body.id;
  const patched = await call("PATCH", `/orgs/${orgId}/settings`, {
    token: admin.token,
    body: { publicIntake: true, email: { senderName: "Acme Help", signature: "Acme Help Desk" } },
  });
  expect(patched.status, JSON.stringify(patched.body)).toBe(200);
  await addMemberWithUser(orgId, agent, "agent");
});

afterAll(async () => {
  await sink?.close();
});

describe("notification mail over SMTP", () => {
  it("reaches the customer as a conversation: numbered subject, signed Message-ID, reply token, Auto-Submitted, List-Unsubscribe, text and HTML", async () => {
    const title = `Printer jams ${randomUUID().slice(0, 6)}`;
    const created = await call("POST", `/orgs/${orgId}/issues`, {
      token: customer.token,
      body: { title, description: "It jams on page 2." },
    });
    expect(created.status).toBe(201);
    const number = created.body.number as string;
    const issueId = created.body.issueId as string;
    await db().doc(`users/${customer.uid}`).set({ email: customer.email, emailVerified: true }, { merge: true });

    expect(
      (
        await call("POST", `/orgs/${orgId}/issues/${issueId}/comments`, {
          token: agent.token,
          body: { body: "Internal: check the tray.", internal: true },
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await call("POST", `/orgs/${orgId}/issues/${issueId}/comments`, {
          token: agent.token,
          body: { body: "Please try the other tray." },
        })
      ).status,
    ).toBe(201);
    const [first] = await waitFor(
      "the first reply in the mailbox",
      async () => receivedFor(customer.email, number).length >= 1 && receivedFor(customer.email, number),
    );
    expect(first!.parsed.subject).toBe(`[${number}] ${title}`);
    expect(first!.header("message-id")).toMatch(OUR_MESSAGE_ID);
    expect(first!.parsed.replyTo?.value[0]?.address).toMatch(
      /^reply\+[0-9a-f]{20}\.2[0-9a-f]{16}@inbound\.firetrack\.test$/,
    );
    expect(first!.parsed.from?.value[0]).toEqual({ name: "Acme Help", address: "support@firetrack.test" });
    expect(first!.header("auto-submitted")).toBe("auto-generated");
    expect(first!.raw).toMatch(/^List-Unsubscribe: <http:\/\/127\.0\.0\.1:5000\/account\/notifications>/m);
    expect(first!.parsed.text).toContain("Please try the other tray.");
    expect(first!.parsed.text).toContain("Acme Help Desk");
    expect(first!.parsed.html).toContain("Please try the other tray.");
    // The internal note never left.
    expect(sink.received.some((m) => m.raw.includes("check the tray"))).toBe(false);

    const mailId = await waitFor("the delivery recorded", async () => {
      const docs = await db()
        .collection("mail")
        .where("issueId", "==", issueId)
        .where("to", "==", customer.email)
        .get();
      const done = docs.docs.find((d) => d.get("delivery.state") === "SUCCESS");
      return done?.id;
    });
    const mail = await db().doc(`mail/${mailId}`).get();
    expect(mail.get("delivery")).toMatchObject({
      state: "SUCCESS",
      attempts: 1,
      info: { messageId: first!.header("message-id"), accepted: [customer.email], rejected: [] },
    });
    const log = await db().doc(`orgs/${orgId}/issues/${issueId}/mails/${mailId}`).get();
    expect(log.data()).toMatchObject({
      to: customer.email,
      kind: "comment",
      state: "SUCCESS",
      subject: `[${number}] ${title}`,
    });

    // The next mail of the same issue to the same person answers the first.
    expect(
      (
        await call("POST", `/orgs/${orgId}/issues/${issueId}/comments`, {
          token: agent.token,
          body: { body: "Any luck?" },
        })
      ).status,
    ).toBe(201);
    const second = await waitFor("the second reply", async () =>
      receivedFor(customer.email, number).find((m) => (m.parsed.text ?? "").includes("Any luck?")),
    );
    // Between the two came the status mail (open → answered): the reply names the latest, and References all.
    const earlier = receivedFor(customer.email, number)
      .filter((m) => m !== second)
      .map((m) => m.header("message-id"));
    expect(earlier).toContain(second.header("in-reply-to"));
    expect([second.parsed.references ?? []].flat()).toContain(first!.header("message-id"));
    expect(second.header("message-id")).not.toBe(first!.header("message-id"));
  });
});

describe("delivery states", () => {
  it("sends a document once when its event comes twice, or three times at once", async () => {
    const subject = `Twice ${randomUUID().slice(0, 6)}`;
    const ref = db().collection("mail").doc();
    await withTriggersPaused(async () => {
      await ref.set(mailDoc("twice@example.test", subject));
      const snapshot = await ref.get();
      const event = {
        id: randomUUID(),
        time: new Date().toISOString(),
        data: fft.makeChange(await db().doc("mail/none").get(), snapshot),
        params: { mailId: ref.id },
      };
      await Promise.all([
        handleMailWritten(event as never),
        handleMailWritten(event as never),
        handleMailWritten({ ...event, id: randomUUID() } as never),
      ]);
    });
    expect(receivedFor("twice@example.test", subject)).toHaveLength(1);
    expect((await ref.get()).get("delivery")).toMatchObject({ state: "SUCCESS", attempts: 1 });
  });

  it("retries a transient refusal (451) after a wait, then delivers", async () => {
    const subject = `Later ${randomUUID().slice(0, 6)}`;
    sink.refuse((address) => address === "later@example.test", 451, 1);
    const ref = db().collection("mail").doc();
    await ref.set(mailDoc("later@example.test", subject));
    const retry = await waitFor("RETRY", async () =>
      (await ref.get()).get("delivery.state") === "RETRY" ? (await ref.get()).get("delivery") : null,
    );
    expect(retry).toMatchObject({ attempts: 1, error: expect.stringContaining("451") });
    const waitMs = retry.leaseExpireTime.toMillis() - retry.endTime.toMillis();
    expect(waitMs).toBe(60_000);
    // Before the wait is over the mail stays where it is; after it, it goes back to the trigger, which sends again.
    // (Released one by one, as the sweep does: a sweep here would also release other suites' mail in RETRY.)
    expect(await releaseIfDue(db(), ref, retry.endTime.toMillis() + 1_000)).toBe(false);
    expect((await ref.get()).get("delivery.state")).toBe("RETRY");
    expect(await releaseIfDue(db(), ref, retry.leaseExpireTime.toMillis() + 1)).toBe(true);
    expect(await releaseIfDue(db(), ref, retry.leaseExpireTime.toMillis() + 1)).toBe(false);
    await waitFor("SUCCESS", async () => (await ref.get()).get("delivery.state") === "SUCCESS");
    expect((await ref.get()).get("delivery.attempts")).toBe(2);
    expect(receivedFor("later@example.test", subject)).toHaveLength(1);
  });

  it("the sweep hands back mail whose wait is over, oldest first, and leaves the rest", async () => {
    const subject = `Swept ${randomUUID().slice(0, 6)}`;
    const ref = db().collection("mail").doc();
    const waiting = db().collection("mail").doc();
    // Leases from the dawn of time: no other suite's mail is due at these moments, so the sweep sees only these two.
    const retrying = (lease: number) => ({
      state: "RETRY",
      attempts: 1,
      leaseExpireTime: Timestamp.fromMillis(lease),
      endTime: Timestamp.fromMillis(0),
    });
    await withTriggersPaused(async () => {
      await ref.set({ ...mailDoc("swept@example.test", subject), delivery: retrying(1_000) });
      await waiting.set({ ...mailDoc("waiting@example.test", subject), delivery: retrying(5_000) });
    });
    expect(await sweepMailRetries(db(), 2_000)).toMatchObject({ released: 1 });
    expect((await waiting.get()).get("delivery.state")).toBe("RETRY");
    await waitFor("SUCCESS", async () => (await ref.get()).get("delivery.state") === "SUCCESS");
    expect(receivedFor("swept@example.test", subject)).toHaveLength(1);
    await waiting.delete();
  });

  it("records a permanent refusal (550) as ERROR and does not retry it", async () => {
    const subject = `Gone ${randomUUID().slice(0, 6)}`;
    sink.refuse((address) => address === "gone@example.test", 550);
    const ref = db().collection("mail").doc();
    await ref.set(mailDoc("gone@example.test", subject));
    await waitFor("ERROR", async () => (await ref.get()).get("delivery.state") === "ERROR");
    expect((await ref.get()).get("delivery")).toMatchObject({
      attempts: 1,
      error: expect.stringContaining("550"),
      leaseExpireTime: null,
    });
    expect(await releaseIfDue(db(), ref, Date.now() + 24 * 3600_000)).toBe(false);
    expect((await ref.get()).get("delivery.state")).toBe("ERROR");
    expect(receivedFor("gone@example.test", subject)).toHaveLength(0);
  });

  it("with no SMTP server configured sends nothing and says so on the document", async () => {
    const subject = `Nowhere ${randomUUID().slice(0, 6)}`;
    const ref = db().collection("mail").doc();
    await withTriggersPaused(async () => {
      await ref.set(mailDoc("nowhere@example.test", subject));
      expect(await deliverMail(db(), ref, "")).toBe("ERROR");
    });
    expect((await ref.get()).get("delivery")).toMatchObject({
      state: "ERROR",
      attempts: 1,
      error: expect.stringContaining("SMTP_URI"),
    });
    expect(receivedFor("nowhere@example.test", subject)).toHaveLength(0);
  });
});
