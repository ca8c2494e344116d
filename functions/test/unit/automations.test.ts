import { describe, expect, it } from "vitest";
import { automationsOf, DAY_MS, isDueForAutoClose, roundRobinPicks, type PoolMember } from "../../src/domain";

const m = (uid: string, role: string | null = "agent"): PoolMember => ({ uid, role, name: uid.toUpperCase() });

describe("roundRobinPicks", () => {
  const pool = [m("a"), m("b", "reporter"), m("c"), m("d", null), m("e", "admin")];

  it("hands out in pool order, skipping members who left or lost their role", () => {
    expect(roundRobinPicks(pool, null, 5).picks.map((p) => p.uid)).toEqual(["a", "c", "e", "a", "c"]);
  });

  it.each([
    ["a", ["c", "e", "a"]],
    ["c", ["e", "a", "c"]],
    ["e", ["a", "c", "e"]],
    // The last pick was demoted since: the turn goes on after their place.
    ["b", ["c", "e", "a"]],
    ["d", ["e", "a", "c"]],
    // Someone no longer in the pool: from the top.
    ["zz", ["a", "c", "e"]],
  ])("after %s the next three are %j", (last, expected) => {
    const turns = roundRobinPicks(pool, last, 3);
    expect(turns.picks.map((p) => p.uid)).toEqual(expected);
    expect(turns.lastUid).toBe(expected[2]);
  });

  it("picks nobody from a pool without staff, and keeps the cursor", () => {
    expect(roundRobinPicks([m("b", "reporter"), m("d", null)], "b", 2)).toEqual({ picks: [], lastUid: "b" });
    expect(roundRobinPicks(pool, "a", 0)).toEqual({ picks: [], lastUid: "a" });
  });
});

describe("isDueForAutoClose", () => {
  const resolved = { status: "resolved", resolvedAt: 1_000, deleted: false };
  it.each([
    [resolved, null, 3, 1_000 + 3 * DAY_MS, true],
    [resolved, null, 3, 1_000 + 3 * DAY_MS - 1, false],
    [resolved, 1_000 + DAY_MS, 3, 1_000 + 3 * DAY_MS, false],
    [resolved, null, null, 1_000 + 300 * DAY_MS, false],
    [{ ...resolved, status: "closed" }, null, 3, 1_000 + 9 * DAY_MS, false],
    [{ ...resolved, deleted: true }, null, 3, 1_000 + 9 * DAY_MS, false],
  ])("%j, last customer reply %s, wait %s days, at %s → %s", (issue, reply, days, now, due) => {
    expect(isDueForAutoClose(issue, reply, days, now)).toBe(due);
  });
});

describe("automationsOf", () => {
  it("reads stored settings leniently, defaulting anything malformed to off", () => {
    expect(automationsOf(undefined)).toEqual({ autoCloseAfterDays: null, assignment: { mode: "none", pool: [] } });
    expect(automationsOf({ autoCloseAfterDays: "x", assignment: { mode: "round_robin", pool: ["a"] } })).toEqual({
      autoCloseAfterDays: null,
      assignment: { mode: "round_robin", pool: ["a"] },
    });
    expect(automationsOf({ autoCloseAfterDays: 5, assignment: { mode: "weird", pool: 3 } })).toEqual({
      autoCloseAfterDays: 5,
      assignment: { mode: "none", pool: [] },
    });
  });
});
