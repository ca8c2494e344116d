/**
 * Whether a person's sessions still stand: Firebase Auth's `disabled` flag and the time
 * their refresh tokens were revoked (`tokensValidAfterTime`). A verified ID token stays
 * valid for up to an hour after either, so the API asks Auth, but at most once a minute
 * per account and instance: access ends within a minute without a round trip per request
 * (docs/security.md, "Disabled and revoked accounts"). What it finds refused, it reports
 * (`onRefused`), so the marker the security rules compare tokens with gets written too.
 */

export interface AccountState {
  disabled: boolean;
  /** Tokens issued (signed in) before this instant, in ms, are revoked; 0 when never revoked. */
  validAfterMs: number;
}

export interface SessionCheckOptions {
  /** How stale a looked-up state may be. */
  ttlMs?: number;
  /** Accounts remembered at most, oldest forgotten first. */
  maxEntries?: number;
  now?: () => number;
  /**
   * Told once per looked-up state that refuses a token: `validAfterSec`, the instant
   * before which every session of the account is over (now, for a disabled or deleted
   * account). The API writes the rules' revocation marker here; a failure is the
   * caller's to log, and the token is refused all the same.
   */
  onRefused?: (uid: string, validAfterSec: number) => Promise<void>;
}

/** One minute: the longest a disabled or revoked account keeps using the API. */
export const SESSION_CHECK_TTL_MS = 60_000;

/**
 * `lookup` answers null for an account that no longer exists. The returned check
 * says whether a token signed in at `authTimeSec` (the token's `auth_time`) may act.
 */
export function sessionChecker(
  lookup: (uid: string) => Promise<AccountState | null>,
  options: SessionCheckOptions = {},
) {
  const ttlMs = options.ttlMs ?? SESSION_CHECK_TTL_MS;
  const maxEntries = options.maxEntries ?? 10_000;
  const now = options.now ?? Date.now;
  interface Entry {
    at: number;
    state: Promise<AccountState | null>;
    /** The refusal already reported for this state, shared by concurrent requests. */
    reported?: Promise<void>;
  }
  const cache = new Map<string, Entry>();

  function entryOf(uid: string): Entry {
    const cached = cache.get(uid);
    if (cached && now() - cached.at < ttlMs) return cached;
    // Concurrent requests of one account share one lookup; a failed lookup is not remembered.
    const state = lookup(uid);
    const entry: Entry = { at: now(), state };
    cache.delete(uid);
    cache.set(uid, entry);
    state.catch(() => cache.delete(uid));
    while (cache.size > maxEntries) cache.delete(cache.keys().next().value!);
    return entry;
  }

  return async (uid: string, authTimeSec: number | undefined): Promise<boolean> => {
    const entry = entryOf(uid);
    const state = await entry.state;
    const ended = !state || state.disabled;
    // As firebase-admin's checkRevoked: auth_time has whole seconds.
    const revoked = !ended && typeof authTimeSec === "number" && authTimeSec * 1000 < state.validAfterMs;
    if ((ended || revoked) && options.onRefused) {
      // The rules let a token read while auth_time >= the marker, and auth_time has whole seconds: a
      // disabled account's marker lies past this second, so a token signed in during it ends too.
      const validAfterSec = ended ? markerEndingAt(now()) : state.validAfterMs / 1000;
      entry.reported ??= options.onRefused(uid, validAfterSec).catch(() => undefined);
      await entry.reported;
    }
    if (ended) return false;
    return typeof authTimeSec === "number" && authTimeSec * 1000 >= state.validAfterMs;
  };
}

/**
 * The marker that ends every session signed in at or before `atMs`: the next whole second,
 * because the rules let a token read while `auth_time >= marker` and `auth_time` has whole
 * seconds, so a token signed in during that second ends too. For a disabled or deleted
 * account, `atMs` is now (the API) or the latest sign-in (the sweep, the delete trigger).
 */
export function markerEndingAt(atMs: number): number {
  return Math.floor(atMs / 1000) + 1;
}

/** Auth's record, as the check needs it. */
export function accountStateOf(user: { disabled: boolean; tokensValidAfterTime?: string | undefined }): AccountState {
  const validAfter = user.tokensValidAfterTime ? Date.parse(user.tokensValidAfterTime) : 0;
  return { disabled: user.disabled, validAfterMs: Number.isNaN(validAfter) ? 0 : Math.floor(validAfter / 1000) * 1000 };
}

/** Auth's record, as the minute sweep of every account needs it (events/revokedSessionsSweep.ts). */
export interface AccountRecord extends AccountState {
  /** When the account was created, in ms. */
  createdMs: number;
  /** Its latest sign-in in ms (every session's `auth_time` is at or before it); null when it never signed in. */
  lastSignInMs: number | null;
}

export function accountRecordOf(user: {
  disabled: boolean;
  tokensValidAfterTime?: string | undefined;
  metadata: { creationTime: string; lastSignInTime?: string | null | undefined };
}): AccountRecord {
  const created = Date.parse(user.metadata.creationTime);
  const lastSignIn = user.metadata.lastSignInTime ? Date.parse(user.metadata.lastSignInTime) : Number.NaN;
  return {
    ...accountStateOf(user),
    createdMs: Number.isNaN(created) ? 0 : created,
    lastSignInMs: Number.isNaN(lastSignIn) ? null : lastSignIn,
  };
}

/**
 * The marker the rules need for an account, judged from Auth's record alone (no Firestore
 * read): a stored marker at least this high already ends every session Auth considers over.
 * Null when no session of the account can be over: it never signed in, or it was never
 * revoked since it was created (Auth sets `tokensValidAfterTime` when the password is first
 * set, in the second of creation).
 *
 * - Disabled (or deleted): every session is over. Each one signed in at or before the latest
 *   sign-in, so the second after it ends them all. The value depends on the record only, so
 *   runs and redeliveries agree; a marker from an earlier disable that is older (the person was
 *   enabled again and signed in since) makes this a new disable.
 * - Revoked (a later `tokensValidAfterTime`: a revoke, a password or address change): sessions
 *   signed in before Auth's instant are over, and that instant is the marker.
 * - Enabled again after a disable: nothing is due, the marker stays; a new sign-in is later
 *   than it, so it reads again.
 */
export function markerDue(account: AccountRecord): number | null {
  if (account.lastSignInMs === null) return null;
  if (account.disabled) return markerEndingAt(account.lastSignInMs);
  const validAfterSec = Math.floor(account.validAfterMs / 1000);
  return validAfterSec > Math.floor(account.createdMs / 1000) ? validAfterSec : null;
}

/** The marker to store given the one stored (`sessionsValidAfter`, absent when never written), or null for none. */
export function markerToWrite(due: number | null, stored: unknown): number | null {
  if (due === null) return null;
  return typeof stored === "number" && stored >= due ? null : due;
}
