// The email channel (docs/email.md), end to end through the emulated functions and a real
// SMTP server this benchmark starts (smtp-server, where the test environment's SMTP_URI points):
// - mail in → issue visible: a signed raw message posted to `inboundEmail`, until the issue,
//   numbered, shows in an agent's queue listener; against a create through the API (the same
//   Functions emulator, the same listener), in alternating rounds of the same run;
// - public reply → mail in the mailbox: an agent's public comment through the API, until the
//   customer's mail is in the SMTP server; against the in-app notification the same fan-out
//   writes, so the ratio is what sending by SMTP adds.
import { createHash, createHmac, randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import { SMTPServer } from "smtp-server";
import { PROJECT_ID } from "../../scripts/lib/emulatorEnv.mjs";
import { summary } from "../lib/measure.mjs";

const require = createRequire(import.meta.url);
/** @type {new (options: Record<string, unknown>) => { compile(): { build(): Promise<Buffer> } }} */
const MailComposer = require("nodemailer/lib/mail-composer");

const DOMAIN = process.env.FIRETRACK_INBOUND_EMAIL_DOMAIN ?? "inbound.firetrack.test";

/**
 * A real SMTP server on the test environment's SMTP port; resolves each awaited recipient and
 * text with the time its mail arrived.
 */
export async function startMailbox() {
  const port = Number(process.env.FIRETRACK_SMTP_TEST_PORT);
  if (!port) throw new Error("FIRETRACK_SMTP_TEST_PORT is not set: the bench runs the emulators with --test-env");
  /** @type {{ to: string[], text: string, at: number }[]} */
  const received = [];
  /** @type {Set<() => void>} */
  const waiting = new Set();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks = /** @type {Buffer[]} */ ([]);
      stream.on("data", (chunk) => chunks.push(chunk));
      stream.on("end", () => {
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          // Quoted-printable soft breaks undone, enough to find a marker in the text.
          text: Buffer.concat(chunks)
            .toString("utf8")
            .replace(/=\r?\n/g, ""),
          at: performance.now(),
        });
        for (const wake of waiting) wake();
        callback();
      });
    },
  });
  await /** @type {Promise<void>} */ (
    new Promise((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => resolve());
    })
  );
  /** The arrival time of the first mail to `to` whose text holds `marker`. */
  const arrival = (to, marker, timeoutMs = 120_000) =>
    new Promise((resolve, reject) => {
      const check = () => {
        const found = received.find((m) => m.to.includes(to) && m.text.includes(marker));
        if (!found) return false;
        waiting.delete(check);
        clearTimeout(timer);
        resolve(found.at);
        return true;
      };
      const timer = setTimeout(() => {
        waiting.delete(check);
        reject(new Error(`no mail to the customer with ${marker} within ${timeoutMs} ms`));
      }, timeoutMs);
      if (!check()) waiting.add(check);
    });
  return {
    received,
    arrival,
    close: () => new Promise((resolve) => server.close(() => resolve(undefined))),
  };
}

/**
 * A raw message as a provider's relay posts it, signed with the inbound secret.
 * @param {{ hosts: { functions: string | null } }} ctx
 * @param {{ from: string, to: string, subject: string, text: string, inReplyTo?: string }} mail
 */
export async function postInboundMail(ctx, { from, to, subject, text, inReplyTo }) {
  const raw = await new MailComposer({ from, to, subject, text, date: new Date(), inReplyTo }).compile().build();
  const secret = process.env.FIRETRACK_INBOUND_EMAIL_SECRET ?? "";
  const t = Math.floor(Date.now() / 1000);
  const mac = createHmac("sha256", secret).update(`${t}.`).update(raw).digest("hex");
  const response = await fetch(`http://${ctx.hosts.functions}/${PROJECT_ID}/us-central1/inboundEmail`, {
    method: "POST",
    headers: { "content-type": "message/rfc822", "x-envelope-to": to, "x-firetrack-signature": `t=${t},v1=${mac}` },
    body: new Uint8Array(raw),
  });
  const answer = await response.text();
  if (response.status !== 202) throw new Error(`inboundEmail answered ${response.status}: ${answer.slice(0, 200)}`);
  const messageId = /^Message-ID: (<[^>]+>)/im.exec(raw.toString("latin1"))?.[1] ?? "";
  const inboundId = createHash("sha256").update(messageId.trim().toLowerCase()).digest("hex");
  // processInboundMail names the issue (and a comment) after the record: `mail-<24 hex>`.
  return { inboundId, issueId: `mail-${inboundId.slice(0, 24)}` };
}

