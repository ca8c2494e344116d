import { collection, deleteDoc, doc, getDoc, getDocs, orderBy, query, setDoc, updateDoc } from "firebase/firestore";
import * as make from "./factories";
import { everyoneDenied, no, ok, row, rulesMatrix } from "./matrix";
import { ORG_A } from "./world";

const keys = `orgs/${ORG_A}/apiKeys`;

// Key metadata is for admins; the hash lives in apiKeySecrets (apiKeySecrets.rules.test.ts).
//                  unauthenticated admin agent reporter viewer owner otherCustomer outsider service
rulesMatrix("apiKeys", {
  get: {
    does: "read a key's metadata",
    run: (db) => getDoc(doc(db, `${keys}/key-1`)),
    expect: row(no, ok, no, no, no, no, no, no, no),
  },
  list: {
    does: "list org A's keys, newest first",
    run: (db) => getDocs(query(collection(db, keys), orderBy("createdAt", "desc"))),
    expect: row(no, ok, no, no, no, no, no, no, no),
  },
  create: {
    does: "register a key",
    run: (db) => setDoc(doc(db, `${keys}/key-2`), make.apiKeyDoc()),
    expect: everyoneDenied,
  },
  update: {
    does: "un-revoke a key",
    run: (db) => updateDoc(doc(db, `${keys}/key-1`), { revokedAt: null, role: "admin" }),
    expect: everyoneDenied,
  },
  delete: { does: "delete a key", run: (db) => deleteDoc(doc(db, `${keys}/key-1`)), expect: everyoneDenied },
});
