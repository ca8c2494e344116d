/**
 * Who may act at all (docs/security.md): an account whose address nobody verified may
 * read GET /me and nothing else; an account disabled in Auth, or whose sessions were
 * revoked, loses the API although its ID token has not expired; an org's staffDomains
 * decide who may hold a staff role there, while customers come from anywhere.
 */
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { join } from "node:path";
import { promisify } from "node:util";
import { getAuth } from "firebase-admin/auth";
import { beforeAll, describe, expect, it } from "vitest";
import {
  addMember,
  authTimeOf,
  call,
  db,
  expectProblem,
  newOrg,
  newUser,
  readAs,
  signIn,
  type TestUser,
} from "./helpers";
import { buildWorld, type World } from "./world";

let w: World;
beforeAll(async () => {
  w = await buildWorld("Accounts World");
});

describe("an unverified address", () => {
  it("reads GET /me, and is refused everything else with email_not_verified, changing nothing", async () => {
    const intruder = await newUser("intruder", { emailVerified: false });
    const me = await call("GET", "/me", { token: intruder.token });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ uid: intruder.uid, memberships: [] });

    const orgsBefore = (await db().collection("orgs").where("createdBy", "==", intruder.uid).get()).size;
    const attempts = [
      call("POST", "/orgs", { token: intruder.token, body: { name: "Intruder Inc" } }),
      call("POST", `/orgs/${w.orgId}/issues`, { token: intruder.token, body: { title: "Let me in" } }),
      call("GET", `/orgs/${w.orgId}/issues`, { token: intruder.token }),
    ];
    for (const response of await Promise.all(attempts)) {
      expectProblem(response, 403);
      expect(response.body.code).toBe("email_not_verified");
    }
    expect((await db().collection("orgs").where("createdBy", "==", intruder.uid).get()).size).toBe(orgsBefore);

    // Verified (a new token carries it): the same account acts.
    await getAuth().updateUser(intruder.uid, { emailVerified: true });
    const created = await call("POST", "/orgs", {
      token: await signIn(intruder.email),
      body: { name: "Verified Inc" },
    });
    expect(created.status).toBe(201);
  });

  it("keeps an unverified member out of the org they belong to", async () => {
    // A member whose address Auth later marks unverified (e.g. the address was changed).
    await getAuth().updateUser(w.agent.uid, { emailVerified: false });
    try {
      const token = await signIn(w.agent.email);
      expectProblem(await call("GET", `/orgs/${w.orgId}/issues`, { token }), 403);
    } finally {
      await getAuth().updateUser(w.agent.uid, { emailVerified: true });
    }
  });
});

describe("disabled and revoked accounts", () => {
  it("refuses a disabled account's still-valid token with 401", async () => {
    const person = await newUser("leaver");
    await getAuth().updateUser(person.uid, { disabled: true });
    expectProblem(await call("GET", "/me", { token: person.token }), 401);
  });

  it("refuses a token issued before the sessions were revoked, and takes one from a new sign-in", async () => {
    const person = await newUser("revoked");
    // auth_time has whole seconds: the revocation must come in a later second than the sign-in.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await getAuth().revokeRefreshTokens(person.uid);
    expectProblem(await call("GET", "/me", { token: person.token }), 401);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const fresh = await signIn(person.email);
    expect((await call("GET", "/me", { token: fresh })).status).toBe(200);
  });
});

const markerOf = async (path: string) => (await db().doc(path).get()).get("sessionsValidAfter") as number | undefined;

