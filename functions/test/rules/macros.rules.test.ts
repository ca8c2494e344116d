import { getDoc, doc } from "firebase/firestore";
import * as make from "./factories";
import { everyoneDenied, no, ok, row } from "./matrix";
import { serverWrittenCollectionRules } from "./serverWrittenCollection";
import { ORG_A } from "./world";

// Every member reads macros, customers included (docs/automations.md); every write goes through the API.
//                  unauthenticated admin agent reporter viewer owner otherCustomer outsider service
serverWrittenCollectionRules({
  collection: "macros",
  noun: { one: "macro", many: "macros" },
  docId: "macro-1",
  orderField: "name",
  listed: ["Ask for logs", "Escalate to billing"],
  otherOrgDocId: "macro-b",
  newDoc: () => make.macroDoc(),
  change: { name: "Changed" },
  readers: row(no, ok, ok, ok, ok, ok, ok, no, no),
  // Org B's admin is the outsider; the owner is also a customer of org B.
  otherOrgReaders: row(no, no, no, no, no, ok, no, ok, no),
  readingRoles: ["admin", "agent", "reporter", "viewer", "customer"],
  more: {
    "assignment cursor": {
      does: "read org A's round-robin turn",
      run: (db) => getDoc(doc(db, `orgs/${ORG_A}/counters/assignment`)),
      expect: everyoneDenied,
    },
  },
});
