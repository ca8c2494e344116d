// 3. Dashboard: an org of 10,000 issues. readOrgStats (the 8 stats shards and
// meta in one getAll) against computing the same figures with count()/sum()
// aggregation queries (the reconciliation's own measurement). Time, and what
// each is billed: documents read, or aggregation reads (one per 1,000 index
// entries counted, at least one per query).
import { summary } from "../lib/measure.mjs";
import { tally } from "../lib/opLog.mjs";
import { largeOrg } from "../lib/seedOrg.mjs";
import { cdfChart } from "../lib/svg.mjs";

/** JSON with keys sorted at every level, to compare two views regardless of key order. */
const canonical = (value) =>
  JSON.stringify(value, (_key, v) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );

export default {
  title: "Dashboard: readOrgStats against count()/sum() aggregation queries",
  prepare: (ctx) => largeOrg(ctx),
  async run(ctx, { smoke }) {
    const org = await largeOrg(ctx);
    const { readOrgStats } = await ctx.functionsModule("store/stats");
    const { measureCounters } = await ctx.functionsModule("store/statsReconcile");
    const { summarizeStats } = await ctx.functionsModule("domain/index");
    const assignees = org.agents.map((agent) => agent.uid);
    const now = Date.now();

    const ours = () => readOrgStats(ctx.db, org.orgId, now);
    const baseline = async () => summarizeStats(await measureCounters(ctx.db, org.orgId, now, assignees), now);

    /** Runs `work` once under a probe, so its operations can be told apart; returns its value, time and operations. */
    const counted = async (label, work) => {
      const mark = ctx.opLog.mark();
      const t0 = performance.now();
      const value = await ctx.probe.probeEvent(label, work)();
      const ms = performance.now() - t0;
      return { value, ms, ops: tally(ctx.opLog.since(mark), { include: (fn) => fn === label }).total };
    };
    await ours(); // warm-up
    const first = await counted("bench.dashboard.readOrgStats", ours);
    // The aggregation queries scan the whole org in the emulator (about 270 queries over 10,000
    // issues take minutes on 2 cores), so the baseline runs once; readOrgStats runs many times.
    const base = await counted("bench.dashboard.aggregations", baseline);
    const { reconciledAt, ...shown } = first.value;
    const exact = canonical(shown) === canonical(base.value);
    const baseOps = base.ops;
    const oursOps = first.ops;
    // sum() queries carry no count; they scan as many entries as the matching count() (the metric's count).
    const sumEntries = ["firstResponse", "resolution"].map((metric) => org.counters[`${metric}.count`] ?? 0);
    const baseReads =
      baseOps.reads -
      baseOps.uncountedAggregations +
      sumEntries.reduce((sum, n) => sum + Math.max(1, Math.ceil(n / 1000)), 0);

    const oursTimes = [first.ms];
    for (let i = 0; i < (smoke ? 3 : 30); i++) {
      const t0 = performance.now();
      await ours();
      oursTimes.push(performance.now() - t0);
    }
    const baseTimes = [base.ms];
    const o = summary(oursTimes);
    const b = summary(baseTimes);
    const ratio = b.p50 / o.p50;
    const readRatio = baseReads / oursOps.reads;
    return {
      title: this.title,
      figures: [
        {
          figure: `time p50, ${org.count.toLocaleString("en-US")} issues (baseline: one run)`,
          ours: o.p50,
          baseline: b.p50,
          unit: "ms",
          ratio,
          target: "faster",
          pass: ratio > 1,
          meaning: `An agent opening the dashboard waits ${Math.round(o.p50)} ms for every figure; counting them with aggregation queries would take ${(b.p50 / 1000).toFixed(1)} s here (the emulator scans where production reads an index, so the gap is smaller there, but it grows with the org).`,
        },
        {
          figure: "reads billed per dashboard load",
          ours: oursOps.reads,
          baseline: baseReads,
          ratio: readRatio,
          target: "9 reads",
          pass: oursOps.reads === 9,
          meaning: `Each load costs ${oursOps.reads} document reads whatever the org's size; the aggregation queries would bill ${baseReads} reads at ${org.count.toLocaleString("en-US")} issues and more as it grows.`,
        },
        {
          figure: "queries per load",
          ours: 1,
          baseline: baseOps.aggregations,
          meaning: `One round trip instead of ${baseOps.aggregations} queries, so the dashboard shows everything at once rather than filling in.`,
        },
        {
          figure: "same figures from both",
          ours: exact ? "identical" : "different",
          target: "identical",
          pass: exact,
          required: true,
          meaning: `The kept counters ${exact ? "gave exactly" : "did not give"} the figures the aggregation queries computed, so the speed costs no accuracy.`,
        },
      ],
      charts: [
        {
          name: "dashboard",
          title: "Dashboard load time",
          svg: cdfChart({
            title: `Dashboard figures for ${org.count.toLocaleString("en-US")} issues`,
            xLabel: "ms (log scale)",
            logX: true,
            series: [
              { name: "readOrgStats (9 documents)", values: oursTimes },
              { name: `${baseOps.aggregations} count()/sum() queries`, values: baseTimes, dashed: true },
            ],
          }),
        },
      ],
      notes: [
        `The org was seeded in ${org.seedSeconds.toFixed(0)} s by one BulkWriter, its statistics summed by the trigger's own statsContribution.`,
      ],
      data: { ours: o, baseline: b, oursOps, baseOps, baseReads },
    };
  },
};
