/**
 * The one issue-number allocator (DESIGN.md §3). A single transaction takes the
 * org's unnumbered issues in `createdAt` order, reads the per-year counters,
 * stamps the numbers and writes the counters back. It is idempotent: an issue
 * that already has a number is never touched again, so any number of callers
 * (the create handler, the trigger, a sweeper) may run it at once.
 */
import { FieldValue, type DocumentSnapshot, type Firestore, type Timestamp } from "firebase-admin/firestore";
import { formatIssueNumber, numberingYear, SYSTEM_ACTOR } from "../domain";
import { counterRef, issuesCol } from "./refs";

export const ALLOCATION_BATCH_SIZE = 100;

export interface AllocationResult {
  numbered: number;
}

export async function allocateIssueNumbers(
  db: Firestore,
  orgId: string,
  batchSize = ALLOCATION_BATCH_SIZE,
): Promise<AllocationResult> {
  return db.runTransaction(async (tx) => {
    const pending = await tx.get(
      issuesCol(db, orgId).where("number", "==", null).orderBy("createdAt").limit(batchSize),
    );
    if (pending.empty) return { numbered: 0 };

    const yearOf = (doc: DocumentSnapshot) => numberingYear((doc.get("createdAt") as Timestamp).toDate());
    const years = [...new Set(pending.docs.map(yearOf))];
    const counters = await tx.getAll(...years.map((year) => counterRef(db, orgId, year)));
    // `next` is the next sequence number to hand out in that year.
    const next = new Map(years.map((year, i) => [year, (counters[i]?.get("next") as number | undefined) ?? 1]));

    for (const doc of pending.docs) {
      const year = yearOf(doc);
      const seq = next.get(year)!;
      next.set(year, seq + 1);
      tx.update(doc.ref, {
        number: formatIssueNumber(year, seq),
        seq,
        year,
        version: FieldValue.increment(1),
        lastActor: SYSTEM_ACTOR,
      });
    }
    for (const year of years) {
      tx.set(
        counterRef(db, orgId, year),
        { next: next.get(year), transactions: FieldValue.increment(1), updatedAt: FieldValue.serverTimestamp() },
        { merge: true },
      );
    }
    return { numbered: pending.size };
  });
}

/** gRPC codes that mean "another writer got there first; try again". */
const RETRYABLE_CODES = new Set([4 /* DEADLINE_EXCEEDED */, 10 /* ABORTED */, 14 /* UNAVAILABLE */]);

function isRetryable(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  return typeof code === "number" && RETRYABLE_CODES.has(code);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface EnsureNumberedOptions {
  maxRounds?: number;
}

/**
 * Runs the allocator until the given issue has a number, and returns its
 * snapshot (or null when the issue does not exist). Under a burst most callers
 * find their issue numbered by somebody else's batch on the first re-read, so
 * the contention on the counter stays at a few transactions per hundred issues.
 */
export async function ensureIssueNumbered(
  db: Firestore,
  orgId: string,
  issueId: string,
  { maxRounds = 40 }: EnsureNumberedOptions = {},
): Promise<DocumentSnapshot | null> {
  const ref = issuesCol(db, orgId).doc(issueId);
  for (let round = 0; round < maxRounds; round++) {
    const snapshot = await ref.get();
    if (!snapshot.exists) return null;
    if (snapshot.get("number")) return snapshot;
    try {
      await allocateIssueNumbers(db, orgId);
    } catch (err) {
      if (!isRetryable(err)) throw err;
      // Jitter spreads the retries of a burst so they do not collide again in lockstep.
      await sleep(25 + Math.random() * 100 * Math.min(round + 1, 10));
    }
  }
  throw new Error(`issue ${issueId} was still unnumbered after ${maxRounds} allocation rounds`);
}
