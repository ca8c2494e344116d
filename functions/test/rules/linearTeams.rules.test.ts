/**
 * linearTeams/{teamId}: which org may sync with a Linear team. Only the operator binds
 * (Admin SDK); no client writes, the bound org's admins read their own binding, and
 * nobody lists the bindings or reads another org's (nor learns that it exists).
 */
import { collection, deleteDoc, doc, getDoc, getDocs, setDoc, updateDoc } from "firebase/firestore";
import * as make from "./factories";
import { everyoneDenied, no, ok, row, rulesMatrix } from "./matrix";
import { ORG_A } from "./world";

//                  unauthenticated admin agent reporter viewer owner otherCustomer outsider service
rulesMatrix("linearTeams", {
  get: {
    does: "read org A's team binding",
    run: (db) => getDoc(doc(db, "linearTeams/team-a")),
    expect: row(no, ok, no, no, no, no, no, no, no),
    check: (result) => {
      const data = (result as { data(): Record<string, unknown> }).data();
      if (data.orgId !== ORG_A) throw new Error(`binding of another org: ${JSON.stringify(data)}`);
    },
  },
  list: {
    does: "list the team bindings",
    run: (db) => getDocs(collection(db, "linearTeams")),
    expect: everyoneDenied,
  },
  create: {
    // The attack the binding exists for: an admin binding an unbound team to their own org.
    does: "bind an unbound team to org A",
    run: (db) => setDoc(doc(db, "linearTeams/team-free"), make.linearBindingDoc(ORG_A)),
    expect: everyoneDenied,
  },
  update: {
    does: "move org B's team to org A",
    run: (db) => updateDoc(doc(db, "linearTeams/team-b"), { orgId: ORG_A }),
    expect: everyoneDenied,
  },
  delete: {
    does: "unbind org A's team",
    run: (db) => deleteDoc(doc(db, "linearTeams/team-a")),
    expect: everyoneDenied,
  },
  more: {
    "get other org": {
      // The outsider is org B's admin: theirs only.
      does: "read org B's team binding",
      run: (db) => getDoc(doc(db, "linearTeams/team-b")),
      expect: row(no, no, no, no, no, no, no, ok, no),
    },
    "get unbound": {
      does: "read an unbound team's binding",
      run: (db) => getDoc(doc(db, "linearTeams/team-free")),
      expect: everyoneDenied,
    },
  },
});
