/**
 * Generated input for every route, with fast-check. Each request starts from a
 * VALID one for its route and breaks one thing: a body field (wrong type, too
 * long, out of enum, lone surrogate, null, huge number, nested junk, missing,
 * unknown), a path id, a query parameter, a cursor, the token, the content type,
 * the JSON itself. The route's own zod schemas say which requests must be
 * refused; the invariants:
 * - no request is ever answered 5xx, and every 4xx is problem+json;
 * - a request that breaks the contract is a 4xx;
 * - phase 1 (refused requests and reads) leaves Firestore exactly as it was.
 * Phase 2 then sends valid but unusual writes (odd unicode, strings that are no
 * document id, unknown ids) and whatever phase 1's generator made that the
 * contract accepts. They may succeed and write: for those the invariant is no 5xx.
 * A failure prints fast-check's seed and shrunk case; FUZZ_SEED=<seed> replays it.
 */
import { parse as parseQueryString } from "node:querystring";
import fc from "fast-check";
import type { DocumentReference, Firestore } from "firebase-admin/firestore";
import { Timestamp } from "firebase-admin/firestore";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allRoutes } from "../../src/api/app";
import type { AnyRoute } from "../../src/api/route";
import { isDocId } from "../../src/domain";
import { call, db, setBackgroundTriggers, startLocalApp } from "./helpers";
import { buildWorld, type World } from "./world";

let w: World;
let local: Awaited<ReturnType<typeof startLocalApp>>;
let issueId: string;
let keyId: string;
let inviteId: string;
let replyId: string;
let macroId: string;
/** Real cursors of each list, decoded, for mutation. */
const realCursors: Record<string, { q: string; v: unknown[]; id: string }> = {};

// CI replays one fixed seed, so a red run always means a change and never the dice;
// FUZZ_SEED=random explores fresh cases, FUZZ_SEED=<n> replays a printed one.
const SEED = process.env.FUZZ_SEED === "random" ? Date.now() % 2 ** 31 : Number(process.env.FUZZ_SEED ?? 20_261_122);
/** Runs per route: phase 1 (refusals and reads), phase 2 (valid but unusual writes). */
const RUNS_REFUSED = Number(process.env.FUZZ_RUNS ?? 36);
const RUNS_UNUSUAL = Math.max(6, Math.round(RUNS_REFUSED / 3));
const PARALLEL_ROUTES = 6;

// Triggers are paused for this suite, setup included: every write they would make
// follows a write of the API's, so with them paused any change in the digest is the
// API's own doing, and nothing moves under the comparison.
beforeAll(async () => {
  await setBackgroundTriggers(false);
  w = await buildWorld("Fuzz World");
  keyId = w.serviceKey.split("_")[1]!;
  inviteId = (
    await call("POST", `/orgs/${w.orgId}/invites`, {
      token: w.admin.token,
      body: { email: "fuzz-invitee@example.test", role: "agent" },
    })
  ).body.id;
  replyId = (
    await call("POST", `/orgs/${w.orgId}/saved-replies`, {
      token: w.admin.token,
      body: { title: "Fuzz target reply", body: "Hello" },
    })
  ).body.id;
  macroId = (
    await call("POST", `/orgs/${w.orgId}/macros`, {
      token: w.admin.token,
      body: { name: "Fuzz target macro", changes: { priority: "high" } },
    })
  ).body.id;
  issueId = (await call("POST", `/orgs/${w.orgId}/issues`, { token: w.admin.token, body: { title: "Fuzz target" } }))
    .body.id;
  await call("POST", `/orgs/${w.orgId}/issues`, { token: w.admin.token, body: { title: "Second fuzz target" } });
  for (const body of ["A comment", "Another comment"]) {
    await call("POST", `/orgs/${w.orgId}/issues/${issueId}/comments`, { token: w.admin.token, body: { body } });
  }
  // Activities come from triggers, which are paused: two by hand, so the list has a second page.
  for (const [i, id] of ["fuzz-activity-1", "fuzz-activity-2"].entries()) {
    await db()
      .doc(`orgs/${w.orgId}/issues/${issueId}/activities/${id}`)
      .set({
        type: "updated",
        actor: { uid: w.admin.uid, name: w.admin.name, kind: "member" },
        changes: {},
        internal: false,
        at: Timestamp.fromMillis(Date.UTC(2026, 0, 1) + i),
      });
  }
  // Generous limits: this suite is about input, not rate.
  local = await startLocalApp({
    rateLimits: {
      user: { capacity: 1_000_000, refillPerSecond: 10_000 },
      service: { capacity: 1_000_000, refillPerSecond: 10_000 },
    },
  });
  for (const list of ["issues", `issues/${issueId}/comments`, `issues/${issueId}/activities`]) {
    const page = await call("GET", `/orgs/${w.orgId}/${list}?limit=1`, { token: w.admin.token, base: local.base });
    if (typeof page.body?.nextCursor !== "string")
      throw new Error(`no second page on ${list}: ${JSON.stringify(page.body)}`);
    realCursors[list] = JSON.parse(Buffer.from(page.body.nextCursor, "base64url").toString("utf8"));
  }
}, 240_000);
afterAll(async () => {
  await local?.close();
  await setBackgroundTriggers(true);
});

