#!/usr/bin/env node
// `node scripts/emulators.mjs <firebase emulators:* args>`: runs the pinned
// firebase-tools with the offline-capable environment of lib/emulatorEnv.mjs.
//   node scripts/emulators.mjs exec --only firestore "npm test"
//   node scripts/emulators.mjs start --only auth,firestore
// `--test-env` runs the functions with the test environment (lib/testFunctions.mjs) and
// passes the fake Linear's and the test mail server's ports and secrets on to the command.
// `--bench` turns on bench mode: every Node process it starts (the functions' workers, the
// command) preloads bench/probe/preload.cjs, which counts Firestore operations and function
// invocations into a log named by FIRETRACK_BENCH_OPLOG. With `--test-env` the emulator's output
// passes through lib/functionsActivity.mjs, so suites can wait for its functions to go quiet.
import { spawn } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { emulatorEnv, FIREBASE_BIN, portOffsetArgs, PROJECT_ID, ROOT } from "./lib/emulatorEnv.mjs";
import { activityMonitor, serveActivity } from "./lib/functionsActivity.mjs";
import { linearTestEnv, mailTestEnv } from "./lib/testFunctions.mjs";

const BENCH_PROBE = join(ROOT, "bench", "probe", "preload.cjs");
const [command, ...given] = process.argv.slice(2);
if (!command || !["exec", "start"].includes(command)) {
  console.error("usage: node scripts/emulators.mjs exec|start [--test-env] [--bench] [firebase args…]");
  process.exit(2);
}
const testEnv = given.includes("--test-env");
const bench = given.includes("--bench");
const args = given.filter((arg) => arg !== "--test-env" && arg !== "--bench");
const env = emulatorEnv(testEnv ? { ...process.env, ...linearTestEnv(), ...mailTestEnv() } : process.env);
if (bench) {
  mkdirSync(join(ROOT, ".cache", "bench"), { recursive: true });
  env.FIRETRACK_BENCH_OPLOG = join(ROOT, ".cache", "bench", `oplog-${process.pid}.jsonl`);
  env.NODE_OPTIONS = [env.NODE_OPTIONS, `--require=${JSON.stringify(BENCH_PROBE)}`].filter(Boolean).join(" ");
}
// Test runs learn from the emulator's output when its functions have gone quiet (lib/functionsActivity.mjs).
const monitor = testEnv ? activityMonitor() : null;
if (monitor) env.FIRETRACK_FUNCTIONS_ACTIVITY = (await serveActivity(monitor)).url;
const child = spawn(
  FIREBASE_BIN,
  [`emulators:${command}`, "--project", PROJECT_ID, ...portOffsetArgs(undefined, { testEnv }), ...args],
  {
    cwd: ROOT,
    env,
    stdio: ["inherit", monitor ? "pipe" : "inherit", "inherit"],
  },
);
child.stdout?.on("data", (chunk) => {
  monitor?.watch(chunk);
  process.stdout.write(chunk);
});
for (const signal of /** @type {const} */ (["SIGINT", "SIGTERM"])) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => {
  if (bench && env.FIRETRACK_BENCH_OPLOG) rmSync(env.FIRETRACK_BENCH_OPLOG, { force: true });
  process.exit(code ?? (signal ? 1 : 0));
});
