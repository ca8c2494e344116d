/**
 * Client intake: who a non-member may be let in as, and that the joining waits for the
 * route (api/intakeAccess.ts, with fakes for its Firestore edges).
 */
import { describe, expect, it } from "vitest";
import { intakeGrant, intakeTarget, isOrgSlug, slugAlternatives, type OrgSettings } from "../../src/domain";
import type { Caller } from "../../src/api/auth";
import { ApiError } from "../../src/api/errors";
import { intakeAccess, type IntakeDeps } from "../../src/api/intakeAccess";
import type { OrgAccess } from "../../src/api/orgAccess";
import { DomainError } from "../../src/domain";
import { defaultOrgSettings } from "../../src/store/orgs";

describe("intakeGrant", () => {
  const person = (email: string | null, emailVerified: boolean) => ({ email, emailVerified });
  it.each([
    [
      "public intake admits anyone signed in",
      { publicIntake: true, autoJoinDomains: [] },
      person(null, false),
      "publicIntake",
    ],
    [
      "a verified address in a listed domain",
      { publicIntake: false, autoJoinDomains: ["acme.test"] },
      person("ann@acme.test", true),
      "autoJoinDomain",
    ],
    [
      "an unverified address in a listed domain",
      { publicIntake: false, autoJoinDomains: ["acme.test"] },
      person("ann@acme.test", false),
      null,
    ],
    [
      "a verified address in another domain",
      { publicIntake: false, autoJoinDomains: ["acme.test"] },
      person("ann@evil.test", true),
      null,
    ],
    [
      "a subdomain is another domain",
      { publicIntake: false, autoJoinDomains: ["acme.test"] },
      person("ann@mail.acme.test", true),
      null,
    ],
    ["no address at all", { publicIntake: false, autoJoinDomains: ["acme.test"] }, person(null, true), null],
    ["a closed org", { publicIntake: false, autoJoinDomains: [] }, person("ann@acme.test", true), null],
  ] as const)("%s", (_name, policy, who, expected) => {
    expect(intakeGrant(policy, who)).toBe(expected);
  });
});

describe("intakeAccess", () => {
  const stranger: Caller = { kind: "user", uid: "u-1", email: "ann@acme.test", emailVerified: true, name: "Ann" };
  const member: OrgAccess = { orgId: "org", role: "agent", actor: { uid: "u-1", name: "Ann", kind: "member" } };

  function fakes(
    options: { access?: OrgAccess | null; settings?: Partial<OrgSettings> | null; alreadyMember?: boolean } = {},
  ) {
    const joined: string[] = [];
    const profiles: string[] = [];
    const deps: IntakeDeps = {
      resolveOrgAccess: async () => options.access ?? null,
      getOrgSettings: async () => (options.settings === null ? null : { ...defaultOrgSettings(), ...options.settings }),
      addCustomer: async (orgId, who) => {
        if (options.alreadyMember) throw new DomainError("already_member");
        joined.push(`${orgId}/${who.uid}/${who.email}/${who.emailVerified}`);
      },
      recordProfile: async (who) => {
        profiles.push(`${who.uid}/${who.emailVerified}`);
      },
    };
    return { deps, joined, profiles };
  }

  const notFound = (err: unknown) => err instanceof ApiError && err.status === 404;

  it("gives a member their own access, with nothing to join", async () => {
    const { deps, joined } = fakes({ access: member, settings: { publicIntake: true } });
    const access = await intakeAccess(stranger, "org", deps);
    expect(access).toBe(member);
    expect(access.admit).toBeUndefined();
    expect(joined).toEqual([]);
  });

  it("lets a newcomer in as a customer to be, and joins them only when the route admits them", async () => {
    const { deps, joined, profiles } = fakes({ settings: { publicIntake: true } });
    const access = await intakeAccess(stranger, "org", deps);
    expect(access).toMatchObject({
      orgId: "org",
      role: "customer",
      actor: { uid: "u-1", name: "Ann", kind: "customer" },
    });
    expect(joined).toEqual([]);
    await access.admit!();
    expect(joined).toEqual(["org/u-1/ann@acme.test/true"]);
    expect(profiles).toEqual(["u-1/true"]);
  });

  it("treats a concurrent first request that joined already as done", async () => {
    const { deps } = fakes({ settings: { publicIntake: true }, alreadyMember: true });
    await expect((await intakeAccess(stranger, "org", deps)).admit!()).resolves.toBeUndefined();
  });

  it.each<[string, Parameters<typeof fakes>[0], Caller]>([
    ["a closed org", { settings: {} }, stranger],
    ["an org that does not exist", { settings: null }, stranger],
    [
      "an unverified address in an auto-join domain",
      { settings: { autoJoinDomains: ["acme.test"] } },
      { ...stranger, emailVerified: false },
    ],
    [
      "an API key of another org",
      { settings: { publicIntake: true } },
      { kind: "apiKey", uid: "apikey:k", keyId: "k", orgId: "other", role: "service", name: "Bot" },
    ],
    [
      "a service account not listed",
      { settings: { publicIntake: true } },
      { kind: "serviceAccount", uid: "sa:x", email: "x@y.iam.gserviceaccount.com", name: "x" },
    ],
  ])("answers 404 to %s, joining nobody", async (_name, options, caller) => {
    const { deps, joined } = fakes(options);
    await expect(intakeAccess(caller, "org", deps)).rejects.toSatisfy(notFound);
    expect(joined).toEqual([]);
  });
});

describe("intakeTarget: where /raise/{slug} leads", () => {
  const open = { publicIntake: true, autoJoinDomains: [] };
  const closed = { publicIntake: false, autoJoinDomains: [] };
  const ann = { email: "ann@acme.test", emailVerified: true };
  const candidate = (
    orgId: string,
    policy: { publicIntake: boolean; autoJoinDomains: string[] },
    role: string | null = null,
  ) => ({ orgId, policy, role });

  it("leads to the org that takes the caller in", () => {
    expect(intakeTarget(candidate("a", open), ann)?.orgId).toBe("a");
  });

  it("leads nowhere for a closed org the caller is no member of, nor for a slug that names no org", () => {
    expect(intakeTarget(candidate("a", closed), ann)).toBeNull();
    expect(intakeTarget(null, ann)).toBeNull();
  });

  it("leads a member to their closed org", () => {
    expect(intakeTarget(candidate("a", closed, "customer"), ann)).toMatchObject({ orgId: "a", role: "customer" });
  });

  it("admits a verified auto-join domain, not an unverified one", () => {
    const domain = candidate("a", { publicIntake: false, autoJoinDomains: ["acme.test"] });
    expect(intakeTarget(domain, ann)?.orgId).toBe("a");
    expect(intakeTarget(domain, { ...ann, emailVerified: false })).toBeNull();
  });
});

describe("slugAlternatives: what a 409 offers for a taken slug", () => {
  it("numbers the slug from 2, each a valid slug", () => {
    expect(slugAlternatives("acme", 3)).toEqual(["acme-2", "acme-3", "acme-4"]);
  });
  it("cuts a long base so the alternative stays within 50 characters and valid", () => {
    const long = `${"a".repeat(47)}-bc`;
    for (const alt of slugAlternatives(long)) {
      expect(alt.length).toBeLessThanOrEqual(50);
      expect(isOrgSlug(alt)).toBe(true);
    }
    expect(slugAlternatives(long)[0]).toBe(`${"a".repeat(47)}-2`);
  });
});
