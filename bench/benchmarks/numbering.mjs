// 1. Numbering: N concurrent creates in one org, our allocator (a lease and
// batches of up to 100 per transaction, as the create handler runs it) against
// the naive one-transaction-per-issue allocator on the same kind of counter.
// Both insert the issue the same way and are timed from the insert to the
// number. Triggers are paused, so nothing else numbers or touches the issues.
import { randomUUID } from "node:crypto";
import { naiveNumberIssue, Stopped } from "../lib/naiveAllocator.mjs";
import { summary } from "../lib/measure.mjs";
import { tally } from "../lib/opLog.mjs";
import { cdfChart, lineChart } from "../lib/svg.mjs";

const TARGET = 5;

/**
 * One burst. The naive allocator needs about a second per issue in the
 * emulator, so a burst stops at `limitMs`: issues not numbered by then give up
 * at their next attempt (they count as neither done nor errors), and the
 * throughput is what was numbered within the limit.
 */
async function burst(ctx, { label, n, number, insertIssue, limitMs }) {
  const orgId = `bench-numbering-${label}-${n}-${randomUUID().slice(0, 8)}`;
  const reporter = { uid: "bench-reporter", name: "Bench Reporter", kind: "member" };
  const mark = ctx.opLog.mark();
  const started = performance.now();
  const stopped = () => performance.now() - started > limitMs;
  const outcomes = await ctx.probe.probeEvent(`bench.numbering.${label}`, () =>
    Promise.all(
      Array.from({ length: n }, async (_, i) => {
        const t0 = performance.now();
        try {
          const id = await insertIssue(ctx.db, orgId, {
            input: {
              title: `Numbering ${label} ${i}`,
              description: "",
              type: "task",
              priority: "medium",
              category: "general",
              tags: [],
              vendor: null,
              order: null,
            },
            source: "internal",
            reporter,
          });
          await number(orgId, id, stopped);
          return { ms: performance.now() - t0, done: performance.now() - started };
        } catch (error) {
          if (error instanceof Stopped) return { ms: performance.now() - t0, stopped: true };
          return {
            ms: performance.now() - t0,
            error: String(/** @type {Error} */ (error)?.message ?? error).slice(0, 200),
          };
        }
      }),
    ),
  )();
  const wallMs = Math.min(performance.now() - started, limitMs);
  const ops = tally(ctx.opLog.since(mark), { include: (fn) => fn === `bench.numbering.${label}` }).total;

  const docs = (await ctx.db.collection(`orgs/${orgId}/issues`).select("seq").get()).docs;
  const seqs = docs.map((doc) => doc.get("seq")).filter((seq) => Number.isInteger(seq));
  const distinct = new Set(seqs);
  const maxSeq = seqs.length ? Math.max(...seqs) : 0;
  const ok = outcomes.filter((o) => !o.error && !o.stopped && o.done <= limitMs);
  return {
    allocator: label,
    concurrent: n,
    wallMs,
    numbered: ok.length,
    stoppedAtLimit: outcomes.filter((o) => o.stopped).length,
    throughput: (ok.length / wallMs) * 1000,
    latency: summary(ok.map((o) => o.ms)),
    latencies: ok.map((o) => o.ms),
    errors: outcomes.filter((o) => o.error).length,
    firstError: outcomes.find((o) => o.error)?.error ?? null,
    gaps: maxSeq - distinct.size,
    duplicates: seqs.length - distinct.size,
    // Issues the naive allocator gave up on at the time limit are unnumbered by design.
    unnumbered: docs.length - seqs.length - outcomes.filter((o) => o.stopped).length,
    transactions: ops.transactions,
    abortedAttempts: ops.attempts - ops.transactions,
  };
}

