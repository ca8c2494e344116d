import {
  collection,
  collectionGroup,
  deleteDoc,
  doc,
  getDoc,
  getDocs,
  orderBy,
  query,
  setDoc,
  updateDoc,
} from "firebase/firestore";
import { expect } from "vitest";
import * as make from "./factories";
import { everyoneDenied, no, ok, row, rulesMatrix } from "./matrix";
import { ORG_A, ORG_B } from "./world";

const replies = `orgs/${ORG_A}/savedReplies`;

// Saved replies are for those who answer customers (admins and agents); every write goes through the API.
//                  unauthenticated admin agent reporter viewer owner otherCustomer outsider service
rulesMatrix("savedReplies", {
  get: {
    does: "read one of org A's saved replies",
    run: (db) => getDoc(doc(db, `${replies}/reply-1`)),
    expect: row(no, ok, ok, no, no, no, no, no, no),
  },
  list: {
    does: "list org A's saved replies by title",
    run: (db) => getDocs(query(collection(db, replies), orderBy("title"))),
    expect: row(no, ok, ok, no, no, no, no, no, no),
    check: (result) => {
      const titles = (result as { docs: { get(field: string): unknown }[] }).docs.map((d) => d.get("title"));
      expect(titles).toEqual(["Escalated to billing", "Refund on its way"]);
    },
  },
  create: {
    does: "save a reply",
    run: (db) => setDoc(doc(db, `${replies}/reply-new`), make.savedReplyDoc()),
    expect: everyoneDenied,
  },
  update: {
    does: "rewrite a saved reply",
    run: (db) => updateDoc(doc(db, `${replies}/reply-1`), { body: "Changed" }),
    expect: everyoneDenied,
  },
  delete: {
    does: "delete a saved reply",
    run: (db) => deleteDoc(doc(db, `${replies}/reply-1`)),
    expect: everyoneDenied,
  },
  more: {
    "get other org": {
      does: "read org B's saved reply",
      run: (db) => getDoc(doc(db, `orgs/${ORG_B}/savedReplies/reply-b`)),
      // Org B's admin is the outsider.
      expect: row(no, no, no, no, no, no, no, ok, no),
    },
    "collection group": {
      does: "query every org's saved replies at once",
      run: (db) => getDocs(collectionGroup(db, "savedReplies")),
      expect: everyoneDenied,
    },
  },
});
