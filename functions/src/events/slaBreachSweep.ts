/**
 * Every minute, marks the SLA breaches that came due (each once: the mark is
 * decided again inside a transaction, see store/slaBreaches.ts). The handler
 * takes `now`, so tests drive it with an injected clock.
 */
import { onSchedule } from "firebase-functions/v2/scheduler";
import { logger } from "firebase-functions/logger";
import type { Firestore } from "firebase-admin/firestore";
import type { SlaClockKind } from "../domain";
import { REGION } from "../config";
import { db } from "../store/db";
import { markDueBreaches } from "../store/slaBreaches";
import { breachCandidates } from "../store/slaQueries";

export async function sweepSlaBreaches(firestore: Firestore = db(), now: number = Date.now()): Promise<{ marked: number }> {
  let marked = 0;
  for (const clock of ["firstResponse", "resolution"] as SlaClockKind[]) {
    for (const doc of await breachCandidates(firestore, clock, now)) {
      const orgId = doc.ref.parent.parent!.id;
      marked += (await markDueBreaches(firestore, orgId, doc.id, now)).length;
    }
  }
  if (marked > 0) logger.info("sla.breaches_marked", { marked });
  return { marked };
}

export const slaBreachSweep = onSchedule({ schedule: "every 1 minutes", region: REGION }, async () => {
  await sweepSlaBreaches();
});
