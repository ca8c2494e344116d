/**
 * orgs/{orgId}/private/settings: service accounts, auto-join domains, SLA targets and
 * the Linear link. Admins read them; nobody else, customers included, and nobody writes.
 */
import { collection, deleteDoc, doc, getDoc, getDocs, setDoc, updateDoc } from "firebase/firestore";
import * as make from "./factories";
import { everyoneDenied, no, ok, row, rulesMatrix } from "./matrix";
import { ORG_A, ORG_B } from "./world";

const settings = `orgs/${ORG_A}/private/settings`;

//                  unauthenticated admin agent reporter viewer owner otherCustomer outsider service
rulesMatrix("private", {
  get: {
    does: "read org A's settings",
    run: (db) => getDoc(doc(db, settings)),
    expect: row(no, ok, no, no, no, no, no, no, no),
    check: (result) => {
      const data = (result as { data(): Record<string, unknown> }).data();
      if (!Array.isArray(data.serviceAccounts))
        throw new Error(`settings without serviceAccounts: ${JSON.stringify(data)}`);
    },
  },
  list: {
    does: "list org A's private documents",
    run: (db) => getDocs(collection(db, `orgs/${ORG_A}/private`)),
    expect: row(no, ok, no, no, no, no, no, no, no),
  },
  create: {
    does: "create another private document",
    run: (db) => setDoc(doc(db, `orgs/${ORG_A}/private/other`), make.settingsDoc()),
    expect: everyoneDenied,
  },
  update: {
    does: "list their own service account in org A",
    run: (db) =>
      updateDoc(doc(db, settings), { serviceAccounts: ["mine@evil.iam.gserviceaccount.com"], publicIntake: true }),
    expect: everyoneDenied,
  },
  delete: { does: "delete org A's settings", run: (db) => deleteDoc(doc(db, settings)), expect: everyoneDenied },
  more: {
    "get other org": {
      // The owner is a customer of B and the outsider its admin: only the admin reads B's settings.
      does: "read org B's settings",
      run: (db) => getDoc(doc(db, `orgs/${ORG_B}/private/settings`)),
      expect: row(no, no, no, no, no, no, no, ok, no),
    },
  },
});
