/**
 * What `updatedAt` means to a customer (docs/security.md, "What reaches customers"): the time of the
 * last change they can see. One fingerprint of what they see, kept with `publicUpdatedAt` by the
 * derived fields, decides it for the portal projection and the API alike.
 */
import { describe, expect, it } from "vitest";
import {
  blankFacts,
  customerFingerprint,
  customerIssueView,
  customerUpdatedAt,
  DEFAULT_SLA_POLICY,
  deriveServerFields,
  listOrder,
  withPatch,
  type IssueFacts,
} from "../../src/domain";

const T0 = Date.UTC(2026, 11, 1, 9, 0, 0);
const CONTEXT = { orgId: "acme", orgName: "Acme", issueId: "i1" };

/** An issue a customer raised, as the event core has handled it (fingerprint and publicUpdatedAt kept). */
function handled(overrides: Partial<IssueFacts> = {}): IssueFacts {
  const issue = blankFacts({
    title: "Invoice wrong",
    raisedByCustomer: true,
    createdAt: T0,
    updatedAt: T0,
    lastSeenAt: T0,
    resolution: null,
    ...overrides,
  });
  return withPatch(issue, deriveServerFields(issue, { now: T0, policy: DEFAULT_SLA_POLICY }));
}

describe("customerFingerprint", () => {
  it("is the same whatever form the times take", () => {
    const resolvedAt = T0 + 60_000;
    const ms = blankFacts({
      createdAt: T0,
      resolvedAt,
      resolution: { notes: "Fixed", by: null as never, at: resolvedAt },
    });
    const iso = {
      ...ms,
      createdAt: new Date(T0).toISOString(),
      resolvedAt: new Date(resolvedAt).toISOString(),
      resolution: { notes: "Fixed", at: new Date(resolvedAt).toISOString() },
    };
    const stamp = (at: number) => ({ toMillis: () => at });
    const stamps = {
      ...ms,
      createdAt: stamp(T0),
      resolvedAt: stamp(resolvedAt),
      resolution: { notes: "Fixed", at: stamp(resolvedAt) },
    };
    expect(customerFingerprint(iso as never)).toBe(customerFingerprint(ms));
    expect(customerFingerprint(stamps as never)).toBe(customerFingerprint(ms));
  });

  it.each([
    ["tags", { tags: ["vip"] }],
    ["watchers", { watchers: ["u9"] }],
    ["an internal note (all comments)", { commentCount: 3 }],
    ["the reporter's service", { fingerprint: "abc" }],
    ["who acted", { lastActor: { uid: "u1", name: "Sam", kind: "member" } }],
    ["the assignee's uid alone", { assignee: { uid: "u2", name: "Sam" } }],
  ] as const)("ignores %s", (_what, change) => {
    const base = blankFacts({ assignee: { uid: "u1", name: "Sam" } });
    expect(customerFingerprint({ ...base, ...change } as IssueFacts)).toBe(customerFingerprint(base));
  });

  it.each([
    ["the title", { title: "Other" }],
    ["the status", { status: "answered" }],
    ["a public reply (public comment count)", { publicCommentCount: 1 }],
    ["the assignee's name", { assignee: { uid: "u1", name: "Kim" } }],
  ] as const)("changes with %s", (_what, change) => {
    const base = blankFacts({ assignee: { uid: "u1", name: "Sam" } });
    expect(customerFingerprint({ ...base, ...change } as IssueFacts)).not.toBe(customerFingerprint(base));
  });
});

describe("publicUpdatedAt through the derived fields", () => {
  it("is set when the event core first sees the issue, and then derives to nothing", () => {
    const issue = handled();
    expect(issue.publicUpdatedAt).toBe(T0);
    expect(issue.publicFingerprint).toBe(customerFingerprint(issue));
    expect(deriveServerFields(issue, { now: T0 + 5, policy: DEFAULT_SLA_POLICY })).toEqual({});
  });

  it("an internal change moves the issue's updatedAt, not the customer's, before and after the event core runs", () => {
    const later = T0 + 3_600_000;
    const internal = { ...handled(), tags: ["vip"], commentCount: 4, updatedAt: later };
    expect(customerUpdatedAt(internal)).toBe(T0);
    expect(customerIssueView(internal, CONTEXT).updatedAt).toBe(T0);
    const patch = deriveServerFields(internal, { now: later, policy: DEFAULT_SLA_POLICY });
    expect(patch).not.toHaveProperty("publicUpdatedAt");
    expect(customerUpdatedAt(withPatch(internal, patch))).toBe(T0);
  });

  it("a change the customer sees moves theirs at once, and the event core records it", () => {
    const later = T0 + 3_600_000;
    const reply = { ...handled(), publicCommentCount: 1, commentCount: 1, updatedAt: later };
    expect(customerUpdatedAt(reply)).toBe(later);
    const patch = deriveServerFields(reply, { now: later, policy: DEFAULT_SLA_POLICY });
    expect(patch).toMatchObject({ publicUpdatedAt: later, publicFingerprint: customerFingerprint(reply) });
    expect(customerUpdatedAt(withPatch(reply, patch))).toBe(later);
  });

  it("a resolve counts with the resolvedAt the event core derives", () => {
    const later = T0 + 60_000;
    const resolved = { ...handled(), status: "resolved" as const, updatedAt: later };
    const patch = deriveServerFields(resolved, { now: later, policy: DEFAULT_SLA_POLICY });
    expect(patch).toMatchObject({ resolvedAt: later, publicUpdatedAt: later });
    expect(withPatch(resolved, patch).publicFingerprint).toBe(customerFingerprint(withPatch(resolved, patch)));
  });

  it("an issue from before the field existed reads its own updatedAt", () => {
    const old = blankFacts({ updatedAt: T0 + 9 });
    expect(customerUpdatedAt(old)).toBe(T0 + 9);
  });
});

describe("listOrder", () => {
  it("orders a customer's list by publicUpdatedAt, staff's by updatedAt, other sorts alike", () => {
    expect(listOrder("-updatedAt", { reporterUid: "c1" })).toEqual([{ field: "publicUpdatedAt", direction: "desc" }]);
    expect(listOrder("updatedAt", { reporterUid: "c1" })).toEqual([{ field: "publicUpdatedAt", direction: "asc" }]);
    expect(listOrder("-updatedAt", {})).toEqual([{ field: "updatedAt", direction: "desc" }]);
    expect(listOrder("-createdAt", { reporterUid: "c1" })).toEqual([{ field: "createdAt", direction: "desc" }]);
  });
});
