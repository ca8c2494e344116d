// The benchmarks `npm run bench` knows, in the order it runs them. Two kinds:
// - modules: `run(ctx, options)` inside the emulators, returning figures (bench/README.md);
// - scripts: another bench script run as a child process (the service client,
//   the Linear webhook, the web app). They join when their file exists, in full
//   runs and when named (smoke runs leave them out: they have no small mode);
//   their output is kept as text, and a last line `BENCH_RESULT {json}` with the
//   same shape as a module's result is read as figures.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

const MODULES = [
  { name: "numbering", path: "./benchmarks/numbering.mjs" },
  { name: "api-latency", path: "./benchmarks/apiLatency.mjs" },
  { name: "dashboard", path: "./benchmarks/dashboard.mjs" },
  { name: "lists", path: "./benchmarks/lists.mjs" },
  { name: "stats-bursts", path: "./benchmarks/statsBursts.mjs" },
  { name: "costs", path: "./benchmarks/costs.mjs" },
  { name: "cold-start", path: "./benchmarks/coldStart.mjs" },
  { name: "sla", path: "./benchmarks/sla.mjs" },
  { name: "mail", path: "./benchmarks/mail.mjs" },
  { name: "sessions", path: "./benchmarks/sessions.mjs" },
];

/** Bench scripts of other parts of the project; each joins once its file or npm script exists. */
const SCRIPTS = [
  {
    name: "client",
    title: "Service client (@firetrack/client) against a local stub API",
    present: () => existsSync(`${ROOT}/bench/client.mjs`),
    prepare: ["npm", ["run", "build", "--workspace", "client"]],
    command: ["node", ["bench/client.mjs"]],
    emulators: false,
  },
  {
    name: "linear-webhook",
    title: "Linear webhook delivery",
    present: () => existsSync(`${ROOT}/bench/linear-webhook.mjs`),
    command: ["node", ["bench/linear-webhook.mjs"]],
    emulators: true,
  },
  {
    // `npm run bench:web` starts emulators of its own; inside ours the script runs directly.
    name: "web",
    title: "Web app: bundle size, first list render, live-update latency (Chromium)",
    present: () => existsSync(`${ROOT}/bench/web.mjs`),
    prepare: ["npm", ["run", "build", "--workspace", "web"]],
    command: ["node", ["bench/web.mjs"]],
    emulators: true,
    hosting: true,
  },
];

/**
 * @typedef {{ name: string, kind: "module", path: string, emulators: true }} ModuleEntry
 * @typedef {{ name: string, kind: "script", title: string, present: () => boolean, prepare?: (string | string[])[],
 *   command: (string | string[])[], emulators: boolean, hosting?: boolean }} ScriptEntry
 * @typedef {ModuleEntry | ScriptEntry} BenchEntry
 */

/** @returns {BenchEntry[]} */
export function registry() {
  return [
    ...MODULES.map((entry) => ({
      ...entry,
      kind: /** @type {const} */ ("module"),
      emulators: /** @type {const} */ (true),
    })),
    ...SCRIPTS.filter((entry) => entry.present()).map((entry) => ({ ...entry, kind: /** @type {const} */ ("script") })),
  ];
}

export const ROOT_DIR = ROOT;
