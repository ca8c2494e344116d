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
      const validAfterSec = ended ? Math.floor(now() / 1000) + 1 : state.validAfterMs / 1000;
      entry.reported ??= options.onRefused(uid, validAfterSec).catch(() => undefined);
      await entry.reported;
    }
    if (ended) return false;
    return typeof authTimeSec === "number" && authTimeSec * 1000 >= state.validAfterMs;
  };
}

/** Auth's record, as the check needs it. */
export function accountStateOf(user: { disabled: boolean; tokensValidAfterTime?: string | undefined }): AccountState {
  const validAfter = user.tokensValidAfterTime ? Date.parse(user.tokensValidAfterTime) : 0;
  return { disabled: user.disabled, validAfterMs: Number.isNaN(validAfter) ? 0 : Math.floor(validAfter / 1000) * 1000 };
}
