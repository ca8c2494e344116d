/** When to try again: exponential backoff with jitter, and the server's own Retry-After. */

export interface BackoffOptions {
  /** The first delay after a failure, in ms. */
  initialMs: number;
  /** No delay grows past this. */
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 500, maxMs: 60_000 };

/**
 * The delay after the `failures`-th failure in a row: initialMs · 2^(failures−1),
 * capped at maxMs, with "equal jitter" (half fixed, half random) so that many
 * clients that failed together do not come back together, while the delay still
 * grows with every failure.
 */
export function backoffDelay(failures: number, options: BackoffOptions, random: () => number = Math.random): number {
  const exponent = Math.min(Math.max(failures, 1) - 1, 30);
  const ceiling = Math.min(options.maxMs, options.initialMs * 2 ** exponent);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** Longer waits than this are taken as this: a misconfigured proxy must not park reports for a day. */
export const MAX_RETRY_AFTER_MS = 15 * 60_000;

/** Retry-After (RFC 9110 §10.2.3): delay-seconds or an HTTP date. Undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  let ms: number;
  if (/^\d+$/.test(trimmed)) ms = Number(trimmed) * 1000;
  else {
    // An HTTP date has a weekday and month by name; Date.parse would also take "-5" or "1.5".
    if (!/[a-z]{3}/i.test(trimmed)) return undefined;
    const at = Date.parse(trimmed);
    if (Number.isNaN(at)) return undefined;
    ms = at - now;
  }
  return Math.min(Math.max(ms, 0), MAX_RETRY_AFTER_MS);
}
