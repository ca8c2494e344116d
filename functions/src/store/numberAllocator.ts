/**
 * The one issue-number allocator (docs/numbering.md). A single transaction takes the
 * org's unnumbered issues in `createdAt` order, reads the per-year counters,
 * stamps the numbers and writes the counters back. It is idempotent: an issue
 * that already has a number is never touched again, so any number of callers
 * (the create handler, the trigger, a sweeper) may run it at once.
 */
import { randomUUID } from "node:crypto";
import {
  FieldValue,
  Timestamp,
  type DocumentSnapshot,
  type Firestore,
  type Transaction,
} from "firebase-admin/firestore";
import { logger } from "firebase-functions/logger";
import {
  automationsOf,
  formatIssueNumber,
  numberingYear,
  roundRobinActor,
  roundRobinPicks,
  SYSTEM_ACTOR,
  type PoolMember,
} from "../domain";
import { GRPC, hasGrpcCode, isAlreadyExists } from "./grpcCodes";
import {
  assignmentCursorRef,
  counterRef,
  issueRef,
  issuesCol,
  membersCol,
  numberingLeaseRef,
  orgSettingsRef,
} from "./refs";

export const ALLOCATION_BATCH_SIZE = 100;

export interface AllocationResult {
  numbered: number;
  /** Issues taken out of the queue because they cannot be numbered (see `numberingProblem`). */
  quarantined: number;
}

/** A counter that is not a positive integer: the org's numbering stops rather than guess (a guess could repeat a number). */
export class CorruptCounterError extends Error {
  constructor(
    readonly orgId: string,
    readonly year: number,
  ) {
    super(`the issue counter of year ${year} is not a positive integer`);
  }
}

/**
 * Why an issue cannot take a number, or null when it can: the year comes from
 * `createdAt`, so an issue without a usable one has no place in any sequence.
 */
export function numberingProblem(createdAt: unknown): string | null {
  if (typeof (createdAt as { toDate?: unknown } | null)?.toDate !== "function") return "createdAt is not a timestamp";
  const year = numberingYear((createdAt as Timestamp).toDate());
  return Number.isInteger(year) && year >= 1000 && year <= 9999 ? null : "createdAt lies outside the years 1000–9999";
}

/**
 * The quarantine: the issue leaves the allocator's queue (its `number` field
 * goes, as for an import that never had one) and says why in `numberingError`.
 * To number it once `createdAt` is fixed, set `number` to null: the sweeper
 * picks it up, and numbering clears the error.
 */
function quarantine(reason: string) {
  return { number: FieldValue.delete(), numberingError: reason, lastActor: SYSTEM_ACTOR };
}

function logQuarantine(orgId: string, issueId: string, reason: string) {
  // Ids and the reason only: never the title or anything a person wrote.
  logger.warn("numbering.quarantined", { orgId, issueId, reason });
}

export type Admission = "missing" | "numbered" | "queued" | "quarantined";

interface AdmissionDecision {
  admission: Admission;
  /** What to write, when the issue needs a write to be queued or quarantined. */
  write?: Record<string, unknown>;
  reason?: string;
}

function decideAdmission(issue: DocumentSnapshot): AdmissionDecision {
  if (!issue.exists) return { admission: "missing" };
  if (issue.get("number")) return { admission: "numbered" };
  if (issue.get("numberingError") !== undefined && issue.get("number") === undefined)
    return { admission: "quarantined" };
  const problem = numberingProblem(issue.get("createdAt"));
  if (problem) return { admission: "quarantined", write: quarantine(problem), reason: problem };
  if (issue.get("number") === undefined) return { admission: "queued", write: { number: null, seq: null, year: null } };
  return { admission: "queued" };
}

/**
 * Puts an issue that any path wrote into the allocator's queue: an import or a
 * Linear issue may lack `number` altogether, and the queue is `number == null`.
 * An issue that cannot be numbered is quarantined instead. The usual case (the
 * API wrote `number: null`) costs one read; a write happens in a transaction
 * that decides again. Idempotent: a second call finds the issue queued,
 * numbered or quarantined already.
 */
export async function admitForNumbering(db: Firestore, orgId: string, issueId: string): Promise<Admission> {
  const ref = issueRef(db, orgId, issueId);
  const first = decideAdmission(await ref.get());
  if (!first.write) return first.admission;
  const decided = await db.runTransaction(async (tx) => {
    const decision = decideAdmission(await tx.get(ref));
    if (decision.write) tx.update(ref, decision.write);
    return decision;
  });
  if (decided.reason) logQuarantine(orgId, issueId, decided.reason);
  return decided.admission;
}

/**
 * The round-robin picks for `count` new issues (none when the org does not assign in
 * turn). Read inside the allocator's transaction, so a burst's issues are handed out by
 * one writer from one cursor: evenly, and nobody picked twice for one turn.
 */
