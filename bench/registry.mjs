// The benchmarks `npm run bench` knows, in the order it runs them. Two kinds:
// - modules: `run(ctx, options)` inside the emulators, returning figures (see bench/README.md);
// - scripts: another bench script run as a child process (the service client,
//   the Linear webhook, the web app). They join when their file exists; their
//   output is kept as text, and a last line `BENCH_RESULT {json}` with the same
//   shape as a module's result is read as figures.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

const MODULES = [
  { name: "numbering", path: "./benchmarks/numbering.mjs" },
  { name: "api-latency", path: "./benchmarks/apiLatency.mjs" },
  { name: "dashboard", path: "./benchmarks/dashboard.mjs" },
  { name: "lists", path: "./benchmarks/lists.mjs" },
  { name: "stats-bursts", path: "./benchmarks/statsBursts.mjs" },
  { name: "costs", path: "./benchmarks/costs.mjs" },
];

const rootScripts = () => JSON.parse(readFileSync(`${ROOT}/package.json`, "utf8")).scripts ?? {};

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
    name: "web",
    title: "Web app",
    present: () => Boolean(rootScripts()["bench:web"]),
    command: ["npm", ["run", "bench:web"]],
    emulators: false,
  },
];

export function registry() {
  return [
    ...MODULES.map((entry) => ({ ...entry, kind: "module", emulators: true })),
    ...SCRIPTS.filter((entry) => entry.present()).map((entry) => ({ ...entry, kind: "script" })),
  ];
}

export const ROOT_DIR = ROOT;
