/**
 * Erasure and mail (DELETE …/issues/{id}?permanent=true, docs/email.md): an issue that came
 * and went by mail leaves nothing personal behind: not its mail documents, not the
 * conversations (addresses, Message-IDs), not the received mails (senders, bodies, raw bytes),
 * the stranger's and the bounce's among them. Each received mail stays only as a tombstone, so
 * the same mail delivered again opens nothing. Another issue's mail stays as it was.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmtpSink, smtpTestPort, type Received, type SmtpSink } from "../support/smtpSink";
import { addMemberWithUser, waitFor } from "./eventsHelpers";
import { call, db, newUser, type TestUser } from "./helpers";
import { compose, deliverInbound, INBOUND_DOMAIN, inboundId, messageIdOf, postInbound } from "./inboundHelpers";

let sink: SmtpSink;
let admin: TestUser;
let agent: TestUser;
let orgId: string;
let slug: string;
let toOrg: string;

const tag = randomUUID().slice(0, 8);
const forgotten = `forget-${tag}@example.test`;
const kept = `keep-${tag}@example.test`;
const SECRET_WORDS = `sesame-${tag}`;

beforeAll(async () => {
  sink = await startSmtpSink(smtpTestPort());
  [admin, agent] = await Promise.all([newUser("eraseadmin"), newUser("eraseagent")]);
  slug = `erase-${tag}`;
  toOrg = `${slug}@${INBOUND_DOMAIN}`;
  orgId = (await call("POST", "/orgs", { token: admin.token, body: { name: "Mail Erasure", slug } })).body.id;
  expect(
    (await call("PATCH", `/orgs/${orgId}/settings`, { token: admin.token, body: { publicIntake: true } })).status,
  ).toBe(200);
  await addMemberWithUser(orgId, agent, "agent");
});

afterAll(async () => {
  await sink?.close();
});

const mailTo = (address: string, subjectPart: string) =>
  waitFor(`a mail to ${address}`, async () =>
    sink.received.find((m) => m.envelopeTo.includes(address) && (m.parsed.subject ?? "").includes(subjectPart)),
  );
/** Every document of the collections that hold mail, as text, to look for what must be gone. */
async function mailStores(): Promise<string> {
  const [mail, threads, inbound] = await Promise.all(
    ["mail", "mailThreads", "inboundMail"].map((name) => db().collection(name).get()),
  );
  const raws = await Promise.all(inbound!.docs.map((doc) => doc.ref.collection("raw").get()));
  return JSON.stringify([
    ...[...mail!.docs, ...threads!.docs, ...inbound!.docs].map((doc) => [doc.ref.path, doc.data()]),
    ...raws.flatMap((raw) => raw.docs.map((doc) => [doc.ref.path, Buffer.from(doc.get("bytes")).toString("latin1")])),
  ]);
}
/** Waits until no mail of the org is still on its way, so what the erasure leaves is its own doing. */
const mailSettled = () =>
  waitFor("every mail sent", async () => {
    const mails = await db().collection("mail").where("orgId", "==", orgId).get();
    return mails.docs.every((doc) => ["SUCCESS", "ERROR"].includes(doc.get("delivery.state")));
  });

