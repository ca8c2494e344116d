// What every benchmark works with, inside the running emulators: the Admin SDK,
// the built functions code, the same Express app served in this process (as the
// emulator suites do), real Auth users, and the operation log.
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { getApps, initializeApp } from "firebase-admin/app";
import { getAuth } from "firebase-admin/auth";
import { getFirestore, Timestamp } from "firebase-admin/firestore";
import { PROJECT_ID } from "../../scripts/lib/emulatorEnv.mjs";
import { OpLog, triggerSpecs } from "./opLog.mjs";

export const PASSWORD = "bench-password-1";

/** An issue's document id from an API answer: staff get `id`, a customer's view names it `issueId`. */
export const issueIdOf = (body) => body.id ?? body.issueId;
const FUNCTIONS_LIB = new URL("../../functions/lib/", import.meta.url);

/** A module of the built functions code (CommonJS, loaded with the same firebase-admin as this file). */
export async function functionsModule(path) {
  const module = await import(new URL(`${path}.js`, FUNCTIONS_LIB).href);
  return module.default ?? module;
}

async function emulatorHosts() {
  const hub = process.env.FIREBASE_EMULATOR_HUB;
  if (!hub) throw new Error("FIREBASE_EMULATOR_HUB is not set: run the bench through `npm run bench`");
  const response = await fetch(`http://${hub}/emulators`);
  const emulators = await response.json();
  const at = (name) => (emulators[name] ? `${emulators[name].host}:${emulators[name].port}` : null);
  return { hub, firestore: at("firestore"), auth: at("auth"), functions: at("functions") };
}