describe("revocation reaches the security rules", () => {
  /** An agent of the world's org and a customer of another, with a profile and a notification. */
  async function member(label: string): Promise<{ person: TestUser; ownOrg: string }> {
    const person = await newUser(label);
    await addMember(w.orgId, person, "agent");
    // Made without the person's own token: the API would remember their session as standing for a minute.
    const ownOrg = await newOrg(w.admin, `${label} second org`);
    await addMember(ownOrg, person, "customer");
    await db().doc(`users/${person.uid}`).set({ displayName: person.name });
    await db().doc(`users/${person.uid}/notifications/n1`).set({ type: "assigned", orgId: w.orgId, read: false });
    return { person, ownOrg };
  }
  /** The marker stands on each of the person's memberships and on their profile. */
  async function expectMarkers(uid: string, ownOrg: string, validAfter: number) {
    for (const path of [`orgs/${w.orgId}/members/${uid}`, `orgs/${ownOrg}/members/${uid}`, `users/${uid}`])
      expect(await markerOf(path), path).toBe(validAfter);
  }
  const reads = (uid: string, ownOrg: string) => [
    `orgs/${w.orgId}`,
    `orgs/${w.orgId}/members/${uid}`,
    `orgs/${ownOrg}`,
    `users/${uid}`,
    `users/${uid}/notifications/n1`,
  ];

  it("the operator's script disables an account: its still-valid token reads nothing, in every org; enabled and signed in again, it reads", async () => {
    const { person, ownOrg } = await member("disabled-by-operator");
    for (const path of reads(person.uid, ownOrg)) expect(await readAs(person.token, path), path).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1100)); // auth_time has whole seconds

    const script = (...args: string[]) =>
      promisify(execFile)(process.execPath, [join(__dirname, "../../../scripts/user-access.mjs"), ...args], {
        env: process.env,
      });
    const done = await script("disable", person.email);
    expect(done.stdout).toContain(`${person.uid} is disabled`);
    expect(done.stdout).not.toContain(person.email);
    const validAfter = Math.floor(Date.parse((await getAuth().getUser(person.uid)).tokensValidAfterTime!) / 1000);
    expect(validAfter).toBeGreaterThan(authTimeOf(person.token));
    await expectMarkers(person.uid, ownOrg, validAfter);
    for (const path of reads(person.uid, ownOrg)) expect(await readAs(person.token, path), path).toBe(403);
    expect((await getAuth().getUser(person.uid)).disabled).toBe(true);

    const misuse = await script("disable").catch((err: { code: number; stderr: string }) => err);
    expect(misuse).toMatchObject({ code: 2, stderr: expect.stringContaining("usage:") });

    expect((await script("enable", person.uid)).stdout).toContain("may sign in again");
    expect(await readAs(person.token, `orgs/${w.orgId}`)).toBe(403);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const fresh = await signIn(person.email);
    for (const path of reads(person.uid, ownOrg)) expect(await readAs(fresh, path), path).toBe(200);
  });

  it("the API writes the marker when it finds a session revoked in Auth directly, so the rules refuse that token too", async () => {
    const { person, ownOrg } = await member("revoked-in-console");
    await new Promise((resolve) => setTimeout(resolve, 1100));
    // As from the Firebase console: Auth only, no marker yet, and the rules still let the old token read.
    await getAuth().revokeRefreshTokens(person.uid);
    expect(await markerOf(`orgs/${w.orgId}/members/${person.uid}`)).toBeUndefined();
    expect(await readAs(person.token, `orgs/${w.orgId}`)).toBe(200);

    expectProblem(await call("GET", `/orgs/${w.orgId}/issues`, { token: person.token }), 401);
    const validAfter = Math.floor(Date.parse((await getAuth().getUser(person.uid)).tokensValidAfterTime!) / 1000);
    await expectMarkers(person.uid, ownOrg, validAfter);
    for (const path of reads(person.uid, ownOrg)) expect(await readAs(person.token, path), path).toBe(403);

    await new Promise((resolve) => setTimeout(resolve, 1100));
    const fresh = await signIn(person.email);
    expect((await call("GET", `/orgs/${w.orgId}/issues`, { token: fresh })).status).toBe(200);
    for (const path of reads(person.uid, ownOrg)) expect(await readAs(fresh, path), path).toBe(200);
  });

  it("the API marks a disabled account on its first refused request", async () => {
    const { person } = await member("disabled-in-console");
    await getAuth().updateUser(person.uid, { disabled: true });
    expectProblem(await call("GET", "/me", { token: person.token }), 401);
    expect(await markerOf(`orgs/${w.orgId}/members/${person.uid}`)).toBeGreaterThan(authTimeOf(person.token));
    expect(await readAs(person.token, `orgs/${w.orgId}/members/${person.uid}`)).toBe(403);
  });
});

