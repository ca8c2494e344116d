/**
 * Every route × every actor. Expectations are written out per route from
 * The table of docs/product.md, in actor order:
 *   anonymous, admin, agent, reporter, viewer, customer (owns the issue), otherCustomer, outsider, service
 * A caller who may not know something exists gets 404; one who may see it but not act gets 403.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allRoutes } from "../../src/api/app";
import { addMember, call, db, newUser, setBackgroundTriggers } from "./helpers";
import { ACTORS, buildWorld, type Actor, type World } from "./world";

let w: World;
// The matrix asks who may call what, which the API answers by itself. Its few hundred fixtures would otherwise leave
// thousands of trigger runs (numbering, stats, notices, mail) for the next file to wait out.
beforeAll(async () => {
  await setBackgroundTriggers(false);
  w = await buildWorld("Matrix World");
});
afterAll(() => setBackgroundTriggers(true));

interface Cell {
  path: string;
  body?: unknown;
}

const issueOf = async (prepare?: (path: string) => Promise<unknown>): Promise<string> => {
  const created = await call("POST", `/orgs/${w.orgId}/issues`, {
    token: w.customer.token,
    body: { title: "Matrix issue" },
  });
  // The customer's answer is their projection: the id is its issueId (and the Location's last segment).
  const path = `/orgs/${w.orgId}/issues/${created.body.issueId}`;
  if (prepare) await prepare(path);
  return path;
};
const asAdmin = (method: string, path: string, body?: unknown) => call(method, path, { token: w.admin.token, body });
const savedReply = async () =>
  `${org()}/saved-replies/${(await asAdmin("POST", `${org()}/saved-replies`, { title: "Matrix reply", body: "Hello" })).body.id}`;
const macro = async () =>
  `${org()}/macros/${(await asAdmin("POST", `${org()}/macros`, { name: "Matrix macro", changes: { priority: "high" } })).body.id}`;
const freshAddress = () => `invitee-${randomUUID().slice(0, 8)}@example.test`;

type Row = [method: string, path: string, expected: number[], fixture: () => Promise<Cell>];
const org = () => `/orgs/${w.orgId}`;

const ROWS: Row[] = [
  ["GET", "/health", [200, 200, 200, 200, 200, 200, 200, 200, 200], async () => ({ path: "/health" })],
  ["GET", "/openapi.json", [200, 200, 200, 200, 200, 200, 200, 200, 200], async () => ({ path: "/openapi.json" })],
  ["GET", "/me", [401, 200, 200, 200, 200, 200, 200, 200, 200], async () => ({ path: "/me" })],
  // The intake link of a closed org: its members find it, nobody else learns it exists.
  [
    "GET",
    "/intake/{slug}",
    [401, 200, 200, 200, 200, 200, 200, 404, 404],
    async () => ({ path: `/intake/${(await asAdmin("GET", org())).body.slug}` }),
  ],
  [
    "POST",
    "/orgs",
    [401, 201, 201, 201, 201, 201, 201, 201, 403],
    async () => ({ path: "/orgs", body: { name: "Spawned" } }),
  ],
  ["GET", "/orgs/{orgId}", [401, 200, 200, 200, 200, 200, 200, 404, 200], async () => ({ path: org() })],
  [
    "PATCH",
    "/orgs/{orgId}",
    [401, 200, 403, 403, 403, 403, 403, 404, 403],
    async () => ({ path: org(), body: { name: "Matrix World" } }),
  ],
  [
    "GET",
    "/orgs/{orgId}/settings",
    [401, 200, 403, 403, 403, 403, 403, 404, 403],
    async () => ({ path: `${org()}/settings` }),
  ],
  [
    "PATCH",
    "/orgs/{orgId}/settings",
    [401, 200, 403, 403, 403, 403, 403, 404, 403],
    async () => ({ path: `${org()}/settings`, body: { publicIntake: false } }),
  ],
  [
    "GET",
    "/orgs/{orgId}/members",
    [401, 200, 403, 403, 403, 403, 403, 404, 403],
    async () => ({ path: `${org()}/members` }),
  ],
  [
    "PATCH",
    "/orgs/{orgId}/members/{uid}",
    [401, 200, 403, 403, 403, 403, 403, 404, 403],
    async () => {
      const user = await newUser("member");
      await addMember(w.orgId, user, "viewer");
      return { path: `${org()}/members/${user.uid}`, body: { role: "agent" } };
    },
  ],
  [
    "DELETE",
    "/orgs/{orgId}/members/{uid}",
    [401, 204, 403, 403, 403, 403, 403, 404, 403],
    async () => {
      const user = await newUser("member");
      await addMember(w.orgId, user, "viewer");
      return { path: `${org()}/members/${user.uid}` };
    },
  ],
  [
    "POST",
    "/orgs/{orgId}/invites",
    [401, 201, 403, 403, 403, 403, 403, 404, 403],
    async () => ({ path: `${org()}/invites`, body: { email: freshAddress(), role: "viewer" } }),
  ],
  [
    "GET",
    "/orgs/{orgId}/invites",
    [401, 200, 403, 403, 403, 403, 403, 404, 403],
    async () => ({ path: `${org()}/invites` }),
  ],
  [
    "DELETE",
    "/orgs/{orgId}/invites/{inviteId}",
    [401, 204, 403, 403, 403, 403, 403, 404, 403],
    async () => ({
      path: `${org()}/invites/${(await asAdmin("POST", `${org()}/invites`, { email: freshAddress(), role: "agent" })).body.id}`,
    }),
  ],
  // Nobody here is the addressee: anyone else gets 404, so an invitation's existence leaks to no one.
  [
    "POST",
    "/invites/{inviteId}/accept",
    [401, 404, 404, 404, 404, 404, 404, 404, 404],
    async () => ({
      path: `/invites/${(await asAdmin("POST", `${org()}/invites`, { email: freshAddress(), role: "agent" })).body.id}/accept`,
      body: {},
    }),
  ],
  [
    "POST",
    "/orgs/{orgId}/api-keys",
    [401, 201, 403, 403, 403, 403, 403, 404, 403],
    async () => ({ path: `${org()}/api-keys`, body: { name: "k" } }),
  ],
  [
    "GET",
    "/orgs/{orgId}/api-keys",
    [401, 200, 403, 403, 403, 403, 403, 404, 403],
    async () => ({ path: `${org()}/api-keys` }),
  ],
  [
    "GET",
    "/orgs/{orgId}/api-keys/{keyId}",
    [401, 200, 403, 403, 403, 403, 403, 404, 403],
    async () => ({ path: `${org()}/api-keys/${(await asAdmin("POST", `${org()}/api-keys`, { name: "k" })).body.id}` }),
  ],
  [
    "DELETE",
    "/orgs/{orgId}/api-keys/{keyId}",
    [401, 200, 403, 403, 403, 403, 403, 404, 403],
    async () => ({ path: `${org()}/api-keys/${(await asAdmin("POST", `${org()}/api-keys`, { name: "k" })).body.id}` }),
  ],
  // Saved replies: admins keep them, agents read them too; the rest of the org 403, outsiders 404.
  [
    "GET",
    "/orgs/{orgId}/saved-replies",
    [401, 200, 200, 403, 403, 403, 403, 404, 403],
    async () => ({ path: `${org()}/saved-replies` }),
  ],
  [
    "POST",
    "/orgs/{orgId}/saved-replies",
    [401, 201, 403, 403, 403, 403, 403, 404, 403],
    async () => ({ path: `${org()}/saved-replies`, body: { title: "Thanks", body: "Thanks for writing in." } }),
  ],
  [
    "GET",
    "/orgs/{orgId}/saved-replies/{replyId}",
    [401, 200, 200, 403, 403, 403, 403, 404, 403],
    async () => ({ path: await savedReply() }),
  ],
  [
    "PATCH",
    "/orgs/{orgId}/saved-replies/{replyId}",
    [401, 200, 403, 403, 403, 403, 403, 404, 403],
    async () => ({ path: await savedReply(), body: { internal: true } }),
  ],
  [
    "DELETE",
    "/orgs/{orgId}/saved-replies/{replyId}",
    [401, 204, 403, 403, 403, 403, 403, 404, 403],
    async () => ({ path: await savedReply() }),
  ],
  // Macros: the team reads them, admins keep them, whoever may edit an issue applies one.
  [
    "GET",
    "/orgs/{orgId}/macros",
    [401, 200, 200, 200, 200, 403, 403, 404, 200],
    async () => ({ path: `${org()}/macros` }),
  ],
  [
    "POST",
    "/orgs/{orgId}/macros",
    [401, 201, 403, 403, 403, 403, 403, 404, 403],
    async () => ({ path: `${org()}/macros`, body: { name: "Thanks", reply: { body: "Thanks!" } } }),
  ],
  [
    "GET",
    "/orgs/{orgId}/macros/{macroId}",
    [401, 200, 200, 200, 200, 403, 403, 404, 200],
    async () => ({ path: await macro() }),
  ],
  [
    "PATCH",
    "/orgs/{orgId}/macros/{macroId}",
    [401, 200, 403, 403, 403, 403, 403, 404, 403],
    async () => ({ path: await macro(), body: { name: "Renamed" } }),
  ],
  [
    "DELETE",
    "/orgs/{orgId}/macros/{macroId}",
    [401, 204, 403, 403, 403, 403, 403, 404, 403],
    async () => ({ path: await macro() }),
  ],
  [
    "POST",
    "/orgs/{orgId}/issues/{id}/macros/{macroId}:apply",
    [401, 200, 200, 403, 403, 403, 404, 404, 200],
    async () => ({ path: `${await issueOf()}/macros/${(await macro()).split("/").pop()}:apply`, body: {} }),
  ],
  [
    "POST",
    "/orgs/{orgId}/issues",
    [401, 201, 201, 201, 403, 201, 201, 404, 201],
    async () => ({ path: `${org()}/issues`, body: { title: "Raised" } }),
  ],
  [
    "GET",
    "/orgs/{orgId}/issues",
    [401, 200, 200, 200, 200, 200, 200, 404, 200],
    async () => ({ path: `${org()}/issues` }),
  ],
  [
    "GET",
    "/orgs/{orgId}/issues/export.csv",
    [401, 200, 200, 200, 200, 200, 200, 404, 200],
    async () => ({ path: `${org()}/issues/export.csv` }),
  ],
  [
    "POST",
    "/orgs/{orgId}/issues:bulk",
    [401, 200, 200, 403, 403, 403, 403, 404, 200],
    async () => ({
      path: `${org()}/issues:bulk`,
      body: { ids: [(await issueOf()).split("/").pop()], change: { priority: "low" } },
    }),
  ],
  [
    "GET",
    "/orgs/{orgId}/issues/{idOrNumber}",
    [401, 200, 200, 200, 200, 200, 404, 404, 200],
    async () => ({ path: await issueOf() }),
  ],
  [
    "PATCH",
    "/orgs/{orgId}/issues/{id}",
    [401, 200, 200, 403, 403, 403, 404, 404, 200],
    async () => ({ path: await issueOf(), body: { priority: "high" } }),
  ],
  [
    "DELETE",
    "/orgs/{orgId}/issues/{id}",
    [401, 200, 200, 403, 403, 403, 404, 404, 403],
    async () => ({ path: await issueOf() }),
  ],
  // Erasure: admins only; whoever may see the issue learns 403, anyone else 404.
  [
    "DELETE",
    "/orgs/{orgId}/issues/{id}?permanent=true",
    [401, 204, 403, 403, 403, 403, 404, 404, 403],
    async () => ({ path: `${await issueOf()}?permanent=true` }),
  ],
  [
    "POST",
    "/orgs/{orgId}/issues/{id}/restore",
    [401, 200, 404, 404, 404, 404, 404, 404, 404],
    async () => ({ path: `${await issueOf((p) => asAdmin("DELETE", p))}/restore` }),
  ],
  [
    "POST",
    "/orgs/{orgId}/issues/{id}/transition",
    [401, 200, 200, 403, 403, 403, 404, 404, 200],
    async () => ({ path: `${await issueOf()}/transition`, body: { status: "in_progress" } }),
  ],
  [
    "POST",
    "/orgs/{orgId}/issues/{id}/resolve",
    [401, 200, 200, 403, 403, 403, 404, 404, 200],
    async () => ({ path: `${await issueOf()}/resolve`, body: { notes: "Done" } }),
  ],
  [
    "POST",
    "/orgs/{orgId}/issues/{id}/reopen",
    [401, 200, 200, 403, 403, 200, 404, 404, 200],
    async () => ({
      path: `${await issueOf((p) => asAdmin("POST", `${p}/resolve`, { notes: "Done" }))}/reopen`,
      body: {},
    }),
  ],
  [
    "POST",
    "/orgs/{orgId}/issues/{id}/close",
    [401, 200, 200, 403, 403, 403, 404, 404, 200],
    async () => ({ path: `${await issueOf()}/close`, body: {} }),
  ],
  [
    "POST",
    "/orgs/{orgId}/issues/{id}/assign",
    [401, 200, 200, 403, 403, 403, 404, 404, 200],
    async () => ({ path: `${await issueOf()}/assign`, body: { assigneeUid: w.agent.uid } }),
  ],
  // The Matrix World's Linear sync is off: the admin gets as far as 409.
  [
    "POST",
    "/orgs/{orgId}/issues/{id}/linear:sync",
    [401, 409, 403, 403, 403, 403, 404, 404, 403],
    async () => ({ path: `${await issueOf()}/linear:sync`, body: {} }),
  ],
  [
    "POST",
    "/orgs/{orgId}/issues/{id}/watch",
    [401, 200, 200, 200, 200, 200, 404, 404, 403],
    async () => ({ path: `${await issueOf()}/watch`, body: {} }),
  ],
  [
    "DELETE",
    "/orgs/{orgId}/issues/{id}/watch",
    [401, 200, 200, 200, 200, 200, 404, 404, 200],
    async () => ({ path: `${await issueOf()}/watch` }),
  ],
  [
    "GET",
    "/orgs/{orgId}/issues/{id}/comments",
    [401, 200, 200, 200, 200, 200, 404, 404, 200],
    async () => ({ path: `${await issueOf()}/comments` }),
  ],
  [
    "POST",
    "/orgs/{orgId}/issues/{id}/comments",
    [401, 201, 201, 201, 403, 201, 404, 404, 201],
    async () => ({ path: `${await issueOf()}/comments`, body: { body: "Hello" } }),
  ],
  [
    "GET",
    "/orgs/{orgId}/issues/{id}/activities",
    [401, 200, 200, 200, 200, 200, 404, 404, 200],
    async () => ({ path: `${await issueOf()}/activities` }),
  ],
  [
    "GET",
    "/orgs/{orgId}/stats",
    [401, 200, 200, 200, 200, 403, 403, 404, 200],
    async () => ({ path: `${org()}/stats` }),
  ],
];

describe("route × actor matrix", () => {
  it("has a row for every route of the app", () => {
    // A row per route, and more for a route whose query changes what it does (…?permanent=true).
    expect([...new Set(ROWS.map(([method, path]) => `${method.toLowerCase()} ${path.split("?")[0]}`))].sort()).toEqual(
      allRoutes()
        .map((r) => `${r.method} ${r.path}`)
        .sort(),
    );
  });

  const cells = ROWS.flatMap(([method, path, expected, fixture]) =>
    ACTORS.map((actor, i) => [method, path, actor, expected[i]!, fixture] as const),
  );

  it.each(cells)("%s %s as %s → %i", async (method, _path, actor: Actor, expected, fixture) => {
    const cell = await fixture();
    const response = await call(method, cell.path, { token: w.token[actor], body: cell.body });
    expect(response.status, JSON.stringify(response.body)).toBe(expected);
    if (expected >= 400) expect(response.headers.get("content-type")).toContain("application/problem+json");
    // A refused write leaves the issue as it was.
    if (expected >= 400 && cell.path.includes("/issues/") && method !== "GET") {
      const id = cell.path.split("/issues/")[1]!.split(/[/?]/)[0]!;
      const stored = await db().doc(`orgs/${w.orgId}/issues/${id}`).get();
      if (stored.exists)
        expect(stored.get("version")).toBeLessThanOrEqual(
          cell.path.endsWith("/restore") || cell.path.endsWith("/reopen") ? 3 : 2,
        );
    }
  });
});