async function readRoundRobin(db: Firestore, tx: Transaction, orgId: string, count: number) {
  const none = {
    picks: [] as { uid: string; name: string }[],
    lastUid: null as string | null,
    previousUid: null as string | null,
  };
  if (count === 0) return none;
  const settings = await tx.get(orgSettingsRef(db, orgId));
  const { assignment } = automationsOf(settings.get("automations"));
  if (assignment.mode !== "round_robin" || assignment.pool.length === 0) return none;
  const [cursor, ...members] = await tx.getAll(
    assignmentCursorRef(db, orgId),
    ...assignment.pool.map((uid) => membersCol(db, orgId).doc(uid)),
  );
  const pool: PoolMember[] = members.map((member, i) => ({
    uid: assignment.pool[i]!,
    role: member!.exists ? String(member!.get("role")) : null,
    name: String(member!.get("displayName") ?? ""),
  }));
  const previousUid = (cursor!.get("lastUid") as string | undefined) ?? null;
  const turns = roundRobinPicks(pool, previousUid, count);
  return { picks: turns.picks, lastUid: turns.lastUid, previousUid };
}

export async function allocateIssueNumbers(
  db: Firestore,
  orgId: string,
  batchSize = ALLOCATION_BATCH_SIZE,
): Promise<AllocationResult> {
  const result = await db.runTransaction(async (tx) => {
    const pending = await tx.get(
      issuesCol(db, orgId).where("number", "==", null).orderBy("createdAt").limit(batchSize),
    );
    if (pending.empty) return { numbered: 0, quarantined: [] as { id: string; reason: string }[] };

    // One issue that cannot be numbered must not hold up the others: it leaves the queue here.
    const quarantined: { id: string; reason: string }[] = [];
    const numberable: DocumentSnapshot[] = [];
    for (const doc of pending.docs) {
      const problem = numberingProblem(doc.get("createdAt"));
      if (problem) quarantined.push({ id: doc.id, reason: problem });
      else numberable.push(doc);
    }

    const yearOf = (doc: DocumentSnapshot) => numberingYear((doc.get("createdAt") as Timestamp).toDate());
    const years = [...new Set(numberable.map(yearOf))];
    const counters = years.length > 0 ? await tx.getAll(...years.map((year) => counterRef(db, orgId, year))) : [];
    // `next` is the next sequence number to hand out in that year.
    const next = new Map(
      years.map((year, i) => {
        const stored = counters[i]?.get("next") as unknown;
        if (stored !== undefined && !(Number.isSafeInteger(stored) && (stored as number) >= 1))
          throw new CorruptCounterError(orgId, year);
        return [year, (stored as number | undefined) ?? 1];
      }),
    );

    const turns = await readRoundRobin(db, tx, orgId, numberable.filter((doc) => doc.get("assignee") == null).length);

    // A transaction reads everything before it writes anything.
    for (const { id, reason } of quarantined) tx.update(issuesCol(db, orgId).doc(id), quarantine(reason));
    for (const doc of numberable) {
      const year = yearOf(doc);
      const seq = next.get(year)!;
      next.set(year, seq + 1);
      // New issues are numbered once, in commit order: the same pass hands them out in turn.
      const assignee = doc.get("assignee") == null ? turns.picks.shift() : undefined;
      tx.update(doc.ref, {
        number: formatIssueNumber(year, seq),
        seq,
        year,
        numberingError: FieldValue.delete(),
        version: FieldValue.increment(1),
        ...(assignee ? { assignee, lastActor: roundRobinActor() } : { lastActor: SYSTEM_ACTOR }),
      });
    }
    if (turns.lastUid !== turns.previousUid) {
      tx.set(
        assignmentCursorRef(db, orgId),
        { lastUid: turns.lastUid, updatedAt: FieldValue.serverTimestamp() },
        { merge: true },
      );
    }
    for (const year of years) {
      tx.set(
        counterRef(db, orgId, year),
        { next: next.get(year), transactions: FieldValue.increment(1), updatedAt: FieldValue.serverTimestamp() },
        { merge: true },
      );
    }
    return { numbered: numberable.length, quarantined };
  });
  for (const { id, reason } of result.quarantined) logQuarantine(orgId, id, reason);
  return { numbered: result.numbered, quarantined: result.quarantined.length };
}

/** Codes that mean "another writer got there first; try again". */
const RETRYABLE_CODES = [GRPC.DEADLINE_EXCEEDED, GRPC.ABORTED, GRPC.UNAVAILABLE];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Only one caller per org runs the allocator at a time. Many allocator
 * transactions over the same query and counter mostly wait on each other's
 * locks (the emulator serialises them for tens of seconds), so callers take a
 * short lease first. The lease is taken with `create()`, which is atomic and
 * holds no lock; correctness never depends on it, only throughput does: the
 * transaction alone keeps numbers unique and gap-free.
 */
