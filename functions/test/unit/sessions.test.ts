import { describe, expect, it } from "vitest";
import {
  accountRecordOf,
  accountStateOf,
  type AccountRecord,
  markerDue,
  markerToWrite,
  SESSION_CHECK_TTL_MS,
  sessionChecker,
  type AccountState,
} from "../../src/identity/sessions";

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

describe("accountRecordOf", () => {
  it("reads creation and latest sign-in, and null for an account that never signed in", () => {
    const record = accountRecordOf({
      disabled: false,
      tokensValidAfterTime: "Mon, 07 Dec 2026 14:30:05 GMT",
      metadata: { creationTime: "Mon, 07 Dec 2026 14:30:05 GMT", lastSignInTime: "Mon, 07 Dec 2026 15:00:00 GMT" },
    });
    expect(record).toEqual({
      disabled: false,
      validAfterMs: Date.UTC(2026, 11, 7, 14, 30, 5),
      createdMs: Date.UTC(2026, 11, 7, 14, 30, 5),
      lastSignInMs: Date.UTC(2026, 11, 7, 15),
    });
    expect(
      accountRecordOf({
        disabled: true,
        metadata: { creationTime: "Mon, 07 Dec 2026 14:30:05 GMT", lastSignInTime: null },
      }).lastSignInMs,
    ).toBeNull();
  });
});

describe("which marker the minute sweep writes", () => {
  const sec = (s: number) => s * 1000;
  const CREATED = 1_000; // seconds
  const SIGNED_IN = 2_000;
  const account = (over: Partial<AccountRecord>): AccountRecord => ({
    disabled: false,
    validAfterMs: sec(CREATED),
    createdMs: sec(CREATED) + 400,
    lastSignInMs: sec(SIGNED_IN) + 700,
    ...over,
  });
  const decide = (record: AccountRecord, stored: unknown) => markerToWrite(markerDue(record), stored);

  it.each([
    // [case, account, stored marker, marker written (null: none)]
    ["a fine account, never revoked since creation", account({}), undefined, null],
    ["a fine account with an old marker", account({}), 1_500, null],
    [
      "disabled, no marker yet: the second after the latest sign-in",
      account({ disabled: true }),
      undefined,
      SIGNED_IN + 1,
    ],
    ["disabled, the marker is there", account({ disabled: true }), SIGNED_IN + 1, null],
    ["disabled, the API's later marker stands", account({ disabled: true }), 4_000, null],
    ["disabled again after an enable and a new sign-in", account({ disabled: true }), SIGNED_IN, SIGNED_IN + 1],
    ["disabled, never signed in: no session to end", account({ disabled: true, lastSignInMs: null }), undefined, null],
    ["revoked after the marker: Auth's instant", account({ validAfterMs: sec(4_000) }), 3_000, 4_000],
    ["revoked, no marker yet", account({ validAfterMs: sec(4_000) + 900 }), undefined, 4_000],
    ["revoked before the marker already stored", account({ validAfterMs: sec(4_000) }), 4_000, null],
    ["revoked before a disable's later marker", account({ validAfterMs: sec(4_000) }), 4_500, null],
    ["revoked, never signed in", account({ validAfterMs: sec(4_000), lastSignInMs: null }), undefined, null],
    // Enabled again: the disable's marker stays and nothing new is due; a sign-in after it reads (the rules).
    ["enabled again after a disable", account({ lastSignInMs: sec(3_000) }), SIGNED_IN + 1, null],
    [
      "enabled again, revoked since",
      account({ lastSignInMs: sec(3_000), validAfterMs: sec(4_000) }),
      SIGNED_IN + 1,
      4_000,
    ],
    ["a marker that is not a number is no marker", account({ disabled: true }), "5000", SIGNED_IN + 1],
  ])("%s", (_case, record, stored, written) => {
    expect(decide(record, stored)).toBe(written);
  });

  it("ends every session: the marker lies past the latest sign-in, or at Auth's revocation instant", () => {
    const disabled = account({ disabled: true, lastSignInMs: sec(SIGNED_IN) + 999 });
    expect(markerDue(disabled)).toBeGreaterThan(SIGNED_IN);
    expect(markerDue(account({ validAfterMs: sec(4_000) + 999 }))).toBe(4_000);
  });

  it("writes each state once: what it wrote satisfies the next run", () => {
    for (const record of [account({ disabled: true }), account({ validAfterMs: sec(4_000) })]) {
      const written = decide(record, undefined);
      expect(written).not.toBeNull();
      expect(decide(record, written)).toBeNull();
    }
  });
});
