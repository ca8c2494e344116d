/**
 * Comments and activities share one set of rules (a thread of an issue), so their
 * tables are built here; each collection still has its own module and run.
 */
import {
  collection,
  deleteDoc,
  doc,
  getDoc,
  getDocs,
  orderBy,
  query,
  setDoc,
  updateDoc,
  where,
  type QuerySnapshot,
} from "firebase/firestore";
import { expect } from "vitest";
import * as make from "./factories";
import { everyoneDenied, no, ok, row, type CollectionTable } from "./matrix";
import { ISSUE, issuePath, PEOPLE, threadPath } from "./world";

type ThreadKind = "comments" | "activities";

const ids = (result: unknown) => (result as QuerySnapshot).docs.map((d) => d.id).sort();

export function threadTable(kind: ThreadKind): CollectionTable {
  /** The field the web orders a thread by. */
  const time = kind === "comments" ? "createdAt" : "at";
  const entry = (issueId: string, id: string) => threadPath(issueId, kind, id);
  const thread = (issueId: string) => `${issuePath(issueId)}/${kind}`;
  const newEntry = () =>
    kind === "comments" ? make.commentDoc(PEOPLE.owner) : make.activityDoc(PEOPLE.owner, { type: "commented" });

  //                  unauthenticated admin agent reporter viewer owner otherCustomer outsider service
  return {
    get: {
      does: `read a public entry of the owner's issue`,
      run: (db) => getDoc(doc(db, entry(ISSUE.owned, "public"))),
      expect: row(no, ok, ok, ok, ok, ok, no, no, no),
    },
    list: {
      does: `list the whole thread of the owner's issue (the members' view)`,
      run: (db) => getDocs(query(collection(db, thread(ISSUE.owned)), orderBy(time))),
      expect: row(no, ok, ok, ok, ok, no, no, no, no),
      check: (result) => expect(ids(result)).toEqual(["internal", "public"]),
    },
    create: {
      does: `add an entry to the owner's issue directly in Firestore`,
      run: (db) => setDoc(doc(db, entry(ISSUE.owned, "new")), newEntry()),
      expect: everyoneDenied,
    },
    update: {
      does: `make the internal entry of the owner's issue public`,
      run: (db) => updateDoc(doc(db, entry(ISSUE.owned, "internal")), { internal: false }),
      expect: everyoneDenied,
    },
    delete: {
      does: `delete a public entry of the owner's issue`,
      run: (db) => deleteDoc(doc(db, entry(ISSUE.owned, "public"))),
      expect: everyoneDenied,
    },
    more: {
      "get internal": {
        does: `read the internal entry of the owner's issue`,
        run: (db) => getDoc(doc(db, entry(ISSUE.owned, "internal"))),
        expect: row(no, ok, ok, ok, ok, no, no, no, no),
      },
      "list public": {
        // The portal's query: without `internal == false` it would leak internal notes.
        does: `list the public thread of the owner's issue`,
        run: (db) => getDocs(query(collection(db, thread(ISSUE.owned)), where("internal", "==", false), orderBy(time))),
        expect: row(no, ok, ok, ok, ok, ok, no, no, no),
        check: (result) => expect(ids(result)).toEqual(["public"]),
      },
      "list public of another's": {
        does: `list the public thread of the other customer's issue`,
        run: (db) =>
          getDocs(query(collection(db, thread(ISSUE.others)), where("internal", "==", false), orderBy(time))),
        expect: row(no, ok, ok, ok, ok, no, ok, no, no),
      },
      "get of deleted": {
        does: `read a public entry of the owner's soft-deleted issue`,
        run: (db) => getDoc(doc(db, entry(ISSUE.deleted, "public"))),
        expect: row(no, ok, no, no, no, no, no, no, no),
      },
      "list of deleted": {
        does: `list the public thread of the owner's soft-deleted issue`,
        run: (db) => getDocs(query(collection(db, thread(ISSUE.deleted)), where("internal", "==", false))),
        expect: row(no, ok, no, no, no, no, no, no, no),
      },
      "get of internal issue": {
        does: `read a public entry of an issue the agent raised`,
        run: (db) => getDoc(doc(db, entry(ISSUE.internal, "public"))),
        expect: row(no, ok, ok, ok, ok, no, no, no, no),
      },
    },
  };
}
