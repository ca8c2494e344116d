// The cost table: Firestore operations and function invocations per user
// action, counted in bench mode (bench/probe/preload.cjs) in this process
// (the API) and in every Functions emulator worker (the triggers); document
// reads of the web's listeners counted from their snapshots, with the rules'
// get() lookups from the rules cost analysis. Then the projected monthly bill.
import { createHmac, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { readLookups } from "../../scripts/lib/rulesCost.mjs";
import { PROJECT_ID } from "../../scripts/lib/emulatorEnv.mjs";
import { waitForQuiet } from "../../scripts/lib/functionsActivity.mjs";
import { issueIdOf } from "../lib/context.mjs";
import { sleep, waitFor } from "../lib/measure.mjs";
import { tally } from "../lib/opLog.mjs";
import { seedLargeOrg } from "../lib/seedOrg.mjs";
import { AUTOMATION_ROWS, money, monthlyBill } from "../lib/bill.mjs";
import { barChart } from "../lib/svg.mjs";
import { signIn } from "../lib/webListeners.mjs";
import { postInboundMail, startMailbox } from "./mail.mjs";

/** The functions that are the email channel's own share of a mailed action; the rest is what the API path pays too. */
const MAIL_IN_FUNCTIONS = ["inboundEmail", "processInboundMail"];

const RULE = {
  issue: "/orgs/{orgId}/issues/{issueId}",
  comment: "/orgs/{orgId}/issues/{issueId}/comments/{commentId}",
  activity: "/orgs/{orgId}/issues/{issueId}/activities/{activityId}",
  stats: "/orgs/{orgId}/stats/{docId}",
};

/**
 * The "webhook delivery" row joins once the Linear integration is on the branch: its function is
 * built, and the harness handed the emulated functions a webhook secret (run.mjs passes the
 * harness's --test-env when it has one, which sets FIRETRACK_LINEAR_WEBHOOK_SECRET here). The
 * probe counts and awaits its function and trigger like every other, from outside.
 */
const LINEAR_WEBHOOK_BUILD = new URL("../../functions/lib/integrations/linear/webhook.js", import.meta.url);
export const linearWebhookReady = () =>
  existsSync(LINEAR_WEBHOOK_BUILD) && Boolean(process.env.FIRETRACK_LINEAR_WEBHOOK_SECRET);

/** One signed Linear delivery, in the shape bench/linear-webhook.mjs sends: an update of an issue no org links. */
async function deliverLinearWebhook(ctx) {
  const body = JSON.stringify({
    action: "update",
    type: "Issue",
    actor: { id: "bench-user", name: "Bench", type: "user" },
    createdAt: new Date().toISOString(),
    data: { id: randomUUID(), title: "Bench issue", priority: 3, updatedAt: new Date().toISOString() },
    updatedFrom: { title: "Before" },
    url: "https://linear.app/bench/issue/BEN-1",
    organizationId: "bench-org",
    webhookId: "bench-webhook",
    webhookTimestamp: Date.now(),
  });
  const response = await fetch(`http://${ctx.hosts.functions}/${PROJECT_ID}/us-central1/linearWebhook`, {
    method: "POST",
    headers: {
      "content-type": "application/json; charset=utf-8",
      "linear-delivery": randomUUID(),
      "linear-event": "Issue",
      "linear-signature": createHmac(
        "sha256",
        /** @type {string} linearWebhookReady() checked it */ (process.env.FIRETRACK_LINEAR_WEBHOOK_SECRET),
      )
        .update(body)
        .digest("hex"),
    },
    body,
  });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`linearWebhook answered ${response.status}`);
}

const int = (n) => Math.round(n).toLocaleString("en-US");

/** Billed operations of a row: reads, writes and deletes (invocations are shown beside them). */
const ops = (r) => r.reads + r.writes + r.deletes;

