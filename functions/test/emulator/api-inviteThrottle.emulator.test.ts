/**
 * Invitations mail any address with a name the inviter chose, so they are throttled
 * (docs/security.md): per org and hour, per address and day (all orgs together), and
 * in the pending invitations an org holds. A refused invitation writes no invite and no mail.
 */
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { INVITE_LIMITS } from "../../src/domain";
import { addMember, call, db, expectProblem, newOrg, newUser, type TestUser } from "./helpers";

let admin: TestUser;
beforeAll(async () => {
  admin = await newUser("inviter");
});

const address = () => `invitee-${randomUUID().slice(0, 8)}@example.test`;
const invite = (orgId: string, email: string) =>
  call("POST", `/orgs/${orgId}/invites`, { token: admin.token, body: { email, role: "customer" } });
const mailTo = async (email: string) => (await db().collection("mail").where("to", "==", email).get()).size;

describe("invitation throttle", () => {
  it(`lets an org send ${INVITE_LIMITS.perOrgPerHour} invitations an hour, then answers 429 and mails nothing`, async () => {
    const orgId = await newOrg(admin, "Busy Inviter");
    for (let i = 0; i < INVITE_LIMITS.perOrgPerHour; i++) expect((await invite(orgId, address())).status).toBe(201);
    const extra = address();
    expectProblem(await invite(orgId, extra), 429);
    expect(await mailTo(extra)).toBe(0);
    expect((await db().collection(`orgs/${orgId}/invites`).where("email", "==", extra).get()).size).toBe(0);
  });

  it(`lets one address receive ${INVITE_LIMITS.perAddressPerDay} invitations a day from all orgs together`, async () => {
    const target = address();
    const orgs = await Promise.all(
      Array.from({ length: INVITE_LIMITS.perAddressPerDay + 1 }, (_, i) => newOrg(admin, `Org ${i}`)),
    );
    for (const orgId of orgs.slice(0, -1)) expect((await invite(orgId, target)).status).toBe(201);
    expectProblem(await invite(orgs.at(-1)!, target), 429);
    expect(await mailTo(target)).toBe(INVITE_LIMITS.perAddressPerDay);
  });

  it("answers an admin whose address is not verified 403 before anything is sent", async () => {
    const unverified = await newUser("sneaky", { emailVerified: false });
    const orgId = await newOrg(admin, "Sneaky Org");
    await addMember(orgId, unverified, "admin", { emailVerified: false });
    const target = address();
    const refused = await call("POST", `/orgs/${orgId}/invites`, {
      token: unverified.token,
      body: { email: target, role: "customer" },
    });
    expectProblem(refused, 403);
    expect(refused.body.code).toBe("email_not_verified");
    expect(await mailTo(target)).toBe(0);
  });
});
