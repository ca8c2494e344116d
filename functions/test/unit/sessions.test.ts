import { describe, expect, it } from "vitest";
import { accountStateOf, SESSION_CHECK_TTL_MS, sessionChecker, type AccountState } from "../../src/identity/sessions";

/** A lookup that answers what `states` holds now, counting its calls. */
function fakeAuth(initial: AccountState | null) {
  const auth = { state: initial, lookups: 0 };
  const lookup = async () => {
    auth.lookups++;
    return auth.state;
  };
  return { auth, lookup };
}

const SIGNED_IN_AT = 1_000; // seconds

describe("sessionChecker", () => {
  it("asks Auth once per account within a minute, and sees a disable after the minute", async () => {
    const clock = { now: 0 };
    const { auth, lookup } = fakeAuth({ disabled: false, validAfterMs: 0 });
    const stands = sessionChecker(lookup, { now: () => clock.now });
    for (let i = 0; i < 50; i++) expect(await stands("u1", SIGNED_IN_AT)).toBe(true);
    expect(auth.lookups).toBe(1);
    auth.state = { disabled: true, validAfterMs: 0 };
    clock.now = SESSION_CHECK_TTL_MS - 1;
    expect(await stands("u1", SIGNED_IN_AT)).toBe(true);
    clock.now = SESSION_CHECK_TTL_MS;
    expect(await stands("u1", SIGNED_IN_AT)).toBe(false);
    expect(auth.lookups).toBe(2);
  });

  it("refuses a token signed in before the revocation, and accepts one signed in after it", async () => {
    const { lookup } = fakeAuth({ disabled: false, validAfterMs: 2_000_000 });
    const stands = sessionChecker(lookup);
    expect(await stands("u1", 1_999)).toBe(false);
    expect(await stands("u1", 2_000)).toBe(true);
    expect(await stands("u1", undefined)).toBe(false);
  });

  it("refuses an account that no longer exists", async () => {
    const stands = sessionChecker(fakeAuth(null).lookup);
    expect(await stands("gone", SIGNED_IN_AT)).toBe(false);
  });

  it("shares one lookup among concurrent requests, and does not remember a failed one", async () => {
    let calls = 0;
    let fail = true;
    const stands = sessionChecker(async () => {
      calls++;
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (fail) throw new Error("auth down");
      return { disabled: false, validAfterMs: 0 };
    });
    const first = await Promise.allSettled([stands("u1", SIGNED_IN_AT), stands("u1", SIGNED_IN_AT)]);
    expect(first.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    expect(calls).toBe(1);
    fail = false;
    expect(await stands("u1", SIGNED_IN_AT)).toBe(true);
    expect(calls).toBe(2);
  });

  it("reports a refusal once per looked-up state, with when the sessions ended; never an account that stands", async () => {
    const clock = { now: 5_000_000 };
    const reports: [string, number][] = [];
    const { auth, lookup } = fakeAuth({ disabled: false, validAfterMs: 2_000_000 });
    const stands = sessionChecker(lookup, {
      now: () => clock.now,
      onRefused: async (uid, validAfterSec) => {
        reports.push([uid, validAfterSec]);
      },
    });
    // Signed in after the revocation, or no token time to judge: nothing to report.
    expect(await stands("u1", 2_000)).toBe(true);
    expect(await stands("u1", undefined)).toBe(false);
    expect(reports).toEqual([]);
    // A token from before the revocation: reported once, however many requests it makes at once.
    const refused = await Promise.all([stands("u1", 1_999), stands("u1", 1_500), stands("u1", 1_999)]);
    expect(refused).toEqual([false, false, false]);
    expect(reports).toEqual([["u1", 2_000]]);
    // Disabled (seen after the minute): every session ends, one signed in during this very second included.
    auth.state = { disabled: true, validAfterMs: 2_000_000 };
    clock.now += SESSION_CHECK_TTL_MS;
    expect(await stands("u1", Math.floor(clock.now / 1000))).toBe(false);
    expect(reports).toEqual([
      ["u1", 2_000],
      ["u1", Math.floor(clock.now / 1000) + 1],
    ]);
  });

  it("refuses all the same when the report fails", async () => {
    const stands = sessionChecker(fakeAuth({ disabled: true, validAfterMs: 0 }).lookup, {
      onRefused: () => Promise.reject(new Error("firestore down")),
    });
    expect(await stands("u1", SIGNED_IN_AT)).toBe(false);
  });

  it("forgets the oldest accounts past maxEntries", async () => {
    const { auth, lookup } = fakeAuth({ disabled: false, validAfterMs: 0 });
    const stands = sessionChecker(lookup, { maxEntries: 2 });
    for (const uid of ["a", "b", "c", "a"]) await stands(uid, SIGNED_IN_AT);
    expect(auth.lookups).toBe(4);
  });
});

describe("accountStateOf", () => {
  it("reads Auth's record down to whole seconds, as auth_time has them", () => {
    expect(accountStateOf({ disabled: false, tokensValidAfterTime: "Mon, 07 Dec 2026 14:30:05 GMT" })).toEqual({
      disabled: false,
      validAfterMs: Date.UTC(2026, 11, 7, 14, 30, 5),
    });
    expect(accountStateOf({ disabled: true })).toEqual({ disabled: true, validAfterMs: 0 });
  });
});
