/** Every minute: mails whose retry wait is over, or whose sender died mid-attempt, go back to PENDING (docs/email.md). */
import { onSchedule } from "firebase-functions/v2/scheduler";
import { logger } from "firebase-functions/logger";
import type { Firestore } from "firebase-admin/firestore";
import { REGION } from "../config";
import { db } from "../store/db";
import { releaseDueMail } from "../store/mailDelivery";

export async function sweepMailRetries(
  firestore: Firestore = db(),
  now: number = Date.now(),
): Promise<{ released: number }> {
  const released = await releaseDueMail(firestore, now);
  if (released > 0) logger.info("mail.retries_released", { released });
  return { released };
}

export const mailRetrySweep = onSchedule({ schedule: "every 1 minutes", region: REGION }, async () => {
  await sweepMailRetries();
});
