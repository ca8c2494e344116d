import { describe, expect, it } from "vitest";
import {
  decideSignIn,
  isStaffRole,
  mayHoldStaffRole,
  parseSignInDomains,
  signInRefusalMessage,
} from "../../src/domain";
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
  const event = (email: string | undefined) =>
    ({ eventType: "providers/cloud.auth/eventTypes/user.beforeSignIn:password", data: { email } }) as never;

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

describe("staffDomains", () => {
  const verified = (email: string | null) => ({ email, emailVerified: true });
  it("admits to a staff role only a verified address of a listed domain or its subdomains", () => {
    expect(mayHoldStaffRole(verified("ada@acme.test"), ["acme.test"])).toBe(true);
    expect(mayHoldStaffRole(verified("ada@eu.acme.test"), ["acme.test"])).toBe(true);
    expect(mayHoldStaffRole(verified("ada@notacme.test"), ["acme.test"])).toBe(false);
    expect(mayHoldStaffRole({ email: "ada@acme.test", emailVerified: false }, ["acme.test"])).toBe(false);
    expect(mayHoldStaffRole(verified(null), ["acme.test"])).toBe(false);
  });

  it("asks only for a verified address when the org lists no staff domains", () => {
    expect(mayHoldStaffRole(verified("ada@anywhere.example"), [])).toBe(true);
    expect(mayHoldStaffRole({ email: "ada@anywhere.example", emailVerified: false }, [])).toBe(false);
  });

  it("counts admins, agents, reporters and viewers as staff, customers not", () => {
    expect(["admin", "agent", "reporter", "viewer", "customer"].map(isStaffRole)).toEqual([
      true,
      true,
      true,
      true,
      false,
    ]);
  });
});
