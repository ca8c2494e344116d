/**
 * Invitations replace adding people by address (issue 8): the answer is the same
 * whether or not the address has an account, a mail carries the link, and only the
 * owner of the address (a verified sign-in) can accept.
 */
import { randomUUID } from "node:crypto";
import { getAuth } from "firebase-admin/auth";
import { Timestamp } from "firebase-admin/firestore";
import { beforeAll, describe, expect, it } from "vitest";
import { call, db, expectProblem, newUser, signIn, type TestUser } from "./helpers";
import { buildWorld, type World } from "./world";

let w: World;
beforeAll(async () => {
  w = await buildWorld("Invites World");
});

const invite = (body: object, token = w.admin.token) => call("POST", `/orgs/${w.orgId}/invites`, { token, body });
const accept = (inviteId: string, token: string | undefined) =>
  call("POST", `/invites/${inviteId}/accept`, { token, body: {} });
const mailsFor = async (inviteId: string) =>
  (await db().collection("mail").where("inviteId", "==", inviteId).get()).docs.map(
    (doc) => doc.data() as { to: string; message: { subject: string; text: string; html: string } },
  );
const inviteDocs = async (email: string) =>
  (await db().collection(`orgs/${w.orgId}/invites`).where("email", "==", email).get()).docs;

describe("inviting", () => {
  it("answers the same whether or not the address has an account, and mails a link to the web app", async () => {
    const withAccount = await newUser("known");
    const nobody = `nobody-${randomUUID().slice(0, 8)}@example.test`;
    const [known, unknown] = await Promise.all([
      invite({ email: withAccount.email, role: "agent" }),
      invite({ email: nobody.toUpperCase(), role: "agent" }),
    ]);
    expect([known.status, unknown.status]).toEqual([201, 201]);
    for (const [response, email] of [
      [known, withAccount.email],
      [unknown, nobody],
    ] as const) {
      expect(Object.keys(response.body).sort()).toEqual(["email", "expiresAt", "id", "role"]);
      expect(response.body).toMatchObject({ email, role: "agent" });
      const days = (Date.parse(response.body.expiresAt) - Date.now()) / 86_400_000;
      expect(days).toBeGreaterThan(6.9);
      expect(days).toBeLessThanOrEqual(7);
      const [mail, ...more] = await mailsFor(response.body.id);
      expect(more).toEqual([]);
      expect(mail!.to).toBe(email);
      expect(mail!.message.subject).toContain("Invites World");
      expect(mail!.message.text).toContain(`http://127.0.0.1:5000/invites/${response.body.id}`);
      expect(mail!.message.html).toContain(`href="http://127.0.0.1:5000/invites/${response.body.id}"`);
    }
    // Nothing about the account: no uid, no name, no membership.
    expect(JSON.stringify(known.body)).not.toContain(withAccount.uid);
    expect((await db().doc(`orgs/${w.orgId}/members/${withAccount.uid}`).get()).exists).toBe(false);
  });

  it("renews the pending invitation for an address instead of piling up, and mails it again", async () => {
    const email = `twice-${randomUUID().slice(0, 8)}@example.test`;
    const first = await invite({ email, role: "viewer" });
    const second = await invite({ email, role: "reporter" });
    expect(second.status).toBe(201);
    expect(second.body.id).toBe(first.body.id);
    expect(Date.parse(second.body.expiresAt)).toBeGreaterThanOrEqual(Date.parse(first.body.expiresAt));
    const docs = await inviteDocs(email);
    expect(docs).toHaveLength(1);
    expect(docs[0]!.data()).toMatchObject({ email, role: "reporter", invitedBy: w.admin.uid, acceptedAt: null });
    expect(await mailsFor(first.body.id)).toHaveLength(2);
  });

  it("refuses a member's address, a service role, a bad address and anyone but an admin, writing nothing", async () => {
    expectProblem(await invite({ email: w.agent.email, role: "admin" }), 409);
    expectProblem(await invite({ email: w.customer.email.toUpperCase(), role: "agent" }), 409);
    const email = `refused-${randomUUID().slice(0, 8)}@example.test`;
    for (const body of [
      { email, role: "service" },
      { email, role: "owner" },
      { email: "not an address", role: "agent" },
      { email },
      { email, role: "agent", uid: "x" },
    ]) {
      expectProblem(await invite(body), 422);
    }
    expectProblem(await invite({ email, role: "agent" }, w.agent.token), 403);
    expectProblem(await invite({ email, role: "agent" }, w.serviceKey), 403);
    expectProblem(await invite({ email, role: "agent" }, w.outsider.token), 404);
    expect(await inviteDocs(email)).toEqual([]);
  });

  it("lists invitations with their state for admins, and revokes them", async () => {
    const email = `listed-${randomUUID().slice(0, 8)}@example.test`;
    const created = (await invite({ email, role: "agent" })).body;
    const listed = await call("GET", `/orgs/${w.orgId}/invites`, { token: w.admin.token });
    expect(listed.status).toBe(200);
    expect(listed.body.data.find((i: { id: string }) => i.id === created.id)).toEqual({
      ...created,
      invitedBy: w.admin.uid,
      createdAt: expect.any(String),
      acceptedAt: null,
      status: "pending",
    });
    expectProblem(await call("GET", `/orgs/${w.orgId}/invites`, { token: w.agent.token }), 403);
    expectProblem(await call("DELETE", `/orgs/${w.orgId}/invites/${created.id}`, { token: w.agent.token }), 403);
    expect((await call("DELETE", `/orgs/${w.orgId}/invites/${created.id}`, { token: w.admin.token })).status).toBe(204);
    expect(await inviteDocs(email)).toEqual([]);
    expectProblem(await call("DELETE", `/orgs/${w.orgId}/invites/${created.id}`, { token: w.admin.token }), 404);
  });
});

