/**
 * Once, for a deployment that held issues before customers had a time of change of their own
 * (docs/decisions/0048-customer-updated-at.md): every issue without `publicFingerprint` gets the
 * fingerprint of what its customer sees now and, as the time of that, its `updatedAt`. Until then
 * such an issue has no `publicUpdatedAt`, so a customer's list sorted by `updatedAt` leaves it out.
 * The fingerprint is the one the event core derives (domain/derivedFields.ts), so the trigger the
 * write causes finds nothing to do; a second run writes nothing. Org by org and page by page, by
 * document id, so no query needs an index.
 */
import { FieldPath, type Firestore, type QueryDocumentSnapshot } from "firebase-admin/firestore";
import { customerFingerprint } from "../domain";
import { factsOf } from "./issueFacts";
import { issuesCol } from "./refs";

export interface BackfillOutcome {
  scanned: number;
  written: number;
}

export async function backfillPublicUpdatedAt(
  db: Firestore,
  { pageSize = 300, orgIds }: { pageSize?: number; orgIds?: string[] } = {},
): Promise<BackfillOutcome> {
  const outcome: BackfillOutcome = { scanned: 0, written: 0 };
  const orgs = orgIds ?? (await db.collection("orgs").listDocuments()).map((org) => org.id);
  for (const orgId of orgs) {
    let last: QueryDocumentSnapshot | undefined;
    for (;;) {
      let query = issuesCol(db, orgId).orderBy(FieldPath.documentId()).limit(pageSize);
      if (last) query = query.startAfter(last);
      const page = await query.get();
      if (page.empty) break;
      const writer = db.bulkWriter();
      // A document changed since it was read is the event core's to derive: its write wins, not ours.
      writer.onWriteError(() => false);
      for (const doc of page.docs) {
        outcome.scanned++;
        if (typeof doc.get("publicFingerprint") === "string" || doc.get("updatedAt") == null) continue;
        const facts = readableFacts(doc);
        if (!facts) continue;
        writer
          .update(
            doc.ref,
            { publicFingerprint: customerFingerprint(facts), publicUpdatedAt: doc.get("updatedAt") },
            { lastUpdateTime: doc.updateTime },
          )
          .then(
            () => outcome.written++,
            () => undefined,
          );
      }
      await writer.close();
      last = page.docs.at(-1);
    }
  }
  return outcome;
}

/** A document too broken to read as an issue is left to whoever repairs it. */
function readableFacts(doc: QueryDocumentSnapshot) {
  try {
    return factsOf(doc);
  } catch {
    return null;
  }
}
