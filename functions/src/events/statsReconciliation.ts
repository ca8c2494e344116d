/**
 * Every six hours, checks every org's statistics against count()/sum()
 * queries and repairs drift that holds still (store/statsReconcile.ts).
 */
import { onSchedule } from "firebase-functions/v2/scheduler";
import { logger } from "firebase-functions";
import type { Firestore } from "firebase-admin/firestore";
import { REGION } from "../config";
import { db } from "../store/db";
import { reconcileOrgStats, type ReconcileOptions } from "../store/statsReconcile";

export async function reconcileAllStats(firestore: Firestore = db(), options: ReconcileOptions = {}) {
  const orgs = await firestore.collection("orgs").select().get();
  let drifted = 0;
  for (const org of orgs.docs) {
    const result = await reconcileOrgStats(firestore, org.id, options);
    if (Object.keys(result.drift).length > 0) {
      drifted++;
      logger.warn("stats.drift", { orgId: org.id, keys: Object.keys(result.drift).length, repaired: result.repaired });
    }
  }
  return { orgs: orgs.size, drifted };
}

export const statsReconciliation = onSchedule(
  { schedule: "every 6 hours", region: REGION, timeoutSeconds: 540 },
  async () => {
    await reconcileAllStats();
  },
);
