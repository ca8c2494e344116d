/**
 * A deleted account's ID token stays valid for up to an hour, and the minute sweep cannot see
 * the account any more (it lists the accounts that exist). Auth announces a deletion, though
 * (only through the first-generation trigger: the second generation has no such event), so
 * the account's sessions end here, with the marker of a disabled account (docs/security.md, "Disabled and revoked accounts").
 */
import type { Firestore } from "firebase-admin/firestore";
import { logger } from "firebase-functions/logger";
import * as v1 from "firebase-functions/v1";
import { REGION } from "../config";
import { accountRecordOf, markerDue } from "../identity/sessions";
import { db } from "../store/db";
import { recordSessionsEnded } from "../store/sessionMarkers";

/**
 * The deleted account's record, as Auth last held it: its sessions end as a disabled account's
 * would, the second after its latest sign-in. The value depends on the record only, so a
 * redelivery finds the marker stored and writes nothing.
 */
export async function endSessionsOfDeletedAccount(
  user: Parameters<typeof accountRecordOf>[0] & { uid: string },
  firestore: Firestore = db(),
): Promise<{ written: number }> {
  const marker = markerDue({ ...accountRecordOf(user), disabled: true });
  if (marker === null) return { written: 0 };
  const written = await recordSessionsEnded(firestore, user.uid, marker);
  if (written > 0) logger.info("sessions.deleted_account_marked", { uid: user.uid, documents: written });
  return { written };
}

export const endSessionsOnDelete = v1
  .region(REGION)
  .auth.user()
  .onDelete(async (user) => {
    await endSessionsOfDeletedAccount(user);
  });
