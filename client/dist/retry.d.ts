/** When to try again: exponential backoff with jitter, and the server's own Retry-After. */
export interface BackoffOptions {
    /** The first delay after a failure, in ms. */
    initialMs: number;
    /** No delay grows past this. */
    maxMs: number;
}
export declare const DEFAULT_BACKOFF: BackoffOptions;
/**
 * The delay after the `failures`-th failure in a row: initialMs · 2^(failures−1),
 * capped at maxMs, with "equal jitter" (half fixed, half random) so that many
 * clients that failed together do not come back together, while the delay still
 * grows with every failure.
 */
export declare function backoffDelay(failures: number, options: BackoffOptions, random?: () => number): number;
/** Longer waits than this are taken as this: a misconfigured proxy must not park reports for a day. */
export declare const MAX_RETRY_AFTER_MS: number;
/** Retry-After (RFC 9110 §10.2.3): delay-seconds or an HTTP date. Undefined when absent or unreadable. */
export declare function parseRetryAfter(value: string | null, now?: number): number | undefined;
