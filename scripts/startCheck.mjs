#!/usr/bin/env node
// `node scripts/startCheck.mjs`: tries the README's first command as a new user would, for CI.
// It removes the build outputs (a fresh clone has none), runs `npm start` in its own process group,
// waits for the API on both URLs and for the web app, signs in as a demo account through the Auth
// emulator, checks that `GET /me` lists the account's org, then stops the whole group.
import { spawn, spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { PROJECT_ID, ROOT } from "./lib/emulatorEnv.mjs";

const BUILD_OUTPUTS = ["functions/lib", "web/dist", "client/dist"];
const DEADLINE_MS = 180_000;
const WEB = "http://127.0.0.1:5000";
const API_DIRECT = `http://127.0.0.1:5001/${PROJECT_ID}/us-central1/api/v1`;
const API_HOSTED = `${WEB}/api/v1`;
const AUTH = "http://127.0.0.1:9099/identitytoolkit.googleapis.com/v1";
const MAILDEV = "http://127.0.0.1:1080";
// One of the accounts the seed creates (scripts/lib/demoData.mjs, which needs the build to import).
const ACCOUNT = { email: "agent@acme.test", password: "firetrack-demo", org: "acme" };

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

for (const dir of BUILD_OUTPUTS) rmSync(join(ROOT, dir), { recursive: true, force: true });

// detached: `npm start` leads a new process group, so one signal reaches the emulators and their JVM too.
const start = spawn("npm", ["start"], { cwd: ROOT, detached: true, stdio: ["ignore", "pipe", "pipe"] });
let output = "";
for (const stream of [start.stdout, start.stderr]) stream.on("data", (chunk) => (output += chunk));
let exited = null;
start.on("exit", (code, signal) => (exited = { code, signal }));

async function until(what, probe) {
  while (Date.now() - started < DEADLINE_MS) {
    if (exited) throw new Error(`npm start exited (${JSON.stringify(exited)}) while waiting for ${what}`);
    try {
      const value = await probe();
      if (value) {
        console.log(`start check: ${what} after ${elapsed()}`);
        return value;
      }
    } catch {
      // Not up yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const ok = async (url) => (await fetch(url)).ok;

async function check() {
  // start.mjs prints its banner once the seed is written, as a new user would wait for it.
  await until("the start banner", () => output.includes("Firetrack is running"));
  await until("the API (direct)", () => ok(`${API_DIRECT}/health`));
  await until("the API (hosting)", () => ok(`${API_HOSTED}/health`));
  await until("the web app", async () => {
    const response = await fetch(WEB);
    return response.ok && /<title>[^<]*Firetrack/.test(await response.text());
  });
  // The seed runs after the API is up; the account exists once it is done.
  const idToken = await until("a demo sign-in", async () => {
    const response = await fetch(`${AUTH}/accounts:signInWithPassword?key=demo-key`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: ACCOUNT.email, password: ACCOUNT.password, returnSecureToken: true }),
    });
    return response.ok ? (await response.json()).idToken : null;
  });
  const me = await until("GET /me with its org", async () => {
    const response = await fetch(`${API_HOSTED}/me`, { headers: { authorization: `Bearer ${idToken}` } });
    const body = response.ok ? await response.json() : null;
    return body?.memberships?.some((m) => m.orgId === ACCOUNT.org) ? body : null;
  });
  console.log(
    `start check: ${ACCOUNT.email} is ${me.memberships.find((m) => m.orgId === ACCOUNT.org).role} of ${ACCOUNT.org}`,
  );
  // The mail inbox the banner names: MailDev's REST API lists what was sent (a JSON array).
  await until("the MailDev inbox", async () => {
    const response = await fetch(`${MAILDEV}/email`);
    return response.ok && Array.isArray(await response.json());
  });
}

const signalGroup = (signal) => {
  // No pid: the spawn failed, and there is no group to signal (-0 would be our own).
  if (start.pid === undefined) return;
  try {
    process.kill(-start.pid, signal);
  } catch {
    // The group is gone.
  }
};

/**
 * Ctrl-C as a person would press it: firebase-tools shuts its emulators down cleanly on the first SIGINT,
 * and stops at once on the second. The Firestore JVM runs in a process group of its own, which
 * firebase-tools leaves behind when it is forced; its group is stopped here too.
 */
let stopped = false;
async function stop() {
  if (stopped) return;
  stopped = true;
  if (!exited) {
    const gone = new Promise((resolve) => start.on("exit", resolve));
    signalGroup("SIGINT");
    const again = setTimeout(() => signalGroup("SIGINT"), 45_000);
    const kill = setTimeout(() => signalGroup("SIGKILL"), 60_000);
    await gone;
    clearTimeout(again);
    clearTimeout(kill);
  }
  signalGroup("SIGKILL"); // Anything of the group still there.
  for (const { pid } of leftovers()) {
    console.log(`start check: stopping the process group of emulator ${pid}, which outlived firebase-tools`);
    try {
      process.kill(-pid, "SIGTERM");
    } catch {
      process.kill(pid, "SIGTERM");
    }
  }
  const deadline = Date.now() + 15_000;
  while (leftovers().length > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 500));
  console.log(`start check: npm start stopped after ${elapsed()}`);
  const left = leftovers();
  if (left.length > 0) throw new Error(`emulators left running:\n${left.map((p) => p.line).join("\n")}`);
}

/** Emulator processes of this checkout that outlived npm start (the JVM is found by its jar in .cache). */
function leftovers() {
  const ps = spawnSync("ps", ["-eo", "pid=,args="], { encoding: "utf8" });
  return ps.stdout
    .split("\n")
    .filter((line) => line.includes(ROOT) && /java|emulators:start|functionsEmulatorRuntime|maildev/.test(line))
    .map((line) => ({ pid: Number(line.trim().split(/\s+/)[0]), line: line.trim() }));
}

try {
  await check();
  await stop();
  console.log(`start check: passed in ${elapsed()}`);
} catch (err) {
  await stop().catch((stopErr) => console.error(stopErr.message));
  console.error(
    `start check: FAILED after ${elapsed()}: ${/** @type {Error} */ (err).message}\n--- npm start output ---\n${output.slice(-8000)}`,
  );
  process.exit(1);
}
