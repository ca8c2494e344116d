/**
 * Idempotency-Key records: the first answer to a POST is kept for 24 h and
 * replayed to every retry.
 *
 * - A request claims its key with create(), so of several concurrent requests
 *   with one key exactly one runs and the others wait for its answer.
 * - The claim is a lease of IDEMPOTENCY_LEASE_MS, renewed while the request
 *   runs. If the instance dies, the lease runs out and the next retry takes the
 *   key over, rather than meeting 409 for 24 h.
 * - The answer is stored gzip-compressed in chunks beside the record
 *   (store/answerChunks.ts), written with the `done` state in one transaction,
 *   so a bulk answer of several MiB fits Firestore's 1 MiB document limit.
 * - An answer that cannot be stored (too large even so, or the write fails)
 *   releases the key: a retry runs again instead of being locked out.
 *
 * Records are server-only and carry `expiresAt` for a Firestore TTL policy
 * (collection `idempotencyKeys` and collection group `answerChunks`).
 */
import { createHash, randomUUID } from "node:crypto";
import { Timestamp, type DocumentReference, type DocumentSnapshot, type Firestore } from "firebase-admin/firestore";
import { logger } from "firebase-functions/logger";
import { decodeAnswer, encodeAnswer, MAX_STORED_ANSWER_BYTES } from "./answerChunks";
import { isAlreadyExists } from "./grpcCodes";
import { idempotencyAnswerChunkRef, idempotencyKeyRef } from "./refs";

export const IDEMPOTENCY_TTL_MS = 24 * 3600 * 1000;
/** How long a claim holds without renewal; the API's timeout is 60 s, so a live request renews it well before. */
export const IDEMPOTENCY_LEASE_MS = 60_000;

export interface StoredResponse {
  status: number;
  body: unknown;
  location: string | null;
  /** `{orgId}/{issueId}` of every issue the answer is about, so erasing an issue finds its cached answers. */
  issueRefs?: string[];
}

/** What became of an answer the owner offered for keeping. */
export type StoreOutcome = "stored" | "too_large" | "lost";

export interface OwnerClaim {
  kind: "owner";
  /** Keeps the answer for replay. "lost": the lease ran out and another request owns the key now. */
  complete(response: StoredResponse): Promise<StoreOutcome>;
  /** Gives the key up (a refused request, a failed store, a dropped connection); a retry runs afresh. */
  release(): Promise<void>;
}

export type Claim = OwnerClaim | { kind: "replay"; response: StoredResponse } | { kind: "mismatch" } | { kind: "busy" };

export interface IdempotencyScope {
  callerUid: string;
  method: string;
  path: string;
  key: string;
}

