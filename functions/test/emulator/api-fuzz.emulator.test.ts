/**
 * Bad input, generated: every route of the app gets requests that are wrong in
 * one way each (types, sizes, unicode, unknown fields, ids, cursors, JSON,
 * content types). Each must be a 4xx problem+json, and Firestore must be exactly
 * as it was.
 */
import type { DocumentReference, Firestore } from "firebase-admin/firestore";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allRoutes } from "../../src/api/app";
import type { AnyRoute } from "../../src/api/route";
import { call, db, setBackgroundTriggers, startLocalApp } from "./helpers";
import { buildWorld, type World } from "./world";

let w: World;
let local: Awaited<ReturnType<typeof startLocalApp>>;
let issueId: string;

// Triggers are paused for this suite, setup included: every write they would make
// follows a write of the API's, so with them paused any change in the digest is the
// API's own doing, and nothing moves under the comparison.
beforeAll(async () => {
  await setBackgroundTriggers(false);
  w = await buildWorld("Fuzz World");
  issueId = (await call("POST", `/orgs/${w.orgId}/issues`, { token: w.admin.token, body: { title: "Fuzz target" } })).body.id;
  await call("POST", `/orgs/${w.orgId}/issues/${issueId}/comments`, { token: w.admin.token, body: { body: "A comment" } });
  // Generous limits: this suite is about input, not rate.
  local = await startLocalApp({ rateLimits: { user: { capacity: 100_000, refillPerSecond: 1000 }, service: { capacity: 100_000, refillPerSecond: 1000 } } });
});
afterAll(async () => {
  await local.close();
  await setBackgroundTriggers(true);
});

/** Every document under the org, the users and the server-only tops, with its update time. */
async function digest(firestore: Firestore): Promise<string[]> {
  const rows: string[] = [];
  const walk = async (ref: DocumentReference) => {
    const snapshot = await ref.get();
    if (snapshot.exists) rows.push(`${ref.path}@${snapshot.updateTime!.toMillis()}.${snapshot.updateTime!.nanoseconds}`);
    for (const collection of await ref.listCollections()) {
      for (const child of await collection.listDocuments()) await walk(child);
    }
  };
  await walk(firestore.doc(`orgs/${w.orgId}`));
  await walk(firestore.doc(`orgs/${w.otherOrgId}`));
  for (const top of ["idempotencyKeys", "apiKeySecrets", "users"]) {
    rows.push(`${top}#${(await firestore.collection(top).count().get()).data().count}`);
  }
  return rows.sort();
}

interface FuzzCase {
  /** `METHOD /path/{template}`, for the per-route tally. */
  route?: string;
  label: string;
  method: string;
  path: string;
  body?: string;
  contentType?: string;
  token?: string | undefined;
  headers?: Record<string, string>;
}

const ODD_STRINGS = ["\u202eopen", "ｏｐｅｎ", "open\u0000", "🔥", "\ud83d", "", " ", "null"];
const WRONG_TYPES: unknown[] = [42, -1.5, true, null, [], ["a"], { nested: { deep: true } }, "x".repeat(50_000)];
// `..` itself never reaches a server: clients resolve it as a dot-segment before sending.
const BAD_IDS = ["...", "__reserved__", "x".repeat(300), "a%2Fb", "%E2%80%AE", "does-not-exist", "ISS-2026-0000", "%00"];
const BROKEN_JSON = ['{"title": "unterminated', "{'title': 'single'}", '{"title": "a",}', "[1, 2", "\u0000", "{}}"];

/** A body that parses but breaks the schema: each known field set to something it can never be. */
function bodyMutations(route: AnyRoute): unknown[] {
  const shape = (route.body as unknown as { def?: { shape?: Record<string, unknown>; innerType?: { def?: { shape?: Record<string, unknown> } } } } | undefined)?.def;
  const fields = Object.keys(shape?.shape ?? shape?.innerType?.def?.shape ?? {});
  const base = { unknownField: "surprise" };
  const cases: unknown[] = [[], 7, "just a string", true, base, { ...base, __proto__x: 1 }];
  for (const field of fields) {
    for (const wrong of [42, ["a", 1], { x: { y: 1 } }, "x".repeat(60_000), false]) cases.push({ [field]: wrong, ...base });
    for (const odd of ODD_STRINGS.slice(0, 3)) cases.push({ [field]: odd, unknownField: odd });
  }
  return cases;
}

function pathFor(route: AnyRoute, overrides: Record<string, string> = {}): string {
  const values: Record<string, string> = { orgId: w.orgId, id: issueId, idOrNumber: issueId, uid: w.agent.uid, keyId: "nokey", ...overrides };
  return route.path.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? "x");
}

