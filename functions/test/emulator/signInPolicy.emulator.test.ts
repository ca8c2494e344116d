/**
 * SIGN_IN_DOMAINS through the Auth emulator, which calls the deployed blocking
 * functions: sign-ups and sign-ins from outside the admitted domains get no token.
 * The test run sets its own list (scripts/lib/testFunctions.mjs: acme.test, client.test, globex.test, example.test);
 * the demo admits anyone.
 */
import { randomUUID } from "node:crypto";
import { getAuth } from "firebase-admin/auth";
import { describe, expect, it } from "vitest";

const AUTH_HOST = process.env.FIREBASE_AUTH_EMULATOR_HOST ?? "127.0.0.1:9099";

async function identity(method: "signUp" | "signInWithPassword", email: string, password: string) {
  const response = await fetch(
    `http://${AUTH_HOST}/identitytoolkit.googleapis.com/v1/accounts:${method}?key=demo-key`,
    {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password, returnSecureToken: true }),
    },
  );
  return {
    status: response.status,
    body: (await response.json()) as { idToken?: string; error?: { message: string } },
  };
}

describe("sign-in domains", () => {
  it("refuses a sign-up from a domain outside the list (beforeUserCreated), and makes no account", async () => {
    const email = `mallory-${randomUUID().slice(0, 8)}@outsider.test`;
    const answer = await identity("signUp", email, "secret-pass");
    expect(answer.status).toBe(400);
    expect(answer.body.idToken).toBeUndefined();
    expect(answer.body.error?.message).toContain("Accounts from outsider.test may not sign in here");
    await expect(getAuth().getUserByEmail(email)).rejects.toMatchObject({ code: "auth/user-not-found" });
  });

  it("refuses a sign-in of an existing account outside the list (beforeUserSignedIn)", async () => {
    const email = `eve-${randomUUID().slice(0, 8)}@outsider.test`;
    await getAuth().createUser({ email, password: "secret-pass" });
    const answer = await identity("signInWithPassword", email, "secret-pass");
    expect(answer.status).toBe(400);
    expect(answer.body.idToken).toBeUndefined();
    expect(answer.body.error?.message).toContain("PERMISSION_DENIED");
  });

  it("admits a listed domain and its subdomains, at sign-up and at sign-in", async () => {
    for (const domain of ["example.test", "eu.acme.test"]) {
      const email = `ada-${randomUUID().slice(0, 8)}@${domain}`;
      const created = await identity("signUp", email, "secret-pass");
      expect(created.body.idToken, JSON.stringify(created.body)).toBeDefined();
      const signedIn = await identity("signInWithPassword", email, "secret-pass");
      expect(signedIn.body.idToken).toBeDefined();
    }
  });

  it("does not admit a look-alike domain", async () => {
    const answer = await identity("signUp", `x-${randomUUID().slice(0, 8)}@notacme.test`, "secret-pass");
    expect(answer.body.idToken).toBeUndefined();
  });
});
