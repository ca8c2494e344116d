import { assertFails, assertSucceeds, type RulesTestEnvironment } from "@firebase/rules-unit-testing";
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
  type Firestore,
} from "firebase/firestore";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEnvironment } from "./env";
import * as make from "./factories";
import { everyoneDenied, no, ok, row, rulesMatrix } from "./matrix";
import { ORG_A, ORG_B, seedWorld } from "./world";

const macros = `orgs/${ORG_A}/macros`;

// Every member reads macros, customers included (docs/automations.md); every write goes through the API.
//                  unauthenticated admin agent reporter viewer owner otherCustomer outsider service
rulesMatrix("macros", {
  get: {
    does: "read one of org A's macros",
    run: (db) => getDoc(doc(db, `${macros}/macro-1`)),
    expect: row(no, ok, ok, ok, ok, ok, ok, no, no),
  },
  list: {
    does: "list org A's macros by name",
    run: (db) => getDocs(query(collection(db, macros), orderBy("name"))),
    expect: row(no, ok, ok, ok, ok, ok, ok, no, no),
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
      // Org B's admin is the outsider; the owner is also a customer of org B.
      expect: row(no, no, no, no, no, ok, no, ok, no),
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

// Access ends with membership: for every role, a member reads the macros, and once removed reads them no more.
describe("macros rules: removed members", () => {
  const ROLES = ["admin", "agent", "reporter", "viewer", "customer"] as const;
  const uidOf = (role: string) => `u-leaving-${role}`;
  let env: RulesTestEnvironment;
  const asUser = (uid: string) =>
    env
      .authenticatedContext(uid, { email: `${uid}@example.test`, email_verified: true })
      .firestore() as unknown as Firestore;

  beforeAll(async () => {
    env = await testEnvironment();
    await seedWorld(env);
    await env.withSecurityRulesDisabled(async (context) => {
      const db = context.firestore() as unknown as Firestore;
      for (const role of ROLES)
        await setDoc(doc(db, `orgs/${ORG_A}/members/${uidOf(role)}`), make.memberDoc(uidOf(role), role));
    });
  });
  afterAll(async () => {
    await env?.cleanup();
  });

  it.each(ROLES)("a %s reads the macros while a member, and neither one nor the list once removed", async (role) => {
    const db = asUser(uidOf(role));
    await assertSucceeds(getDoc(doc(db, `${macros}/macro-1`)));
    await assertSucceeds(getDocs(query(collection(db, macros), orderBy("name"))));
    await env.withSecurityRulesDisabled((context) =>
      deleteDoc(doc(context.firestore() as unknown as Firestore, `orgs/${ORG_A}/members/${uidOf(role)}`)),
    );
    await assertFails(getDoc(doc(db, `${macros}/macro-1`)));
    await assertFails(getDocs(query(collection(db, macros), orderBy("name"))));
  });
});