describe("staff domains", () => {
  const settings = (body: object) => call("PATCH", `/orgs/${w.orgId}/settings`, { token: w.admin.token, body });
  const invite = (email: string, role: string) =>
    call("POST", `/orgs/${w.orgId}/invites`, { token: w.admin.token, body: { email, role } });
  const invitesTo = async (email: string) =>
    (await db().collection(`orgs/${w.orgId}/invites`).where("email", "==", email).get()).size;
  const mailTo = async (email: string) => (await db().collection("mail").where("to", "==", email).get()).size;

  it("refuses to invite a staff role outside the org's staff domains (422 on email), and invites a customer from anywhere", async () => {
    const staffDomain = `staff-${randomUUID().slice(0, 6)}.example.test`;
    const saved = await settings({ staffDomains: [staffDomain] });
    expect(saved.body.staffDomains).toEqual([staffDomain]);
    try {
      for (const role of ["admin", "agent", "reporter", "viewer"]) {
        const outsider = `someone-${randomUUID().slice(0, 6)}@elsewhere.example.test`;
        const refused = await invite(outsider, role);
        expectProblem(refused, 422);
        expect(refused.body.errors).toEqual([
          expect.objectContaining({ path: "email", code: "outside_staff_domains" }),
        ]);
        expect([await invitesTo(outsider), await mailTo(outsider)]).toEqual([0, 0]);
      }
      expect((await invite(`ana-${randomUUID().slice(0, 6)}@${staffDomain}`, "agent")).status).toBe(201);
      // A subdomain of a staff domain is the org's too; a look-alike is not.
      expect((await invite(`bo-${randomUUID().slice(0, 6)}@eu.${staffDomain}`, "viewer")).status).toBe(201);
      expectProblem(await invite(`cy-${randomUUID().slice(0, 6)}@not${staffDomain}`, "viewer"), 422);
      expect((await invite(`cora-${randomUUID().slice(0, 6)}@anywhere.example.test`, "customer")).status).toBe(201);
    } finally {
      await settings({ staffDomains: [] });
    }
  });

  it("checks the policy again at acceptance: a staff invitation sent before the policy changed is refused (403)", async () => {
    const domain = `join-${randomUUID().slice(0, 6)}.example.test`;
    const person = await newUser("joiner", { domain });
    const sent = await invite(person.email, "agent");
    expect(sent.status).toBe(201);
    await settings({ staffDomains: ["acme.test"] });
    try {
      const refused = await call("POST", `/invites/${sent.body.id}/accept`, { token: person.token, body: {} });
      expectProblem(refused, 403);
      expect((await db().doc(`orgs/${w.orgId}/members/${person.uid}`).get()).exists).toBe(false);
    } finally {
      await settings({ staffDomains: [] });
    }
    expect((await call("POST", `/invites/${sent.body.id}/accept`, { token: person.token, body: {} })).status).toBe(200);
  });

  it("refuses to promote a customer whose address is outside the staff domains (422 on role)", async () => {
    await settings({ staffDomains: ["acme.test"] });
    try {
      const refused = await call("PATCH", `/orgs/${w.orgId}/members/${w.customer.uid}`, {
        token: w.admin.token,
        body: { role: "agent" },
      });
      expectProblem(refused, 422);
      expect(refused.body.errors).toEqual([expect.objectContaining({ path: "role", code: "outside_staff_domains" })]);
      expect((await db().doc(`orgs/${w.orgId}/members/${w.customer.uid}`).get()).get("role")).toBe("customer");
    } finally {
      await settings({ staffDomains: [] });
    }
  });
});
