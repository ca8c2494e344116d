/**
 * The safety net for numbering: every few minutes, number whatever is still
 * unnumbered anywhere (an issue whose trigger ran while a numbering-lease
 * holder died, for example). One collection-group query finds the orgs.
 */
import { onSchedule } from "firebase-functions/v2/scheduler";
import { logger } from "firebase-functions";
import type { Firestore } from "firebase-admin/firestore";
import { REGION } from "../config";
import { db } from "../store/db";
import { numberPendingIssues } from "../store/numberAllocator";

const ORGS_PER_SWEEP = 500;

export async function sweepUnnumberedIssues(firestore: Firestore = db()): Promise<{ orgs: number; numbered: number }> {
  const pending = await firestore.collectionGroup("issues").where("number", "==", null).limit(ORGS_PER_SWEEP).select("orgId").get();
  const orgIds = [...new Set(pending.docs.map((doc) => doc.ref.parent.parent!.id))];
  let numbered = 0;
  for (const orgId of orgIds) numbered += (await numberPendingIssues(firestore, orgId)) ?? 0;
  if (numbered > 0) logger.warn("numbering.sweeper_numbered_stragglers", { orgs: orgIds.length, numbered });
  return { orgs: orgIds.length, numbered };
}

export const numberingSweeper = onSchedule({ schedule: "every 5 minutes", region: REGION }, async () => {
  await sweepUnnumberedIssues();
});