export const NUMBERING_LEASE_MS = 15_000;

async function tryTakeLease(db: Firestore, orgId: string, holder: string): Promise<boolean> {
  const ref = numberingLeaseRef(db, orgId);
  // Two tries: the second follows clearing a lease whose holder died.
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await ref.create({ holder, expiresAt: Timestamp.fromMillis(Date.now() + NUMBERING_LEASE_MS) });
      return true;
    } catch (err) {
      if (!isAlreadyExists(err)) throw err;
    }
    const lease = await ref.get();
    const expiresAt = lease.get("expiresAt") as Timestamp | undefined;
    if (!lease.exists || !expiresAt || expiresAt.toMillis() >= Date.now()) return false;
    // The precondition makes sure we delete the dead lease, not a fresh one taken meanwhile.
    const cleared = await ref.delete({ lastUpdateTime: lease.updateTime! }).then(
      () => true,
      () => false,
    );
    if (!cleared) return false;
  }
  return false;
}

async function releaseLease(db: Firestore, orgId: string, holder: string): Promise<void> {
  const ref = numberingLeaseRef(db, orgId);
  const lease = await ref.get();
  if (lease.get("holder") === holder) await ref.delete({ lastUpdateTime: lease.updateTime! }).catch(() => undefined);
}

/** Runs allocator batches until nothing in the org is left unnumbered. */
async function drainUnnumbered(db: Firestore, orgId: string): Promise<number> {
  let total = 0;
  for (let attempt = 0; ; ) {
    try {
      const { numbered, quarantined } = await allocateIssueNumbers(db, orgId);
      total += numbered;
      if (numbered + quarantined < ALLOCATION_BATCH_SIZE) return total;
    } catch (err) {
      if (!hasGrpcCode(err, ...RETRYABLE_CODES) || ++attempt >= 5) throw err;
      await sleep(50 * attempt);
    }
  }
}

async function hasUnnumbered(db: Firestore, orgId: string): Promise<boolean> {
  const pending = await issuesCol(db, orgId).where("number", "==", null).limit(1).select().get();
  return !pending.empty;
}

/**
 * Numbers everything pending in the org, unless another caller holds the lease
 * (then it returns null at once). A holder looks again after releasing: an
 * issue created between its last batch and the release found the lease taken
 * and left its numbering to the holder, so nothing is stranded while holders
 * stay alive. A holder that dies leaves its lease to expire; the sweeper and the
 * next caller clear it.
 */
export async function numberPendingIssues(db: Firestore, orgId: string): Promise<number | null> {
  let total: number | null = null;
  for (;;) {
    const holder = randomUUID();
    if (!(await tryTakeLease(db, orgId, holder))) return total;
    try {
      total = (total ?? 0) + (await drainUnnumbered(db, orgId));
    } finally {
      await releaseLease(db, orgId, holder);
    }
    if (!(await hasUnnumbered(db, orgId))) return total;
  }
}

export interface EnsureNumberedOptions {
  /** How long to wait for a number before giving up; stays below the function timeout. */
  timeoutMs?: number;
  /** Pause between looks while another caller holds the lease: [least, most] ms, picked at random. */
  pollMs?: readonly [number, number];
  /** The pause grows by half after each look, up to this: a burst's waiters must not starve the holder. */
  maxPollMs?: number;
}

/**
 * Returns the issue's snapshot once it has a number (or null when it does not
 * exist). Under a burst most callers find their issue numbered by somebody
 * else's batch while they wait, so the counter sees a few transactions per
 * hundred issues.
 */
export async function ensureIssueNumbered(
  db: Firestore,
  orgId: string,
  issueId: string,
  { timeoutMs = 45_000, pollMs = [50, 250], maxPollMs = 1_000 }: EnsureNumberedOptions = {},
): Promise<DocumentSnapshot | null> {
  const ref = issuesCol(db, orgId).doc(issueId);
  const deadline = Date.now() + timeoutMs;
  for (let waits = 0; ; ) {
    const snapshot = await ref.get();
    if (!snapshot.exists) return null;
    if (snapshot.get("number")) return snapshot;
    if (Date.now() > deadline) throw new Error(`issue ${issueId} was still unnumbered after ${timeoutMs} ms`);
    const ran = await numberPendingIssues(db, orgId);
    if (ran === null) {
      // Each look is a read and a lease attempt: at a fixed pace, 400 waiters starved the holder's
      // transaction on a loaded emulator (bench: numbering at 400). Jitter keeps them out of lockstep.
      const scale = Math.min(1.5 ** waits++, maxPollMs / pollMs[1]);
      await sleep((pollMs[0] + Math.random() * (pollMs[1] - pollMs[0])) * scale);
    }
  }
}
