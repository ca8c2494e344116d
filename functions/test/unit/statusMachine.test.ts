import { describe, expect, it } from "vitest";
import {
  STATUSES,
  allowedTargets,
  canTransition,
  decideTransition,
  isReopen,
  statusAfterComment,
  type Status,
} from "../../src/domain";

// The contract of docs/product.md, written out independently of the implementation's table.
const EXPECTED: Record<Status, Status[]> = {
  open: ["answered", "in_progress", "on_hold", "closed", "resolved"],
  answered: ["in_progress", "on_hold", "waiting_for_response", "closed", "resolved"],
  waiting_for_response: ["answered", "in_progress", "closed", "resolved"],
  on_hold: ["in_progress", "answered", "closed", "resolved"],
  in_progress: ["resolved", "on_hold", "waiting_for_response", "closed"],
  resolved: ["closed", "open"],
  closed: ["open"],
};

const pairs = STATUSES.flatMap((from) => STATUSES.map((to) => [from, to, EXPECTED[from].includes(to)] as const));

describe("status machine", () => {
  it("covers all 49 pairs", () => {
    expect(pairs).toHaveLength(49);
  });

  it.each(pairs)("%s → %s allowed: %s", (from, to, allowed) => {
    expect(canTransition(from, to)).toBe(allowed);
    const decision = decideTransition(from, to, "fixed it");
    expect(decision.ok).toBe(allowed);
    if (!decision.ok) {
      expect(decision.reason).toBe("not_allowed");
      expect([...decision.allowed].sort()).toEqual([...EXPECTED[from]].sort());
    }
  });

  it.each(STATUSES)("allowedTargets(%s) is exactly the contract's list", (from) => {
    expect([...allowedTargets(from)].sort()).toEqual([...EXPECTED[from]].sort());
  });

  it("never allows a move to the same status", () => {
    for (const status of STATUSES) expect(canTransition(status, status)).toBe(false);
  });

  it.each(["open", "answered", "in_progress", "on_hold", "waiting_for_response"] as const)(
    "resolving from %s needs notes",
    (from) => {
      expect(decideTransition(from, "resolved")).toMatchObject({ ok: false, reason: "resolution_notes_required" });
      expect(decideTransition(from, "resolved", "   ")).toMatchObject({
        ok: false,
        reason: "resolution_notes_required",
      });
      expect(decideTransition(from, "resolved", "replaced the cable")).toMatchObject({ ok: true });
    },
  );

  it("knows a reopen", () => {
    // Exactly two of the 49 pairs are reopens.
    const reopens = STATUSES.flatMap((from) =>
      STATUSES.filter((to) => isReopen(from, to)).map((to) => `${from}→${to}`),
    );
    expect(reopens).toEqual(["resolved→open", "closed→open"]);
  });
});

describe("automatic moves on comments", () => {
  const base = { internal: false, firstPublicMemberReply: false } as const;

  it("the first public member reply answers an open issue", () => {
    expect(statusAfterComment({ ...base, status: "open", authorKind: "member", firstPublicMemberReply: true })).toBe(
      "answered",
    );
  });

  it("a later member reply, an internal one, or one on another status moves nothing", () => {
    expect(statusAfterComment({ ...base, status: "open", authorKind: "member" })).toBeNull();
    expect(
      statusAfterComment({ status: "open", authorKind: "member", internal: true, firstPublicMemberReply: true }),
    ).toBeNull();
    expect(
      statusAfterComment({ ...base, status: "in_progress", authorKind: "member", firstPublicMemberReply: true }),
    ).toBeNull();
  });

  it("a customer reply resumes a waiting issue and reopens a resolved one", () => {
    expect(statusAfterComment({ ...base, status: "waiting_for_response", authorKind: "customer" })).toBe("in_progress");
    expect(statusAfterComment({ ...base, status: "resolved", authorKind: "customer" })).toBe("open");
  });

  it.each(["open", "answered", "in_progress", "on_hold", "closed"] as const)(
    "a customer reply on %s moves nothing",
    (status) => {
      expect(statusAfterComment({ ...base, status, authorKind: "customer" })).toBeNull();
    },
  );

  it("services never move an issue by commenting", () => {
    expect(
      statusAfterComment({ ...base, status: "open", authorKind: "service", firstPublicMemberReply: true }),
    ).toBeNull();
    expect(statusAfterComment({ ...base, status: "resolved", authorKind: "service" })).toBeNull();
  });
});
