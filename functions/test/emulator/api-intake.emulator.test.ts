/**
 * GET /intake/{slug}: the org behind an intake link (`/raise/{slug}` in the web app).
 * It answers only whom the org takes in or counts as a member; for everyone else a
 * closed org's slug is a 404 like one that names nothing, and looking changes nothing.
 */
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { addMember, call, db, expectProblem, newUser, type TestUser } from "./helpers";

let admin: TestUser;
let stranger: TestUser;
const slug = (label: string) => `${label}-${randomUUID().slice(0, 8)}`;

async function orgWith(name: string, orgSlug: string, settings: Record<string, unknown>): Promise<string> {
  const created = await call("POST", "/orgs", { token: admin.token, body: { name, slug: orgSlug } });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const patched = await call("PATCH", `/orgs/${created.body.id}/settings`, { token: admin.token, body: settings });
  expect(patched.status, JSON.stringify(patched.body)).toBe(200);
  return created.body.id as string;
}

beforeAll(async () => {
  [admin, stranger] = await Promise.all([newUser("intakeadmin"), newUser("stranger")]);
});

describe("GET /intake/{slug}", () => {
  it("names an org with public intake to a stranger, who is no member until they raise an issue", async () => {
    const s = slug("open-shop");
    const orgId = await orgWith("Open Shop", s, { publicIntake: true });
    const found = await call("GET", `/intake/${s}`, { token: stranger.token });
    expect(found.status).toBe(200);
    expect(found.body).toEqual({ orgId, name: "Open Shop", slug: s, role: null });
    expect((await db().doc(`orgs/${orgId}/members/${stranger.uid}`).get()).exists).toBe(false);

    const raised = await call("POST", `/orgs/${orgId}/issues`, {
      token: stranger.token,
      body: { title: "Through the link" },
    });
    expect(raised.status).toBe(201);
    expect((await call("GET", `/intake/${s}`, { token: stranger.token })).body).toEqual({
      orgId,
      name: "Open Shop",
      slug: s,
      role: "customer",
    });
  });

  it("hides a closed org from a stranger (404, as for no org) and shows it to its members", async () => {
    const s = slug("closed-shop");
    const orgId = await orgWith("Closed Shop", s, { publicIntake: false });
    expectProblem(await call("GET", `/intake/${s}`, { token: stranger.token }), 404);
    expectProblem(await call("GET", `/intake/${slug("nothing-here")}`, { token: stranger.token }), 404);
    expect((await call("GET", `/intake/${s}`, { token: admin.token })).body).toEqual({
      orgId,
      name: "Closed Shop",
      slug: s,
      role: "admin",
    });
    const customer = await newUser("member");
    await addMember(orgId, customer, "customer");
    expect((await call("GET", `/intake/${s}`, { token: customer.token })).body.role).toBe("customer");
  });

  it("admits a verified address of an auto-join domain, not an unverified one", async () => {
    const domain = `${randomUUID().slice(0, 6)}.example.test`;
    const s = slug("domain-shop");
    const orgId = await orgWith("Domain Shop", s, { publicIntake: false, autoJoinDomains: [domain] });
    const verified = await newUser("colleague", { domain });
    const unverified = await newUser("claimer", { domain, emailVerified: false });
    expect((await call("GET", `/intake/${s}`, { token: verified.token })).body).toMatchObject({ orgId, role: null });
    // An unverified account may call GET /me and nothing else.
    const refused = await call("GET", `/intake/${s}`, { token: unverified.token });
    expectProblem(refused, 403);
    expect(refused.body.code).toBe("email_not_verified");
  });

  it("keeps a slug to one org: a second org asking for it gets 409 with a free alternative, and the link still leads to the first", async () => {
    const s = slug("twin");
    const first = await orgWith("First Twin", s, { publicIntake: true });
    const second = await call("POST", "/orgs", { token: stranger.token, body: { name: "Second Twin", slug: s } });
    expectProblem(second, 409);
    expect(second.body.errors).toEqual([{ path: "slug", code: "taken", message: expect.stringContaining(`${s}-2`) }]);
    expect(second.body.suggestion).toBe(`${s}-2`);
    expect((await db().collection("orgs").where("name", "==", "Second Twin").get()).empty).toBe(true);
    expect((await call("GET", `/intake/${s}`, { token: stranger.token })).body).toMatchObject({
      orgId: first,
      name: "First Twin",
    });
  });

  it("cannot be captured by renaming: an org that takes another's slug by PATCH gets 409 and keeps its own", async () => {
    const victim = slug("victim");
    const victimId = await orgWith("Victim", victim, { publicIntake: false });
    const own = slug("attacker");
    const attacker = await call("POST", "/orgs", { token: stranger.token, body: { name: "Attacker", slug: own } });
    const rename = await call("PATCH", `/orgs/${attacker.body.id}`, { token: stranger.token, body: { slug: victim } });
    expectProblem(rename, 409);
    expect((await db().doc(`orgs/${attacker.body.id}`).get()).get("slug")).toBe(own);
    expect((await db().doc(`slugs/${victim}`).get()).get("orgId")).toBe(victimId);
    expect((await db().doc(`slugs/${own}`).get()).get("orgId")).toBe(attacker.body.id);
  });

  it("moves the link with a rename: the new slug leads in, the old one is freed for others", async () => {
    const before = slug("before");
    const after = slug("after");
    const orgId = await orgWith("Renamed Shop", before, { publicIntake: true });
    expect((await call("PATCH", `/orgs/${orgId}`, { token: admin.token, body: { slug: after } })).status).toBe(200);
    expect((await call("GET", `/intake/${after}`, { token: stranger.token })).body).toMatchObject({ orgId });
    expectProblem(await call("GET", `/intake/${before}`, { token: stranger.token }), 404);
    expect((await db().doc(`slugs/${before}`).get()).exists).toBe(false);
    const reuse = await call("POST", "/orgs", { token: stranger.token, body: { name: "Newcomer", slug: before } });
    expect(reuse.status).toBe(201);
    // Renaming to its own slug again is no conflict.
    expect(
      (await call("PATCH", `/orgs/${orgId}`, { token: admin.token, body: { slug: after, name: "Renamed Again" } }))
        .status,
    ).toBe(200);
  });

  it("resolves a slug only through its reservation: an org document carrying a slug it does not hold leads nowhere", async () => {
    const s = slug("forged");
    // As if written around the API (an import): the org claims the slug, the slugs collection does not name it.
    const ref = db().collection("orgs").doc();
    await ref.set({ name: "Forged", slug: s, createdAt: new Date(), createdBy: admin.uid });
    await ref.collection("private").doc("settings").set({ publicIntake: true, autoJoinDomains: [] });
    expectProblem(await call("GET", `/intake/${s}`, { token: stranger.token }), 404);
  });

  it("gives an org created without a slug a free one derived from its name", async () => {
    const name = `Same Name ${randomUUID().slice(0, 6)}`;
    const a = await call("POST", "/orgs", { token: admin.token, body: { name } });
    const b = await call("POST", "/orgs", { token: admin.token, body: { name } });
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.body.slug).toBe(`${a.body.slug}-2`);
    expect((await db().doc(`slugs/${b.body.slug}`).get()).get("orgId")).toBe(b.body.id);
  });

  it("refuses no token (401), services and malformed slugs (404), and query parameters (422)", async () => {
    const s = slug("open-door");
    const orgId = await orgWith("Open Door", s, { publicIntake: true });
    expectProblem(await call("GET", `/intake/${s}`), 401);
    const key = await call("POST", `/orgs/${orgId}/api-keys`, { token: admin.token, body: { name: "svc" } });
    expectProblem(await call("GET", `/intake/${s}`, { token: key.body.key as string }), 404);
    for (const bad of ["Open-Door", "-x", "x-", "a%20b", "%F0%9F%94%A5", "x".repeat(51)]) {
      expectProblem(await call("GET", `/intake/${bad}`, { token: stranger.token }), 404);
    }
    expectProblem(await call("GET", `/intake/${s}?x=1`, { token: stranger.token }), 422);
  });
});
