#!/usr/bin/env node
// Linear webhook answer time: 200 signed deliveries to function `linearWebhook`
// against 200 GET /api/v1/health, through the same Functions emulator, one
// request at a time and alternating, so machine load falls on both alike. It
// prints p50 and p95 of each and their ratio: what verifying, recording and
// answering a delivery costs over a request that does nothing. (Linear counts
// an answer slower than 5 s as a failed delivery.) Emulator times are no
// production figures; the ratio is the point.
//
//   node bench/linear-webhook.mjs            builds the functions, starts the emulators
//                                           (scripts/emulators.mjs --test-env), runs inside
//   node bench/linear-webhook.mjs --smoke    20 deliveries instead of 200
//
// Inside the emulators (FIRESTORE_EMULATOR_HOST set) it needs the webhook secret the
// emulated function was given: the harness's `--test-env` passes it as
// FIRETRACK_LINEAR_WEBHOOK_SECRET. The last line is `BENCH_RESULT {json}` for `npm run bench`.
import { spawn, spawnSync } from "node:child_process";
import { createHmac, randomUUID } from "node:crypto";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const smoke = process.argv.includes("--smoke");
const COUNT = smoke ? 20 : 200;
const WARMUP = 5;

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

async function timed(send) {
  const started = performance.now();
  const response = await send();
  await response.arrayBuffer();
  return { ms: performance.now() - started, status: response.status };
}

async function measure() {
  const secret = process.env.FIRETRACK_LINEAR_WEBHOOK_SECRET;
  if (!secret) {
    console.error(
      "FIRETRACK_LINEAR_WEBHOOK_SECRET is not set: start the emulators with `node scripts/emulators.mjs exec --test-env …` (or run this script on its own).",
    );
    process.exit(1);
  }
  // The harness puts every emulator's port in the environment (scripts/lib/emulatorEnv.mjs).
  const ports = JSON.parse(process.env.FIRETRACK_EMULATOR_PORTS ?? "null");
  const functionsPort = ports?.functions ?? 5001 + Number(process.env.FIRETRACK_PORT_OFFSET ?? 0);
  const base = `http://127.0.0.1:${functionsPort}/demo-firetrack/us-central1`;

  // An update of an issue no org links: the trigger that applies it has little to do, so the
  // figure is the webhook's own work (verify the signature, record the delivery, answer).
  const deliver = () => {
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
    return fetch(`${base}/linearWebhook`, {
      method: "POST",
      headers: {
        "content-type": "application/json; charset=utf-8",
        "linear-delivery": randomUUID(),
        "linear-event": "Issue",
        "linear-signature": createHmac("sha256", secret).update(body).digest("hex"),
      },
      body,
    });
  };
  const health = () => fetch(`${base}/api/v1/health`);

  for (let i = 0; i < WARMUP; i++) {
    await timed(deliver);
    await timed(health);
  }
  const webhook = [];
  const baseline = [];
  const refused = [];
  for (let i = 0; i < COUNT; i++) {
    const pair = i % 2 === 0 ? [deliver, health] : [health, deliver];
    for (const send of pair) {
      const { ms, status } = await timed(send);
      if (send === deliver) {
        webhook.push(ms);
        if (status !== 200) refused.push(status);
      } else baseline.push(ms);
    }
  }
  if (refused.length > 0) {
    console.error(`${refused.length} of ${COUNT} deliveries were not answered 200 (first: ${refused[0]})`);
    process.exit(1);
  }

  const w = { p50: percentile(webhook, 50), p95: percentile(webhook, 95) };
  const h = { p50: percentile(baseline, 50), p95: percentile(baseline, 95) };
  const round = (ms) => Math.round(ms * 10) / 10;
  console.log(
    `Linear webhook, ${COUNT} signed deliveries vs ${COUNT} GET /api/v1/health, one at a time, through the Functions emulator`,
  );
  console.log(`  webhook  p50 ${round(w.p50)} ms   p95 ${round(w.p95)} ms`);
  console.log(`  health   p50 ${round(h.p50)} ms   p95 ${round(h.p95)} ms`);
  console.log(`  ratio    p50 ${(w.p50 / h.p50).toFixed(2)}×   p95 ${(w.p95 / h.p95).toFixed(2)}×`);
  const result = {
    title: "Linear webhook delivery: answer time against /api/v1/health",
    figures: [
      {
        figure: `webhook p50 / health p50 (${COUNT} each)`,
        ours: round(w.p50),
        baseline: round(h.p50),
        unit: "ms",
        ratio: w.p50 / h.p50,
      },
      {
        figure: `webhook p95 / health p95 (${COUNT} each)`,
        ours: round(w.p95),
        baseline: round(h.p95),
        unit: "ms",
        ratio: w.p95 / h.p95,
      },
      {
        figure: "webhook p95 within Linear's 5 s",
        ours: round(w.p95),
        unit: "ms",
        target: "< 5000 ms",
        pass: w.p95 < 5000,
      },
    ],
  };
  console.log(`BENCH_RESULT ${JSON.stringify(result)}`);
}

if (process.env.FIRESTORE_EMULATOR_HOST) {
  await measure();
  process.exit(0);
} else {
  const build = spawnSync("npm", ["run", "build", "--workspace", "functions"], { cwd: ROOT, stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
  const inner = ["node", "bench/linear-webhook.mjs", ...(smoke ? ["--smoke"] : [])].join(" ");
  const child = spawn("node", ["scripts/emulators.mjs", "exec", "--test-env", "--only", "firestore,functions", inner], {
    cwd: ROOT,
    stdio: "inherit",
  });
  for (const signal of /** @type {const} */ (["SIGINT", "SIGTERM"])) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
