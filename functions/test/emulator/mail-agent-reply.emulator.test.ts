/**
 * An agent answers a notification mail (docs/email.md, "Agents answer from their inbox"):
 * every notification to staff carries a reply token for that staff member, and their answer,
 * by token or by In-Reply-To alone, is their public comment, written as the member through the
 * API's own code, so the first response and `open` → `answered` follow and the customer gets
 * the answer by mail. A token made for someone else, and a member who was removed or is now a
 * customer on someone else's issue, add nothing. Mail goes through real SMTP both ways.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmtpSink, smtpTestPort, type Received, type SmtpSink } from "../support/smtpSink";
import { addMemberWithUser, waitFor } from "./eventsHelpers";
import { call, db, newUser, type TestUser } from "./helpers";
import { compose, deliverInbound as deliver, INBOUND_DOMAIN as DOMAIN, inboundId, messageIdOf } from "./inboundHelpers";

let sink: SmtpSink;
let admin: TestUser;
let agent: TestUser;
let demoted: TestUser;
let removed: TestUser;
let orgId: string;
let slug: string;
let issueId: string;
let number: string;
const customer = `carla-${randomUUID().slice(0, 6)}@example.test`;

const issueRef = () => db().doc(`orgs/${orgId}/issues/${issueId}`);
const comments = async () => (await issueRef().collection("comments").get()).docs;
const replyToOf = (mail: Received) => mail.parsed.replyTo!.value[0]!.address!;

/** The "new issue" notification a staff member got for the issue, as their mailbox holds it. */
const notificationFor = (user: TestUser) =>
  waitFor(`the notification to ${user.name}`, async () =>
    sink.received.find((m) => m.envelopeTo.includes(user.email) && (m.parsed.subject ?? "").includes(number)),
  );

/** An answer from a mail client: the new text on top, the notification quoted below. */
const answer = (from: string, to: string, to_: Received, text: string, inReplyTo = true) =>
  compose({
    from,
    to,
    subject: `Re: ${to_.parsed.subject}`,
    ...(inReplyTo ? { inReplyTo: to_.header("message-id"), references: [to_.header("message-id")!] } : {}),
    text: `${text}\n\nOn Mon, 7 Dec 2026, Firetrack wrote:\n> ${(to_.parsed.text ?? "").split("\n").join("\n> ")}\n`,
  });

beforeAll(async () => {
  sink = await startSmtpSink(smtpTestPort());
  [admin, agent, demoted, removed] = await Promise.all([
    newUser("replyadmin"),
    newUser("replyagent"),
    newUser("replydemoted"),
    newUser("replyremoved"),
  ]);
  slug = `agents-${randomUUID().slice(0, 8)}`;
  orgId = (await call("POST", "/orgs", { token: admin.token, body: { name: "Agent Replies", slug } })).body.id;
  expect(
    (await call("PATCH", `/orgs/${orgId}/settings`, { token: admin.token, body: { publicIntake: true } })).status,
  ).toBe(200);
  await db().doc(`users/${admin.uid}`).set({ email: admin.email, emailVerified: true }, { merge: true });
  for (const user of [agent, demoted, removed]) await addMemberWithUser(orgId, user, "agent");

  // A customer mails in: the issue opens, and every admin and agent is told by mail.
  const opened = await deliver(
    await compose({ from: customer, to: `${slug}@${DOMAIN}`, subject: "Scanner offline", text: "It shows E42." }),
    `${slug}@${DOMAIN}`,
  );
  expect(opened).toMatchObject({ outcome: "created", orgId });
  issueId = opened.issueId;
  number = (await issueRef().get()).get("number");
});

afterAll(async () => {
  await sink?.close();
});