/** Each automation against the same work by hand, measured in the same run (operations, ratio by hand / automation). */
function automationFigures(rows) {
  const find = (prefix) => rows.find((r) => r.action.startsWith(prefix));
  const rr = find(AUTOMATION_ROWS.roundRobin);
  const create = find("create, by a customer");
  const assign = find(AUTOMATION_ROWS.assignByHand);
  const macro = find(AUTOMATION_ROWS.macro);
  const macroByHand = find(AUTOMATION_ROWS.macroByHand);
  const sweep = find(AUTOMATION_ROWS.autoClose);
  const close = find(AUTOMATION_ROWS.closeByHand);
  const timer = find(AUTOMATION_ROWS.slaTimer);
  const idle = find(AUTOMATION_ROWS.slaSweepIdle);
  if (!rr || !create || !assign || !macro || !macroByHand || !sweep || !close || !timer || !idle) return [];
  const closed = Number(/closing (\d+)/.exec(sweep.action)?.[1] ?? 1);
  const perClose = ops(sweep) / closed;
  const figure = (name, ours, baseline, meaning) => ({ figure: name, ours, baseline, ratio: baseline / ours, meaning });
  return [
    figure(
      "operations: create with round robin (baseline: create, then assign by hand)",
      ops(rr),
      ops(create) + ops(assign),
      `A customer's issue assigned by round robin costs ${ops(rr)} reads, writes and deletes and ${rr.invocations} invocations; created and then assigned by an agent, ${ops(create) + ops(assign)} and ${create.invocations + assign.invocations}.`,
    ),
    figure(
      "operations: macro applied (baseline: reply, transition and tag by hand)",
      ops(macro),
      ops(macroByHand),
      `One click costs ${ops(macro)} operations and ${macro.invocations} invocations; the three requests by hand ${ops(macroByHand)} and ${macroByHand.invocations}, each with its own activity and triggers.`,
    ),
    figure(
      `operations per issue closed by the auto-close sweep (baseline: close by hand)`,
      Number(perClose.toFixed(1)),
      ops(close),
      `One sweep run closing ${closed} issues costs ${ops(sweep)} operations (${perClose.toFixed(1)} per issue, its query and settings read shared) and ${sweep.invocations} invocations; closing one by hand costs ${ops(close)}.`,
    ),
    figure(
      "operations: SLA timer firing that marks a warning (baseline: a minute sweep run that finds nothing)",
      ops(timer),
      ops(idle),
      `A timer that marks costs ${ops(timer)} operations and ${timer.invocations} invocations, the notifications included; the minute sweep pays ${ops(idle)} reads every minute even when nothing is due (${(ops(idle) * 60 * 24 * 30).toLocaleString("en-US")} a month).`,
    ),
  ];
}

/**
 * The automations' rows (docs/automations.md, docs/sla.md), each beside the same work done by hand where there is
 * one. The scheduled sweeps run in this process through their handlers' parts, as the reconciliation row does:
 * the emulators run no schedules, and a sweep over every org would also sweep the other benchmarks' orgs.
 */