/** Every document under the org, the users and the server-only tops, with its update time. */
async function digest(firestore: Firestore): Promise<string[]> {
  const rows: string[] = [];
  const walk = async (ref: DocumentReference) => {
    const snapshot = await ref.get();
    if (snapshot.exists)
      rows.push(`${ref.path}@${snapshot.updateTime!.toMillis()}.${snapshot.updateTime!.nanoseconds}`);
    for (const collection of await ref.listCollections()) {
      for (const child of await collection.listDocuments()) await walk(child);
    }
  };
  await walk(firestore.doc(`orgs/${w.orgId}`));
  await walk(firestore.doc(`orgs/${w.otherOrgId}`));
  for (const top of ["orgs", "idempotencyKeys", "apiKeySecrets", "users", "mail"]) {
    rows.push(`${top}#${(await firestore.collection(top).count().get()).data().count}`);
  }
  return rows.sort();
}

// ---------------------------------------------------------------------------
// Valid requests, one or more per route with a body. A route with a body and no
// entry here fails the suite: every route is fuzzed from something valid.

type Json = unknown;
const validBodies = (): Record<string, Json[]> => ({
  "POST /orgs": [{ name: "Fuzz Org", slug: "fuzz-org" }],
  "PATCH /orgs/{orgId}": [{ name: "Fuzz World", slug: "fuzz-world" }],
  "PATCH /orgs/{orgId}/settings": [
    {
      publicIntake: false,
      autoJoinDomains: ["example.com"],
      sla: { high: { firstResponseMins: 60, resolutionMins: 480 } },
      linear: { teamId: "team-1", enabled: false, mirrorComments: "all", stateMap: { on_hold: "Blocked" } },
      serviceAccounts: ["svc@fuzz.iam.gserviceaccount.com"],
    },
  ],
  "POST /orgs/{orgId}/invites": [{ email: "invitee@fuzz.test", role: "viewer" }],
  "POST /invites/{inviteId}/accept": [{}],
  "PATCH /orgs/{orgId}/members/{uid}": [{ role: "agent" }],
  "POST /orgs/{orgId}/api-keys": [{ name: "Fuzz key", role: "service" }],
  "POST /orgs/{orgId}/saved-replies": [{ title: "Fuzz reply", body: "Thanks for the report.", internal: false }],
  "PATCH /orgs/{orgId}/saved-replies/{replyId}": [
    { title: "Fuzz reply, renamed", body: "Edited text", internal: true },
  ],
  "POST /orgs/{orgId}/macros": [
    { name: "Fuzz macro", reply: { body: "Thanks", internal: false }, changes: { priority: "low", addTags: ["fuzz"] } },
  ],
  "PATCH /orgs/{orgId}/macros/{macroId}": [{ name: "Fuzz macro, renamed", changes: { status: "on_hold" } }],
  "POST /orgs/{orgId}/issues/{id}/macros/{macroId}:apply": [{}],
  "POST /orgs/{orgId}/issues": [
    {
      title: "Fuzzed",
      description: "What happened",
      type: "bug",
      priority: "high",
      category: "billing",
      tags: ["a", "b"],
      vendor: { id: "v1", name: "Vendor" },
      order: { id: "o1", ref: "R-1" },
    },
  ],
  "POST /orgs/{orgId}/issues:bulk": [
    { ids: [issueId, "no-such-issue"], change: { priority: "high" } },
    { ids: [issueId], change: { status: "in_progress", note: "moving" } },
    { ids: [issueId], change: { assigneeUid: w.agent.uid } },
    { ids: [issueId], change: { tags: { add: ["x"], remove: ["y"] } } },
    { ids: [issueId], change: { category: "billing" } },
  ],
  "PATCH /orgs/{orgId}/issues/{id}": [
    { title: "Renamed", description: "d", tags: ["t"], vendor: { id: "v", name: "V" }, order: null, priority: "low" },
  ],
  "POST /orgs/{orgId}/issues/{id}/restore": [{}],
  "POST /orgs/{orgId}/issues/{id}/transition": [{ status: "in_progress", note: "on it" }],
  "POST /orgs/{orgId}/issues/{id}/resolve": [{ notes: "Fixed it" }],
  "POST /orgs/{orgId}/issues/{id}/reopen": [{ reason: "Back again" }],
  "POST /orgs/{orgId}/issues/{id}/close": [{}],
  "POST /orgs/{orgId}/issues/{id}/assign": [{ assigneeUid: w.agent.uid }, { assigneeUid: null }],
  "POST /orgs/{orgId}/issues/{id}/watch": [{}],
  "POST /orgs/{orgId}/issues/{id}/linear:sync": [{}],
  "POST /orgs/{orgId}/issues/{id}/comments": [{ body: "A reply", internal: true, solution: false }],
});

