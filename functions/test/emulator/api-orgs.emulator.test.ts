import { beforeAll, describe, expect, it } from "vitest";
import { addMember, call, db, expectProblem, newUser } from "./helpers";
import { ACTORS, buildWorld, type Actor, type World } from "./world";

let w: World;
beforeAll(async () => {
  w = await buildWorld("Orgs World");
});

/** Expected status per actor; members of another org and strangers get 404, never 403. */
type Expect = Record<Actor, number>;
const adminOnly = (ok: number): Expect => ({
  anonymous: 401,
  admin: ok,
  agent: 403,
  reporter: 403,
  viewer: 403,
  customer: 403,
  otherCustomer: 403,
  outsider: 404,
  service: 403,
});

describe("GET /me", () => {
  it("lists a person's memberships across orgs", async () => {
    const me = await call("GET", "/me", { token: w.outsider.token });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ uid: w.outsider.uid, kind: "user", email: w.outsider.email });
    expect(me.body.memberships).toEqual([{ orgId: w.otherOrgId, orgName: "Orgs World (outsider)", role: "admin" }]);
    const customer = await call("GET", "/me", { token: w.customer.token });
    expect(customer.body.memberships).toEqual([{ orgId: w.orgId, orgName: "Orgs World", role: "customer" }]);
  });

  it("describes an API key as a service of its org", async () => {
    const me = await call("GET", "/me", { token: w.serviceKey });
    expect(me.body).toMatchObject({ kind: "apiKey", memberships: [{ orgId: w.orgId, role: "service" }] });
  });

  it("refuses no token and query parameters", async () => {
    expectProblem(await call("GET", "/me"), 401);
    expectProblem(await call("GET", "/me?x=1", { token: w.admin.token }), 422);
  });
});

describe("org and settings", () => {
  it.each(ACTORS)("GET /orgs/{orgId} as %s", async (actor) => {
    const expected = actor === "anonymous" ? 401 : actor === "outsider" ? 404 : 200;
    const response = await call("GET", `/orgs/${w.orgId}`, { token: w.token[actor] });
    expect(response.status).toBe(expected);
    if (expected === 200) expect(response.body.name).toBe("Orgs World");
  });

  it.each(ACTORS)("GET /orgs/{orgId}/settings as %s", async (actor) => {
    const response = await call("GET", `/orgs/${w.orgId}/settings`, { token: w.token[actor] });
    expect(response.status).toBe(adminOnly(200)[actor]);
    if (response.status === 200)
      expect(response.body.sla.critical).toEqual({ firstResponseMins: 15, resolutionMins: 240, clock: "calendar" });
  });

  it.each(ACTORS)("PATCH /orgs/{orgId}/settings as %s", async (actor) => {
    const response = await call("PATCH", `/orgs/${w.orgId}/settings`, {
      token: w.token[actor],
      body: { sla: { low: { firstResponseMins: 60, resolutionMins: 600 } } },
    });
    expect(response.status).toBe(adminOnly(200)[actor]);
  });

  it("keeps settings out of the org document customers read, in the admin-only private/settings", async () => {
    await call("PATCH", `/orgs/${w.orgId}/settings`, {
      token: w.admin.token,
      body: { serviceAccounts: ["robot@demo.iam.gserviceaccount.com"] },
    });
    const org = await db().doc(`orgs/${w.orgId}`).get();
    // What every member, customers included, may read: nothing else.
    for (const key of Object.keys(org.data()!))
      expect(["name", "slug", "createdAt", "createdBy", "updatedAt"]).toContain(key);
    expect((await db().doc(`orgs/${w.orgId}/private/settings`).get()).get("serviceAccounts")).toEqual([
      "robot@demo.iam.gserviceaccount.com",
    ]);
    await call("PATCH", `/orgs/${w.orgId}/settings`, { token: w.admin.token, body: { serviceAccounts: [] } });
  });

  it("merges SLA targets per priority and refuses bad settings without changing anything", async () => {
    const settingsDoc = () => db().doc(`orgs/${w.orgId}/private/settings`).get();
    const before = (await settingsDoc()).data();
    for (const body of [
      { sla: { low: { firstResponseMins: -1, resolutionMins: 5 } } },
      { sla: { someday: { firstResponseMins: 1, resolutionMins: 5 } } },
      { serviceAccounts: ["not-an-email"] },
      { autoJoinDomains: ["bad domain"] },
      { plan: "gold" },
      {},
    ]) {
      expectProblem(await call("PATCH", `/orgs/${w.orgId}/settings`, { token: w.admin.token, body }), 422);
    }
    expect((await settingsDoc()).data()).toEqual(before);
    const ok = await call("PATCH", `/orgs/${w.orgId}/settings`, {
      token: w.admin.token,
      body: { publicIntake: true, sla: { high: { firstResponseMins: 90, resolutionMins: 1200 } } },
    });
    expect(ok.body).toMatchObject({
      publicIntake: true,
      sla: {
        high: { firstResponseMins: 90, resolutionMins: 1200, clock: "business" },
        critical: { firstResponseMins: 15, resolutionMins: 240, clock: "calendar" },
      },
    });
    expect((await settingsDoc()).get("publicIntake")).toEqual(true);
    expect((await settingsDoc()).get("sla.critical")).toEqual({
      firstResponseMins: 15,
      resolutionMins: 240,
      clock: "calendar",
    });
    await call("PATCH", `/orgs/${w.orgId}/settings`, { token: w.admin.token, body: { publicIntake: false } });
  });

  it.each(ACTORS)("PATCH /orgs/{orgId} as %s", async (actor) => {
    const response = await call("PATCH", `/orgs/${w.orgId}`, { token: w.token[actor], body: { name: "Orgs World" } });
    expect(response.status).toBe(adminOnly(200)[actor]);
  });

  it("refuses a bad org patch", async () => {
    expectProblem(
      await call("PATCH", `/orgs/${w.orgId}`, { token: w.admin.token, body: { slug: "Not A Slug!" } }),
      422,
    );
    expectProblem(await call("PATCH", `/orgs/${w.orgId}`, { token: w.admin.token, body: {} }), 422);
  });

  it("lets only people create orgs", async () => {
    expectProblem(await call("POST", "/orgs", { token: w.serviceKey, body: { name: "Robot Org" } }), 403);
  });
});

