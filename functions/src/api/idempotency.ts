/**
 * Idempotency-Key on every POST, at the HTTP edge: the key is checked, the
 * claim taken (store/idempotency.ts), and the answer captured on its way out.
 * Only successes are kept (as Stripe does), so a refused request leaves
 * nothing behind and may be retried fixed. An answer that cannot be kept still
 * goes to the caller, and the key is released rather than left pending.
 */
import type { Request, Response } from "express";
import { logger } from "firebase-functions/logger";
import { db } from "../store/db";
import { claimIdempotencyKey, type Claim, type IdempotencyScope } from "../store/idempotency";
import { callerOf } from "./auth";
import { ApiError, badRequest } from "./errors";

/** Where claims come from; tests hand in one that fails on purpose. */
export interface IdempotencyStore {
  claim(scope: IdempotencyScope, requestBody: unknown): Promise<Claim>;
}

export const firestoreIdempotencyStore: IdempotencyStore = {
  claim: (scope, requestBody) => claimIdempotencyKey(db(), scope, requestBody),
};

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/**
 * Returns true when it answered (a replay) and the handler must not run.
 * Runs after parsing, so the body compared is the one the handler will see.
 */
export async function honourIdempotencyKey(
  req: Request,
  res: Response,
  body: unknown,
  store: IdempotencyStore = firestoreIdempotencyStore,
  /** Fields of the answer that are secrets (an API key's): never kept, so a replay leaves them out. */
  secretFields: readonly string[] = [],
): Promise<boolean> {
  const key = req.get("idempotency-key");
  if (key === undefined) return false;
  if (!IDEMPOTENCY_KEY.test(key)) throw badRequest("Idempotency-Key must be 1–255 visible ASCII characters.");
  const claim = await store.claim({ callerUid: callerOf(res).uid, method: req.method, path: req.path, key }, body);
  switch (claim.kind) {
    case "replay": {
      const { status, body: stored, location } = claim.response;
      res.setHeader("Idempotent-Replayed", "true");
      if (location) res.setHeader("Location", location);
      res.status(status).json(stored);
      return true;
    }
    case "mismatch":
      throw new ApiError("validation", "This Idempotency-Key was used with a different request body.");
    case "busy":
      // Retry-After tells clients this conflict, unlike the others, goes away by itself.
      res.setHeader("Retry-After", "1");
      throw new ApiError("conflict", "A request with this Idempotency-Key is still in progress; retry shortly.");
    case "owner":
      captureAnswer(res, claim, req.path, secretFields);
      return false;
  }
}

/** Holds the answer back until it is kept (or the key released), then sends it whatever happened. */
function captureAnswer(
  res: Response,
  claim: Extract<Claim, { kind: "owner" }>,
  path: string,
  secretFields: readonly string[],
): void {
  const send = res.json.bind(res);
  res.json = (responseBody: unknown) => {
    const finish = () => send(responseBody);
    const keep = async () => {
      if (res.statusCode >= 400) return claim.release();
      try {
        await claim.complete({
          status: res.statusCode,
          body: withoutSecrets(responseBody, secretFields),
          location: (res.getHeader("Location") as string | undefined) ?? null,
          issueRefs: issueRefsOf(path, responseBody),
        });
      } catch (err) {
        logger.warn("idempotency.store_failed", {
          requestId: res.locals.requestId as string | undefined,
          code: (err as { code?: unknown }).code ?? null,
        });
        await claim.release();
      }
    };
    keep()
      .catch(() => undefined)
      .then(finish);
    return res;
  };
  res.on("close", () => {
    if (!res.writableFinished) void claim.release().catch(() => undefined);
  });
}

function withoutSecrets(body: unknown, secretFields: readonly string[]): unknown {
  if (secretFields.length === 0 || !body || typeof body !== "object" || Array.isArray(body)) return body;
  return Object.fromEntries(Object.entries(body).filter(([name]) => !secretFields.includes(name)));
}

const ISSUE_PATH = /\/orgs\/([^/]+)\/issues\/([^/:]+)/;
const ORG_PATH = /\/orgs\/([^/]+)\//;

/** The issues an answer is about: the one in the path, the one it created, each item of a bulk answer. */
export function issueRefsOf(path: string, body: unknown): string[] {
  const refs = new Set<string>();
  const inPath = ISSUE_PATH.exec(path);
  if (inPath) refs.add(`${inPath[1]}/${inPath[2]}`);
  const orgId = ORG_PATH.exec(path)?.[1];
  if (orgId && body && typeof body === "object") {
    const answer = body as { id?: unknown; issueId?: unknown; results?: unknown };
    for (const id of [answer.issueId, path.endsWith("/issues") ? answer.id : undefined])
      if (typeof id === "string") refs.add(`${orgId}/${id}`);
    if (Array.isArray(answer.results))
      for (const item of answer.results as { id?: unknown }[])
        if (typeof item?.id === "string") refs.add(`${orgId}/${item.id}`);
  }
  return [...refs].slice(0, 500);
}