const routeKey = (route: AnyRoute) => `${route.method.toUpperCase()} ${route.path}`;

function validPathValues(): Record<string, string> {
  // GET /intake/{slug}: the admin is a member of the fuzz world, whose slug comes from its name.
  return {
    orgId: w.orgId,
    id: issueId,
    idOrNumber: issueId,
    uid: w.agent.uid,
    keyId,
    inviteId,
    replyId,
    macroId,
    slug: "fuzz-world",
  };
}

// ---------------------------------------------------------------------------
// What goes wrong.

const codeUnit = fc.nat(0xffff).map((n) => String.fromCharCode(n));
/** Text at the edges of Unicode, legal and not. */
const unicodeEdge = fc.oneof(
  fc.constantFrom(
    "\ud83d",
    "\udc00",
    "\ude00\ud83d",
    "ok\ud83d",
    "\u202eopen",
    "ｏｐｅｎ",
    "open\u0000",
    "🔥",
    "👩‍👩‍👧‍👦",
    "e\u0301",
    "\u200b",
    "\ufeff",
    "\uffff",
    "\u{10ffff}",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    " ",
    "",
    "null",
    "\r\n",
    "%2F..%2F",
    "../..",
    "__x__",
  ),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.string({ unit: codeUnit, maxLength: 20 }),
);
/** Strings Firestore takes as text but not as a document id. */
const badIdValue = fc.constantFrom("a/b", "/", "..", ".", "__x__", "__reserved__", "", "x".repeat(1501), "\ud83d");
const tooLong = fc.constantFrom(201, 1_001, 20_001, 60_000).map((n) => "x".repeat(n));
/** Over every query limit, but under what an HTTP server takes in a request line (Node: 16 kB, else 431). */
const tooLongForQuery = fc.constantFrom(201, 501, 1_001, 4_000).map((n) => "x".repeat(n));
const hugeNumber = fc.constantFrom(1e308, -1e308, 2 ** 53 + 1, -1, 0, 0.5, 525_601, -0);
const outOfEnum = fc.constantFrom("whenever", "OPEN", "open ", "Admin", "delete", "true", "0");
const nestedJunk = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.jsonValue({ maxDepth: 1 }),
    fc.dictionary(fc.string({ maxLength: 5 }), tie("node"), { maxKeys: 3 }),
    fc.array(tie("node"), { maxLength: 3 }),
  ),
})).node;
/** A value a field might be set to: anything JSON can carry. */
const junkValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  hugeNumber,
  fc.string({ maxLength: 30 }),
  unicodeEdge,
  badIdValue,
  tooLong,
  outOfEnum,
  fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 5 }), fc.constant(null)), { maxLength: 4 }),
  nestedJunk,
);

const anyJunkValue = junkValue;

/** Percent-encoded path segments that are no document id, or odd ones that are. */
const badPathId = fc.oneof(
  fc.constantFrom(
    "...",
    "__x__",
    "__reserved__",
    "a%2Fb",
    "%2F",
    "%2E",
    "%00",
    "%ED%A0%BD",
    "%F0%9F%94%A5",
    "%E2%80%AE",
    "x".repeat(1501),
    "%C3%A9".repeat(751),
    "does-not-exist",
    "ISS-2026-0000",
    "42",
    "0",
    "%%%",
  ),
  fc.string({ unit: "binary", minLength: 1, maxLength: 30 }).map(encodeURIComponent),
);
const parsesAsJson = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};
const decodedSegment = (segment: string) => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
};

