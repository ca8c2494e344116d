/** The table of a collection only the server touches: every actor is refused everything. */
import { collection, deleteDoc, doc, getDoc, getDocs, setDoc, updateDoc } from "firebase/firestore";
import { everyoneDenied, type CollectionTable, type Operation } from "./matrix";

type Data = Record<string, unknown>;

export function serverOnlyTable(
  existingDoc: string,
  sample: Data,
  change: Data,
  more?: Record<string, Operation>,
): CollectionTable {
  const parent = existingDoc.slice(0, existingDoc.lastIndexOf("/"));
  return {
    get: { does: `read ${existingDoc}`, run: (db) => getDoc(doc(db, existingDoc)), expect: everyoneDenied },
    list: { does: `list ${parent}`, run: (db) => getDocs(collection(db, parent)), expect: everyoneDenied },
    create: {
      does: `create ${parent}/new`,
      run: (db) => setDoc(doc(db, `${parent}/new`), sample),
      expect: everyoneDenied,
    },
    update: {
      does: `change ${existingDoc}`,
      run: (db) => updateDoc(doc(db, existingDoc), change),
      expect: everyoneDenied,
    },
    delete: { does: `delete ${existingDoc}`, run: (db) => deleteDoc(doc(db, existingDoc)), expect: everyoneDenied },
    ...(more ? { more } : {}),
  };
}
