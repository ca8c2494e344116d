/**
 * Service API keys `ftk_<keyId>_<secret>`. The metadata lives where admins can
 * read it (orgs/{org}/apiKeys/{keyId}); the SHA-256 of the secret lives in the
 * server-only apiKeySecrets/{keyId}, keyed globally so a token finds its org in
 * one read.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { FieldValue, type Timestamp, type Firestore } from "firebase-admin/firestore";
import type { Role } from "../domain";
import { apiKeySecretRef, apiKeysCol } from "./refs";

export const API_KEY_PREFIX = "ftk";
const KEY_PATTERN = /^ftk_([A-Za-z0-9]{16})_([A-Za-z0-9_-]{32,64})$/;
/** Writing lastUsedAt on every request would cost a write each; once a minute per instance is enough to audit. */
const LAST_USED_RESOLUTION_MS = 60_000;
const lastStamped = new Map<string, number>();

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** The key id a token claims to be, before anything is read; null when it is not shaped like a key. */
export function claimedApiKeyId(token: string): string | null {
  return KEY_PATTERN.exec(token)?.[1] ?? null;
}

export function looksLikeApiKey(token: string): boolean {
  return token.startsWith(`${API_KEY_PREFIX}_`);
}

export interface ApiKeyMetadata {
  id: string;
  name: string;
  prefix: string;
  role: Role;
  createdBy: string;
  createdAt: Timestamp | null;
  lastUsedAt: Timestamp | null;
  revokedAt: Timestamp | null;
}

export async function createApiKey(
  db: Firestore,
  orgId: string,
  input: { name: string; role: Role },
  createdBy: string,
): Promise<{ key: string; metadata: ApiKeyMetadata }> {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  const keyId = Array.from(randomBytes(16), (byte) => alphabet[byte % alphabet.length]).join("");
  const secret = randomBytes(32).toString("base64url");
  const key = `${API_KEY_PREFIX}_${keyId}_${secret}`;
  const prefix = key.slice(0, API_KEY_PREFIX.length + 1 + 8);
  const batch = db.batch();
  batch.create(apiKeysCol(db, orgId).doc(keyId), {
    name: input.name,
    prefix,
    role: input.role,
    createdBy,
    createdAt: FieldValue.serverTimestamp(),
    lastUsedAt: null,
    revokedAt: null,
  });
  // Role and name never change after creation: kept beside the hash, a request verifies in one read.
  batch.create(apiKeySecretRef(db, keyId), {
    orgId,
    hash: sha256(secret),
    revoked: false,
    role: input.role,
    name: input.name,
  });
  await batch.commit();
  const metadata = (await getApiKey(db, orgId, keyId))!;
  return { key, metadata };
}

export async function getApiKey(db: Firestore, orgId: string, keyId: string): Promise<ApiKeyMetadata | null> {
  if (!/^[A-Za-z0-9]{1,64}$/.test(keyId)) return null;
  const snapshot = await apiKeysCol(db, orgId).doc(keyId).get();
  return snapshot.exists ? ({ id: snapshot.id, ...snapshot.data() } as ApiKeyMetadata) : null;
}

export async function listApiKeys(db: Firestore, orgId: string): Promise<ApiKeyMetadata[]> {
  const result = await apiKeysCol(db, orgId).orderBy("createdAt", "desc").get();
  return result.docs.map((doc) => ({ id: doc.id, ...doc.data() }) as ApiKeyMetadata);
}

/** Revoking twice is fine: the first revocation time stands. */
export async function revokeApiKey(db: Firestore, orgId: string, keyId: string): Promise<ApiKeyMetadata | null> {
  const existing = await getApiKey(db, orgId, keyId);
  if (!existing) return null;
  if (!existing.revokedAt) {
    const batch = db.batch();
    batch.update(apiKeysCol(db, orgId).doc(keyId), { revokedAt: FieldValue.serverTimestamp() });
    batch.update(apiKeySecretRef(db, keyId), { revoked: true });
    await batch.commit();
  }
  return getApiKey(db, orgId, keyId);
}

export interface VerifiedApiKey {
  keyId: string;
  orgId: string;
  role: Role;
  name: string;
}

/** Null for anything that is not a live key of ours. */
export async function verifyApiKey(db: Firestore, token: string): Promise<VerifiedApiKey | null> {
  const match = KEY_PATTERN.exec(token);
  if (!match) return null;
  const [, keyId, secret] = match as unknown as [string, string, string];
  const stored = await apiKeySecretRef(db, keyId).get();
  if (!stored.exists || stored.get("revoked")) return null;
  const expected = Buffer.from(stored.get("hash") as string, "hex");
  const actual = Buffer.from(sha256(secret), "hex");
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
  const orgId = stored.get("orgId") as string;
  const now = Date.now();
  if (now - (lastStamped.get(keyId) ?? 0) > LAST_USED_RESOLUTION_MS) {
    lastStamped.set(keyId, now);
    // Best effort: a failed audit stamp must not fail the request.
    await apiKeysCol(db, orgId)
      .doc(keyId)
      .update({ lastUsedAt: FieldValue.serverTimestamp() })
      .catch(() => undefined);
  }
  return { keyId, orgId, role: stored.get("role") as Role, name: stored.get("name") as string };
}
