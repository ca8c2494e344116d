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

    const raised = await call("POST", `/orgs/${orgId}/issues`, { token: stranger.token, body: { title: "Through the link" } });
    expect(raised.status).toBe(201);
    expect((await call("GET", `/intake/${s}`, { token: stranger.token })).body).toEqual({ orgId, name: "Open Shop", slug: s, role: "customer" });
  });

  it("hides a closed org from a stranger (404, as for no org) and shows it to its members", async () => {
    const s = slug("closed-shop");
    const orgId = await orgWith("Closed Shop", s, { publicIntake: false });
    expectProblem(await call("GET", `/intake/${s}`, { token: stranger.token }), 404);
    expectProblem(await call("GET", `/intake/${slug("nothing-here")}`, { token: stranger.token }), 404);
    expect((await call("GET", `/intake/${s}`, { token: admin.token })).body).toEqual({ orgId, name: "Closed Shop", slug: s, role: "admin" });
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

  it("leads to the older of two orgs with the same slug, so a newcomer cannot take over a link", async () => {
    const s = slug("twin");
    const first = await orgWith("First Twin", s, { publicIntake: true });
    const second = await orgWith("Second Twin", s, { publicIntake: true });
    expect(second).not.toBe(first);
    expect((await call("GET", `/intake/${s}`, { token: stranger.token })).body).toMatchObject({ orgId: first, name: "First Twin" });
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
