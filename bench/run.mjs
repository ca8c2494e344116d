#!/usr/bin/env node
// `npm run bench [-- <name>…] [--smoke] [--save] [--out <dir>] [--list]` (bench/README.md)
//
// Outside the emulators it builds the functions, then starts the emulators
// through the harness (scripts/emulators.mjs, which honours
// FIRETRACK_PORT_OFFSET) with bench mode on, and runs itself inside them.
// Inside (FIRESTORE_EMULATOR_HOST set, as in `npm test`) it runs the chosen
// benchmarks one after another, prints the table and writes the results: a full
// run to bench/results/ (latest.md, latest.json, the charts, and a dated copy);
// smoke runs and single benchmarks to .cache/bench/, or with --save a dated copy
// in bench/results/. Nothing outside those folders is written.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { join, resolve } from "node:path";
import { registry, ROOT_DIR } from "./registry.mjs";
import { machine, printTable, writeResults } from "./lib/report.mjs";
import { emulatorPorts } from "../scripts/lib/emulatorEnv.mjs";

// The Tasks emulator runs the SLA timers (functions/src/events/slaTimer.ts) the sla benchmark measures.
const EMULATORS = ["auth", "firestore", "functions", "tasks"];

function parseArgs(argv) {
  const options = {
    names: /** @type {string[]} */ ([]),
    smoke: false,
    out: /** @type {string | null} */ (null),
    list: false,
    build: true,
    save: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--smoke") options.smoke = true;
    else if (arg === "--list") options.list = true;
    else if (arg === "--no-build") options.build = false;
    else if (arg === "--save") options.save = true;
    else if (arg === "--out") options.out = resolve(argv[++i]);
    else if (arg.startsWith("--")) throw new Error(`unknown option ${arg}`);
    else options.names.push(arg);
  }
  return options;
}

function selected(options) {
  const all = registry();
  if (options.names.length === 0) return options.smoke ? all.filter((entry) => entry.kind === "module") : all;
  const unknown = options.names.filter((name) => !all.some((entry) => entry.name === name));
  if (unknown.length > 0)
    throw new Error(`unknown benchmark ${unknown.join(", ")}; known: ${all.map((e) => e.name).join(", ")}`);
  return all.filter((entry) => options.names.includes(entry.name));
}

function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { cwd: ROOT_DIR, stdio: "inherit", env });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed`);
}

/** The emulators the chosen benchmarks need, and the ports they will take (shifted by FIRETRACK_PORT_OFFSET). */
function emulatorsFor(entries) {
  const names = [...EMULATORS, ...(entries.some((entry) => entry.hosting) ? ["hosting"] : [])];
  const ports = emulatorPorts();
  return {
    names,
    ports: [...names.map((name) => ports[name]), ports.hub, ports.firestoreWebsocket],
    firestore: ports.firestore,
  };
}

const portFree = (port) =>
  new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });

/** On a shared machine another checkout may hold one of our ports for a while: wait rather than fail half-started. */
async function waitForPorts(ports, timeoutMs = 10 * 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (let told = false; ; ) {
    const busy = [];
    for (const port of ports) if (!(await portFree(port))) busy.push(port);
    if (busy.length === 0) return;
    if (Date.now() > deadline) throw new Error(`ports ${busy.join(", ")} stayed in use`);
    if (!told) console.log(`[bench] waiting for port(s) ${busy.join(", ")}, in use by another process…`);
    told = true;
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

/** The Firestore JVM runs in a process group of its own and can outlive a failed firebase-tools: stop ours. */
function stopLeftoverFirestore(port) {
  const ps = spawnSync("ps", ["-eo", "pid=,args="], { encoding: "utf8" });
  for (const line of ps.stdout.split("\n")) {
    if (!line.includes(ROOT_DIR) || !line.includes("java") || !line.includes(`--port ${port} `)) continue;
    const pid = Number(line.trim().split(/\s+/)[0]);
    console.log(`[bench] stopping Firestore emulator ${pid}, left behind by firebase-tools`);
    try {
      process.kill(pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
}

/** Outside the emulators: build, then run this script again inside them, through the harness. */
async function launch(options, argv) {
  if (options.build) run("npm", ["run", "build", "--workspace", "functions"]);
  const { names, ports, firestore } = emulatorsFor(selected(options));
  await waitForPorts(ports);
  const inner = ["node", "bench/run.mjs", ...argv.filter((arg) => arg !== "--no-build")]
    .map((part) => `'${part.replace(/'/g, "'\\''")}'`)
    .join(" ");
  // Once the harness has a test environment (the Linear integration's secrets, scripts/lib/testFunctions.mjs),
  // the bench runs with it, so the webhook delivery row of the cost table and bench/linear-webhook.mjs can sign.
  const testEnv = existsSync(join(ROOT_DIR, "scripts", "lib", "testFunctions.mjs")) ? ["--test-env"] : [];
  const child = spawn(
    "node",
    ["scripts/emulators.mjs", "exec", "--bench", ...testEnv, "--only", names.join(","), inner],
    { cwd: ROOT_DIR, stdio: "inherit" },
  );
  for (const signal of /** @type {const} */ (["SIGINT", "SIGTERM"])) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => {
    stopLeftoverFirestore(firestore);
    process.exit(code ?? (signal ? 1 : 0));
  });
}