/** When each issue of the org first shows in a queue listener with its number. */
function watchQueue(ctx, orgId) {
  /** @type {Map<string, number>} */
  const seen = new Map();
  /** @type {Map<string, () => void>} */
  const waiting = new Map();
  const unsubscribe = ctx.db.collection(`orgs/${orgId}/issues`).onSnapshot((snapshot) => {
    for (const change of snapshot.docChanges()) {
      const id = change.doc.id;
      if (seen.has(id) || !change.doc.get("number")) continue;
      seen.set(id, performance.now());
      waiting.get(id)?.();
    }
  });
  const visible = (id, timeoutMs = 120_000) =>
    seen.has(id)
      ? Promise.resolve(seen.get(id))
      : new Promise((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`issue ${id} never showed in the queue`)), timeoutMs);
          waiting.set(id, () => {
            clearTimeout(timer);
            waiting.delete(id);
            resolve(seen.get(id));
          });
        });
  return { visible, stop: unsubscribe };
}

/** When the user's first in-app notification about the issue appears. */
function notificationArrival(ctx, uid, issueId, timeoutMs = 120_000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`no notification about ${issueId} within ${timeoutMs} ms`));
    }, timeoutMs);
    const unsubscribe = ctx.db
      .collection(`users/${uid}/notifications`)
      .where("issueId", "==", issueId)
      .where("type", "==", "comment")
      .onSnapshot((snapshot) => {
        if (snapshot.empty) return;
        clearTimeout(timer);
        unsubscribe();
        resolve(performance.now());
      });
  });
}

const ms = (v) => `${Math.round(v)} ms`;

