/**
 * The safety net for numbering: every few minutes, number whatever is still
 * unnumbered anywhere (an issue whose trigger ran while a numbering-lease
 * holder died, for example). Each org is handled on its own: one whose
 * numbering fails (a corrupt counter) is logged and skipped, and the others
 * are numbered all the same.
 */
import { onSchedule } from "firebase-functions/v2/scheduler";
import { logger } from "firebase-functions/logger";
import { FieldPath, type Firestore, type QuerySnapshot } from "firebase-admin/firestore";
import { REGION } from "../config";
import { db } from "../store/db";
import { CorruptCounterError, numberPendingIssues } from "../store/numberAllocator";
import { allIssues } from "../store/refs";

const ORGS_PER_SWEEP = 500;

/**
 * The orgs that have unnumbered issues, one read each: every look jumps past
 * the org it found, so an org with thousands of stragglers (a broken one, say)
 * does not hide the orgs after it.
 */
export async function* orgsWithUnnumberedIssues(
  firestore: Firestore,
  maxOrgs = ORGS_PER_SWEEP,
): AsyncGenerator<string> {
  const query = allIssues(firestore).where("number", "==", null).orderBy(FieldPath.documentId()).select().limit(1);
  const seen = new Set<string>();
  let after: string | null = null;
  for (let looks = 0; seen.size < maxOrgs && looks < 2 * maxOrgs; looks++) {
    const page: QuerySnapshot = await (after === null ? query : query.startAfter(after)).get();
    const doc = page.docs[0];
    if (!doc) return;
    const orgId = doc.ref.parent.parent!.id;
    if (!seen.has(orgId)) {
      seen.add(orgId);
      yield orgId;
    }
    // Auto ids sort below U+F8FF; past an id above it, the scan goes on from that issue.
    const past = `orgs/${orgId}/issues/\uf8ff`;
    after = doc.ref.path < past ? past : doc.ref.path;
  }
}

export interface SweepResult {
  orgs: number;
  numbered: number;
  /** Orgs whose numbering threw; they are retried on the next sweep. */
  failed: string[];
}

export async function sweepUnnumberedIssues(firestore: Firestore = db()): Promise<SweepResult> {
  let orgs = 0;
  let numbered = 0;
  const failed: string[] = [];
  for await (const orgId of orgsWithUnnumberedIssues(firestore)) {
    orgs++;
    try {
      numbered += (await numberPendingIssues(firestore, orgId)) ?? 0;
    } catch (err) {
      failed.push(orgId);
      // The error's kind and code, not its message: messages can quote document data.
      const reason = err instanceof CorruptCounterError ? err.message : err instanceof Error ? err.name : "unknown";
      logger.error("numbering.sweeper_org_failed", { orgId, reason, code: (err as { code?: unknown }).code ?? null });
    }
  }
  if (numbered > 0) logger.warn("numbering.sweeper_numbered_stragglers", { orgs, numbered });
  return { orgs, numbered, failed };
}

export const numberingSweeper = onSchedule({ schedule: "every 5 minutes", region: REGION }, async () => {
  await sweepUnnumberedIssues();
});