describe("erasing an issue that came by mail", () => {
  let erasedId: string;
  let keptId: string;
  let opening: Buffer;

  it("sets up two conversations: a reply, a stranger and a bounce on the first, a plain ticket on the second", async () => {
    opening = await compose({
      from: forgotten,
      to: toOrg,
      subject: "Delete my data",
      text: `My account word is ${SECRET_WORDS}.`,
    });
    const created = await deliverInbound(opening, toOrg);
    expect(created.outcome).toBe("created");
    erasedId = created.issueId;
    const number = (await db().doc(`orgs/${orgId}/issues/${erasedId}`).get()).get("number") as string;
    const ack: Received = await mailTo(forgotten, number);
    const replyTo = ack.parsed.replyTo!.value[0]!.address!;
    const reply = await compose({
      from: forgotten,
      to: replyTo,
      subject: `Re: ${ack.parsed.subject}`,
      inReplyTo: ack.header("message-id"),
      text: `Also ${SECRET_WORDS} again.`,
    });
    expect(await deliverInbound(reply, replyTo)).toMatchObject({ outcome: "commented", issueId: erasedId });
    const stranger = await compose({
      from: `mallory-${tag}@example.test`,
      to: replyTo,
      subject: "Re: yours",
      text: `Quoting ${SECRET_WORDS}.`,
    });
    expect(await deliverInbound(stranger, replyTo)).toMatchObject({ outcome: "stranger", issueId: erasedId });
    const bounce = await compose({
      from: "MAILER-DAEMON@mx.example.test",
      to: toOrg,
      subject: "Undelivered Mail Returned to Sender",
      text: `Could not deliver to ${forgotten}.\nMessage-ID: ${ack.header("message-id")}\n`,
    });
    expect(await deliverInbound(bounce, toOrg)).toMatchObject({ outcome: "bounce", issueId: erasedId });

    const other = await deliverInbound(
      await compose({ from: kept, to: toOrg, subject: "Keep me", text: "Nothing to forget." }),
      toOrg,
    );
    expect(other.outcome).toBe("created");
    keptId = other.issueId;
    await mailTo(kept, "Keep me");
    await mailSettled();
    const before = await mailStores();
    expect(before).toContain(forgotten);
    expect(before).toContain(SECRET_WORDS);
  });

  it("leaves no address, text or raw byte of it in mail, mailThreads or inboundMail; the other issue's mail stays", async () => {
    const keptBefore = await Promise.all([
      db().collection("mail").where("issueId", "==", keptId).get(),
      db().collection("mailThreads").where("issueId", "==", keptId).get(),
      db().collection("inboundMail").where("issueId", "==", keptId).get(),
    ]);
    expect(keptBefore.map((q) => q.size).every((size) => size > 0)).toBe(true);

    const erased = await call("DELETE", `/orgs/${orgId}/issues/${erasedId}?permanent=true`, { token: admin.token });
    expect(erased.status).toBe(204);

    const after = await mailStores();
    expect(after).not.toContain(forgotten);
    expect(after).not.toContain(SECRET_WORDS);
    expect(after).not.toContain(erasedId);
    for (const name of ["mail", "mailThreads", "inboundMail"])
      expect((await db().collection(name).where("issueId", "==", erasedId).get()).size, name).toBe(0);
    // The received mails are tombstones: their id, what they were, nothing of what they said.
    const tombstone = await db()
      .doc(`inboundMail/${inboundId(messageIdOf(opening))}`)
      .get();
    expect(Object.keys(tombstone.data()!).sort()).toEqual(["erasedAt", "expireAt", "outcome"]);
    expect(tombstone.get("outcome")).toBe("erased");
    expect((await tombstone.ref.collection("raw").get()).size).toBe(0);

    const keptAfter = await Promise.all([
      db().collection("mail").where("issueId", "==", keptId).get(),
      db().collection("mailThreads").where("issueId", "==", keptId).get(),
      db().collection("inboundMail").where("issueId", "==", keptId).get(),
    ]);
    expect(keptAfter.map((q) => q.size)).toEqual(keptBefore.map((q) => q.size));
    expect(after).toContain(kept);
    const keptRecord = keptAfter[2]!.docs[0]!;
    expect((await keptRecord.ref.collection("raw").get()).size).toBeGreaterThan(0);
  });

  it("opens nothing when the erased issue's first mail is delivered again", async () => {
    const issuesBefore = (await db().collection(`orgs/${orgId}/issues`).get()).size;
    expect(await postInbound(opening, toOrg)).toMatchObject({ status: 202, body: { duplicate: true } });
    expect((await db().collection(`orgs/${orgId}/issues`).get()).size).toBe(issuesBefore);
    expect(await mailStores()).not.toContain(forgotten);
  });
});