const badTokens = fc.constantFrom(
  undefined,
  "Bearer",
  "ftk_short_x",
  `ftk_AAAAAAAAAAAAAAAA_${"x".repeat(40)}`,
  "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJodHRwczovL2FjY291bnRzLmdvb2dsZS5jb20ifQ.c2ln",
  "not.a.jwt",
  "x".repeat(5000),
);

const BROKEN_JSON = [
  '{"title": "unterminated',
  "{'title': 'single'}",
  '{"title": "a",}',
  "[1, 2",
  "\u0000",
  "{}}",
  "nul",
  '{"a":1}{"b":2}',
];

// ---------------------------------------------------------------------------
// Requests.

interface FuzzRequest {
  route: string;
  [fc.toStringMethod]: () => string;
  what: string;
  method: string;
  path: string;
  query?: string;
  /** Raw, as sent. */
  body?: string;
  contentType?: string;
  token?: string | undefined;
  headers?: Record<string, string>;
  /** True when the contract says this request must be refused (a 4xx). */
  mustRefuse: boolean;
}

/** Does the route's own schema refuse this body / query? The server runs the same schemas. */
function refusedByContract(
  route: AnyRoute,
  pathValues: Record<string, string>,
  query: string,
  rawBody: string | undefined,
): boolean {
  const idsOk = Object.values(pathValues).every((segment) => {
    const decoded = decodedSegment(segment);
    return decoded !== null && isDocId(decoded);
  });
  if (!idsOk) return true;
  if (route.query && !route.query.safeParse(parseQueryString(query)).success) return true;
  if (!route.body) return false;
  let parsed: unknown;
  try {
    parsed = rawBody === undefined ? undefined : JSON.parse(rawBody);
  } catch {
    return true;
  }
  return !route.body.safeParse(parsed).success;
}

function pathFor(route: AnyRoute, values: Record<string, string>): string {
  return route.path.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? "x");
}

function pathParams(route: AnyRoute, overrides: Record<string, string> = {}): Record<string, string> {
  const valid = validPathValues();
  return Object.fromEntries(
    [...route.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => [name!, overrides[name!] ?? valid[name!] ?? "x"]),
  );
}

function request(
  route: AnyRoute,
  label: string,
  parts: {
    params?: Record<string, string>;
    query?: string;
    body?: Json | typeof NO_BODY;
    rawBody?: string;
    contentType?: string;
    token?: string | undefined;
    headers?: Record<string, string>;
    forceRefusal?: boolean;
  },
): FuzzRequest {
  const params = pathParams(route, parts.params);
  const rawBody =
    parts.rawBody ?? (parts.body === undefined || parts.body === NO_BODY ? undefined : JSON.stringify(parts.body));
  const query = parts.query ?? "";
  const what = `${routeKey(route)} [${label}]`;
  return {
    // What fast-check prints for a counterexample: the case, not the token.
    [fc.toStringMethod]: () => what,
    route: routeKey(route),
    what: label,
    method: route.method.toUpperCase(),
    path: pathFor(route, params),
    query,
    body: rawBody,
    contentType: parts.contentType,
    token: "token" in parts ? parts.token : w.admin.token,
    headers: parts.headers,
    mustRefuse: parts.forceRefusal === true || refusedByContract(route, params, query, rawBody),
  };
}
const NO_BODY = Symbol("no body");

type PathStep = string | number;
/** Every place in a JSON value a field could be broken: object keys and array items, depth first. */
function leafPaths(value: Json, prefix: PathStep[] = []): PathStep[][] {
  if (Array.isArray(value)) return [prefix, ...value.flatMap((item, i) => leafPaths(item, [...prefix, i]))];
  if (value !== null && typeof value === "object") {
    return [prefix, ...Object.entries(value).flatMap(([key, inner]) => leafPaths(inner, [...prefix, key]))];
  }
  return [prefix];
}

