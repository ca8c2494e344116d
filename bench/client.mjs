#!/usr/bin/env node
/**
 * What @firetrack/client costs its caller, against a local stub API (no emulators):
 *   1. logIssue's time to return while the tracker is down, and while it is up;
 *   2. 1,000 logIssue calls with 50 in flight, against raw fetch doing the same, as a ratio.
 * Run `npm run build --workspace client` first, then `node bench/client.mjs`.
 * Figures are for comparing on one machine in one run, not production numbers.
 */
import { createServer } from "node:http";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const DIST = fileURLToPath(new URL("../client/dist/index.js", import.meta.url));
if (!existsSync(DIST)) {
  console.error("client/dist is missing: run `npm run build --workspace client` first.");
  process.exit(1);
}
const { createFiretrackClient } = await import(DIST);

const CALLS = 1000;
const IN_FLIGHT = 50;
const ISSUE = { title: "Bench: consumer lagging", priority: "high", tags: ["bench"] };
const HEADERS = { authorization: "Bearer ftk_bench_secret", "content-type": "application/json" };

/** Answers every POST like the API's create: a 201 with a small issue body. */
async function startStub() {
  let n = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      n++;
      res.writeHead(201, { "content-type": "application/json" });
      res.end(JSON.stringify({ id: `issue${n}`, number: `ISS-2026-${String(n).padStart(4, "0")}`, status: "open" }));
    });
  });
  await /** @type {Promise<void>} */ (new Promise((resolve) => server.listen(0, "127.0.0.1", resolve)));
  return {
    base: `http://127.0.0.1:${/** @type {import("node:net").AddressInfo} */ (server.address()).port}/api/v1`,
    close: () => new Promise((resolve) => server.close(resolve)),
    count: () => n,
  };
}

async function closedPort() {
  const server = createServer();
  await /** @type {Promise<void>} */ (new Promise((resolve) => server.listen(0, "127.0.0.1", resolve)));
  const { port } = /** @type {import("node:net").AddressInfo} */ (server.address());
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const summary = (samples) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: percentile(sorted, 50), p99: percentile(sorted, 99) };
};
const fmt = (ms) => (ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(2)} ms`);

/** Sequential awaited calls: each sample is one call's time to return. */
async function timeEach(n, work) {
  const samples = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    await work(i);
    samples.push(performance.now() - started);
  }
  return summary(samples);
}

/** `total` calls from `workers` loops that each await one call at a time: `workers` in flight. */
async function throughput(total, workers, work) {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < total) await work(next++);
    }),
  );
  const ms = performance.now() - started;
  return { ms, perSecond: (total / ms) * 1000 };
}

const client = (baseUrl, options = {}) =>
  createFiretrackClient({
    baseUrl,
    orgId: "bench",
    apiKey: "ftk_bench_secret",
    service: "bench",
    timeoutMs: 3000,
    ...options,
  });

const rawFetch = (base) => async () => {
  const response = await fetch(`${base}/orgs/bench/issues`, {
    method: "POST",
    headers: HEADERS,
    body: JSON.stringify(ISSUE),
  });
  await response.json();
};

// 1a. Down: the first call learns the tracker is down; every later one returns at once and stays queued.
const down = client(`http://127.0.0.1:${await closedPort()}/api/v1`, { maxQueue: CALLS * 2 });
const firstDown = await timeEach(1, () => down.logIssue(ISSUE));
const whileDown = await timeEach(CALLS, () => down.logIssue(ISSUE));
const downStats = down.stats();
await down.close(10);

// 1b. Up: a call returns once the (local) API has answered. Client and raw fetch take turns call by call,
// so that warm-up, connection reuse and the machine's load fall on both alike.
const stub = await startStub();
const up = client(stub.base);
for (let i = 0; i < 50; i++) await Promise.all([up.logIssue(ISSUE), rawFetch(stub.base)()]); // warm-up
const upSamples = [];
const rawSamples = [];
for (let i = 0; i < CALLS; i++) {
  let started = performance.now();
  await up.logIssue(ISSUE);
  upSamples.push(performance.now() - started);
  started = performance.now();
  await rawFetch(stub.base)();
  rawSamples.push(performance.now() - started);
}
const whileUp = summary(upSamples);
const rawUp = summary(rawSamples);
await up.close(1000);

// 2. Throughput with 50 in flight: the client at its default concurrency (16) and at 50, against raw fetch,
// in alternating rounds; each figure is the median of its rounds.
const ROUNDS = 3;
const rates = {
  raw: /** @type {number[]} */ ([]),
  byDefault: /** @type {number[]} */ ([]),
  wide: /** @type {number[]} */ ([]),
};
let wideStats;
for (let round = 0; round < ROUNDS; round++) {
  rates.raw.push((await throughput(CALLS, IN_FLIGHT, rawFetch(stub.base))).perSecond);
  const byDefault = client(stub.base);
  rates.byDefault.push((await throughput(CALLS, IN_FLIGHT, () => byDefault.logIssue(ISSUE))).perSecond);
  await byDefault.close(1000);
  const wide = client(stub.base, { concurrency: IN_FLIGHT });
  rates.wide.push((await throughput(CALLS, IN_FLIGHT, () => wide.logIssue(ISSUE))).perSecond);
  wideStats = wide.stats();
  await wide.close(1000);
}
await stub.close();
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const raw = { perSecond: median(rates.raw) };
const withDefault = { perSecond: median(rates.byDefault) };
const with50 = { perSecond: median(rates.wide) };

console.log(`@firetrack/client against a local stub API (Node ${process.versions.node})

logIssue time to return, ${CALLS} sequential awaited calls
  tracker down, first call (connection refused)   ${fmt(firstDown.median)}
  tracker down, later calls (queued, null at once) median ${fmt(whileDown.median)}, p99 ${fmt(whileDown.p99)}   (queued ${downStats.queued}, dropped ${downStats.dropped})
  tracker up (turns with raw fetch)               median ${fmt(whileUp.median)}, p99 ${fmt(whileUp.p99)}
  raw fetch, for reference                        median ${fmt(rawUp.median)}, p99 ${fmt(rawUp.p99)}

${CALLS} logIssue calls, ${IN_FLIGHT} in flight (median of ${ROUNDS} alternating rounds)
  raw fetch                        ${raw.perSecond.toFixed(0)} calls/s
  client, concurrency 16 (default) ${withDefault.perSecond.toFixed(0)} calls/s   ratio ${(withDefault.perSecond / raw.perSecond).toFixed(2)}
  client, concurrency ${IN_FLIGHT}           ${with50.perSecond.toFixed(0)} calls/s   ratio ${(with50.perSecond / raw.perSecond).toFixed(2)}   (sent ${wideStats.sent}, dropped ${wideStats.dropped})`);
