/**
 * Who is calling. This slice accepts Firebase ID tokens; API keys and service
 * account tokens join them in the API issue.
 */
import type { RequestHandler } from "express";
import { getAuth } from "firebase-admin/auth";
import { unauthenticated } from "./errors";

export interface Caller {
  kind: "user";
  uid: string;
  email: string | null;
  name: string;
}

export interface TokenVerifier {
  verifyIdToken(token: string): Promise<{ uid: string; email?: string; name?: string }>;
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

export function authenticate(verifier: () => TokenVerifier = () => getAuth()): RequestHandler {
  return async (req, res, next) => {
    const match = BEARER.exec(req.get("authorization") ?? "");
    if (!match) throw unauthenticated();
    let decoded: Awaited<ReturnType<TokenVerifier["verifyIdToken"]>>;
    try {
      decoded = await verifier().verifyIdToken(match[1]!);
    } catch {
      throw unauthenticated("The bearer token is invalid or expired.");
    }
    const caller: Caller = {
      kind: "user",
      uid: decoded.uid,
      email: decoded.email ?? null,
      name: decoded.name ?? decoded.email ?? decoded.uid,
    };
    res.locals.caller = caller;
    next();
  };
}

export function callerOf(res: { locals: Record<string, unknown> }): Caller {
  const caller = res.locals.caller as Caller | undefined;
  if (!caller) throw unauthenticated();
  return caller;
}
