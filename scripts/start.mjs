#!/usr/bin/env node
// `npm start`: build, start the emulator suite, seed the demo, print where everything is.
import { spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { DEV_MAIL_PORTS, ensureDevMailSecrets, startInboundRelay, startMailDev } from "./lib/devMail.mjs";
import { emulatorEnv, FIREBASE_BIN, portOffsetArgs, PROJECT_ID, ROOT } from "./lib/emulatorEnv.mjs";

const EMULATORS = "auth,firestore,functions,hosting,tasks";
const HEALTH_URL = `http://127.0.0.1:5001/${PROJECT_ID}/us-central1/api/v1/health`;
const INBOUND_URL = `http://127.0.0.1:5001/${PROJECT_ID}/us-central1/inboundEmail`;
const INBOUND_DOMAIN =
  /^INBOUND_EMAIL_DOMAIN=(.*)$/m
    .exec(readFileSync(new URL("../functions/.env", import.meta.url), "utf8"))?.[1]
    ?.trim() ?? "inbound.firetrack.test";

// `npm start` runs on the default ports; the web build reads the offset to find the emulators.
const build = spawnSync("npm", ["run", "build"], {
  cwd: ROOT,
  stdio: "inherit",
  env: { ...process.env, FIRETRACK_PORT_OFFSET: "0" },
});
if (build.status !== 0) process.exit(build.status ?? 1);
// Only now: the demo data uses the shared domain from the functions build, which a fresh clone doesn't have
// until the line above has run (a static import would be evaluated before it).
const { ACCOUNTS, DEMO_PASSWORD, ORGS } = await import("./lib/demoData.mjs");

// Mail (docs/email.md): the emulated functions send to MailDev, and the relay posts what it receives to inboundEmail.
const mailSecrets = ensureDevMailSecrets();
const maildev = startMailDev();
const relay = await startInboundRelay({ target: INBOUND_URL, secret: mailSecrets.INBOUND_EMAIL_SECRET });

const emulators = spawn(
  FIREBASE_BIN,
  ["emulators:start", "--project", PROJECT_ID, ...portOffsetArgs(0), "--only", EMULATORS],
  {
    cwd: ROOT,
    env: emulatorEnv({ ...process.env, FIRETRACK_PORT_OFFSET: "0" }),
    stdio: "inherit",
  },
);
let stopping = false;
for (const signal of /** @type {const} */ (["SIGINT", "SIGTERM"])) {
  process.on(signal, () => {
    stopping = true;
    emulators.kill(signal);
    maildev.kill("SIGTERM");
    void relay.close();
  });
}
emulators.on("exit", (code) => {
  maildev.kill("SIGTERM");
  process.exit(stopping ? 0 : (code ?? 1));
});

async function waitForApi(timeoutMs = 180_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(HEALTH_URL)).ok) return;
    } catch {
      // Not up yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`the API did not answer at ${HEALTH_URL} within ${timeoutMs / 1000} s`);
}

try {
  await waitForApi();
  const { seed } = await import("./seed.mjs");
  await seed();
} catch (err) {
  console.error("\nFiretrack could not start:", /** @type {Error} */ (err).message ?? err);
  emulators.kill("SIGINT");
  process.exitCode = 1;
}

const width = Math.max(...ACCOUNTS.map((a) => a.email.length));
console.log(`
────────────────────────────────────────────────────────────────────
 Firetrack is running on the Firebase emulators (project ${PROJECT_ID})

 Web app       http://127.0.0.1:5000
 API (hosting) http://127.0.0.1:5000/api/v1/health
 API (direct)  http://127.0.0.1:5001/${PROJECT_ID}/us-central1/api/v1/health
 Firestore     127.0.0.1:8080   Auth 127.0.0.1:9099   Tasks 127.0.0.1:9499

 Mail inbox    http://127.0.0.1:${DEV_MAIL_PORTS.web}  (MailDev: every mail Firetrack sends)
 Mail in       SMTP 127.0.0.1:${DEV_MAIL_PORTS.relay} → write to ${ORGS[0].slug}@${INBOUND_DOMAIN}

 Demo accounts (password: ${DEMO_PASSWORD})
${ACCOUNTS.map((a) => `   ${a.email.padEnd(width)}  ${a.role.padEnd(8)} ${ORGS.find((o) => o.id === a.org)?.name}`).join("\n")}

 Stop with Ctrl-C.
────────────────────────────────────────────────────────────────────
`);
