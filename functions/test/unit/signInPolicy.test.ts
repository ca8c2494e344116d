import { describe, expect, it } from "vitest";
import { decideSignIn, parseSignInDomains, signInRefusalMessage } from "../../src/domain";
import { enforceSignInDomains } from "../../src/identity/signInPolicy";

describe("SIGN_IN_DOMAINS", () => {
  it("parses a comma list, trimming, lower-casing, dropping blanks, @ and repeats", () => {
    expect(parseSignInDomains(" Acme.test, @client.test,,acme.test ,")).toEqual(["acme.test", "client.test"]);
    expect(parseSignInDomains("")).toEqual([]);
    expect(parseSignInDomains(undefined)).toEqual([]);
  });

  it.each([
    ["ada@acme.test", true],
    ["ADA@ACME.TEST", true],
    ["ada@eu.acme.test", true],
    ["ada@notacme.test", false],
    ["ada@acme.test.evil.test", false],
    ["ada@outsider.test", false],
  ])("admits %s: %s", (email, admitted) => {
    expect(decideSignIn(email, ["acme.test", "client.test"]).ok).toBe(admitted);
  });

  it("admits anyone, even without an address, when the list is empty", () => {
    expect(decideSignIn("ada@anything.example", [])).toEqual({ ok: true });
    expect(decideSignIn(null, [])).toEqual({ ok: true });
  });

  it("refuses an account without an address when there is a list", () => {
    expect(decideSignIn(undefined, ["acme.test"])).toEqual({ ok: false, reason: "no_email", domain: null });
    expect(decideSignIn("not-an-address", ["acme.test"])).toEqual({ ok: false, reason: "no_email", domain: null });
  });

  it("names the refused domain in the message", () => {
    const decision = decideSignIn("eve@outsider.test", ["acme.test"]);
    if (decision.ok) throw new Error("expected a refusal");
    expect(signInRefusalMessage(decision)).toContain("outsider.test");
  });
});

describe("the blocking functions' handler", () => {
  const event = (email: string | undefined) => ({ eventType: "providers/cloud.auth/eventTypes/user.beforeSignIn:password", data: { email } }) as never;

  it("lets an admitted address through, twice alike", () => {
    expect(() => enforceSignInDomains(event("ada@acme.test"), "acme.test")).not.toThrow();
    expect(() => enforceSignInDomains(event("ada@acme.test"), "acme.test")).not.toThrow();
  });

  it("throws permission-denied with the message the sign-in page shows", () => {
    const refuse = () => enforceSignInDomains(event("eve@outsider.test"), "acme.test");
    expect(refuse).toThrow(/outsider\.test may not sign in/);
    try {
      refuse();
    } catch (err) {
      expect((err as { code: string }).code).toBe("permission-denied");
    }
  });
});
