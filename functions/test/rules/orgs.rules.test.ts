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
    // Customers read the org too: the portal shows its name.
    expect: row(no, ok, ok, ok, ok, ok, ok, no, no),
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
    does: "turn on public intake in org A",
    run: (db) => updateDoc(doc(db, org), { "settings.publicIntake": true }),
    expect: everyoneDenied,
  },
  delete: {
    does: "delete org A",
    run: (db) => deleteDoc(doc(db, org)),
    expect: everyoneDenied,
  },
});
