// 2. API create latency: concurrent POST …/issues against GET /health sent the
// same way (same server, same concurrency, same HTTP path), so the ratio is
// what creating an issue adds over a request that does nothing. Once with the
// Express app served in this process (50 at once), once through the Functions
// emulator (10 at once; it starts a worker process per concurrent request; the
// triggers are paused meanwhile, since the emulator queues requests behind them).
// Then the time from each 201 until the triggers' effects are visible.
import { issueIdOf } from "../lib/context.mjs";
import { summary } from "../lib/measure.mjs";
import { cdfChart } from "../lib/svg.mjs";

/** `n` requests at once; their durations in ms. */
async function burst(n, send) {
  return Promise.all(
    Array.from({ length: n }, async (_, i) => {
      const started = performance.now();
      await send(i);
      return performance.now() - started;
    }),
  );
}

/** Alternating rounds of health and create bursts, so machine load falls on both alike. */
async function compare(rounds, n, health, create) {
  const out = { health: [], create: [] };
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? ["health", "create"] : ["create", "health"];
    for (const which of order) out[which].push(...(await burst(n, which === "health" ? health : create)));
  }
  return out;
}

/** Admin listeners that note when each effect of the burst's issues first shows up. */
async function watchEffects(ctx, { orgId, staffUid }) {
  const { readCounters } = await ctx.functionsModule("store/stats");
  const already = (await readCounters(ctx.db, orgId)).total ?? 0;
  const seen = { activity: new Map(), notification: new Map(), statsTotals: /** @type {[number, number][]} */ ([]) };
  const unsubscribers = [];
  const activityListeners = new Map();
  const watchActivity = (issueId) => {
    if (activityListeners.has(issueId)) return;
    activityListeners.set(issueId, true);
    unsubscribers.push(
      ctx.db.collection(`orgs/${orgId}/issues/${issueId}/activities`).onSnapshot((snapshot) => {
        if (!snapshot.empty && !seen.activity.has(issueId)) seen.activity.set(issueId, performance.now());
      }),
    );
  };
  unsubscribers.push(
    ctx.db
      .collection(`users/${staffUid}/notifications`)
      .where("orgId", "==", orgId)
      .onSnapshot((snapshot) => {
        for (const change of snapshot.docChanges()) {
          const issueId = change.doc.get("issueId");
          if (change.type === "added" && !seen.notification.has(issueId))
            seen.notification.set(issueId, performance.now());
        }
      }),
  );
  unsubscribers.push(
    ctx.db.collection(`orgs/${orgId}/stats`).onSnapshot((snapshot) => {
      const total =
        snapshot.docs
          .filter((doc) => doc.id.startsWith("shard_"))
          .reduce((sum, doc) => sum + (doc.get("total") ?? 0), 0) - already;
      seen.statsTotals.push([performance.now(), total]);
    }),
  );
  return {
    seen,
    watchActivity,
    stop: () => {
      for (const unsubscribe of unsubscribers) unsubscribe();
    },
  };
}