export default {
  title:
    "Email: mail in → issue visible against an API create; public reply → mail in the mailbox against the in-app notification",
  async run(ctx, { smoke }) {
    const n = smoke ? 2 : 50;
    const replies = smoke ? 1 : 20;
    const mailbox = await startMailbox();
    try {
      const admin = await ctx.newUser("mail-admin");
      const agent = await ctx.newUser("mail-agent");
      const slug = `bench-mail-${randomUUID().slice(0, 8)}`;
      const { id: orgId } = await ctx.expectCall(201, "POST", "/orgs", {
        token: admin.token,
        body: { name: "Bench Mail", slug },
      });
      await ctx.expectCall(200, "PATCH", `/orgs/${orgId}/settings`, {
        token: admin.token,
        body: { publicIntake: true },
      });
      await ctx.addMember(orgId, agent, "agent");
      const queue = watchQueue(ctx, orgId);
      const toOrg = `${slug}@${DOMAIN}`;
      // Every mail from its own sender: 20 an hour from one sender would be held back.
      const sender = (i) => `bench-customer-${i}-${randomUUID().slice(0, 6)}@example.test`;

      const mailIn = async (i) => {
        const started = performance.now();
        const { issueId } = await postInboundMail(ctx, {
          from: sender(i),
          to: toOrg,
          subject: `Scanner ${i} shows E42`,
          text: "It stopped after the update.",
        });
        return { issueId, ms: (await queue.visible(issueId)) - started };
      };
      const apiCreate = async (i) => {
        const started = performance.now();
        const body = await ctx.expectCall(201, "POST", `/orgs/${orgId}/issues`, {
          token: agent.token,
          base: ctx.functionBase,
          body: { title: `Scanner ${i} shows E42 (API)`, description: "It stopped after the update." },
        });
        return (await queue.visible(body.id)) - started;
      };

      // Warm both paths' workers first; a cold start is not what this compares.
      const mark = ctx.opLog.mark();
      await mailIn(-1);
      await apiCreate(-1);
      await ctx.settle(mark);

      // One at a time, alternating, so machine load falls on both alike.
      const settleInbound = ctx.opLog.mark();
      const inbound = [];
      const created = [];
      for (let i = 0; i < n; i++) {
        const first = i % 2 === 0;
        if (first) inbound.push(await mailIn(i));
        created.push(await apiCreate(i));
        if (!first) inbound.push(await mailIn(i));
      }
      await ctx.settle(settleInbound, { timeoutMs: 600_000 });

      // Public replies on issues opened by mail: the customer's mail against their in-app notification.
      const settleReplies = ctx.opLog.mark();
      const toMailbox = [];
      const toBell = [];
      const mailIssues = await Promise.all(
        inbound.slice(0, replies).map(async ({ issueId }) => {
          const issue = await ctx.db.doc(`orgs/${orgId}/issues/${issueId}`).get();
          const uid = issue.get("reporter.uid");
          const email = (await ctx.db.doc(`users/${uid}`).get()).get("email");
          return { issueId, uid, email };
        }),
      );
      for (const [i, { issueId, uid, email }] of mailIssues.entries()) {
        const marker = `reply-${randomUUID().slice(0, 8)}`;
        const bell = notificationArrival(ctx, uid, issueId);
        const inbox = mailbox.arrival(email, marker);
        const started = performance.now();
        await ctx.expectCall(201, "POST", `/orgs/${orgId}/issues/${issueId}/comments`, {
          token: agent.token,
          body: { body: `Please hold Stop while it restarts (${marker}, ${i}).` },
        });
        toMailbox.push((await inbox) - started);
        toBell.push((await bell) - started);
      }
      queue.stop();
      await ctx.settle(settleReplies, { timeoutMs: 600_000 });

      const s = {
        mailIn: summary(inbound.map((r) => r.ms)),
        apiCreate: summary(created),
        toMailbox: summary(toMailbox),
        toBell: summary(toBell),
      };
      const figures = [
        {
          figure: `mail in → issue visible / API create → issue visible, p50 (${n} each)`,
          ours: Math.round(s.mailIn.p50),
          baseline: Math.round(s.apiCreate.p50),
          unit: "ms",
          ratio: s.mailIn.p50 / s.apiCreate.p50,
          meaning: `Half the mails show as a numbered issue in the queue within ${ms(s.mailIn.p50)} of the post to inboundEmail; a create through the API shows within ${ms(s.apiCreate.p50)}. The mail waits for a second function (processInboundMail) and makes the sender a customer first.`,
        },
        {
          figure: `mail in → issue visible / API create → issue visible, p95 (${n} each)`,
          ours: Math.round(s.mailIn.p95),
          baseline: Math.round(s.apiCreate.p95),
          unit: "ms",
          ratio: s.mailIn.p95 / s.apiCreate.p95,
          meaning: `Nineteen mails in twenty show within ${ms(s.mailIn.p95)}, against ${ms(s.apiCreate.p95)} for the API.`,
        },
        {
          figure: `public reply → mail in the mailbox / → in-app notification, p50 (${replies} replies)`,
          ours: Math.round(s.toMailbox.p50),
          baseline: Math.round(s.toBell.p50),
          unit: "ms",
          ratio: s.toMailbox.p50 / s.toBell.p50,
          meaning: `Half the customers have the agent's reply in their mailbox within ${ms(s.toMailbox.p50)} of the API call; the same fan-out's bell entry shows within ${ms(s.toBell.p50)}. The difference is sendMail and the SMTP hop.`,
        },
        {
          figure: `public reply → mail in the mailbox / → in-app notification, p95 (${replies} replies)`,
          ours: Math.round(s.toMailbox.p95),
          baseline: Math.round(s.toBell.p95),
          unit: "ms",
          ratio: s.toMailbox.p95 / s.toBell.p95,
          meaning: `Nineteen in twenty within ${ms(s.toMailbox.p95)}, against ${ms(s.toBell.p95)} for the bell.`,
        },
      ];
      return { title: this.title, figures, data: { summaries: s, n, replies } };
    } finally {
      await mailbox.close();
    }
  },
};
