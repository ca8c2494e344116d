/** Shared by the emulator suites: real Auth users, real HTTP calls to function `api`. */
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { getAuth } from "firebase-admin/auth";
import { getFirestore } from "firebase-admin/firestore";
import { buildApp, type AppOptions } from "../../src/api/app";
import { defaultVerifiers } from "../../src/api/auth";
import type { MemberRole } from "../../src/domain";
import { memberEmailRecord, memberRecord } from "../../src/store/orgs";

export const PROJECT_ID = "demo-firetrack";
/** The ports of this checkout's emulators, shifted or not (scripts/lib/emulatorEnv.mjs puts them in the environment). */
const PORTS = JSON.parse(process.env.FIRETRACK_EMULATOR_PORTS ?? '{"functions":5001,"hosting":5000}') as {
  functions: number;
  hosting: number;
};
export const FUNCTION_BASE = `http://127.0.0.1:${PORTS.functions}/${PROJECT_ID}/us-central1/api/v1`;
export const HOSTING_BASE = `http://127.0.0.1:${PORTS.hosting}/api/v1`;
const AUTH_HOST = process.env.FIREBASE_AUTH_EMULATOR_HOST ?? "127.0.0.1:9099";
const HUB = `http://${process.env.FIREBASE_EMULATOR_HUB ?? "127.0.0.1:4400"}`;

export const db = () => getFirestore();

export interface TestUser {
  uid: string;
  email: string;
  name: string;
  token: string;
}

/**
 * A real Auth emulator account and a real ID token for it. Its address counts as verified
 * (as after clicking Auth's link) unless `emailVerified: false`.
 */
export async function newUser(
  label = "user",
  { emailVerified = true, domain = "example.test" } = {},
): Promise<TestUser> {
  const email = `${label}-${randomUUID().slice(0, 8)}@${domain}`;
  const name = `${label[0]!.toUpperCase()}${label.slice(1)} Tester`;
  const record = await getAuth().createUser({ email, emailVerified, password: PASSWORD, displayName: name });
  return { uid: record.uid, email, name, token: await signIn(email) };
}

/** Every test account's password, for a sign-in through the web SDK. */
export const PASSWORD = "correct-horse-battery";

/** A fresh ID token, e.g. after the account changed (a verified address shows in new tokens only). */
export async function signIn(email: string): Promise<string> {
  const body = await oneSignInAtATime(async () => {
    const response = await fetch(
      `http://${AUTH_HOST}/identitytoolkit.googleapis.com/v1/accounts:signInWithPassword?key=demo-key`,
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email, password: PASSWORD, returnSecureToken: true }),
      },
    );
    return (await response.json()) as { idToken?: string; error?: { message: string } };
  });
  if (!body.idToken) throw new Error(`no ID token for a test user: ${body.error?.message}`);
  return body.idToken;
}

let signIns: Promise<unknown> = Promise.resolve();
/**
 * Every sign-in runs the Auth blocking function `beforeSignIn` (SIGN_IN_DOMAINS). The
 * Functions emulator starts a worker per concurrent call, and a burst of cold workers
 * on two cores misses its load timeout; one at a time, a single warm worker serves them.
 */
function oneSignInAtATime<T>(signIn: () => Promise<T>): Promise<T> {
  const next = signIns.then(signIn, signIn);
  signIns = next.catch(() => undefined);
  return next;
}

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  /** Sent as is, for malformed payloads. */
  rawBody?: string;
  headers?: Record<string, string>;
  base?: string;
}

export async function call<T = any>(method: string, path: string, options: CallOptions = {}): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.rawBody !== undefined) body = options.rawBody;
  else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers["content-type"] ??= "application/json";
  }
  const response = await fetch(`${options.base ?? FUNCTION_BASE}${path}`, { method, headers, body });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON: keep the text so the assertion shows it.
  }
  return { status: response.status, headers: response.headers, body: parsed as T };
}

/** Creates an org through the API; the user becomes its admin. */
export async function newOrg(admin: TestUser, name = "Test Org"): Promise<string> {
  const response = await call("POST", "/orgs", { token: admin.token, body: { name } });
  if (response.status !== 201)
    throw new Error(`org creation failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.id as string;
}

/**
 * Makes someone a member directly (or sets their role), with the API's own records:
 * the member document and, apart, the address.
 */
export async function addMember(
  orgId: string,
  user: TestUser,
  role: MemberRole,
  { emailVerified = true } = {},
): Promise<void> {
  await db()
    .batch()
    .set(db().doc(`orgs/${orgId}/members/${user.uid}`), memberRecord(orgId, user.uid, role, user.name))
    .set(
      db().doc(`orgs/${orgId}/memberEmails/${user.uid}`),
      memberEmailRecord(orgId, user.uid, user.email, emailVerified),
    )
    .commit();
}

export async function issueCount(orgId: string): Promise<number> {
  const result = await db().collection(`orgs/${orgId}/issues`).count().get();
  return result.data().count;
}

/** Pauses and resumes Firestore triggers in the Functions emulator (emulator hub API). */
export async function setBackgroundTriggers(enabled: boolean): Promise<void> {
  const response = await fetch(`${HUB}/functions/${enabled ? "enable" : "disable"}BackgroundTriggers`, {
    method: "PUT",
  });
  if (!response.ok) throw new Error(`could not ${enabled ? "enable" : "disable"} triggers: ${response.status}`);
}

/**
 * Runs `work` with Firestore triggers paused, so a test can write raw documents or
 * call a handler itself without the live trigger racing it; they resume however it ends.
 */
export async function withTriggersPaused<T>(work: () => Promise<T>): Promise<T> {
  await setBackgroundTriggers(false);
  try {
    return await work();
  } finally {
    await setBackgroundTriggers(true);
  }
}

/** Serves the same Express app in this process, for requests the function runtime would pre-empt. */
export async function startLocalApp(
  options: Partial<AppOptions> = {},
): Promise<{ base: string; close: () => Promise<void> }> {
  const server = buildApp({ verifiers: defaultVerifiers("https://firetrack.test/api"), ...options }).listen(
    0,
    "127.0.0.1",
  );
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}/v1`,
    close: () => new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve()))),
  };
}

/**
 * A read through the Firestore emulator with a person's own ID token, as the web app makes
 * it: the security rules judge it (200, or 403 when they refuse).
 */
export async function readAs(token: string, path: string): Promise<number> {
  const host = process.env.FIRESTORE_EMULATOR_HOST ?? "127.0.0.1:8080";
  const response = await fetch(`http://${host}/v1/projects/${PROJECT_ID}/databases/(default)/documents/${path}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  await response.arrayBuffer();
  return response.status;
}

/** When the token was signed in, in Unix seconds (its `auth_time`). */
export const authTimeOf = (token: string) =>
  (JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString("utf8")) as { auth_time: number }).auth_time;

export function expectProblem(response: ApiResponse, status: number): void {
  if (response.status !== status) {
    throw new Error(`expected ${status}, got ${response.status}: ${JSON.stringify(response.body)}`);
  }
  const type = response.headers.get("content-type") ?? "";
  if (!type.startsWith("application/problem+json")) throw new Error(`expected problem+json, got ${type}`);
  const body = response.body as Record<string, unknown>;
  for (const field of ["type", "title", "status", "detail", "requestId"]) {
    if (!(field in body)) throw new Error(`problem body lacks ${field}: ${JSON.stringify(body)}`);
  }
  if (body.status !== status) throw new Error(`problem status ${String(body.status)} ≠ ${status}`);
}