function generateCases(): FuzzCase[] {
  const cases: FuzzCase[] = [];
  const token = w.admin.token;
  for (const route of allRoutes()) {
    const first = cases.length;
    const method = route.method.toUpperCase();
    const withBody = route.body !== undefined;
    const validishBody = JSON.stringify({ unknownField: true });
    // Bad ids in every path parameter (the body, where there is one, is wrong too, so nothing can succeed).
    for (const name of [...route.path.matchAll(/\{(\w+)\}/g)].map(([, n]) => n!)) {
      for (const bad of BAD_IDS) {
        cases.push({ label: `${method} ${route.path} ${name}=${bad.slice(0, 12)}`, method, path: pathFor(route, { [name]: bad }), body: withBody ? validishBody : undefined, token });
      }
    }
    if (withBody) {
      for (const body of bodyMutations(route)) {
        cases.push({ label: `${method} ${route.path} body ${JSON.stringify(body).slice(0, 40)}`, method, path: pathFor(route), body: JSON.stringify(body), token });
      }
      for (const broken of BROKEN_JSON) cases.push({ label: `${method} ${route.path} broken JSON`, method, path: pathFor(route), body: broken, token });
      for (const contentType of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml"]) {
        cases.push({ label: `${method} ${route.path} ${contentType}`, method, path: pathFor(route), body: "title=x", contentType, token });
      }
      cases.push({ label: `${method} ${route.path} 300 kB`, method, path: pathFor(route), body: JSON.stringify({ title: "x".repeat(300_000) }), token });
      cases.push({ label: `${method} ${route.path} bad idempotency key`, method, path: pathFor(route), body: validishBody, token, headers: { "idempotency-key": "bad key with spaces" } });
    } else {
      for (const query of ["unknown=1", "limit=-1", "limit=1e9", "limit=abc", "cursor=%%%", "cursor=eyJ2IjpbXSwiaWQiOiIifQ", "sort=%F0%9F%94%A5", "status=nope", "deleted=maybe", "q=" + "x".repeat(300)]) {
        cases.push({ label: `${method} ${route.path}?${query.slice(0, 20)}`, method, path: `${pathFor(route)}?${query}`, token });
      }
    }
    if (route.auth !== false) {
      for (const bad of [undefined, "Bearer", "ftk_short_x", "ftk_AAAAAAAAAAAAAAAA_" + "x".repeat(40), "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJodHRwczovL2FjY291bnRzLmdvb2dsZS5jb20ifQ.c2ln"]) {
        cases.push({ label: `${method} ${route.path} token ${String(bad).slice(0, 10)}`, method, path: pathFor(route), body: withBody ? validishBody : undefined, token: bad });
      }
    }
    for (const c of cases.slice(first)) c.route = `${method} ${route.path}`;
  }
  return cases;
}


describe("bad-input fuzz", () => {
  it("answers at least 500 malformed requests with a 4xx problem and leaves Firestore untouched", async () => {
    const cases = generateCases();
    expect(cases.length).toBeGreaterThanOrEqual(500);
    const perRoute = new Map<string, number>();
    for (const c of cases) perRoute.set(c.route!, (perRoute.get(c.route!) ?? 0) + 1);
    expect(perRoute.size).toBe(allRoutes().length);
    const before = await digest(db());

    const failures: string[] = [];
    const statuses = new Map<number, number>();
    const queue = [...cases];
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const headers: Record<string, string> = { ...next.headers };
        if (next.token) headers.authorization = next.token.startsWith("Bearer") ? next.token : `Bearer ${next.token}`;
        if (next.body !== undefined) headers["content-type"] = next.contentType ?? "application/json";
        const response = await fetch(`${local.base}${next.path}`, { method: next.method, headers, body: next.body });
        const type = response.headers.get("content-type") ?? "";
        const text = await response.text();
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        let problem: Record<string, unknown> | null = null;
        try {
          problem = JSON.parse(text) as Record<string, unknown>;
        } catch {
          problem = null;
        }
        const ok =
          response.status >= 400 &&
          response.status < 500 &&
          type.startsWith("application/problem+json") &&
          problem?.status === response.status &&
          typeof problem?.requestId === "string" &&
          !text.includes("    at ");
        if (!ok) failures.push(`${next.label} → ${response.status} ${type} ${text.slice(0, 160)}`);
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    console.log(`[fuzz] ${cases.length} requests: ${[...statuses.entries()].sort().map(([s, n]) => `${s}×${n}`).join(", ")}`);
    console.log(`[fuzz] per route: ${[...perRoute.entries()].map(([route, n]) => `${route} ${n}`).join("; ")}`);
    expect(failures).toEqual([]);
    expect(await digest(db())).toEqual(before);
  });

  it("answers broken JSON through the deployed function with a 400 and writes nothing", async () => {
    const before = await digest(db());
    for (const broken of BROKEN_JSON.slice(0, 3)) {
      const response = await call("POST", `/orgs/${w.orgId}/issues`, { token: w.admin.token, rawBody: broken, headers: { "content-type": "application/json" } });
      expect(response.status).toBe(400);
    }
    expect(await digest(db())).toEqual(before);
  });
});