describe("an agent answers a notification mail", () => {
  it("gives every staff member a reply token of their own", async () => {
    const tokens = await Promise.all(
      [admin, agent, demoted, removed].map(async (u) => replyToOf(await notificationFor(u))),
    );
    for (const address of tokens)
      expect(address).toMatch(/^reply\+[0-9a-f]{20}\.2[0-9a-f]{16}@inbound\.firetrack\.test$/);
    expect(new Set(tokens).size).toBe(4);
  });

  it("turns the answer to the token into the agent's public comment, with the first response and the customer's mail", async () => {
    const notification = await notificationFor(agent);
    const raw = await answer(
      agent.email,
      replyToOf(notification),
      notification,
      "Please restart it while holding Stop.",
    );
    expect(await deliver(raw, replyToOf(notification))).toMatchObject({ outcome: "commented", orgId, issueId });
    const comment = await issueRef()
      .collection("comments")
      .doc(`mail-${inboundId(messageIdOf(raw)).slice(0, 24)}`)
      .get();
    expect(comment.data()).toMatchObject({
      body: "Please restart it while holding Stop.",
      internal: false,
      channel: "email",
      source: "internal",
      author: { uid: agent.uid, kind: "member", name: agent.name },
    });
    // The automatic moves of an agent's public reply, as from the web: first response, open → answered.
    const issue = await waitFor("open → answered", async () => {
      const snapshot = await issueRef().get();
      return snapshot.get("status") === "answered" && snapshot;
    });
    expect(issue.get("firstResponseAt")).not.toBeNull();
    const reply = await waitFor("the answer in the customer's mailbox", async () =>
      sink.received.find((m) => m.envelopeTo.includes(customer) && (m.parsed.text ?? "").includes("holding Stop")),
    );
    expect(reply.parsed.subject).toBe(`[${number}] Scanner offline`);
    // The customer's copy names nobody's token but the customer's.
    expect(replyToOf(reply)).not.toBe(replyToOf(notification));
  });

  it("matches the agent's answer through In-Reply-To alone, sent to the org's address", async () => {
    const notification = await notificationFor(agent);
    const before = (await db().collection(`orgs/${orgId}/issues`).get()).size;
    const raw = await answer(agent.email, `${slug}@${DOMAIN}`, notification, "Firmware 3.2 fixes E42.");
    expect(await deliver(raw, `${slug}@${DOMAIN}`)).toMatchObject({ outcome: "commented", orgId, issueId });
    const comment = (await comments()).find((c) => c.get("body") === "Firmware 3.2 fixes E42.");
    expect(comment?.get("author")).toMatchObject({ uid: agent.uid, kind: "member" });
    expect((await db().collection(`orgs/${orgId}/issues`).get()).size).toBe(before);
  });

  it("refuses the agent's mail to a token made for someone else, with or without the other's In-Reply-To", async () => {
    const adminsMail = await notificationFor(admin);
    const count = (await comments()).length;
    const byToken = await answer(agent.email, replyToOf(adminsMail), adminsMail, "Sneaking in as the admin.");
    expect(await deliver(byToken, replyToOf(adminsMail))).toMatchObject({ outcome: "stranger" });
    const byReference = await answer(agent.email, `${slug}@${DOMAIN}`, adminsMail, "Through the admin's thread.");
    // Not the admin's conversation, so it is a new mail to the org: the agent's own issue, never a comment here.
    const outcome = await deliver(byReference, `${slug}@${DOMAIN}`);
    expect(outcome.issueId ?? null).not.toBe(issueId);
    expect((await comments()).length).toBe(count);
  });

  it("lets no one who left the team comment by mail: removed, or now a customer of an issue they did not raise", async () => {
    const [demotedMail, removedMail] = await Promise.all([notificationFor(demoted), notificationFor(removed)]);
    expect(
      (await call("PATCH", `/orgs/${orgId}/members/${demoted.uid}`, { token: admin.token, body: { role: "customer" } }))
        .status,
    ).toBe(200);
    expect((await call("DELETE", `/orgs/${orgId}/members/${removed.uid}`, { token: admin.token })).status).toBe(204);
    const count = (await comments()).length;
    const fromDemoted = await answer(demoted.email, replyToOf(demotedMail), demotedMail, "Still on it.");
    expect(await deliver(fromDemoted, replyToOf(demotedMail))).toMatchObject({ outcome: "forbidden", issueId });
    const fromRemoved = await answer(removed.email, replyToOf(removedMail), removedMail, "One last thing.", false);
    expect(await deliver(fromRemoved, replyToOf(removedMail))).toMatchObject({ outcome: "forbidden", issueId });
    const byReference = await answer(removed.email, `${slug}@${DOMAIN}`, removedMail, "Via the thread.");
    expect(await deliver(byReference, `${slug}@${DOMAIN}`)).toMatchObject({ outcome: "forbidden", issueId });
    expect((await comments()).length).toBe(count);
  });
});
