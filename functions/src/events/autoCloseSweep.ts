/**
 * Every hour, closes resolved issues whose customer stayed quiet for the org's
 * `autoCloseAfterDays` (store/autoClose.ts). The handler takes `now`, so tests drive it
 * with an injected clock; each close is decided again in its own transaction, so two
 * runs at once close an issue once.
 */
import type { Firestore } from "firebase-admin/firestore";
import { logger } from "firebase-functions/logger";
import { onSchedule } from "firebase-functions/v2/scheduler";
import { REGION } from "../config";
import { runAutoClose } from "../store/autoClose";
import { db } from "../store/db";

export async function sweepAutoClose(
  firestore: Firestore = db(),
  now: number = Date.now(),
): Promise<{ closed: number }> {
  const result = await runAutoClose(firestore, now);
  if (result.closed > 0) logger.info("automations.auto_closed", { closed: result.closed });
  return result;
}

export const autoCloseSweep = onSchedule({ schedule: "every 60 minutes", region: REGION }, async () => {
  await sweepAutoClose();
});
