import { collection, deleteDoc, doc, getDoc, getDocs, orderBy, query, setDoc, updateDoc } from "firebase/firestore";
import { UID, type ActorName } from "./actors";
import * as make from "./factories";
import { everyoneDenied, no, ok, row, rulesMatrix } from "./matrix";
import { ORG_A } from "./world";

const members = `orgs/${ORG_A}/members`;
/** Unauthenticated callers have no uid; they aim at the owner's membership. */
const ownMember = (actor: ActorName) => `${members}/${actor === "unauthenticated" ? UID.owner : UID[actor]}`;

//                  unauthenticated admin agent reporter viewer owner otherCustomer outsider service
rulesMatrix("members", {
  get: {
    does: "read the agent's membership",
    run: (db) => getDoc(doc(db, `${members}/${UID.agent}`)),
    expect: row(no, ok, ok, ok, ok, no, no, no, no),
  },
  list: {
    does: "list org A's members by name",
    run: (db) => getDocs(query(collection(db, members), orderBy("displayName"))),
    expect: row(no, ok, ok, ok, ok, no, no, no, no),
    // Reporters and viewers read the list: it must not carry addresses (those are in memberEmails).
    check: (result) => {
      const docs = (result as { docs: { data(): Record<string, unknown> }[] }).docs;
      if (docs.length === 0 || docs.some((d) => "email" in d.data()))
        throw new Error(`member documents: ${JSON.stringify(docs.map((d) => d.data()))}`);
    },
  },
  create: {
    does: "add themselves to org A as admin",
    run: (db, actor) =>
      setDoc(
        doc(db, `${members}/${actor === "unauthenticated" ? "nobody" : UID[actor]}-new`),
        make.memberDoc("x", "admin"),
      ),
    expect: everyoneDenied,
  },
  update: {
    does: "promote their own membership to admin",
    run: (db, actor) => updateDoc(doc(db, ownMember(actor)), { role: "admin" }),
    expect: everyoneDenied,
  },
  delete: {
    does: "remove the agent",
    run: (db) => deleteDoc(doc(db, `${members}/${UID.agent}`)),
    expect: everyoneDenied,
  },
  more: {
    "get own": {
      // The outsider and the service are no members of A: they are allowed to learn
      // that their own membership document does not exist, and nothing else.
      does: "read their own membership in org A",
      run: (db, actor) => getDoc(doc(db, ownMember(actor))),
      expect: row(no, ok, ok, ok, ok, ok, ok, ok, ok),
    },
    "get customer": {
      does: "read the other customer's membership",
      run: (db) => getDoc(doc(db, `${members}/${UID.otherCustomer}`)),
      expect: row(no, ok, ok, ok, ok, no, ok, no, no),
    },
  },
});