async function measureAutomations(ctx, { world, post, measure, smoke }) {
  const { orgId, admin, customers } = world;
  const [agent] = world.agents;
  const customer = customers[0];
  const issue = async (title, priority = "medium") => {
    const mark = ctx.opLog.mark();
    const body = await post(customer, "/issues", { title, priority });
    await ctx.settle(mark);
    return issueIdOf(body);
  };
  const settings = (body) => ctx.expectCall(200, "PATCH", `/orgs/${orgId}/settings`, { token: admin.token, body });

  // Round robin: the pick is made in the numbering transaction; by hand, an agent assigns after the create.
  await settings({ automations: { assignment: { mode: "round_robin", pool: world.agents.map((a) => a.uid) } } });
  await measure(AUTOMATION_ROWS.roundRobin, async () => {
    const body = await post(customer, "/issues", { title: "Scanner drops the connection", priority: "high" });
    const created = await ctx.db.doc(`orgs/${orgId}/issues/${issueIdOf(body)}`).get();
    if (!created.get("assignee")) throw new Error("round robin assigned nobody");
  });
  await settings({ automations: { assignment: { mode: "none", pool: [] } } });
  const unassigned = await issue("Invoice shows last month's address");
  await measure(AUTOMATION_ROWS.assignByHand, () =>
    post(agent, `/issues/${unassigned}/assign`, { assigneeUid: agent.uid }, 200),
  );

  // A macro (reply first, then the changes, in one transaction) against the same three steps by hand.
  const macro = await post(admin, "/macros", {
    name: "Ask for logs",
    reply: { body: "Could you send us the logs from the time it failed?", internal: false },
    changes: { status: "waiting_for_response", addTags: ["needs-logs"] },
  });
  const [forMacro, byHand] = [await issue("App crashes on export"), await issue("App crashes on import")];
  await measure(AUTOMATION_ROWS.macro, () => post(agent, `/issues/${forMacro}/macros/${macro.id}:apply`, {}, 200));
  await measure(AUTOMATION_ROWS.macroByHand, async () => {
    await post(agent, `/issues/${byHand}/comments`, { body: "Could you send us the logs from the time it failed?" });
    // The reply answers the issue through its trigger; the agent moves on from there, as in the web app.
    await waitFor(async () => (await ctx.db.doc(`orgs/${orgId}/issues/${byHand}`).get()).get("status") === "answered", {
      what: "the reply to answer the issue",
    });
    await post(agent, `/issues/${byHand}/transition`, { status: "waiting_for_response" }, 200);
    await ctx.expectCall(200, "PATCH", `/orgs/${orgId}/issues/${byHand}`, {
      token: agent.token,
      body: { tags: ["needs-logs"] },
    });
  });

  // Auto-close: N resolved issues whose wait is over, closed by one pass of the sweep (runAutoClose's steps,
  // its candidate query scoped to this org), against closing one resolved issue by hand.
  const n = smoke ? 2 : 20;
  const resolved = [];
  for (let i = 0; i <= n; i++) {
    const id = await issue(`Label printer ${i} offline`);
    const mark = ctx.opLog.mark();
    await post(agent, `/issues/${id}/resolve`, { notes: "Restarted the print server." }, 200);
    await ctx.settle(mark);
    resolved.push(id);
  }
  await settings({ automations: { autoCloseAfterDays: 1 } });
  const later = Date.now() + 2 * 24 * 3600 * 1000;
  const { autoCloseIssue } = await ctx.functionsModule("store/autoClose");
  const { getOrgSettings } = await ctx.functionsModule("store/orgs");
  const { Timestamp } = await import("firebase-admin/firestore");
  await measure(`${AUTOMATION_ROWS.autoClose} ${n} issues (automation, hourly)`, async () => {
    let closed = 0;
    await ctx.probe.probeEvent("autoCloseSweep", async () => {
      const candidates = await ctx.db
        .collection(`orgs/${orgId}/issues`)
        .where("status", "==", "resolved")
        .where("deleted", "==", false)
        .where("resolvedAt", "<=", Timestamp.fromMillis(later - 24 * 3600 * 1000))
        .orderBy("resolvedAt")
        .limit(n)
        .get();
      const days = (await getOrgSettings(ctx.db, orgId))?.automations?.autoCloseAfterDays ?? null;
      for (const doc of candidates.docs) if (await autoCloseIssue(ctx.db, orgId, doc.id, days, later)) closed++;
    })();
    if (closed !== n) throw new Error(`the auto-close sweep closed ${closed} of ${n}`);
  });
  await settings({ automations: { autoCloseAfterDays: null } });
  const last = /** @type {string} */ (resolved.at(-1));
  await measure(AUTOMATION_ROWS.closeByHand, () => post(agent, `/issues/${last}/close`, {}, 200));

  // An SLA timer firing at an issue's at-risk moment (the handler with that moment as its clock), against a run
  // of the minute sweep that finds nothing due: the sweep pays its queries every minute whatever happens.
  const atRisk = await issue("Checkout times out for every customer", "critical");
  const sla = (await ctx.db.doc(`orgs/${orgId}/issues/${atRisk}`).get()).get("sla");
  const at = sla.atRiskAt.toMillis();
  const { handleSlaTimer } = await ctx.functionsModule("events/slaTimer");
  await measure(AUTOMATION_ROWS.slaTimer, async () => {
    const marked = await ctx.probe.probeEvent("slaTimer", (request) => handleSlaTimer(request, ctx.db, at))({
      data: { orgId, issueId: atRisk, at },
    });
    if (!marked?.warned) throw new Error("the SLA timer marked no warning");
  });
  const { atRiskCandidates, breachCandidates } = await ctx.functionsModule("store/slaQueries");
  await measure(AUTOMATION_ROWS.slaSweepIdle, () =>
    ctx.probe.probeEvent("slaBreachSweep", () =>
      Promise.all([
        breachCandidates(ctx.db, "firstResponse", 0),
        breachCandidates(ctx.db, "resolution", 0),
        atRiskCandidates(ctx.db, 0),
      ]),
    )(),
  );
}

