/** An admin's "push again" (POST …/issues/{id}/linear:sync): queue a push of the issue as it is now. */
import type { DocumentSnapshot, Firestore } from "firebase-admin/firestore";
import { isLinearSyncOn } from "../../domain";
import { linearLinkOf } from "../../store/linear";
import { getOrgSettings } from "../../store/orgs";
import { enqueueLinearSync, issuePath } from "./enqueue";

export async function requestLinearResync(
  db: Firestore,
  orgId: string,
  issue: DocumentSnapshot,
): Promise<"queued" | "sync_off"> {
  const settings = await getOrgSettings(db, orgId);
  if (!settings || !isLinearSyncOn(settings.linear)) return "sync_off";
  if (linearLinkOf(issue)?.state === "deleted") {
    // Removed in Linear: the sync never re-creates it by itself, but an admin asking for it gets a new one.
    await db.runTransaction(async (tx) => {
      const current = await tx.get(issue.ref);
      if (linearLinkOf(current)?.state === "deleted") tx.update(issue.ref, { linear: null });
    });
  }
  // No task id: an admin may ask again, and each request is a push of the current state.
  await enqueueLinearSync({ path: issuePath(orgId, issue.id) });
  return "queued";
}
