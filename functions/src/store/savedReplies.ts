/**
 * Saved replies: `orgs/{orgId}/savedReplies/{id}` (title, body, internal, createdBy,
 * createdAt, updatedBy, updatedAt). Admins and agents read them straight from Firestore
 * (the web's picker); every write comes through the API.
 */
import { FieldValue, Timestamp, type DocumentSnapshot, type Firestore } from "firebase-admin/firestore";
import type { SavedReplyCreateInput, SavedReplyUpdateInput } from "../domain";
import { savedRepliesCol } from "./refs";

export interface SavedReply {
  id: string;
  title: string;
  body: string;
  internal: boolean;
  createdBy: string;
  createdAt: Date | null;
  updatedBy: string;
  updatedAt: Date | null;
}

const date = (value: unknown) => (value instanceof Timestamp ? value.toDate() : null);

function savedReplyOf(doc: DocumentSnapshot): SavedReply {
  return {
    id: doc.id,
    title: doc.get("title") as string,
    body: doc.get("body") as string,
    internal: doc.get("internal") === true,
    createdBy: doc.get("createdBy") as string,
    createdAt: date(doc.get("createdAt")),
    updatedBy: (doc.get("updatedBy") as string | undefined) ?? (doc.get("createdBy") as string),
    updatedAt: date(doc.get("updatedAt")),
  };
}

export async function createSavedReply(
  db: Firestore,
  orgId: string,
  input: SavedReplyCreateInput,
  by: string,
): Promise<SavedReply> {
  const ref = savedRepliesCol(db, orgId).doc();
  await ref.create({
    ...input,
    createdBy: by,
    createdAt: FieldValue.serverTimestamp(),
    updatedBy: by,
    updatedAt: FieldValue.serverTimestamp(),
  });
  return savedReplyOf(await ref.get());
}

/** Alphabetical, as the picker shows them. */
export async function listSavedReplies(db: Firestore, orgId: string): Promise<SavedReply[]> {
  return (await savedRepliesCol(db, orgId).orderBy("title").get()).docs.map(savedReplyOf);
}

export async function getSavedReply(db: Firestore, orgId: string, id: string): Promise<SavedReply | null> {
  const doc = await savedRepliesCol(db, orgId).doc(id).get();
  return doc.exists ? savedReplyOf(doc) : null;
}

/** Null when there is no such reply; the check and the write are one transaction, so a deleted reply is not written back. */
export async function updateSavedReply(
  db: Firestore,
  orgId: string,
  id: string,
  changes: SavedReplyUpdateInput,
  by: string,
): Promise<SavedReply | null> {
  const ref = savedRepliesCol(db, orgId).doc(id);
  const found = await db.runTransaction(async (tx) => {
    if (!(await tx.get(ref)).exists) return false;
    const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
    tx.update(ref, { ...defined, updatedBy: by, updatedAt: FieldValue.serverTimestamp() });
    return true;
  });
  return found ? savedReplyOf(await ref.get()) : null;
}

/** False when there was no such reply. */
export async function deleteSavedReply(db: Firestore, orgId: string, id: string): Promise<boolean> {
  const ref = savedRepliesCol(db, orgId).doc(id);
  return db.runTransaction(async (tx) => {
    if (!(await tx.get(ref)).exists) return false;
    tx.delete(ref);
    return true;
  });
}