function setAt(value: Json, path: PathStep[], replacement: Json | typeof DELETE): Json {
  if (path.length === 0) return replacement === DELETE ? undefined : replacement;
  const [head, ...rest] = path as [PathStep, ...PathStep[]];
  if (Array.isArray(value)) {
    const copy = [...(value as Json[])];
    if (rest.length === 0 && replacement === DELETE) copy.splice(head as number, 1);
    else copy[head as number] = setAt(copy[head as number], rest, replacement);
    return copy;
  }
  const copy = { ...(value as Record<string, Json>) };
  if (rest.length === 0 && replacement === DELETE) delete copy[head];
  else copy[head] = setAt(copy[head], rest, replacement);
  return copy;
}
const DELETE = Symbol("delete");

/** Text leaves of a valid body, where unusual unicode can go. */
const stringPaths = (value: Json) =>
  leafPaths(value).filter(
    (path) =>
      path.length > 0 && typeof path.reduce<Json>((v, step) => (v as Record<string, Json>)[step], value) === "string",
  );

const cursorLists: Record<string, string> = {
  "GET /orgs/{orgId}/issues": "issues",
  "GET /orgs/{orgId}/issues/{id}/comments": "comments",
  "GET /orgs/{orgId}/issues/{id}/activities": "activities",
};
const realCursorFor = (route: AnyRoute) => {
  const list = cursorLists[routeKey(route)];
  if (!list) return null;
  return list === "issues" ? realCursors.issues! : realCursors[`issues/${issueId}/${list}`]!;
};
const encodeJson = (value: Json) => Buffer.from(JSON.stringify(value)).toString("base64url");

/** A cursor this API wrote, with one thing changed; or something that only looks like one. */
function cursorArbitrary(real: { q: string; v: unknown[]; id: string }): fc.Arbitrary<string> {
  // A cursor rides in the request line: past Node's 16 kB the server answers 431 before the app sees it.
  const junkValue = anyJunkValue.filter((value) => JSON.stringify(value).length <= 4_000);
  return fc.oneof(
    badPathId.map((id) => encodeJson({ ...real, id: decodedSegment(id) ?? id })),
    unicodeEdge.map((id) => encodeJson({ ...real, id })),
    fc.array(junkValue, { maxLength: 4 }).map((v) => encodeJson({ ...real, v })),
    fc
      .tuple(fc.nat(Math.max(0, real.v.length - 1)), junkValue)
      .map(([i, junk]) => encodeJson({ ...real, v: real.v.map((value, j) => (i === j ? junk : value)) })),
    fc
      .record({ ts: fc.tuple(fc.oneof(fc.integer(), hugeNumber), fc.oneof(fc.integer(), hugeNumber)) })
      .map((ts) => encodeJson({ ...real, v: real.v.map(() => ts) })),
    fc.string({ maxLength: 30 }).map((q) => encodeJson({ ...real, q })),
    fc.constant(encodeJson({ v: real.v, id: real.id })),
    fc.constant(encodeJson({ ...real, extra: 1 })),
    fc.jsonValue({ maxDepth: 3 }).map(encodeJson),
    fc.string({ maxLength: 60 }),
    fc.base64String({ maxLength: 80 }),
  );
}

/** Query parameters, one broken at a time: the route's own names and some it does not know. */
function queryArbitrary(route: AnyRoute): fc.Arbitrary<string> {
  const shape = (route.query as unknown as { shape?: Record<string, unknown> } | undefined)?.shape ?? {};
  const names = [...Object.keys(shape), "unknown", "limit", "__proto__", "cursor[]"];
  const value = fc.oneof(
    fc.constantFrom(
      "open",
      "open,closed",
      "closed,nope",
      "high",
      "-number",
      "updatedAt",
      "priority",
      "true",
      "false",
      "none",
      "1",
      "100",
      "101",
      "-1",
      "1e9",
      "abc",
      "",
    ),
    unicodeEdge,
    badIdValue,
    tooLongForQuery,
    hugeNumber.map(String),
  );
  const onePair = fc.tuple(fc.constantFrom(...names), value).map((pair): string[][] => [pair]);
  const twice = fc.tuple(fc.constantFrom(...names), value, value).map(([name, a, b]) => [
    [name, a],
    [name, b],
  ]);
  const options = [
    { weight: 4, arbitrary: onePair },
    { weight: 1, arbitrary: twice },
  ];
  const real = realCursorFor(route);
  if (real) {
    const original = encodeJson(real);
    options.push(
      // A cursor with one thing changed, on the query it was made for.
      {
        weight: 4,
        arbitrary: cursorArbitrary(real).map((cursor) => [
          ["limit", "1"],
          ["cursor", cursor],
        ]),
      },
      // The cursor as it was given out, with another filter or sort.
      {
        weight: 2,
        arbitrary: fc
          .constantFrom(
            ["sort", "updatedAt"],
            ["sort", "-number"],
            ["status", "open"],
            ["priority", "high"],
            ["q", "fuzz"],
            ["limit", "5"],
            ["deleted", "true"],
          )
          .map((pair) => [[...pair], ["cursor", original]]),
      },
    );
  }
  return fc.oneof(...options).map((entries) => new URLSearchParams(entries as [string, string][]).toString());
}

