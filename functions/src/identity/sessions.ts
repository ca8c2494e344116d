/**
 * Whether a person's sessions still stand: Firebase Auth's `disabled` flag and the time
 * their refresh tokens were revoked (`tokensValidAfterTime`). A verified ID token stays
 * valid for up to an hour after either, so the API asks Auth, but at most once a minute
 * per account and instance: access ends within a minute without a round trip per request
 * (docs/security.md, "Disabled and revoked accounts").
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
  const cache = new Map<string, { at: number; state: Promise<AccountState | null> }>();

  function stateOf(uid: string): Promise<AccountState | null> {
    const cached = cache.get(uid);
    if (cached && now() - cached.at < ttlMs) return cached.state;
    // Concurrent requests of one account share one lookup; a failed lookup is not remembered.
    const state = lookup(uid);
    cache.delete(uid);
    cache.set(uid, { at: now(), state });
    state.catch(() => cache.delete(uid));
    while (cache.size > maxEntries) cache.delete(cache.keys().next().value!);
    return state;
  }

  return async (uid: string, authTimeSec: number | undefined): Promise<boolean> => {
    const state = await stateOf(uid);
    if (!state || state.disabled) return false;
    // As firebase-admin's checkRevoked: auth_time has whole seconds.
    return typeof authTimeSec === "number" && authTimeSec * 1000 >= state.validAfterMs;
  };
}

/** Auth's record, as the check needs it. */
export function accountStateOf(user: { disabled: boolean; tokensValidAfterTime?: string | undefined }): AccountState {
  const validAfter = user.tokensValidAfterTime ? Date.parse(user.tokensValidAfterTime) : 0;
  return { disabled: user.disabled, validAfterMs: Number.isNaN(validAfter) ? 0 : Math.floor(validAfter / 1000) * 1000 };
}
