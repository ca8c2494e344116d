/**
 * orgs/{orgId}/memberEmails/{uid}: members' addresses, apart from the member documents
 * every staff member reads. Admins and agents read them (they contact people);
 * reporters, viewers and customers see display names only.
 */
import { collection, deleteDoc, doc, getDoc, getDocs, query, setDoc, updateDoc, where } from "firebase/firestore";
import { UID, type ActorName } from "./actors";
import * as make from "./factories";
import { everyoneDenied, no, ok, row, rulesMatrix } from "./matrix";
import { ORG_A, ORG_B } from "./world";

const emails = `orgs/${ORG_A}/memberEmails`;
const own = (actor: ActorName) => `${emails}/${actor === "unauthenticated" ? UID.owner : UID[actor]}`;

//                  unauthenticated admin agent reporter viewer owner otherCustomer outsider service
rulesMatrix("memberEmails", {
  get: {
    does: "read the other customer's address",
    run: (db) => getDoc(doc(db, `${emails}/${UID.otherCustomer}`)),
    expect: row(no, ok, ok, no, no, no, no, no, no),
    check: (result) => {
      const data = (result as { data(): Record<string, unknown> }).data();
      if (data.email !== `${UID.otherCustomer}@example.test`)
        throw new Error(`unexpected address: ${JSON.stringify(data)}`);
    },
  },
  list: {
    does: "list org A's member addresses",
    run: (db) => getDocs(collection(db, emails)),
    expect: row(no, ok, ok, no, no, no, no, no, no),
  },
  create: {
    does: "record an address for themselves",
    run: (db, a) => setDoc(doc(db, `${own(a)}-new`), make.memberEmailDoc("x")),
    expect: everyoneDenied,
  },
  update: {
    does: "change their own recorded address",
    run: (db, a) => updateDoc(doc(db, own(a)), { email: "ceo@example.test", emailVerified: true }),
    expect: everyoneDenied,
  },
  delete: {
    does: "delete the agent's address",
    run: (db) => deleteDoc(doc(db, `${emails}/${UID.agent}`)),
    expect: everyoneDenied,
  },
  more: {
    "find by address": {
      does: "look up who has an address in org A",
      run: (db) => getDocs(query(collection(db, emails), where("email", "==", `${UID.owner}@example.test`))),
      expect: row(no, ok, ok, no, no, no, no, no, no),
    },
    "get other org": {
      does: "read an address in org B",
      run: (db) => getDoc(doc(db, `orgs/${ORG_B}/memberEmails/${UID.outsider}`)),
      expect: row(no, no, no, no, no, no, no, ok, no),
    },
  },
});
