import { collection, deleteDoc, doc, getDoc, getDocs, setDoc, updateDoc } from "firebase/firestore";
import * as make from "./factories";
import { everyoneDenied, no, ok, row, rulesMatrix } from "./matrix";
import { ORG_A } from "./world";

const stats = `orgs/${ORG_A}/stats`;

// Org-wide figures are for members; customers see only their own issues.
//                  unauthenticated admin agent reporter viewer owner otherCustomer outsider service
rulesMatrix("stats", {
  get: {
    does: "read org A's dashboard figures",
    run: (db) => getDoc(doc(db, `${stats}/summary`)),
    expect: row(no, ok, ok, ok, ok, no, no, no, no),
  },
  list: {
    does: "list org A's stats documents",
    run: (db) => getDocs(collection(db, stats)),
    expect: row(no, ok, ok, ok, ok, no, no, no, no),
  },
  create: {
    does: "create a stats document",
    run: (db) => setDoc(doc(db, `${stats}/new`), make.statsDoc()),
    expect: everyoneDenied,
  },
  update: {
    does: "zero the counts",
    run: (db) => updateDoc(doc(db, `${stats}/summary`), { total: 0 }),
    expect: everyoneDenied,
  },
  delete: { does: "delete the figures", run: (db) => deleteDoc(doc(db, `${stats}/summary`)), expect: everyoneDenied },
});
