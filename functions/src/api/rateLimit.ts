/**
 * Per-caller token buckets (one per API key, user or service account).
 *
 * The buckets live in each instance's memory: checking them costs nothing and
 * adds no Firestore write per request. With N instances a caller can reach at
 * most N × the limit; `maxInstances` on function `api` bounds N. That trade is
 * deliberate: the limiter exists to stop a runaway client, not to meter exact
 * quotas. A strict global quota would need a shared counter (a sharded
 * Firestore counter or Memorystore) on every request.
 */
import type { RequestHandler } from "express";
import { ApiError } from "./errors";
import { callerOf, type Caller } from "./auth";

export interface BucketLimit {
  /** Requests allowed in a burst. */
  capacity: number;
  /** Tokens added back per second. */
  refillPerSecond: number;
}

export interface RateLimits {
  user: BucketLimit;
  service: BucketLimit;
}

export const DEFAULT_RATE_LIMITS: RateLimits = {
  user: { capacity: 600, refillPerSecond: 10 },
  service: { capacity: 1200, refillPerSecond: 20 },
};

const MAX_TRACKED_CALLERS = 10_000;

export function rateLimiter(limits: RateLimits, now: () => number = Date.now): RequestHandler {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const limitFor = (caller: Caller) => (caller.kind === "user" ? limits.user : limits.service);

  return (_req, res, next) => {
    const caller = callerOf(res);
    const limit = limitFor(caller);
    const t = now();
    const bucket = buckets.get(caller.uid) ?? { tokens: limit.capacity, at: t };
    bucket.tokens = Math.min(limit.capacity, bucket.tokens + ((t - bucket.at) / 1000) * limit.refillPerSecond);
    bucket.at = t;
    if (buckets.size >= MAX_TRACKED_CALLERS && !buckets.has(caller.uid)) {
      // Forget the longest-idle callers; a forgotten caller simply starts with a full bucket.
      for (const [key, value] of buckets) if (t - value.at > 60_000) buckets.delete(key);
    }
    buckets.set(caller.uid, bucket);
    res.setHeader("RateLimit-Limit", String(limit.capacity));
    if (bucket.tokens < 1) {
      const retryAfter = Math.max(1, Math.ceil((1 - bucket.tokens) / limit.refillPerSecond));
      res.setHeader("Retry-After", String(retryAfter));
      res.setHeader("RateLimit-Remaining", "0");
      throw new ApiError("rate_limited", `Slow down: try again in ${retryAfter} s.`);
    }
    bucket.tokens -= 1;
    res.setHeader("RateLimit-Remaining", String(Math.floor(bucket.tokens)));
    next();
  };
}