export default {
  title: "Numbering under concurrent creates",
  triggersPaused: true,
  async run(ctx, { smoke }) {
    const { insertIssue } = await ctx.functionsModule("store/issues");
    const { ensureIssueNumbered } = await ctx.functionsModule("store/numberAllocator");
    const year = new Date().getUTCFullYear();
    const ours = (orgId, id) => ensureIssueNumbered(ctx.db, orgId, id);
    const naive = (orgId, id, stopped) => naiveNumberIssue(ctx.db, orgId, id, year, stopped);
    const sizes = smoke ? [10] : [50, 100, 200, 400];
    const headline = smoke ? 10 : 200;
    const limitMs = smoke ? 2_000 : 25_000;

    const points = await ctx.withTriggersPaused(async () => {
      const out = [];
      for (const n of sizes) {
        // Alternate which goes first so neither always meets a warmer emulator.
        const pair =
          n % 100 === 0
            ? [
                ["ours", ours],
                ["naive", naive],
              ]
            : [
                ["naive", naive],
                ["ours", ours],
              ];
        for (const [label, number] of pair) {
          const point = await burst(ctx, {
            label,
            n,
            number,
            insertIssue,
            limitMs: label === "naive" ? limitMs : Infinity,
          });
          console.log(
            `[numbering] ${label} ×${n}: ${point.throughput.toFixed(1)}/s, p50 ${point.latency.p50.toFixed(0)} ms, errors ${point.errors}, gaps ${point.gaps}, aborted ${point.abortedAttempts}`,
          );
          out.push(point);
        }
      }
      return out;
    });

    const at = (label, n) => points.find((p) => p.allocator === label && p.concurrent === n);
    const o = at("ours", headline);
    const b = at("naive", headline);
    const ratio = o.throughput / b.throughput;
    const s = (ms) => (ms / 1000).toFixed(1);
    const figures = [
      {
        figure: `throughput, ${headline} concurrent creates`,
        ours: o.throughput,
        baseline: b.throughput,
        unit: "issues/s",
        ratio,
        target: `≥ ${TARGET}×`,
        pass: ratio >= TARGET,
        meaning: `When ${headline} reports arrive at once (a broken checkout, say), they are all numbered in ${s(o.wallMs)} s; ${
          b.numbered > 0
            ? `one transaction per issue would number ${b.throughput.toFixed(1)} a second, ${s((headline / b.throughput) * 1000)} s for the lot`
            : `one transaction per issue numbered none within ${limitMs / 1000} s (${b.errors} of its transactions gave up on contention)`
        }.`,
      },
      {
        figure: "latency p50 (insert → numbered)",
        ours: o.latency.p50,
        baseline: b.latency.p50,
        unit: "ms",
        ratio: b.latency.p50 / o.latency.p50,
        meaning: `Half the reporters have their number within ${s(o.latency.p50)} s of the insert (naive: ${b.numbered > 0 ? `${s(b.latency.p50)} s, among the issues it numbered at all` : "none numbered"}).`,
      },
      {
        figure: "latency p95",
        ours: o.latency.p95,
        baseline: b.latency.p95,
        unit: "ms",
        ratio: b.latency.p95 / o.latency.p95,
        meaning: `Nineteen reporters in twenty wait at most ${s(o.latency.p95)} s (naive: ${b.numbered > 0 ? `${s(b.latency.p95)} s` : "none numbered"}).`,
      },
      {
        figure: "aborted transaction attempts",
        ours: o.abortedAttempts,
        baseline: b.abortedAttempts,
        meaning: `Contention shows as retries: ${o.abortedAttempts} for ours, ${b.abortedAttempts} for the naive allocator; each retry re-reads the counter and adds to the wait.`,
      },
      {
        figure: "counter transactions",
        ours: o.transactions,
        baseline: b.transactions,
        meaning: `The counter document took ${o.transactions} transaction(s) for ${headline} issues instead of one each, well inside the write rate one document sustains.`,
      },
      {
        figure: "errors",
        ours: o.errors,
        baseline: b.errors,
        target: "0 (ours)",
        pass: o.errors === 0,
        required: true,
        meaning: `${o.errors === 0 ? "No create failed" : `${o.errors} creates failed`}: nobody is told to try again.`,
      },
      {
        figure: "gaps (and duplicates)",
        ours: o.gaps + o.duplicates,
        baseline: b.gaps + b.duplicates,
        target: "0 (ours)",
        pass: o.gaps + o.duplicates === 0 && o.unnumbered === 0,
        required: true,
        meaning: `Numbers run from 0001 to ${String(headline).padStart(4, "0")} with ${o.gaps + o.duplicates === 0 ? "no hole and no repeat" : "holes or repeats"}, so "ISS-…-0042" always means one issue.`,
      },
    ];
    const series = (label) => points.filter((p) => p.allocator === label).map((p) => [p.concurrent, p.throughput]);
    return {
      title: this.title,
      figures,
      charts: [
        {
          name: "numbering-curve",
          title: "Numbering throughput by concurrent creates",
          svg: lineChart({
            title: "Numbering throughput by concurrent creates",
            xLabel: "concurrent creates in one org",
            yLabel: "issues numbered per second",
            series: [
              { name: "ours (lease + batches of 100)", points: series("ours") },
              { name: "naive (one transaction per issue)", points: series("naive"), dashed: true },
            ],
          }),
        },
        {
          name: "numbering-latency",
          title: `Time from insert to number, ${headline} concurrent`,
          svg: cdfChart({
            title: `Time from insert to number, ${headline} concurrent creates`,
            xLabel: "ms",
            series: [
              { name: "ours", values: o.latencies },
              { name: "naive", values: b.latencies, dashed: true },
            ],
          }),
        },
      ],
      tables: [
        {
          title: "Numbering: the curve",
          headers: [
            "concurrent",
            "allocator",
            "numbered",
            "in s",
            "issues/s",
            "p50 ms",
            "p95 ms",
            "transactions",
            "aborted attempts",
            "errors",
            "gaps",
            "stopped at the limit",
          ],
          rows: points.map((p) => [
            p.concurrent,
            p.allocator,
            p.numbered,
            (p.wallMs / 1000).toFixed(1),
            p.throughput.toFixed(1),
            p.latency.p50.toFixed(0),
            p.latency.p95.toFixed(0),
            p.transactions,
            p.abortedAttempts,
            p.errors,
            p.gaps,
            p.stoppedAtLimit,
          ]),
          footnotes: [
            `A naive burst stops after ${limitMs / 1000} s: issues the naive allocator had not numbered by then give up at their next attempt; throughput counts what was numbered within the limit. Latencies are of numbered issues.`,
          ],
        },
      ],
      notes: b.firstError ? [`The naive allocator's first error: ${b.firstError}`] : [],
      data: { points: points.map(({ latencies, ...rest }) => rest) },
    };
  },
};