/** Phase 1: each request breaks one thing of a valid one (or is a read). */
function brokenRequests(route: AnyRoute): fc.Arbitrary<FuzzRequest> {
  const key = routeKey(route);
  const paramNames = [...route.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => name!);
  const valids = route.body ? validBodies()[key] : [undefined];
  if (!valids) throw new Error(`no valid body for ${key}: add one to validBodies()`);
  const validBody = fc.constantFrom(...valids);
  const options: fc.WeightedArbitrary<FuzzRequest>[] = [];
  const add = (weight: number, arbitrary: fc.Arbitrary<FuzzRequest>) => options.push({ weight, arbitrary });

  if (paramNames.length > 0) {
    add(
      3,
      fc
        .tuple(fc.constantFrom(...paramNames), badPathId, validBody)
        .map(([name, id, body]) =>
          request(route, `path ${name}=${id.slice(0, 24)}`, { params: { [name]: id }, body: body ?? NO_BODY }),
        ),
    );
  }
  if (route.body) {
    const field = validBody.chain((body) =>
      fc.tuple(
        fc.constant(body),
        fc.constantFrom(...leafPaths(body)),
        fc.oneof({ weight: 8, arbitrary: junkValue }, { weight: 1, arbitrary: fc.constant(DELETE) }),
      ),
    );
    add(
      8,
      field.map(([body, path, junk]) =>
        request(
          route,
          `body ${path.join(".") || "(root)"} = ${junk === DELETE ? "(missing)" : JSON.stringify(junk)?.slice(0, 40)}`,
          { body: setAt(body, path, junk) },
        ),
      ),
    );
    add(
      1,
      fc.tuple(validBody, fc.string({ maxLength: 12 }), junkValue).map(([body, name, junk]) =>
        request(route, `body + unknown field ${JSON.stringify(name)}`, {
          body: { ...(body as object), [`x_${name}`]: junk },
        }),
      ),
    );
    add(
      1,
      // A blank body is no body at all over HTTP, not broken JSON.
      fc
        .oneof(
          fc.constantFrom(...BROKEN_JSON),
          fc.string({ minLength: 1, maxLength: 40 }).filter((text) => text.trim() !== "" && !parsesAsJson(text)),
        )
        .map((raw) =>
          request(route, `broken JSON ${JSON.stringify(raw).slice(0, 30)}`, { rawBody: raw, forceRefusal: true }),
        ),
    );
    add(
      1,
      fc
        .tuple(
          validBody,
          fc.constantFrom(
            "text/plain",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x",
            "application/xml",
            "application/json-patch+json",
          ),
        )
        .map(([body, contentType]) =>
          request(route, `content-type ${contentType}`, { body, contentType, forceRefusal: true }),
        ),
    );
    add(1, fc.constant(request(route, "300 kB body", { body: { title: "x".repeat(300_000) }, forceRefusal: true })));
  }
  if (route.method === "post") {
    // Idempotency-Key is read on POSTs only.
    add(
      1,
      fc.tuple(validBody, fc.constantFrom("bad key with spaces", "é", "x".repeat(256))).map(([body, idempotencyKey]) =>
        request(route, `Idempotency-Key ${JSON.stringify(idempotencyKey.slice(0, 10))}`, {
          body: body ?? NO_BODY,
          headers: { "idempotency-key": idempotencyKey },
          forceRefusal: true,
        }),
      ),
    );
  }
  if (route.query)
    add(
      route.method === "get" ? 6 : 2,
      queryArbitrary(route).map((query) => request(route, `query ${query.slice(0, 80)}`, { query, body: NO_BODY })),
    );
  if (route.auth !== false) {
    add(
      1,
      fc
        .tuple(badTokens, validBody)
        .map(([token, body]) =>
          request(route, `token ${String(token).slice(0, 12)}`, { token, body: body ?? NO_BODY, forceRefusal: true }),
        ),
    );
  }
  return fc.oneof(...options);
}