export async function createContext({ smoke = false } = {}) {
  if (getApps().length === 0) initializeApp({ projectId: PROJECT_ID });
  const db = getFirestore();
  const hosts = await emulatorHosts();
  // The API logs one line per request through firebase-functions' logger, which keeps
  // the console.info it finds when loaded; thousands of requests would bury the table.
  console.info = () => {};
  // The harness preloads the probe into this process (bench mode); importing it again gives the same module.
  const probe = createRequire(import.meta.url)("../probe/preload.cjs");
  const { buildApp } = await functionsModule("api/app");
  const { defaultVerifiers } = await functionsModule("api/auth");
  const { memberRecord } = await functionsModule("store/orgs");

  const unlimited = { capacity: 1_000_000, refillPerSecond: 1_000_000 };
  const app = probe.probeHttp("api", buildApp({ verifiers: defaultVerifiers("https://firetrack.test/api"), rateLimits: { user: unlimited, service: unlimited } }));
  const server = createServer(app);
  await /** @type {Promise<void>} */ (new Promise((resolve) => server.listen(0, "127.0.0.1", resolve)));
  const localBase = `http://127.0.0.1:${/** @type {import("node:net").AddressInfo} */ (server.address()).port}/v1`;
  const functionBase = `http://${hosts.functions}/${PROJECT_ID}/us-central1/api/v1`;

  /**
   * @param {string} method
   * @param {string} path
   * @param {{ token?: string, body?: unknown, headers?: Record<string, string>, base?: string }} [options]
   */
  async function call(method, path, { token, body, headers = {}, base = localBase } = {}) {
    const sent = { ...headers };
    if (token) sent.authorization = `Bearer ${token}`;
    let payload;
    if (body !== undefined) {
      payload = JSON.stringify(body);
      sent["content-type"] = "application/json";
    }
    const response = await fetch(`${base}${path}`, { method, headers: sent, body: payload });
    const text = await response.text();
    /** @type {any} JSON of any shape, or the text when it is not JSON */
    let parsed = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text for the error message
    }
    return { status: response.status, headers: response.headers, body: parsed };
  }

  /** Like `call`, but anything but the expected status is an error. */
  async function expectCall(status, method, path, options) {
    const response = await call(method, path, options);
    if (response.status !== status) {
      throw new Error(`${method} ${path}: expected ${status}, got ${response.status} ${JSON.stringify(response.body).slice(0, 300)}`);
    }
    return response.body;
  }

  // Every sign-in runs the Auth blocking function; the Functions emulator starts a worker per
  // concurrent call, and a burst of cold workers on two cores misses its load timeout.
  /** @type {Promise<unknown>} */
  let signIns = Promise.resolve();
  /**
   * @template T
   * @param {() => Promise<T>} signIn
   * @returns {Promise<T>}
   */
  const oneSignInAtATime = (signIn) => {
    const next = signIns.then(signIn, signIn);
    signIns = next.catch(() => undefined);
    return next;
  };

  async function newUser(label = "user") {
    // A subdomain of example.test, which SIGN_IN_DOMAINS (functions/.env) admits for tests.
    const email = `${label}-${randomUUID().slice(0, 8)}@bench.example.test`;
    const name = `${label[0].toUpperCase()}${label.slice(1)} Bench`;
    const record = await getAuth().createUser({ email, password: PASSWORD, displayName: name, emailVerified: true });
    const body = await oneSignInAtATime(async () => {
      const response = await fetch(`http://${hosts.auth}/identitytoolkit.googleapis.com/v1/accounts:signInWithPassword?key=demo-key`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email, password: PASSWORD, returnSecureToken: true }),
      });
      return response.json();
    });
    const idToken = body.idToken;
    if (!idToken) throw new Error(`no ID token for a bench user: ${body.error?.message}`);
    await db.doc(`users/${record.uid}`).set({ displayName: name, email });
    return { uid: record.uid, email, name, token: idToken };
  }

  async function newOrg(admin, name = "Bench Org") {
    const body = await expectCall(201, "POST", "/orgs", { token: admin.token, body: { name } });
    return body.id;
  }

  async function addMember(orgId, user, role) {
    await db.doc(`orgs/${orgId}/members/${user.uid}`).set({ ...memberRecord(orgId, user.uid, role, user.name, user.email), createdAt: Timestamp.now() });
  }

  /** An org with an admin, `agents` agents and `customers` customers (all real Auth users). */
  async function newWorld(label, { agents = 1, customers = 1 } = {}) {
    const admin = await newUser(`${label}-admin`);
    const orgId = await newOrg(admin, `Bench ${label}`);
    const people = await Promise.all([
      ...Array.from({ length: agents }, (_, i) => newUser(`${label}-agent${i}`)),
      ...Array.from({ length: customers }, (_, i) => newUser(`${label}-customer${i}`)),
    ]);
    const agentUsers = people.slice(0, agents);
    const customerUsers = people.slice(agents);
    await Promise.all([
      ...agentUsers.map((user) => addMember(orgId, user, "agent")),
      ...customerUsers.map((user) => addMember(orgId, user, "customer")),
    ]);
    return { orgId, admin, agents: agentUsers, customers: customerUsers };
  }

  async function setBackgroundTriggers(enabled) {
    const response = await fetch(`http://${hosts.hub}/functions/${enabled ? "enable" : "disable"}BackgroundTriggers`, { method: "PUT" });
    if (!response.ok) throw new Error(`could not ${enabled ? "enable" : "disable"} triggers: ${response.status}`);
  }

  /**
   * Runs `work` with Firestore triggers paused (seeding, and benchmarks that must not race the triggers).
   * Nested calls share the outer pause: each resume makes the Functions emulator reload its triggers and
   * start cold workers, seconds each, so the runner puts the paused work of a run in one window.
   */
  let pauses = 0;
  async function withTriggersPaused(work) {
    if (pauses++ === 0) await setBackgroundTriggers(false);
    try {
      return await work();
    } finally {
      if (--pauses === 0) await setBackgroundTriggers(true);
    }
  }

  const triggers = await triggerSpecs(hosts.functions);
  const opLog = new OpLog(process.env.FIRETRACK_BENCH_OPLOG);
  const fixtures = new Map();
  return {
    smoke,
    db,
    hosts,
    probe,
    functionsModule,
    opLog,
    /** Waits for every trigger the writes since `mark` cause, however late the emulator runs them. */
    settle: (mark, options) => opLog.settleChains(mark, triggers, options),
    localBase,
    functionBase,
    call,
    expectCall,
    newUser,
    newOrg,
    addMember,
    newWorld,
    withTriggersPaused,
    /** A fixture built once per run and shared by the benchmarks that need it (the 10,000-issue org). */
    fixture(name, build) {
      if (!fixtures.has(name)) fixtures.set(name, build());
      return fixtures.get(name);
    },
    async close() {
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