describe("members", () => {
  it.each(ACTORS)("GET /orgs/{orgId}/members as %s", async (actor) => {
    const response = await call("GET", `/orgs/${w.orgId}/members`, { token: w.token[actor] });
    expect(response.status).toBe(adminOnly(200)[actor]);
    if (response.status === 200) expect(response.body.data.map((m: { uid: string }) => m.uid)).toContain(w.agent.uid);
  });

  it("gives admins the addresses, kept apart from the member documents every staff member reads", async () => {
    const listed = await call("GET", `/orgs/${w.orgId}/members`, { token: w.admin.token });
    const agent = listed.body.data.find((m: { uid: string }) => m.uid === w.agent.uid);
    expect(agent).toEqual({
      uid: w.agent.uid,
      role: "agent",
      displayName: w.agent.name,
      email: w.agent.email,
      createdAt: expect.any(String),
    });
    const admin = listed.body.data.find((m: { uid: string }) => m.uid === w.admin.uid);
    expect(admin.email).toBe(w.admin.email);
    // The creator's membership, written by POST /orgs: no address on the member document.
    const memberDoc = await db().doc(`orgs/${w.orgId}/members/${w.admin.uid}`).get();
    expect(memberDoc.get("role")).toBe("admin");
    expect(memberDoc.get("email")).toBeUndefined();
    expect((await db().doc(`orgs/${w.orgId}/memberEmails/${w.admin.uid}`).get()).get("email")).toBe(w.admin.email);
  });

  it("no longer adds people by address: that is what invitations are for", async () => {
    const joiner = await newUser("joiner");
    const before = (await db().collection(`orgs/${w.orgId}/members`).count().get()).data().count;
    expectProblem(
      await call("POST", `/orgs/${w.orgId}/members`, {
        token: w.admin.token,
        body: { email: joiner.email, role: "agent" },
      }),
      404,
    );
    expectProblem(
      await call("POST", `/orgs/${w.orgId}/members`, {
        token: w.admin.token,
        body: { uid: joiner.uid, role: "agent" },
      }),
      404,
    );
    expect((await db().collection(`orgs/${w.orgId}/members`).count().get()).data().count).toBe(before);
  });

  it("changes roles and removes members, with their addresses", async () => {
    const joiner = await newUser("joiner2");
    await addMember(w.orgId, joiner, "viewer");
    const promoted = await call("PATCH", `/orgs/${w.orgId}/members/${joiner.uid}`, {
      token: w.admin.token,
      body: { role: "agent" },
    });
    expect(promoted.body).toMatchObject({ uid: joiner.uid, role: "agent", email: joiner.email });
    expectProblem(
      await call("PATCH", `/orgs/${w.orgId}/members/${joiner.uid}`, {
        token: w.admin.token,
        body: { role: "service" },
      }),
      422,
    );
    expectProblem(
      await call("PATCH", `/orgs/${w.orgId}/members/nobody`, { token: w.admin.token, body: { role: "agent" } }),
      404,
    );
    expect((await call("DELETE", `/orgs/${w.orgId}/members/${joiner.uid}`, { token: w.admin.token })).status).toBe(204);
    expect((await db().doc(`orgs/${w.orgId}/memberEmails/${joiner.uid}`).get()).exists).toBe(false);
    expectProblem(await call("DELETE", `/orgs/${w.orgId}/members/${joiner.uid}`, { token: w.admin.token }), 404);
    expectProblem(
      await call("DELETE", `/orgs/${w.otherOrgId}/members/${w.outsider.uid}`, { token: w.admin.token }),
      404,
    );
  });

  it("never leaves an org without an admin, even under concurrent demotions", async () => {
    const owner = await newUser("owner");
    const second = await newUser("second");
    const orgId = (await call("POST", "/orgs", { token: owner.token, body: { name: "Two Admins" } })).body.id;
    await addMember(orgId, second, "admin");
    const [a, b] = await Promise.all([
      call("PATCH", `/orgs/${orgId}/members/${owner.uid}`, { token: owner.token, body: { role: "agent" } }),
      call("PATCH", `/orgs/${orgId}/members/${second.uid}`, { token: second.token, body: { role: "agent" } }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const admins = await db().collection(`orgs/${orgId}/members`).where("role", "==", "admin").get();
    expect(admins.size).toBe(1);
    const lastAdmin = admins.docs[0]!.id;
    const token = lastAdmin === owner.uid ? owner.token : second.token;
    expectProblem(await call("DELETE", `/orgs/${orgId}/members/${lastAdmin}`, { token }), 409);
    expectProblem(await call("PATCH", `/orgs/${orgId}/members/${lastAdmin}`, { token, body: { role: "viewer" } }), 409);
  });
});

describe("API keys", () => {
  it("shows the key once, stores only its hash, records use, and stops working when revoked", async () => {
    const created = await call("POST", `/orgs/${w.orgId}/api-keys`, {
      token: w.admin.token,
      body: { name: "Importer", role: "service" },
    });
    expect(created.status).toBe(201);
    expect(created.body.key).toMatch(/^ftk_[A-Za-z0-9]{16}_[A-Za-z0-9_-]{32,}$/);
    expect(created.headers.get("cache-control")).toBe("no-store");
    const keyId = created.body.id as string;
    const stored = await db().doc(`orgs/${w.orgId}/apiKeys/${keyId}`).get();
    // The secret is everything after `ftk_<keyId>_`; it may itself hold underscores.
    expect(JSON.stringify(stored.data())).not.toContain((created.body.key as string).slice("ftk_".length + 16 + 1));
    expect(stored.get("hash")).toBeUndefined();

    const listed = await call("GET", `/orgs/${w.orgId}/api-keys`, { token: w.admin.token });
    const row = listed.body.data.find((k: { id: string }) => k.id === keyId);
    expect(row.key).toBeUndefined();
    expect(row.prefix).toBe(created.body.key.slice(0, 12));

    const issue = await call("POST", `/orgs/${w.orgId}/issues`, {
      token: created.body.key,
      body: { title: "Logged by a service" },
    });
    expect(issue.status).toBe(201);
    expect(issue.body).toMatchObject({ source: "service", reporter: { kind: "service", name: "Importer" } });
    expect(
      (await call("GET", `/orgs/${w.orgId}/api-keys/${keyId}`, { token: w.admin.token })).body.lastUsedAt,
    ).not.toBeNull();

    expectProblem(await call("GET", `/orgs/${w.otherOrgId}/issues`, { token: created.body.key }), 404);
    const tampered = created.body.key.slice(0, -2) + (created.body.key.endsWith("AA") ? "BB" : "AA");
    expectProblem(await call("GET", `/orgs/${w.orgId}/issues`, { token: tampered }), 401);

    const revoked = await call("DELETE", `/orgs/${w.orgId}/api-keys/${keyId}`, { token: w.admin.token });
    expect(revoked.body.revokedAt).not.toBeNull();
    expectProblem(await call("GET", `/orgs/${w.orgId}/issues`, { token: created.body.key }), 401);
    expectProblem(await call("DELETE", `/orgs/${w.orgId}/api-keys/nope`, { token: w.admin.token }), 404);
  });

  it.each(ACTORS)("POST /orgs/{orgId}/api-keys as %s", async (actor) => {
    const before = (await db().collection(`orgs/${w.orgId}/apiKeys`).count().get()).data().count;
    const response = await call("POST", `/orgs/${w.orgId}/api-keys`, { token: w.token[actor], body: { name: "k" } });
    expect(response.status).toBe(adminOnly(201)[actor]);
    const after = (await db().collection(`orgs/${w.orgId}/apiKeys`).count().get()).data().count;
    expect(after - before).toBe(response.status === 201 ? 1 : 0);
  });

  it("makes every key a service, whatever its role: its issues and comments carry source service", async () => {
    const created = await call("POST", `/orgs/${w.orgId}/api-keys`, {
      token: w.admin.token,
      body: { name: "Triage bot", role: "agent" },
    });
    const issue = await call("POST", `/orgs/${w.orgId}/issues`, {
      token: created.body.key,
      body: { title: "Logged by an agent-role key" },
    });
    expect(issue.status).toBe(201);
    expect(issue.body).toMatchObject({ source: "service", reporter: { kind: "service", name: "Triage bot" } });
    const comment = await call("POST", `/orgs/${w.orgId}/issues/${issue.body.id}/comments`, {
      token: created.body.key,
      body: { body: "Seen again" },
    });
    expect(comment.body).toMatchObject({ source: "service", author: { kind: "service" } });
  });

  it("refuses bad key input", async () => {
    expectProblem(
      await call("POST", `/orgs/${w.orgId}/api-keys`, { token: w.admin.token, body: { name: "k", role: "admin" } }),
      422,
    );
    expectProblem(await call("POST", `/orgs/${w.orgId}/api-keys`, { token: w.admin.token, body: {} }), 422);
  });
});
