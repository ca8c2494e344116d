/**
 * Macros: `orgs/{orgId}/macros/{id}` (name, reply {body, internal} | null, changes
 * {status?, priority?, addTags?, assigneeUid?}, createdBy, createdAt, updatedBy, updatedAt).
 * Staff read them straight from Firestore; every write comes through the API (admins).
 */
import { FieldValue, Timestamp, type DocumentSnapshot, type Firestore } from "firebase-admin/firestore";
import {
  macroChangesSchema,
  macroProblem,
  macroReplySchema,
  type MacroChanges,
  type MacroCreateInput,
  type MacroReply,
  type MacroUpdateInput,
} from "../domain";
import { macrosCol } from "./refs";

export interface Macro {
  id: string;
  name: string;
  reply: MacroReply | null;
  changes: MacroChanges;
  createdBy: string;
  createdAt: Date | null;
  updatedBy: string;
  updatedAt: Date | null;
}

const date = (value: unknown) => (value instanceof Timestamp ? value.toDate() : null);

/** Read leniently: a malformed part is no reply / no change rather than a crash. */
export function macroOf(doc: DocumentSnapshot): Macro {
  const reply = macroReplySchema
    .nullable()
    .catch(null)
    .parse(doc.get("reply") ?? null);
  const changes = macroChangesSchema.catch({}).parse(doc.get("changes") ?? {});
  return {
    id: doc.id,
    name: String(doc.get("name") ?? ""),
    reply,
    changes,
    createdBy: String(doc.get("createdBy") ?? ""),
    createdAt: date(doc.get("createdAt")),
    updatedBy: String(doc.get("updatedBy") ?? doc.get("createdBy") ?? ""),
    updatedAt: date(doc.get("updatedAt")),
  };
}

/** Firestore refuses undefined: absent changes are left out. */
const storedChanges = (changes: MacroChanges) =>
  Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));

export async function createMacro(db: Firestore, orgId: string, input: MacroCreateInput, by: string): Promise<Macro> {
  const ref = macrosCol(db, orgId).doc();
  const now = FieldValue.serverTimestamp();
  await ref.create({
    name: input.name,
    reply: input.reply,
    changes: storedChanges(input.changes),
    createdBy: by,
    createdAt: now,
    updatedBy: by,
    updatedAt: now,
  });
  return macroOf(await ref.get());
}

/** Alphabetical, as the pickers show them. */
export async function listMacros(db: Firestore, orgId: string): Promise<Macro[]> {
  return (await macrosCol(db, orgId).orderBy("name").get()).docs.map(macroOf);
}

export async function getMacro(db: Firestore, orgId: string, id: string): Promise<Macro | null> {
  const doc = await macrosCol(db, orgId).doc(id).get();
  return doc.exists ? macroOf(doc) : null;
}

export type MacroUpdateOutcome =
  | { kind: "updated"; macro: Macro }
  | { kind: "missing" }
  | { kind: "invalid"; problem: string };

/** The check and the write are one transaction; the macro as a whole must still make sense afterwards. */
export async function updateMacro(
  db: Firestore,
  orgId: string,
  id: string,
  changes: MacroUpdateInput,
  by: string,
): Promise<MacroUpdateOutcome> {
  const ref = macrosCol(db, orgId).doc(id);
  const outcome = await db.runTransaction(async (tx): Promise<MacroUpdateOutcome | null> => {
    const current = await tx.get(ref);
    if (!current.exists) return { kind: "missing" };
    const before = macroOf(current);
    const next = {
      name: changes.name ?? before.name,
      reply: changes.reply === undefined ? before.reply : changes.reply,
      changes: changes.changes ?? before.changes,
    };
    const problem = macroProblem(next);
    if (problem) return { kind: "invalid", problem };
    tx.update(ref, {
      ...next,
      changes: storedChanges(next.changes),
      updatedBy: by,
      updatedAt: FieldValue.serverTimestamp(),
    });
    return null;
  });
  return outcome ?? { kind: "updated", macro: macroOf(await ref.get()) };
}

export async function deleteMacro(db: Firestore, orgId: string, id: string): Promise<boolean> {
  const ref = macrosCol(db, orgId).doc(id);
  return db.runTransaction(async (tx) => {
    if (!(await tx.get(ref)).exists) return false;
    tx.delete(ref);
    return true;
  });
}
