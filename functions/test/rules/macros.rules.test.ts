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

const macros = `orgs/${ORG_A}/macros`;

// The team reads macros (to apply one); customers never; every write goes through the API.
//                  unauthenticated admin agent reporter viewer owner otherCustomer outsider service
rulesMatrix("macros", {
  get: {
    does: "read one of org A's macros",
    run: (db) => getDoc(doc(db, `${macros}/macro-1`)),
    expect: row(no, ok, ok, ok, ok, no, no, no, no),
  },
  list: {
    does: "list org A's macros by name",
    run: (db) => getDocs(query(collection(db, macros), orderBy("name"))),
    expect: row(no, ok, ok, ok, ok, no, no, no, no),
    check: (result) => {
      const names = (result as { docs: { get(field: string): unknown }[] }).docs.map((d) => d.get("name"));
      expect(names).toEqual(["Ask for logs", "Escalate to billing"]);
    },
  },
  create: {
    does: "create a macro",
    run: (db) => setDoc(doc(db, `${macros}/macro-new`), make.macroDoc()),
    expect: everyoneDenied,
  },
  update: {
    does: "rewrite a macro",
    run: (db) => updateDoc(doc(db, `${macros}/macro-1`), { name: "Changed" }),
    expect: everyoneDenied,
  },
  delete: { does: "delete a macro", run: (db) => deleteDoc(doc(db, `${macros}/macro-1`)), expect: everyoneDenied },
  more: {
    "get other org": {
      does: "read org B's macro",
      run: (db) => getDoc(doc(db, `orgs/${ORG_B}/macros/macro-b`)),
      // Org B's admin is the outsider.
      expect: row(no, no, no, no, no, no, no, ok, no),
    },
    "collection group": {
      does: "query every org's macros at once",
      run: (db) => getDocs(collectionGroup(db, "macros")),
      expect: everyoneDenied,
    },
    "assignment cursor": {
      does: "read org A's round-robin turn",
      run: (db) => getDoc(doc(db, `orgs/${ORG_A}/counters/assignment`)),
      expect: everyoneDenied,
    },
  },
});
