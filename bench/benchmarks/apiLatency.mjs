// 2. API create latency: concurrent POST …/issues against GET /health sent the
// same way (same server, same concurrency, same HTTP path), so the ratio is
// what creating an issue adds over a request that does nothing. Once with the
// Express app served in this process (50 at once), once through the Functions
// emulator (10 at once; it starts a worker process per concurrent request).
// Then the time from each 201 until the triggers' effects are visible.
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
function watchEffects(ctx, { orgId, staffUid }) {
  const seen = { activity: new Map(), notification: new Map(), statsTotals: [] };
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
          if (change.type === "added" && !seen.notification.has(issueId)) seen.notification.set(issueId, performance.now());
        }
      }),
  );
  unsubscribers.push(
    ctx.db.collection(`orgs/${orgId}/stats`).onSnapshot((snapshot) => {
      const total = snapshot.docs.filter((doc) => doc.id.startsWith("shard_")).reduce((sum, doc) => sum + (doc.get("total") ?? 0), 0);
      seen.statsTotals.push([performance.now(), total]);
    }),
  );
  return { seen, watchActivity, stop: () => unsubscribers.forEach((unsubscribe) => unsubscribe()) };
}

export default {
  title: "API create latency, and the time until the triggers' effects land",
  async run(ctx, { smoke }) {
    const world = await ctx.newWorld("latency", { agents: 2, customers: 1 });
    const customer = world.customers[0];
    const agent = world.agents[0];
    const local = { n: smoke ? 3 : 50, rounds: smoke ? 1 : 2 };
    const viaEmulator = { n: smoke ? 2 : 10, rounds: smoke ? 1 : 3 };

    const watcher = watchEffects(ctx, { orgId: world.orgId, staffUid: world.admin.uid });
    const answered = [];
    const createAs = (user, base) => async (i) => {
      const body = await ctx.expectCall(201, "POST", `/orgs/${world.orgId}/issues`, {
        token: user.token,
        base,
        body: { title: `Latency check ${i}: printer offline`, description: "Raised by the bench.", priority: "high" },
      });
      if (user === customer) {
        answered.push([body.id, performance.now()]);
        watcher.watchActivity(body.id);
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
      if (watcher.seen.activity.size >= expected && watcher.seen.notification.size >= expected && statsDone) break;
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
    const effects = { activity: lag(watcher.seen.activity), notification: lag(watcher.seen.notification), stats: statsLag };

    // Through the Functions emulator: warm its workers first (one per concurrent request).
    await burst(viaEmulator.n, health(ctx.functionBase));
    await burst(viaEmulator.n, createAs(agent, ctx.functionBase));
    const emulated = await compare(viaEmulator.rounds, viaEmulator.n, health(ctx.functionBase), createAs(agent, ctx.functionBase));

    const s = {
      localCreate: summary(inProcess.create),
      localHealth: summary(inProcess.health),
      fnCreate: summary(emulated.create),
      fnHealth: summary(emulated.health),
    };
    const effectSummary = Object.fromEntries(Object.entries(effects).map(([k, v]) => [k, summary(v)]));
    const figures = [
      { figure: `in process, ${local.n} concurrent: create p50 / health p50`, ours: s.localCreate.p50, baseline: s.localHealth.p50, unit: "ms", ratio: s.localCreate.p50 / s.localHealth.p50 },
      { figure: `in process, ${local.n} concurrent: create p95 / health p95`, ours: s.localCreate.p95, baseline: s.localHealth.p95, unit: "ms", ratio: s.localCreate.p95 / s.localHealth.p95 },
      { figure: `Functions emulator, ${viaEmulator.n} concurrent: create p50 / health p50`, ours: s.fnCreate.p50, baseline: s.fnHealth.p50, unit: "ms", ratio: s.fnCreate.p50 / s.fnHealth.p50 },
      { figure: `Functions emulator, ${viaEmulator.n} concurrent: create p95 / health p95`, ours: s.fnCreate.p95, baseline: s.fnHealth.p95, unit: "ms", ratio: s.fnCreate.p95 / s.fnHealth.p95 },
      ...["activity", "stats", "notification"].map((effect) => ({
        figure: `201 → ${effect} visible, p50 / p95 (${effects[effect].length} of ${expected})`,
        ours: `${Math.round(effectSummary[effect].p50)} / ${Math.round(effectSummary[effect].p95)}`,
        unit: "ms",
        pass: effects[effect].length === expected ? null : false,
        required: true,
        target: "all land",
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
      notes: [
        `With ${local.n} creates at once, a create answers in ${Math.round(s.localCreate.p50)} ms at the median against ${Math.round(s.localHealth.p50)} ms for a request that does nothing; the 201 already carries the issue number.`,
        `Through the Functions emulator (${viaEmulator.n} at once) the create takes ${(s.fnCreate.p50 / s.fnHealth.p50).toFixed(1)}× a health check at the median.`,
        `What the triggers derive lands after the answer: the activity at ${Math.round(effectSummary.activity.p50)} ms (median), the dashboard counts at ${Math.round(effectSummary.stats.p50)} ms, the staff notification at ${Math.round(effectSummary.notification.p50)} ms; the emulator runs triggers one worker process each, so production is faster.`,
      ],
      data: { summaries: s, effects: effectSummary },
    };
  },
};