export default {
  title: "API create latency, and the time until the triggers' effects land",
  async run(ctx, { smoke }) {
    const world = await ctx.newWorld("latency", { agents: 2, customers: 1 });
    const customer = world.customers[0];
    const agent = world.agents[0];
    const local = { n: smoke ? 3 : 50, rounds: 1 };
    const viaEmulator = { n: smoke ? 1 : 10, rounds: smoke ? 1 : 2 };

    // One create first, so the trigger workers are warm and the burst measures steady state.
    if (!smoke) {
      const warm = ctx.opLog.mark();
      await ctx.expectCall(201, "POST", `/orgs/${world.orgId}/issues`, {
        token: customer.token,
        body: { title: "Warm-up" },
      });
      await ctx.settle(warm);
    }
    const mark = ctx.opLog.mark();

    const watcher = await watchEffects(ctx, { orgId: world.orgId, staffUid: world.admin.uid });
    const answered = [];
    const createAs = (user, base) => async (i) => {
      const body = await ctx.expectCall(201, "POST", `/orgs/${world.orgId}/issues`, {
        token: user.token,
        base,
        body: { title: `Latency check ${i}: printer offline`, description: "Raised by the bench.", priority: "high" },
      });
      if (user === customer) {
        answered.push([issueIdOf(body), performance.now()]);
        watcher.watchActivity(issueIdOf(body));
      }
    };
    const health = (base) => async () => {
      const response = await fetch(`${base}/health`);
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`GET /health: ${response.status}`);
    };

    await burst(5, health(ctx.localBase)); // warm-up
    const inProcess = await compare(local.rounds, local.n, health(ctx.localBase), createAs(customer, ctx.localBase));

    // The effects of the customers' creates: activity, stats, staff notification.
    const expected = answered.length;
    const started = performance.now();
    const deadline = started + (smoke ? 30_000 : 180_000);
    while (performance.now() < deadline) {
      const statsDone = watcher.seen.statsTotals.some(([, total]) => total >= expected);
      // Only the burst's own issues count (the notification listener also sees the warm-up's).
      const landed = (map) => answered.filter(([id]) => map.has(id)).length;
      if (landed(watcher.seen.activity) >= expected && landed(watcher.seen.notification) >= expected && statsDone)
        break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    watcher.stop();
    const lag = (map) => answered.filter(([id]) => map.has(id)).map(([id, at]) => Math.max(0, map.get(id) - at));
    // Stats say how many, not which: the k-th issue answered is counted once the total reaches k.
    const answeredTimes = answered.map(([, at]) => at).sort((a, b) => a - b);
    const statsLag = answeredTimes
      .map((at, k) => {
        const reached = watcher.seen.statsTotals.find(([, total]) => total >= k + 1);
        return reached ? Math.max(0, reached[0] - at) : null;
      })
      .filter((v) => v !== null);
    const effects = {
      activity: lag(watcher.seen.activity),
      notification: lag(watcher.seen.notification),
      stats: statsLag,
    };

    // Every trigger of the burst finishes first: the emulator queues requests to the function behind them.
    await ctx.settle(mark, { timeoutMs: 600_000 });

    // Through the Functions emulator, with the triggers paused, so the requests wait for nothing but the
    // API (creates are numbered before the 201 either way). Its workers are warmed first, one per
    // concurrent request.
    const viaFunction = async () => {
      await burst(viaEmulator.n, health(ctx.functionBase));
      await burst(viaEmulator.n, createAs(agent, ctx.functionBase));
      return compare(viaEmulator.rounds, viaEmulator.n, health(ctx.functionBase), createAs(agent, ctx.functionBase));
    };
    // A smoke run's few requests need no pause (a resume reloads the triggers, cold, for the next
    // benchmarks); it waits for their triggers instead, so none runs into the next benchmark's counts.
    const smokeMark = ctx.opLog.mark();
    const emulated = smoke ? await viaFunction() : await ctx.withTriggersPaused(viaFunction);
    if (smoke) await ctx.settle(smokeMark);

    const s = {
      localCreate: summary(inProcess.create),
      localHealth: summary(inProcess.health),
      fnCreate: summary(emulated.create),
      fnHealth: summary(emulated.health),
    };
    const effectSummary = Object.fromEntries(Object.entries(effects).map(([k, v]) => [k, summary(v)]));
    const ms = (v) => `${Math.round(v)} ms`;
    const figures = [
      {
        figure: `in process, ${local.n} concurrent: create p50 / health p50`,
        ours: s.localCreate.p50,
        baseline: s.localHealth.p50,
        unit: "ms",
        ratio: s.localCreate.p50 / s.localHealth.p50,
        meaning: `With ${local.n} people creating at once, half get their 201, already numbered, within ${ms(s.localCreate.p50)}; a request that does nothing takes ${ms(s.localHealth.p50)} on the same path.`,
      },
      {
        figure: `in process, ${local.n} concurrent: create p95 / health p95`,
        ours: s.localCreate.p95,
        baseline: s.localHealth.p95,
        unit: "ms",
        ratio: s.localCreate.p95 / s.localHealth.p95,
        meaning: `The slowest one in twenty waits ${ms(s.localCreate.p95)}: numbering in batches keeps the tail close to the median.`,
      },
      {
        figure: `Functions emulator, ${viaEmulator.n} concurrent: create p50 / health p50`,
        ours: s.fnCreate.p50,
        baseline: s.fnHealth.p50,
        unit: "ms",
        ratio: s.fnCreate.p50 / s.fnHealth.p50,
        meaning: `Through the function runtime a create costs ${(s.fnCreate.p50 / s.fnHealth.p50).toFixed(1)}× a health check at the median; the runtime's own overhead is in both.`,
      },
      {
        figure: `Functions emulator, ${viaEmulator.n} concurrent: create p95 / health p95`,
        ours: s.fnCreate.p95,
        baseline: s.fnHealth.p95,
        unit: "ms",
        ratio: s.fnCreate.p95 / s.fnHealth.p95,
        meaning: `Its tail is ${ms(s.fnCreate.p95)} against ${ms(s.fnHealth.p95)}.`,
      },
      ...[
        ["activity", "the issue's history shows the creation"],
        ["stats", "the dashboard counts the new issue"],
        ["notification", "the staff's bell and mail have the new issue"],
      ].map(([effect, what]) => ({
        figure: `201 → ${effect} visible, p50 / p95 (${effects[effect].length} of ${expected})`,
        ours: `${Math.round(effectSummary[effect].p50)} / ${Math.round(effectSummary[effect].p95)}`,
        unit: "ms",
        pass: effects[effect].length === expected ? null : false,
        required: true,
        target: "all land",
        meaning: `After the answer, ${what} within ${(effectSummary[effect].p50 / 1000).toFixed(1)} s for half the issues and ${(effectSummary[effect].p95 / 1000).toFixed(1)} s for nineteen in twenty (the emulator runs one trigger at a time, so a burst queues).`,
      })),
    ];
    return {
      title: this.title,
      figures,
      charts: [
        {
          name: "api-latency",
          title: "Create against /health, and the effects after the 201",
          svg: cdfChart({
            title: `Request latency in process (${local.n} concurrent) and effect lag after the 201`,
            xLabel: "ms (log scale)",
            logX: true,
            series: [
              { name: "GET /health", values: inProcess.health },
              { name: "POST …/issues", values: inProcess.create },
              { name: "201 → activity", values: effects.activity, dashed: true },
              { name: "201 → stats", values: effects.stats, dashed: true },
              { name: "201 → staff notification", values: effects.notification, dashed: true },
            ],
          }),
        },
      ],
      data: { summaries: s, effects: effectSummary },
    };
  },
};
