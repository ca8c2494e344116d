/**
 * The safety net behind the SLA timers: every minute, marks the at-risk
 * warnings and the SLA breaches that came due (each once: the mark is
 * decided again inside a transaction, see store/slaBreaches.ts). The handler
 * takes `now`, so tests drive it with an injected clock.
 */
import { onSchedule } from "firebase-functions/v2/scheduler";
import { logger } from "firebase-functions/logger";
import type { Firestore } from "firebase-admin/firestore";
import type { SlaClockKind } from "../domain";
import { REGION } from "../config";
import { db } from "../store/db";
import { markDueSlaEvents } from "../store/slaBreaches";
import { atRiskCandidates, breachCandidates } from "../store/slaQueries";

export async function sweepSlaBreaches(
  firestore: Firestore = db(),
  now: number = Date.now(),
): Promise<{ marked: number; warned: number }> {
  let marked = 0;
  let warned = 0;
  for (const clock of ["firstResponse", "resolution"] as SlaClockKind[]) {
    for (const doc of await breachCandidates(firestore, clock, now)) {
      const orgId = doc.ref.parent.parent!.id;
      marked += (await markDueSlaEvents(firestore, orgId, doc.id, now)).breached.length;
    }
  }
  for (const doc of await atRiskCandidates(firestore, now)) {
    const orgId = doc.ref.parent.parent!.id;
    if ((await markDueSlaEvents(firestore, orgId, doc.id, now)).warned) warned += 1;
  }
  // Anything marked here was missed by its SLA timer (events/slaTimer.ts).
  if (marked > 0 || warned > 0) logger.info("sla.sweep_marked", { marked, warned });
  return { marked, warned };
}

export const slaBreachSweep = onSchedule({ schedule: "every 1 minutes", region: REGION }, async () => {
  await sweepSlaBreaches();
});