/** Phase 2: a valid request with unusual but possibly legal text in one string, or an unknown id in the path. */
function unusualRequests(route: AnyRoute): fc.Arbitrary<FuzzRequest> {
  const key = routeKey(route);
  const valids = validBodies()[key]!;
  const options: fc.Arbitrary<FuzzRequest>[] = [];
  const withText = valids.filter((body) => stringPaths(body).length > 0);
  if (withText.length > 0) {
    options.push(
      fc
        .constantFrom(...withText)
        .chain((body) =>
          fc.tuple(fc.constant(body), fc.constantFrom(...stringPaths(body)), fc.oneof(unicodeEdge, badIdValue)),
        )
        .map(([body, path, text]) =>
          request(route, `body ${path.join(".")} = ${JSON.stringify(text).slice(0, 40)}`, {
            body: setAt(body, path, text),
          }),
        ),
    );
  }
  const paramNames = [...route.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => name!).filter((name) => name !== "orgId");
  if (paramNames.length > 0) {
    options.push(
      fc
        .tuple(fc.constantFrom(...valids), fc.string({ unit: "grapheme", minLength: 1, maxLength: 20 }))
        .map(([body, id]) =>
          request(route, `unknown id ${JSON.stringify(id)}`, {
            params: Object.fromEntries(paramNames.map((name) => [name, encodeURIComponent(id)])),
            body,
          }),
        ),
    );
  }
  return fc.oneof(...options);
}

// ---------------------------------------------------------------------------
// Sending and judging.

interface Outcome {
  status: number;
  failure: string | null;
}

async function send(req: FuzzRequest): Promise<Outcome> {
  const headers: Record<string, string> = { ...req.headers };
  if (req.token) headers.authorization = req.token.startsWith("Bearer") ? req.token : `Bearer ${req.token}`;
  if (req.body !== undefined) headers["content-type"] = req.contentType ?? "application/json";
  const response = await fetch(`${local.base}${req.path}${req.query ? `?${req.query}` : ""}`, {
    method: req.method,
    headers,
    body: req.body,
  });
  const type = response.headers.get("content-type") ?? "";
  const text = await response.text();
  const label = `${req.route} [${req.what}] → ${response.status} ${text.slice(0, 200)}`;
  if (response.status >= 500) return { status: response.status, failure: `5xx: ${label}` };
  if (req.mustRefuse && response.status < 400)
    return { status: response.status, failure: `accepted what the contract refuses: ${label}` };
  if (response.status >= 400) {
    let problem: Record<string, unknown> | null = null;
    try {
      problem = JSON.parse(text) as Record<string, unknown>;
    } catch {
      problem = null;
    }
    const wellFormed =
      type.startsWith("application/problem+json") &&
      problem?.status === response.status &&
      typeof problem?.requestId === "string" &&
      !text.includes("    at ");
    if (!wellFormed) return { status: response.status, failure: `not a problem document: ${label}` };
  }
  // A bulk answer holds a status per id: none of them may be ours to fix either.
  if (req.route.endsWith("issues:bulk") && response.status === 200) {
    const bad = (JSON.parse(text) as { results: { status: number }[] }).results.filter(
      (result) => result.status >= 500,
    );
    if (bad.length > 0) return { status: response.status, failure: `5xx inside a bulk result: ${label}` };
  }
  return { status: response.status, failure: null };
}

/** Runs `check` for each route, a few routes at a time; collects every route's failure rather than stopping at the first. */
async function forRoutes(routes: AnyRoute[], check: (route: AnyRoute) => Promise<void>): Promise<string[]> {
  const failures: string[] = [];
  const queue = [...routes];
  await Promise.all(
    Array.from({ length: PARALLEL_ROUTES }, async () => {
      for (let route = queue.shift(); route; route = queue.shift()) {
        try {
          await check(route);
        } catch (err) {
          // fast-check keeps the property's own error as the cause; the message alone only names the case.
          const cause = (err as Error).cause;
          failures.push(
            `${routeKey(route)}: ${(err as Error).message}${cause instanceof Error ? `\nGot: ${cause.message}` : ""}`,
          );
        }
      }
    }),
  );
  return failures;
}