export interface ClaimOptions {
  /** How long a duplicate waits for the first request's answer before it is told to retry (409). */
  waitMs?: number;
  leaseMs?: number;
  /** Renew the lease while the claim is held (true); a test plays a dead instance with false. */
  renew?: boolean;
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const idempotencyRecordId = (scope: IdempotencyScope) =>
  sha256(JSON.stringify([scope.callerUid, scope.method, scope.path, scope.key]));

const chunkRef = (record: DocumentReference, index: number) => idempotencyAnswerChunkRef(record, index);

const millis = (value: unknown) => (value instanceof Timestamp ? value.toMillis() : null);

/** When the pending claim stops holding. Records written before leases existed hold from their creation. */
function leaseEnd(record: DocumentSnapshot, leaseMs: number): number {
  return millis(record.get("leaseExpiresAt")) ?? (millis(record.get("createdAt")) ?? 0) + leaseMs;
}

export async function claimIdempotencyKey(
  db: Firestore,
  scope: IdempotencyScope,
  requestBody: unknown,
  { waitMs = 30_000, leaseMs = IDEMPOTENCY_LEASE_MS, renew = true }: ClaimOptions = {},
): Promise<Claim> {
  const ref = idempotencyKeyRef(db, idempotencyRecordId(scope));
  const requestHash = sha256(JSON.stringify(requestBody ?? null));
  const deadline = Date.now() + waitMs;
  for (;;) {
    const owner = randomUUID();
    try {
      const now = Date.now();
      await ref.create({
        state: "pending",
        requestHash,
        owner,
        leaseExpiresAt: Timestamp.fromMillis(now + leaseMs),
        createdAt: Timestamp.fromMillis(now),
        expiresAt: Timestamp.fromMillis(now + IDEMPOTENCY_TTL_MS),
      });
      return ownerClaim(db, ref, owner, leaseMs, renew);
    } catch (err) {
      if (!isAlreadyExists(err)) throw err;
    }
    const record = await ref.get();
    if (!record.exists) continue;
    if ((millis(record.get("expiresAt")) ?? 0) < Date.now()) {
      await ref.delete({ lastUpdateTime: record.updateTime! }).catch(() => undefined);
      continue;
    }
    if (record.get("requestHash") !== requestHash) return { kind: "mismatch" };
    if (record.get("state") === "done") {
      const response = await readAnswer(db, ref, record);
      if (response) return { kind: "replay", response };
      // Chunks gone before their record (TTL removes them one by one): the answer is lost, so start again.
      await ref.delete({ lastUpdateTime: record.updateTime! }).catch(() => undefined);
      continue;
    }
    if (leaseEnd(record, leaseMs) < Date.now() && (await takeOver(db, ref, owner, leaseMs))) {
      logger.warn("idempotency.lease_taken_over", { recordId: ref.id });
      return ownerClaim(db, ref, owner, leaseMs, renew);
    }
    if (Date.now() > deadline) return { kind: "busy" };
    await sleep(100 + Math.random() * 150);
  }
}

/** Takes a pending claim whose lease ran out; false when it was completed or taken meanwhile. */
async function takeOver(db: Firestore, ref: DocumentReference, owner: string, leaseMs: number): Promise<boolean> {
  return db.runTransaction(async (tx) => {
    const record = await tx.get(ref);
    if (!record.exists || record.get("state") !== "pending" || leaseEnd(record, leaseMs) >= Date.now()) return false;
    tx.update(ref, { owner, leaseExpiresAt: Timestamp.fromMillis(Date.now() + leaseMs) });
    return true;
  });
}

/** Runs `write` if `owner` still holds the pending claim, in one transaction; false when it does not. */
async function whileOwner(
  db: Firestore,
  ref: DocumentReference,
  owner: string,
  write: (tx: FirebaseFirestore.Transaction) => void,
): Promise<boolean> {
  return db.runTransaction(async (tx) => {
    const record = await tx.get(ref);
    if (!record.exists || record.get("state") !== "pending" || record.get("owner") !== owner) return false;
    write(tx);
    return true;
  });
}

function ownerClaim(db: Firestore, ref: DocumentReference, owner: string, leaseMs: number, renew: boolean): OwnerClaim {
  // A request that runs longer than a third of the lease renews it, so only a dead one loses its key.
  const renewal = renew
    ? setInterval(
        () => {
          whileOwner(db, ref, owner, (tx) =>
            tx.update(ref, { leaseExpiresAt: Timestamp.fromMillis(Date.now() + leaseMs) }),
          ).catch(() => undefined);
        },
        Math.max(leaseMs / 3, 1_000),
      )
    : null;
  renewal?.unref();
  let settled = false;
  const settle = () => {
    settled = true;
    if (renewal) clearInterval(renewal);
  };
  const release = async () => {
    settle();
    await whileOwner(db, ref, owner, (tx) => tx.delete(ref));
  };
  return {
    kind: "owner",
    release,
    complete: async (response) => {
      if (settled) return "lost";
      settle();
      const chunks = encodeAnswer(response.body);
      const bytes = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
      if (bytes > MAX_STORED_ANSWER_BYTES) {
        logger.warn("idempotency.answer_too_large", { recordId: ref.id, bytes });
        await whileOwner(db, ref, owner, (tx) => tx.delete(ref));
        return "too_large";
      }
      const expiresAt = Timestamp.fromMillis(Date.now() + IDEMPOTENCY_TTL_MS);
      const stored = await whileOwner(db, ref, owner, (tx) => {
        for (const [index, data] of chunks.entries()) tx.set(chunkRef(ref, index), { data, expiresAt });
        tx.update(ref, {
          state: "done",
          response: { status: response.status, location: response.location, chunks: chunks.length, bytes },
          issueRefs: response.issueRefs ?? [],
          expiresAt,
        });
      });
      return stored ? "stored" : "lost";
    },
  };
}

async function readAnswer(
  db: Firestore,
  ref: DocumentReference,
  record: DocumentSnapshot,
): Promise<StoredResponse | null> {
  const meta = record.get("response") as { status: number; location: string | null; chunks: number } | undefined;
  if (!meta || !Number.isInteger(meta.chunks) || meta.chunks < 1) return null;
  const chunks = await db.getAll(...Array.from({ length: meta.chunks }, (_, index) => chunkRef(ref, index)));
  if (chunks.some((chunk) => !chunk.exists)) return null;
  const body = decodeAnswer(chunks.map((chunk) => chunk.get("data") as Buffer));
  return { status: meta.status, body, location: meta.location ?? null };
}

/** Deletes every cached answer about an issue (with its chunks): an erased issue's content must not be replayed. */
export async function purgeIssueAnswers(db: Firestore, orgId: string, issueId: string): Promise<void> {
  const cached = await db
    .collection("idempotencyKeys")
    .where("issueRefs", "array-contains", `${orgId}/${issueId}`)
    .get();
  await Promise.all(cached.docs.map((doc) => db.recursiveDelete(doc.ref)));
}
