import { collection, deleteDoc, doc, getDoc, getDocs, setDoc, updateDoc } from "firebase/firestore";
import * as make from "./factories";
import { everyoneDenied, no, ok, row, rulesMatrix } from "./matrix";
import { ORG_A } from "./world";

const org = `orgs/${ORG_A}`;

//                  unauthenticated admin agent reporter viewer owner otherCustomer outsider service
rulesMatrix("orgs", {
  get: {
    does: "read org A",
    run: (db) => getDoc(doc(db, org)),
    // Customers read the org too: the portal shows its name. Settings are not in it (private.rules.test.ts).
    expect: row(no, ok, ok, ok, ok, ok, ok, no, no),
    check: (result) => {
      const data = (result as { data(): Record<string, unknown> }).data();
      if ("settings" in data)
        throw new Error(`the org document carries settings: ${JSON.stringify(Object.keys(data))}`);
    },
  },
  list: {
    // Nobody lists orgs; the web learns its memberships from GET /me.
    does: "list every org",
    run: (db) => getDocs(collection(db, "orgs")),
    expect: everyoneDenied,
  },
  create: {
    does: "create an org",
    run: (db) => setDoc(doc(db, "orgs/org-new"), make.orgDoc()),
    expect: everyoneDenied,
  },
  update: {
    does: "rename org A",
    run: (db) => updateDoc(doc(db, org), { name: "Hijacked" }),
    expect: everyoneDenied,
  },
  delete: {
    does: "delete org A",
    run: (db) => deleteDoc(doc(db, org)),
    expect: everyoneDenied,
  },
});
