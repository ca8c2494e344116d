// The emulator suites of `npm test`, run inside one emulator session (scripts/emulators.mjs exec).
// Phases run one after another; the lanes of a phase run side by side. Only suites that cannot
// disturb each other share a phase: the rules matrix works in a Firestore project of its own and
// fires no trigger, so it runs beside the bench smoke, whose op log counts only the main
// project's function runs and which checks counts, never times. The bench smoke runs first, on a
// fresh emulator, because the suites before it would leave work behind. The web e2e runs beside
// the functions suite on emulators of its own, at another port offset: the functions suite pauses
// the triggers of its whole emulator, and mostly waits on them. A second lane of functions files, led by those that
// wait longest, runs on a third set of emulators beside both (docs/testing.md).
import { spawn } from "node:child_process";
import { portOffset } from "./lib/emulatorEnv.mjs";

/** The e2e's own emulators: far enough from this session's ports, and clear of the harness's nudges. */
const E2E_OFFSET = portOffset() + 5000;
/** The second functions lane's emulators: clear of this session's ports and of the e2e's. */
const SECOND_FUNCTIONS_LANE_OFFSET = portOffset() + 7000;

/**
 * Functions files that run on emulators of their own, beside the rest of the functions suite: about half of its time
 * (CI runs ci14 and ci15, 2026-12-08), led by the files that mostly wait. The Linear sync runs its queue at the product's rate
 * (a 100-issue burst alone takes a minute) and the stats burst waits on 600 trigger chains. Each file starts from
 * the per-file setup (functions/test/emulator/setup.ts), so it needs nothing the other files leave behind.
 */
const SECOND_FUNCTIONS_LANE = [
  "test/emulator/linear.emulator.test.ts",
  "test/emulator/stats.emulator.test.ts",
  "test/emulator/issues.emulator.test.ts",
  "test/emulator/automations.emulator.test.ts",
  "test/emulator/api-issues.emulator.test.ts",
  "test/emulator/numbering.emulator.test.ts",
];

/** @typedef {{ name: string, command: string, env: NodeJS.ProcessEnv }} Suite */

/** @type {Suite[][][]} phases → lanes → suites */
const PHASES = [
  [
    [
      suite("bench smoke", "npm run test:emulator --workspace bench"),
      suite("client", "npm run test:emulator --workspace client"),
    ],
    [suite("rules", "npm run test:rules --workspace functions")],
  ],
  [
    [
      suite(
        "functions",
        `npm run test:emulator --workspace functions -- ${SECOND_FUNCTIONS_LANE.map((file) => `--exclude ${file}`).join(" ")}`,
      ),
    ],
    [
      suite(
        "web e2e",
        `npm run build --workspace web && node scripts/emulators.mjs exec --test-env --only auth,firestore,functions,tasks,hosting "npm run test:e2e --workspace web"`,
        ownEmulators(E2E_OFFSET),
      ),
    ],
    [
      suite(
        "functions, second lane",
        // Hosting serves the Linear webhook's rewrite; the lane needs no web build (hosting answers 404 without one).
        `node scripts/emulators.mjs exec --test-env --only auth,firestore,functions,tasks,hosting "npm run test:emulator --workspace functions -- ${SECOND_FUNCTIONS_LANE.join(" ")}"`,
        ownEmulators(SECOND_FUNCTIONS_LANE_OFFSET),
      ),
    ],
  ],
];

/** @returns {Suite} */
function suite(name, command, env = process.env) {
  return { name, command, env };
}

/**
 * The environment of a suite that starts emulators of its own at `offset`: without this session's emulator
 * addresses, and without the bench's probe, which would count its function runs into the smoke's op log.
 * @param {number} offset
 */
function ownEmulators(offset) {
  /** @type {NodeJS.ProcessEnv} */
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/_EMULATOR_HOST$|^FIREBASE_EMULATOR_HUB$|^FIRETRACK_FUNCTIONS_ACTIVITY$|^FIRETRACK_BENCH_OPLOG$/.test(key))
      continue;
    env[key] = value;
  }
  env.NODE_OPTIONS = (process.env.NODE_OPTIONS ?? "")
    .split(" ")
    .filter((option) => !option.includes("bench/probe/preload.cjs"))
    .join(" ");
  env.FIRETRACK_PORT_OFFSET = String(offset);
  return env;
}

/**
 * Runs one suite. The first lane of a phase prints as it goes; the others keep their output
 * and print it whole when they finish, so two vitest reports never interleave.
 * @returns {Promise<boolean>}
 */
function run({ name, command, env }, live) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(command, { shell: true, env, stdio: live ? "inherit" : ["ignore", "pipe", "pipe"] });
    /** @type {Buffer[]} */
    const kept = [];
    child.stdout?.on("data", (chunk) => kept.push(chunk));
    child.stderr?.on("data", (chunk) => kept.push(chunk));
    child.on("close", (code) => {
      const seconds = Math.round((Date.now() - started) / 1000);
      if (!live) {
        console.log(`\n===== ${name} (ran beside the suite above) =====`);
        process.stdout.write(Buffer.concat(kept));
      }
      console.log(`[suites] ${name}: ${code === 0 ? "passed" : `FAILED (exit ${code})`} in ${seconds} s`);
      resolve(code === 0);
    });
  });
}

/** @param {Suite[]} lane */
async function runLane(lane, live) {
  let ok = true;
  for (const entry of lane) {
    // A lane stops at its first failure: what follows often depends on it.
    if (!(await run(entry, live))) {
      ok = false;
      break;
    }
  }
  return ok;
}

const started = Date.now();
for (const phase of PHASES) {
  const results = await Promise.all(phase.map((lane, i) => runLane(lane, i === 0)));
  if (results.includes(false)) {
    console.error("[suites] a suite failed: the later phases were not run");
    process.exit(1);
  }
}
console.log(`[suites] every emulator suite passed in ${Math.round((Date.now() - started) / 1000)} s`);