/**
 * The org of the cost table, seeded once with the triggers paused: issues for the bulk edit, written
 * as the triggers would have left them, and every stats document a dashboard listens to (8 shards
 * and meta), as in an org that has run a while.
 */
function costsOrg(ctx, smoke) {
  return ctx.fixture("costs-org", async () => {
    const agents = smoke ? 2 : 20;
    const bulkSize = smoke ? 3 : 100;
    const world = await ctx.newWorld("costs", { agents, customers: 1 });
    const seeded = await ctx.withTriggersPaused(async () => {
      // About 1% of seeded issues are soft-deleted; seed enough for a full bulk edit of live ones.
      const result = await seedLargeOrg(ctx, world, Math.ceil(bulkSize * 1.05) + 1);
      const batch = ctx.db.batch();
      for (let shard = 1; shard < 8; shard++)
        batch.set(ctx.db.doc(`orgs/${world.orgId}/stats/shard_${shard}`), {}, { merge: true });
      batch.set(
        ctx.db.doc(`orgs/${world.orgId}/stats/meta`),
        { reconciledAt: new Date(), lastDrift: {}, repaired: false },
        { merge: true },
      );
      await batch.commit();
      return result;
    });
    return { world, seeded, agents, bulkSize };
  });
}

export default {
  title: "Firestore operations per user action, and the projected monthly bill",
  prepare: (ctx, { smoke }) => costsOrg(ctx, smoke),
  async run(ctx, { smoke }) {
    const { world, seeded, agents, bulkSize } = await costsOrg(ctx, smoke);
    const { orgId, admin, customers } = world;
    const [agent, otherAgent] = world.agents;
    const customer = customers[0];
    const { key } = await ctx.expectCall(201, "POST", `/orgs/${orgId}/api-keys`, {
      token: admin.token,
      body: { name: "Checkout service" },
    });
    const bulkIds = (
      await ctx.db.collection(`orgs/${orgId}/issues`).where("deleted", "==", false).select().get()
    ).docs.map((doc) => doc.id);

    // Warm the trigger workers first: a cold start changes no count, only how long the table takes.
    const warm = ctx.opLog.mark();
    await ctx.expectCall(201, "POST", `/orgs/${orgId}/issues`, { token: agent.token, body: { title: "Warm-up" } });
    await ctx.settle(warm);

    // One agent keeps the dashboard and the queue open all along, as the bill assumes every agent does.
    const watcher = await signIn(ctx.hosts, agent);
    const live = [watcher.dashboard(orgId), watcher.queue(orgId)];
    await Promise.all(live.map((l) => l.ready));

    /** @type {any[]} */
    const rows = [];
    const mailbox = process.env.FIRETRACK_SMTP_TEST_PORT ? await startMailbox() : null;
    /** Runs one action alone and counts everything it caused, down to the last trigger its writes set off. */
    const measure = async (action, work, { note = "" } = {}) => {
      // Alone: what earlier actions left running (SLA timer tasks, mail deliveries) would land in this row.
      await waitForQuiet();
      const mark = ctx.opLog.mark();
      const listenerBefore = watcher.reads();
      const client = (await work()) ?? {};
      await ctx.settle(mark);
      await sleep(300); // the last listener deliveries
      const { total, byFn } = tally(ctx.opLog.since(mark));
      const row = {
        action,
        reads: total.reads + (client.reads ?? 0) + (client.ruleGets ?? 0),
        ruleGets: client.ruleGets ?? 0,
        writes: total.writes,
        deletes: total.deletes,
        transactions: total.transactions,
        invocations: total.invocations,
        byFunction: Object.fromEntries(
          Object.entries(byFn)
            .map(([fn, c]) => [fn, c.invocations])
            .filter(([, n]) => n > 0),
        ),
        opsByFunction: Object.fromEntries(
          Object.entries(byFn).map(([fn, c]) => [
            fn,
            { reads: c.reads, writes: c.writes, deletes: c.deletes, transactions: c.transactions },
          ]),
        ),
        listenerReads: watcher.reads() - listenerBefore,
        note,
      };
      console.log(
        `[costs] ${action}: ${row.reads} reads, ${row.writes} writes, ${row.deletes} deletes, ${row.invocations} invocations, ${row.listenerReads} listener reads`,
      );
      if (process.env.BENCH_DEBUG) console.log(`[costs]   by function ${JSON.stringify(row.opsByFunction)}`);
      rows.push(row);
      return client;
    };
    const post = (user, path, body, status = 201) =>
      ctx.expectCall(status, "POST", `/orgs/${orgId}${path}`, { token: user.token ?? user, body });

    let raised;
    await measure("create, by a customer (staff notified)", async () => {
      raised = await post(customer, "/issues", {
        title: "Label printer offline after the update",
        description: "It prints blank labels since this morning.",
        priority: "high",
      });
    });
    await measure("create, by an agent", () =>
      post(agent, "/issues", { title: "Check the courier's API limits", priority: "medium" }),
    );
    await measure("public comment, by an agent (first reply)", () =>
      post(agent, `/issues/${issueIdOf(raised)}/comments`, { body: "Thanks, we are looking into it." }),
    );
    await measure("public comment, by the customer", () =>
      post(customer, `/issues/${issueIdOf(raised)}/comments`, { body: "It also happens on the second printer." }),
    );
    await measure("internal comment, by an agent", () =>
      post(agent, `/issues/${issueIdOf(raised)}/comments`, { body: "Firmware 2.3 again?", internal: true }),
    );
    await measure("transition (answered → in progress)", () =>
      post(agent, `/issues/${issueIdOf(raised)}/transition`, { status: "in_progress" }, 200),
    );
    await measure("resolve", () =>
      post(agent, `/issues/${issueIdOf(raised)}/resolve`, { notes: "Rolled the firmware back." }, 200),
    );
    await measure(`bulk edit of ${bulkSize} (priority)`, async () => {
      const body = await post(
        agent,
        "/issues:bulk",
        { ids: bulkIds.slice(0, bulkSize), change: { priority: "critical" } },
        200,
      );
      if (body.summary.failed !== 0) throw new Error(`bulk edit: ${body.summary.failed} failed`);
    });
    await measure("list page of 50 (API)", () =>
      ctx.expectCall(200, "GET", `/orgs/${orgId}/issues?status=open,in_progress&sort=-updatedAt&limit=50`, {
        token: agent.token,
      }),
    );
    await measure("dashboard load (API GET /stats)", () =>
      ctx.expectCall(200, "GET", `/orgs/${orgId}/stats`, { token: agent.token }),
    );
    await measure("issue page open (web: issue, comments, activities listeners)", async () => {
      const tab = await signIn(ctx.hosts, otherAgent);
      const listeners = [
        tab.issue(orgId, issueIdOf(raised)),
        tab.comments(orgId, issueIdOf(raised)),
        tab.activities(orgId, issueIdOf(raised)),
      ];
      await Promise.all(listeners.map((l) => l.ready));
      const reads = tab.reads();
      await tab.close();
      return { reads, ruleGets: readLookups(RULE.issue) + readLookups(RULE.comment) + readLookups(RULE.activity) };
    });
    await measure("dashboard load (web: stats listener)", async () => {
      const tab = await signIn(ctx.hosts, otherAgent);
      const listener = tab.dashboard(orgId);
      await listener.ready;
      const reads = tab.reads();
      await tab.close();
      return { reads, ruleGets: readLookups(RULE.stats) };
    });
    await measure("queue open (web: queue listener, 50 rows)", async () => {
      const tab = await signIn(ctx.hosts, otherAgent);
      const listener = tab.queue(orgId);
      await listener.ready;
      const reads = tab.reads();
      await tab.close();
      return { reads, ruleGets: readLookups(RULE.issue) };
    });
    const report = { title: "Checkout failed: card declined", fingerprint: "checkout-card-declined", priority: "high" };
    const first = ctx.opLog.mark();
    await post(key, "/issues", report);
    await ctx.settle(first);
    await measure("service log, deduplicated (second report)", async () => {
      const body = await post(key, "/issues", report, 200);
      if (!body.deduplicated) throw new Error("the second report was not deduplicated");
    });
    // The email channel (docs/email.md), with a real SMTP server where SMTP_URI points, so sendMail's
    // deliveries in every row above and below succeed as in production.
    const slug = (await ctx.db.doc(`orgs/${orgId}`).get()).get("slug");
    const inbound = process.env.FIRETRACK_INBOUND_EMAIL_SECRET
      ? `${slug}@${process.env.FIRETRACK_INBOUND_EMAIL_DOMAIN ?? "inbound.firetrack.test"}`
      : null;
    if (inbound) {
      /** @type {{ issueId: string } | null} */
      let mailed = null;
      await measure(
        "mail in: a customer's new ticket (inboundEmail, processInboundMail, then as a create; acknowledged)",
        async () => {
          mailed = await postInboundMail(ctx, {
            from: customer.email,
            to: inbound,
            subject: "Scanner shows E42",
            text: "It stopped after the update.",
          });
        },
      );
      const ticket = /** @type {{ issueId: string } | null} */ (mailed);
      if (!ticket) throw new Error("the mailed ticket was not posted");
      const ack = await ctx.db.collection("mail").where("issueId", "==", ticket.issueId).get();
      const replyTo = ack.docs.find((doc) => doc.get("kind") === "acknowledgement")?.get("replyTo");
      if (!replyTo) throw new Error("the mailed ticket was not acknowledged with a reply address");
      await measure("mail in: the customer's reply by token (a public comment)", async () => {
        await postInboundMail(ctx, {
          from: customer.email,
          to: replyTo,
          subject: "Re: Scanner shows E42",
          text: "It is the X200.",
        });
      });
      const reply = rows[rows.length - 1];
      const own = MAIL_IN_FUNCTIONS.map(
        (fn) => reply.opsByFunction[fn] ?? { reads: 0, writes: 0, deletes: 0, transactions: 0 },
      );
      const share = (field) => own.reduce((sum, c) => sum + c[field], 0);
      rows.push({
        action: "mail in, the channel's own share (inboundEmail + processInboundMail of the reply above)",
        reads: share("reads"),
        ruleGets: 0,
        writes: share("writes"),
        deletes: share("deletes"),
        transactions: share("transactions"),
        invocations: MAIL_IN_FUNCTIONS.reduce((sum, fn) => sum + (reply.byFunction[fn] ?? 0), 0),
        byFunction: Object.fromEntries(MAIL_IN_FUNCTIONS.map((fn) => [fn, reply.byFunction[fn] ?? 0])),
        opsByFunction: {},
        listenerReads: 0,
        note: "derived",
      });
      await measure(
        "mail out: one notification mail delivered over SMTP (sendMail: claim, send, record, the issue's mail log)",
        async () => {
          await ctx.db.collection("mail").add({
            to: customer.email,
            message: { subject: "[bench] one mail", text: "One mail.", html: "<p>One mail.</p>" },
            orgId,
            issueId: ticket.issueId,
            kind: "comment",
            createdAt: new Date(),
          });
        },
      );
    }
    // Webhook delivery: measured when the Linear integration is here (see linearWebhookReady).
    const webhookRow = linearWebhookReady();
    if (webhookRow)
      await measure("webhook delivery (Linear issue update; verify, record, apply)", () => deliverLinearWebhook(ctx));
    await measureAutomations(ctx, { world, post, measure, smoke });
    await watcher.close();
    await mailbox?.close();
    // The six-hourly reconciliation's task for this org, as statsReconcileOrg runs it (no pause on a drift).
    const { reconcileOrgStats } = await ctx.functionsModule("store/statsReconcile");
    await measure("stats reconciliation of one org (every 6 hours)", async () => {
      await ctx.probe.probeEvent("statsReconcileOrg", () =>
        reconcileOrgStats(ctx.db, orgId, { sleep: async () => {} }),
      )();
    });

    const bill = monthlyBill(rows, { agents: 20 });
    const dashboardRow = rows.find((r) => r.action.startsWith("dashboard load (web"));
    const costRows = rows.map((r) => [
      r.action,
      r.reads,
      r.writes,
      r.deletes,
      r.transactions,
      `${r.invocations}${
        Object.keys(r.byFunction).length
          ? ` (${Object.entries(r.byFunction)
              .map(([fn, n]) => `${fn} ${n}`)
              .join(", ")})`
          : ""
      }`,
      r.ruleGets || "",
      r.listenerReads,
    ]);
    return {
      title: this.title,
      figures: [
        {
          figure: "reads per dashboard load (web listener)",
          ours: dashboardRow.reads,
          target: "≤ 10 (9 docs + 1 rules lookup)",
          pass: dashboardRow.reads <= 10,
          meaning: `Opening the dashboard costs ${dashboardRow.reads} reads however many issues the org has.`,
        },
        ...automationFigures(rows),
        {
          figure: "projected monthly bill (10,000 issues, 20 agents)",
          ours: money(bill.total),
          meaning: `An org of that size pays about ${money(bill.total)} a month in Firestore operations and function invocations.`,
        },
        {
          figure: "dominant line of the bill",
          ours: `${bill.dominant.line} (${Math.round((bill.dominant.usd / bill.total) * 100)}%)`,
          meaning: `The largest share is ${bill.dominant.line}: ${bill.dominant.line.startsWith("live") ? "every write to an issue in view or to a stats shard is re-read by every agent who has the queue or the dashboard open, so fewer writes per action is what saves money" : "see the arithmetic below"}.`,
        },
      ],
      tables: [
        {
          title: "Firestore operations per user action",
          headers: [
            "action",
            "reads",
            "writes",
            "deletes",
            "transactions",
            "function invocations",
            "rules get()",
            "reads per listening agent (dashboard + queue)",
          ],
          rows: costRows,
          footnotes: [
            "Reads include query results (at least one per query), getAll and transaction reads, and for the web rows the listeners' documents plus the rules' get() lookups (scripts/lib/rulesCost.mjs). The last column is what each agent with the dashboard and the queue open pays when the action happens.",
            ...(inbound
              ? [
                  "Mail out is inside every row: sendMail runs in each action's chain and its delivery to the bench's SMTP server is counted there. The 'channel's own share' row is what receiving by mail adds to a comment the API would write too; the monthly bill counts it once per customer reply.",
                ]
              : [
                  "mail rows: not measured (no inbound secret or SMTP port in this environment; the bench runs the emulators with --test-env).",
                ]),
            ...(webhookRow
              ? []
              : [
                  "webhook delivery: not measured on this commit; the row joins when the Linear integration (functions/src/integrations/linear) is built and its webhook secret is set (bench/benchmarks/costs.mjs, linearWebhookReady).",
                ]),
            ...(smoke
              ? []
              : [
                  `The org had ${agents} agents, an admin and a customer; ${seeded.count} issues were seeded for the bulk edit.`,
                ]),
          ],
        },
        {
          title:
            "Projected monthly bill: 10,000 new issues a month, 20 agents, 5 comments per issue, dashboard and queue open 8 hours a day",
          headers: ["line", "per month", "reads", "writes", "deletes", "invocations", "cost"],
          rows: bill.lines.map((l) => [
            l.line,
            int(l.count),
            int(l.reads),
            int(l.writes),
            int(l.deletes),
            int(l.invocations),
            money(l.usd),
          ]),
          footnotes: bill.arithmetic,
        },
      ],
      charts: [
        {
          name: "costs-bill",
          title: "Projected monthly bill by line",
          svg: barChart({
            title: "Projected monthly bill by line (USD)",
            xLabel: "USD per month",
            bars: bill.lines.map((l) => ({ label: l.short, value: l.usd })),
            format: money,
          }),
        },
      ],
      data: { rows, bill },
    };
  },
};
