/**
 * Who is calling: a person (Firebase ID token), a service with an API key
 * (`ftk_…`), or a Google service account (a Google-signed OIDC ID token). The
 * org a caller may act in is decided later, in orgAccess.ts.
 */
import type { Request, RequestHandler, Response } from "express";
import { getAuth } from "firebase-admin/auth";
import { accountStateOf, sessionChecker } from "../identity/sessions";
import { OAuth2Client } from "google-auth-library";
import { logger } from "firebase-functions/logger";
import { db } from "../store/db";
import { recordSessionsEnded } from "../store/sessionMarkers";
import { looksLikeApiKey, verifyApiKey } from "../store/apiKeys";
import { isDocId, personName, toWellFormed, type Role } from "../domain";
import { logFault, unauthenticated } from "./errors";

export type Caller =
  | { kind: "user"; uid: string; email: string | null; emailVerified: boolean; name: string }
  | { kind: "apiKey"; uid: string; keyId: string; orgId: string; role: Role; name: string }
  | { kind: "serviceAccount"; uid: string; email: string; name: string };

export interface IdTokenClaims {
  uid: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
  auth_time?: number;
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
  const claims = unverifiedClaims(token);
  return typeof claims?.iss === "string" ? claims.iss : null;
}

/** A JWT's claims, unverified: only for a token a verifier has already judged, or to pick the verifier. */
function unverifiedClaims(token: string): Record<string, unknown> | null {
  const payload = token.split(".")[1];
  if (!payload) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as unknown;
    return claims !== null && typeof claims === "object" ? (claims as Record<string, unknown>) : null;
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

/**
 * Auth's own record of an account, asked at most once a minute per account (identity/sessions.ts).
 * An account found disabled or revoked gets the rules' revocation marker (store/sessionMarkers.ts),
 * so its token stops reading Firestore too; a failed write is logged and the token refused anyway.
 */
const sessionStands = sessionChecker(
  async (uid) => {
    try {
      return accountStateOf(await getAuth().getUser(uid));
    } catch (err) {
      if ((err as { code?: unknown }).code === "auth/user-not-found") return null;
      throw err;
    }
  },
  {
    onRefused: async (uid, validAfterSec) => {
      try {
        const written = await recordSessionsEnded(db(), uid, validAfterSec);
        if (written > 0) logger.info("sessions.marker_written", { uid, documents: written });
      } catch (err) {
        logFault("sessions.marker_failed", { uid }, err);
      }
    },
  },
);

export function defaultVerifiers(googleAudience: string): Verifiers {
  return {
    verifyFirebaseIdToken: async (token) => {
      const claims = await getAuth()
        .verifyIdToken(token)
        .catch(async (err: unknown) => {
          // Against the Auth emulator the Admin SDK checks revocation itself and refuses first (in
          // production it does not, and sessionStands below decides). These codes come only after
          // the signature held, so the token's uid is genuine: the same check records the marker.
          const code = (err as { code?: unknown }).code;
          const ended = unverifiedClaims(token);
          if ((code === "auth/id-token-revoked" || code === "auth/user-disabled") && typeof ended?.sub === "string")
            await sessionStands(ended.sub, typeof ended.auth_time === "number" ? ended.auth_time : undefined);
          throw err;
        });
      // A disabled account, or one whose sessions were revoked, keeps a valid token for up to an hour.
      if (!(await sessionStands(claims.uid, claims.auth_time)))
        throw new Error("the account is disabled or its sessions were revoked");
      return claims;
    },
    verifyGoogleIdToken: googleIdTokenVerifier({ audience: googleAudience }),
  };
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** The bearer token of a request, unverified; null without one. */
export function bearerToken(req: Request): string | null {
  return BEARER.exec(req.get("authorization") ?? "")?.[1] ?? null;
}

/** What the rate limiter learns from checking API keys: failures per address, and which key ids are real. */
export interface ApiKeyOutcomes {
  bad(req: Request): void;
  good(keyId: string): void;
}

const IGNORED: ApiKeyOutcomes = { bad: () => undefined, good: () => undefined };

export function authenticate(verifiers: Verifiers, outcomes: ApiKeyOutcomes = IGNORED): RequestHandler {
  return async (req, res, next) => {
    const token = bearerToken(req);
    if (!token) throw unauthenticated();
    res.locals.caller = await identify(token, verifiers, req, outcomes);
    next();
  };
}

async function identify(token: string, verifiers: Verifiers, req: Request, outcomes: ApiKeyOutcomes): Promise<Caller> {
  if (looksLikeApiKey(token)) {
    const key = await verifyApiKey(db(), token);
    if (!key) {
      outcomes.bad(req);
      throw unauthenticated("The API key is invalid or revoked.");
    }
    outcomes.good(key.keyId);
    return {
      kind: "apiKey",
      uid: `apikey:${key.keyId}`,
      keyId: key.keyId,
      orgId: key.orgId,
      role: key.role,
      name: key.name,
    };
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
    // Shown to people who may not read addresses: never the address itself.
    name: toWellFormed(personName(claims.name)),
  };
}

export function callerOf(res: Response): Caller {
  const caller = res.locals.caller as Caller | undefined;
  if (!caller) throw unauthenticated();
  return caller;
}