describe("accepting", () => {
  let person: TestUser;
  let inviteId: string;

  beforeAll(async () => {
    // Signed up but has not verified the address yet.
    person = await newUser("invitee", { emailVerified: false });
    inviteId = (await invite({ email: person.email, role: "agent" })).body.id;
  });

  it("shows nothing to, and accepts nothing from, an address Auth has not verified", async () => {
    const me = await call("GET", "/me", { token: person.token });
    expect(me.body.invites).toEqual([]);
    // An unverified account may call GET /me and nothing else.
    expectProblem(await accept(inviteId, person.token), 403);
    expect((await db().doc(`orgs/${w.orgId}/members/${person.uid}`).get()).exists).toBe(false);
  });

  it("gives everyone but the addressee a 404", async () => {
    for (const token of [w.admin.token, w.agent.token, w.customer.token, w.outsider.token, w.serviceKey]) {
      expectProblem(await accept(inviteId, token), 404);
    }
    expectProblem(await accept(inviteId, undefined), 401);
    expectProblem(await accept("no-such-invite", w.outsider.token), 404);
    expect((await inviteDocs(person.email))[0]!.get("acceptedAt")).toBeNull();
  });

  it("lists the invitation in GET /me once the address is verified, and makes the addressee a member", async () => {
    await getAuth().updateUser(person.uid, { emailVerified: true });
    person.token = await signIn(person.email);
    const me = await call("GET", "/me", { token: person.token });
    expect(me.body.invites).toEqual([
      { id: inviteId, orgId: w.orgId, orgName: "Invites World", role: "agent", expiresAt: expect.any(String) },
    ]);
    expect(me.body.memberships).toEqual([]);
    // GET /me records what Auth says about the address: mail may go there now.
    expect((await db().doc(`users/${person.uid}`).get()).data()).toMatchObject({
      email: person.email,
      emailVerified: true,
    });

    const accepted = await accept(inviteId, person.token);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toEqual({ orgId: w.orgId, orgName: "Invites World", role: "agent" });
    const member = await db().doc(`orgs/${w.orgId}/members/${person.uid}`).get();
    expect(member.data()).toMatchObject({ uid: person.uid, orgId: w.orgId, role: "agent", displayName: person.name });
    expect(member.get("email")).toBeUndefined();
    expect((await db().doc(`orgs/${w.orgId}/memberEmails/${person.uid}`).get()).data()).toMatchObject({
      email: person.email,
      emailVerified: true,
    });
    expect((await inviteDocs(person.email))[0]!.get("acceptedAt")).toBeInstanceOf(Timestamp);

    const after = await call("GET", "/me", { token: person.token });
    expect(after.body.invites).toEqual([]);
    expect(after.body.memberships).toEqual([{ orgId: w.orgId, orgName: "Invites World", role: "agent" }]);
    // The new agent works the queue.
    expect((await call("GET", `/orgs/${w.orgId}/issues`, { token: person.token })).status).toBe(200);
    // A retried accept answers the same; the admin sees the invitation accepted and cannot revoke it.
    expect((await accept(inviteId, person.token)).body).toEqual(accepted.body);
    const listed = await call("GET", `/orgs/${w.orgId}/invites`, { token: w.admin.token });
    expect(listed.body.data.find((i: { id: string }) => i.id === inviteId)).toMatchObject({
      status: "accepted",
      acceptedAt: expect.any(String),
    });
    expectProblem(await call("DELETE", `/orgs/${w.orgId}/invites/${inviteId}`, { token: w.admin.token }), 409);
    // Now a member: inviting the address again is a conflict.
    expectProblem(await invite({ email: person.email, role: "viewer" }), 409);
  });

  it("refuses an expired invitation to its addressee (409) and leaves it out of GET /me", async () => {
    const late = await newUser("late");
    const id = (await invite({ email: late.email, role: "viewer" })).body.id;
    await db()
      .doc(`orgs/${w.orgId}/invites/${id}`)
      .update({ expiresAt: Timestamp.fromMillis(Date.now() - 1000) });
    expect((await call("GET", "/me", { token: late.token })).body.invites).toEqual([]);
    expectProblem(await accept(id, late.token), 409);
    expect((await db().doc(`orgs/${w.orgId}/members/${late.uid}`).get()).exists).toBe(false);
    const listed = await call("GET", `/orgs/${w.orgId}/invites`, { token: w.admin.token });
    expect(listed.body.data.find((i: { id: string }) => i.id === id).status).toBe("expired");
    // Inviting again renews it.
    await invite({ email: late.email, role: "viewer" });
    expect((await accept(id, late.token)).status).toBe(200);
  });

  it("refuses a revoked invitation (404)", async () => {
    const revoked = await newUser("revoked");
    const id = (await invite({ email: revoked.email, role: "viewer" })).body.id;
    await call("DELETE", `/orgs/${w.orgId}/invites/${id}`, { token: w.admin.token });
    expectProblem(await accept(id, revoked.token), 404);
    expect((await db().doc(`orgs/${w.orgId}/members/${revoked.uid}`).get()).exists).toBe(false);
  });
});
