// The emulator suites of `npm test`, run inside one emulator session (scripts/emulators.mjs exec).
// Phases run one after another; the lanes of a phase run side by side. Only suites that cannot
// disturb each other share a phase: the rules matrix works in a Firestore project of its own and
// fires no trigger, so it runs beside the bench smoke, whose op log counts only the main
// project's function runs and which checks counts, never times. The bench smoke runs first, on a
// fresh emulator, because the suites before it would leave work behind (docs/testing.md).
import { spawn } from "node:child_process";

/** @typedef {{ name: string, command: string }} Suite */

/** @type {Suite[][][]} phases → lanes → suites */
const PHASES = [
  [
    [
      suite("bench smoke", "npm run test:emulator --workspace bench"),
      suite("client", "npm run test:emulator --workspace client"),
    ],
    [suite("rules", "npm run test:rules --workspace functions")],
  ],
  [[suite("functions", "npm run test:emulator --workspace functions")]],
  [[suite("web e2e", "npm run test:e2e --workspace web")]],
];

/** @returns {Suite} */
function suite(name, command) {
  return { name, command };
}

/**
 * Runs one suite. The first lane of a phase prints as it goes; the others keep their output
 * and print it whole when they finish, so two vitest reports never interleave.
 * @returns {Promise<boolean>}
 */
function run({ name, command }, live) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(command, { shell: true, stdio: live ? "inherit" : ["ignore", "pipe", "pipe"] });
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
