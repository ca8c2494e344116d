/**
 * Who is calling: a person (Firebase ID token), a service with an API key
 * (`ftk_…`), or a Google service account (a Google-signed OIDC ID token). The
 * org a caller may act in is decided later, in orgAccess.ts.
 */
import type { RequestHandler, Response } from "express";
import { getAuth } from "firebase-admin/auth";
import { OAuth2Client } from "google-auth-library";
import { db } from "../store/db";
import { looksLikeApiKey, verifyApiKey } from "../store/apiKeys";
import { isDocId, toWellFormed, type Role } from "../domain";
import { unauthenticated } from "./errors";

export type Caller =
  | { kind: "user"; uid: string; email: string | null; emailVerified: boolean; name: string }
  | { kind: "apiKey"; uid: string; keyId: string; orgId: string; role: Role; name: string }
  | { kind: "serviceAccount"; uid: string; email: string; name: string };

export interface IdTokenClaims {
  uid: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
}

/** The seams tests replace: where tokens are checked. */
export interface Verifiers {
  verifyFirebaseIdToken(token: string): Promise<IdTokenClaims>;
  /** Returns the service account's email, or throws. */
  verifyGoogleIdToken(token: string): Promise<string>;
}

const GOOGLE_ISSUERS = ["https://accounts.google.com", "accounts.google.com"];

/**
 * Google-signed ID tokens are JWTs whose issuer is Google; Firebase ID tokens
 * name securetoken.google.com instead. Peeking at the unverified issuer only
 * picks the verifier; each verifier then checks the signature itself.
 */
function jwtIssuer(token: string): string | null {
  const payload = token.split(".")[1];
  if (!payload) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { iss?: unknown };
    return typeof claims.iss === "string" ? claims.iss : null;
  } catch {
    return null;
  }
}

export function googleIdTokenVerifier(options: {
  audience: string;
  /** Certificates to trust instead of Google's published ones (tests, air-gapped setups). */
  certs?: Record<string, string>;
}): Verifiers["verifyGoogleIdToken"] {
  const client = new OAuth2Client();
  return async (token) => {
    const certs = options.certs ?? (await client.getFederatedSignonCertsAsync()).certs;
    const ticket = await client.verifySignedJwtWithCertsAsync(token, certs, options.audience, GOOGLE_ISSUERS);
    const payload = ticket.getPayload();
    // Only a claim Google asserts counts: a missing email_verified is not a verified address.
    if (!payload?.email || payload.email_verified !== true) throw new Error("token has no verified email");
    return payload.email.toLowerCase();
  };
}

export function defaultVerifiers(googleAudience: string): Verifiers {
  return {
    verifyFirebaseIdToken: (token) => getAuth().verifyIdToken(token),
    verifyGoogleIdToken: googleIdTokenVerifier({ audience: googleAudience }),
  };
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

export function authenticate(verifiers: Verifiers): RequestHandler {
  return async (req, res, next) => {
    const match = BEARER.exec(req.get("authorization") ?? "");
    if (!match) throw unauthenticated();
    res.locals.caller = await identify(match[1]!, verifiers);
    next();
  };
}

async function identify(token: string, verifiers: Verifiers): Promise<Caller> {
  if (looksLikeApiKey(token)) {
    const key = await verifyApiKey(db(), token);
    if (!key) throw unauthenticated("The API key is invalid or revoked.");
    return { kind: "apiKey", uid: `apikey:${key.keyId}`, keyId: key.keyId, orgId: key.orgId, role: key.role, name: key.name };
  }
  const issuer = jwtIssuer(token);
  if (issuer && GOOGLE_ISSUERS.includes(issuer)) {
    const email = await verifiers.verifyGoogleIdToken(token).catch(() => {
      throw unauthenticated("The Google ID token is invalid or expired.");
    });
    return { kind: "serviceAccount", uid: `sa:${email}`, email: toWellFormed(email), name: toWellFormed(email) };
  }
  const claims = await verifiers.verifyFirebaseIdToken(token).catch(() => {
    throw unauthenticated("The bearer token is invalid or expired.");
  });
  // Server-minted tokens may carry any uid; ours name documents after it.
  if (!isDocId(claims.uid)) throw unauthenticated("This account cannot use the API.");
  // A token's name and email are whatever the account holds; Firestore takes only well-formed text.
  const email = claims.email === undefined ? null : toWellFormed(claims.email.toLowerCase());
  return {
    kind: "user",
    uid: claims.uid,
    email,
    emailVerified: claims.email_verified === true,
    name: toWellFormed(claims.name ?? email ?? claims.uid),
  };
}

export function callerOf(res: Response): Caller {
  const caller = res.locals.caller as Caller | undefined;
  if (!caller) throw unauthenticated();
  return caller;
}
