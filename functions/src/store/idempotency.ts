/**
 * Idempotency-Key records: the first response to a POST is kept for 24 h and
 * replayed to every retry. The record is claimed with create(), so of several
 * concurrent requests with one key exactly one runs; the others wait for its
 * answer. Records are server-only and carry `expiresAt` for a Firestore TTL
 * policy to remove them.
 */
import { createHash } from "node:crypto";
import { Timestamp, type Firestore } from "firebase-admin/firestore";
import { isAlreadyExists } from "./grpcCodes";

export const IDEMPOTENCY_TTL_MS = 24 * 3600 * 1000;

export interface StoredResponse {
  status: number;
  body: unknown;
  location: string | null;
}

export type Claim =
  | { kind: "owner"; complete(response: StoredResponse): Promise<void>; abandon(): Promise<void> }
  | { kind: "replay"; response: StoredResponse }
  | { kind: "mismatch" }
  | { kind: "busy" };

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function claimIdempotencyKey(
  db: Firestore,
  scope: { callerUid: string; method: string; path: string; key: string },
  requestBody: unknown,
  { waitMs = 30_000 }: { waitMs?: number } = {},
): Promise<Claim> {
  const ref = db.collection("idempotencyKeys").doc(sha256(JSON.stringify([scope.callerUid, scope.method, scope.path, scope.key])));
  const requestHash = sha256(JSON.stringify(requestBody ?? null));
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      await ref.create({ state: "pending", requestHash, createdAt: Timestamp.now(), expiresAt: Timestamp.fromMillis(Date.now() + IDEMPOTENCY_TTL_MS) });
      return {
        kind: "owner",
        complete: async (response) => {
          // Firestore cannot store `undefined`; a JSON round trip drops it the way the wire would.
          await ref.update({ state: "done", response: JSON.parse(JSON.stringify(response)) });
        },
        abandon: async () => {
          await ref.delete();
        },
      };
    } catch (err) {
      if (!isAlreadyExists(err)) throw err;
    }
    const record = await ref.get();
    if (!record.exists) continue;
    if ((record.get("expiresAt") as Timestamp).toMillis() < Date.now()) {
      await ref.delete({ lastUpdateTime: record.updateTime! }).catch(() => undefined);
      continue;
    }
    if (record.get("requestHash") !== requestHash) return { kind: "mismatch" };
    if (record.get("state") === "done") return { kind: "replay", response: record.get("response") as StoredResponse };
    if (Date.now() > deadline) return { kind: "busy" };
    await sleep(100 + Math.random() * 150);
  }
}
