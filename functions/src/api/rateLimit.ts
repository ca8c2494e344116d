/**
 * Per-caller token buckets (one per API key, user or service account).
 *
 * The buckets live in each instance's memory: checking them costs nothing and
 * adds no Firestore write per request. With N instances a caller can reach at
 * most N × the limit; `maxInstances` on function `api` bounds N. That trade is
 * deliberate: the limiter exists to stop a runaway client, not to meter exact
 * quotas. A strict global quota would need a shared counter (a sharded
 * Firestore counter or Memorystore) on every request.
 *
 * An API key is limited before it is looked up, by the key id it claims: a flood of
 * unknown or wrong keys must not cost a Firestore read each. Keys that fail are also
 * counted per client address, so inventing a new key id per request buys nothing
 * (docs/security.md, "Abuse and cost").
 */
import type { Request, RequestHandler, Response } from "express";
import { claimedApiKeyId } from "../store/apiKeys";
import { ApiError } from "./errors";
import { bearerToken, callerOf } from "./auth";

export interface BucketLimit {
  /** Requests allowed in a burst. */
  capacity: number;
  /** Tokens added back per second. */
  refillPerSecond: number;
}

export interface RateLimits {
  user: BucketLimit;
  service: BucketLimit;
  /** API keys that failed verification, per client address. */
  badApiKeys?: BucketLimit;
}

export const DEFAULT_RATE_LIMITS: RateLimits = {
  user: { capacity: 600, refillPerSecond: 10 },
  service: { capacity: 1200, refillPerSecond: 20 },
  badApiKeys: { capacity: 20, refillPerSecond: 0.2 },
};

/** Which bucket a request draws from, or null when this limiter does not count it. */
export type BucketOf = (req: Request, res: Response) => { key: string; limit: BucketLimit } | null;

/** Before authentication: an API key by the id it claims (unverified: it only names a bucket). */
export const apiKeyBucket =
  (limits: RateLimits): BucketOf =>
  (req) => {
    const keyId = claimedApiKeyId(bearerToken(req) ?? "");
    return keyId ? { key: `apikey:${keyId}`, limit: limits.service } : null;
  };

/** After authentication: people and service accounts (API keys were counted before). */
export const callerBucket =
  (limits: RateLimits): BucketOf =>
  (_req, res) => {
    const caller = callerOf(res);
    if (caller.kind === "apiKey") return null;
    return { key: caller.uid, limit: caller.kind === "user" ? limits.user : limits.service };
  };

/**
 * Failed API keys per client address: `guard` refuses an address whose failures are used up
 * before its key is read, unless the key id is one this instance has seen verified (a real
 * service behind the same address keeps working); `bad` counts a failure, `good` a real key id.
 */
export function badApiKeyLimiter(limits: RateLimits, now: () => number = Date.now) {
  const limit = limits.badApiKeys ?? DEFAULT_RATE_LIMITS.badApiKeys!;
  const buckets = new Map<string, { tokens: number; at: number }>();
  const current = (address: string) => {
    const t = now();
    const bucket = buckets.get(address) ?? { tokens: limit.capacity, at: t };
    bucket.tokens = Math.min(limit.capacity, bucket.tokens + ((t - bucket.at) / 1000) * limit.refillPerSecond);
    bucket.at = t;
    if (buckets.size >= MAX_TRACKED_CALLERS && !buckets.has(address)) buckets.clear();
    buckets.set(address, bucket);
    return bucket;
  };
  const realKeyIds = new Set<string>();
  const guard: RequestHandler = (req, res, next) => {
    const keyId = claimedApiKeyId(bearerToken(req) ?? "");
    if (keyId === null || realKeyIds.has(keyId)) return next();
    const bucket = current(req.ip ?? "unknown");
    if (bucket.tokens < 1) {
      const retryAfter = Math.max(1, Math.ceil((1 - bucket.tokens) / limit.refillPerSecond));
      res.setHeader("Retry-After", String(retryAfter));
      throw new ApiError("rate_limited", `Too many invalid API keys: try again in ${retryAfter} s.`);
    }
    next();
  };
  const outcomes = {
    bad: (req: Request) => {
      current(req.ip ?? "unknown").tokens -= 1;
    },
    good: (keyId: string) => {
      if (realKeyIds.size >= MAX_TRACKED_CALLERS) realKeyIds.clear();
      realKeyIds.add(keyId);
    },
  };
  return { guard, outcomes };
}

const MAX_TRACKED_CALLERS = 10_000;

export function rateLimiter(
  limits: RateLimits,
  now: () => number = Date.now,
  bucketOf: BucketOf = callerBucket(limits),
): RequestHandler {
  const buckets = new Map<string, { tokens: number; at: number }>();

  return (req, res, next) => {
    const drawn = bucketOf(req, res);
    if (!drawn) return next();
    const { limit } = drawn;
    const t = now();
    const bucket = buckets.get(drawn.key) ?? { tokens: limit.capacity, at: t };
    bucket.tokens = Math.min(limit.capacity, bucket.tokens + ((t - bucket.at) / 1000) * limit.refillPerSecond);
    bucket.at = t;
    if (buckets.size >= MAX_TRACKED_CALLERS && !buckets.has(drawn.key)) {
      // Forget the longest-idle callers; a forgotten caller simply starts with a full bucket.
      for (const [key, value] of buckets) if (t - value.at > 60_000) buckets.delete(key);
    }
    buckets.set(drawn.key, bucket);
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