describe("generated bad input (fast-check)", () => {
  const tally = new Map<string, { refused: number; other: number }>();
  const statuses = new Map<number, number>();
  const count = (req: FuzzRequest, outcome: Outcome) => {
    const entry = tally.get(req.route) ?? { refused: 0, other: 0 };
    if (req.mustRefuse) entry.refused++;
    else entry.other++;
    tally.set(req.route, entry);
    statuses.set(outcome.status, (statuses.get(outcome.status) ?? 0) + 1);
  };

  it("has a valid request for every route, and the valid bodies pass their own schemas", () => {
    const bodies = validBodies();
    for (const route of allRoutes().filter((r) => r.body)) {
      const valids = bodies[routeKey(route)];
      expect(valids, `valid body for ${routeKey(route)}`).toBeDefined();
      for (const body of valids!)
        expect(route.body!.safeParse(body).success, `${routeKey(route)} ${JSON.stringify(body)}`).toBe(true);
    }
  });

  it("answers requests that break one thing with a 4xx problem, reads with no 5xx, and writes nothing", {
    timeout: 300_000,
  }, async () => {
    const before = await digest(db());
    const routes = allRoutes();
    const failures = await forRoutes(routes, async (route) => {
      const isRead = route.method === "get";
      await fc.assert(
        fc.asyncProperty(brokenRequests(route), async (req) => {
          // Only reads may be valid here: a valid write would change what the digest compares.
          fc.pre(isRead || req.mustRefuse);
          const outcome = await send(req);
          count(req, outcome);
          if (outcome.failure) throw new Error(outcome.failure);
        }),
        // A list takes many valid queries too: twice the runs leave it enough refused ones.
        { numRuns: realCursorFor(route) ? 2 * RUNS_REFUSED : RUNS_REFUSED, seed: SEED, maxSkipsPerRun: 1000 },
      );
    });
    console.log(
      `[fuzz] seed ${SEED}; phase 1 statuses: ${[...statuses.entries()]
        .sort(([a], [b]) => a - b)
        .map(([s, n]) => `${s}×${n}`)
        .join(", ")}`,
    );
    console.log(
      `[fuzz] per route (must refuse/other): ${[...tally.entries()].map(([route, t]) => `${route} ${t.refused}/${t.other}`).join("; ")}`,
    );
    expect(failures).toEqual([]);
    // Every route was fuzzed, and every route got requests the contract refuses.
    expect([...tally.keys()].sort()).toEqual(routes.map(routeKey).sort());
    for (const [route, t] of tally)
      expect(t.refused, `${route} refused cases`).toBeGreaterThanOrEqual(Math.min(10, RUNS_REFUSED / 3));
    expect(await digest(db())).toEqual(before);
  });

  it("answers valid but unusual writes (odd unicode, odd ids, unknown ids) without a 5xx", {
    timeout: 300_000,
  }, async () => {
    statuses.clear();
    const routes = allRoutes().filter((route) => route.body);
    const failures = await forRoutes(routes, async (route) => {
      const cases = fc.oneof(
        { weight: 3, arbitrary: unusualRequests(route) },
        // And whatever of phase 1's generator the contract accepts.
        { weight: 1, arbitrary: brokenRequests(route).map((req) => Object.assign(req, { onlyIfAccepted: true })) },
      );
      await fc.assert(
        fc.asyncProperty(cases, async (req) => {
          fc.pre(!("onlyIfAccepted" in req) || !req.mustRefuse);
          const outcome = await send(req);
          statuses.set(outcome.status, (statuses.get(outcome.status) ?? 0) + 1);
          if (outcome.failure) throw new Error(outcome.failure);
        }),
        { numRuns: RUNS_UNUSUAL, seed: SEED, maxSkipsPerRun: 1000 },
      );
    });
    console.log(
      `[fuzz] phase 2 statuses: ${[...statuses.entries()]
        .sort(([a], [b]) => a - b)
        .map(([s, n]) => `${s}×${n}`)
        .join(", ")}`,
    );
    expect(failures).toEqual([]);
    // Some of them must have been taken: otherwise this phase tested nothing but refusals.
    expect([...statuses.keys()].some((status) => status < 300)).toBe(true);
  });

  it("answers broken JSON through the deployed function with a 400 and writes nothing", async () => {
    const before = await digest(db());
    for (const broken of BROKEN_JSON.slice(0, 3)) {
      const response = await call("POST", `/orgs/${w.orgId}/issues`, {
        token: w.admin.token,
        rawBody: broken,
        headers: { "content-type": "application/json" },
      });
      expect(response.status).toBe(400);
    }
    expect(await digest(db())).toEqual(before);
  });
});