async function runScript(entry) {
  if (entry.prepare) run(entry.prepare[0], entry.prepare[1]);
  const [command, args] = entry.command;
  const child = spawnSync(command, args, { cwd: ROOT_DIR, encoding: "utf8", env: process.env, maxBuffer: 16 << 20 });
  if (child.status !== 0)
    throw new Error(`${command} ${args.join(" ")} exited ${child.status}: ${(child.stderr || "").slice(-500)}`);
  const lines = child.stdout.trimEnd().split("\n");
  const last = lines.at(-1) ?? "";
  if (last.startsWith("BENCH_RESULT "))
    return { ...JSON.parse(last.slice("BENCH_RESULT ".length)), text: lines.slice(0, -1).join("\n") };
  return { title: entry.title, figures: [], text: child.stdout };
}

async function runInside(options) {
  const entries = selected(options);
  const started = Date.now();
  const startedAt = new Date(started).toISOString();
  const m = machine(ROOT_DIR);
  const needsEmulators = entries.some((entry) => entry.emulators);
  const ctx = needsEmulators ? await (await import("./lib/context.mjs")).createContext({ smoke: options.smoke }) : null;
  const byName = new Map();
  const benchOptions = { smoke: options.smoke };
  const attempt = async (entry, label, work) => {
    const t0 = Date.now();
    console.log(`[bench] ${entry.name}${label}${options.smoke ? " (smoke)" : ""}…`);
    try {
      return await work();
    } catch (err) {
      console.error(`[bench] ${entry.name}${label} failed:`, err);
      byName.set(entry.name, {
        name: entry.name,
        seconds: (Date.now() - t0) / 1000,
        error: String(/** @type {Error} */ (err)?.message ?? err),
      });
      return undefined;
    } finally {
      console.log(`[bench] ${entry.name}${label} done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    }
  };
  const runEntry = async (entry) => {
    const t0 = Date.now();
    const result = await attempt(entry, "", async () =>
      entry.kind === "module" ? (await import(entry.path)).default.run(ctx, benchOptions) : runScript(entry),
    );
    if (result)
      byName.set(entry.name, { name: entry.name, kind: entry.kind, seconds: (Date.now() - t0) / 1000, ...result });
  };
  try {
    // One pause of the triggers for everything that needs them paused: the benchmarks that run paused
    // (`triggersPaused`), then the seeding of the others (`prepare`). Each resume costs the emulator a
    // reload of its triggers and cold workers.
    const modules = await Promise.all(
      entries
        .filter((entry) => entry.kind === "module")
        .map(async (entry) => ({ entry, bench: (await import(entry.path)).default })),
    );
    if (modules.some(({ bench }) => bench.triggersPaused || bench.prepare)) {
      // Modules always run inside the emulators, so there is a context here.
      await /** @type {NonNullable<typeof ctx>} */ (ctx).withTriggersPaused(async () => {
        for (const { entry, bench } of modules) if (bench.triggersPaused) await runEntry(entry);
        for (const { entry, bench } of modules)
          if (bench.prepare) await attempt(entry, " (seeding)", () => bench.prepare(ctx, benchOptions));
      });
    }
    for (const entry of entries) if (!byName.has(entry.name)) await runEntry(entry);
  } finally {
    await ctx?.close();
  }
  const results = entries.map((entry) => byName.get(entry.name));
  const seconds = (Date.now() - started) / 1000;
  const mode = options.smoke ? "smoke" : "full";
  // Only a full run replaces the committed latest results; smoke runs and single
  // benchmarks go to the cache, unless --save keeps a single benchmark's run as a dated file.
  const resultsDir = join(ROOT_DIR, "bench", "results");
  const fullRun = !options.smoke && options.names.length === 0 && !options.out;
  const savePartial = options.save && !options.smoke && !options.out && !fullRun;
  const out =
    options.out ??
    (fullRun || savePartial ? resultsDir : join(ROOT_DIR, ".cache", "bench", options.smoke ? "smoke" : "partial"));
  const runResult = { mode, startedAt, seconds, machine: m, results };
  printTable(results, m);
  const written = writeResults(out, runResult, {
    latest: !savePartial,
    dated: fullRun ? "full" : savePartial ? options.names.join("+") : null,
  });
  if (savePartial) writeResults(join(ROOT_DIR, ".cache", "bench", "partial"), runResult);
  console.log(`[bench] wrote ${written.join(", ")}`);
  console.log(`\n[bench] ${results.length} benchmark(s) in ${seconds.toFixed(0)} s; results in ${out}`);
  const failed = results.filter((r) => r.error || (r.figures ?? []).some((f) => f.required && f.pass === false));
  if (failed.length > 0) {
    console.error(`[bench] failed: ${failed.map((r) => r.name).join(", ")}`);
    process.exitCode = 1;
  }
}

const argv = process.argv.slice(2);
const options = parseArgs(argv);
if (options.list) {
  for (const entry of registry())
    console.log(`${entry.name}${entry.kind === "script" ? ` (script: ${entry.command.flat().join(" ")})` : ""}`);
} else if (process.env.FIRESTORE_EMULATOR_HOST || !selected(options).some((entry) => entry.emulators)) {
  await runInside(options);
  // firebase-admin keeps sockets open; the run is over.
  process.exit(process.exitCode ?? 0);
} else {
  await launch(options, argv);
}
