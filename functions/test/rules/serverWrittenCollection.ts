/**
 * The rules suite of an org-scoped collection that only the server writes and some of the org's members read
 * (saved replies, macros): one table per collection says who reads, and this declares the matrix (every actor ×
 * get/list/create/update/delete, another org's document, a collection-group query) and, for every role, that a
 * member who reads it reads it no more once removed from the org.
 */
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
import { everyoneDenied, type Operation, type Row, rulesMatrix } from "./matrix";
import { ORG_A, ORG_B, seedWorld } from "./world";

const ROLES = ["admin", "agent", "reporter", "viewer", "customer"] as const;
type Role = (typeof ROLES)[number];
type Data = Record<string, unknown>;

export interface ServerWrittenCollection {
  /** The collection under `orgs/{orgId}/`, e.g. "macros". */
  collection: string;
  /** One document and many, for test names: "macro", "macros". */
  noun: { one: string; many: string };
  /** Org A's documents the world seeds (world.ts): the one read, and the list in `orderField` order. */
  docId: string;
  orderField: string;
  listed: string[];
  /** Org B's document (world.ts). */
  otherOrgDocId: string;
  /** A new document, and a change to the seeded one: both refused to everyone. */
  newDoc: () => Data;
  change: Data;
  /** Who reads org A's documents, and org B's (the outsider is org B's admin; the owner is also org B's customer). */
  readers: Row;
  otherOrgReaders: Row;
  /** The roles that read while members: each must be refused once removed. */
  readingRoles: readonly Role[];
  /** Further cases of the collection. */
  more?: Record<string, Operation>;
}

export function serverWrittenCollectionRules(spec: ServerWrittenCollection): void {
  const path = `orgs/${ORG_A}/${spec.collection}`;
  const one = (db: Firestore) => getDoc(doc(db, `${path}/${spec.docId}`));
  const list = (db: Firestore) => getDocs(query(collection(db, path), orderBy(spec.orderField)));

  rulesMatrix(spec.collection, {
    get: { does: `read one of org A's ${spec.noun.many}`, run: one, expect: spec.readers },
    list: {
      does: `list org A's ${spec.noun.many} by ${spec.orderField}`,
      run: list,
      expect: spec.readers,
      check: (result) => {
        const values = (result as { docs: { get(field: string): unknown }[] }).docs.map((d) => d.get(spec.orderField));
        expect(values).toEqual(spec.listed);
      },
    },
    create: {
      does: `create a ${spec.noun.one}`,
      run: (db) => setDoc(doc(db, `${path}/${spec.collection}-new`), spec.newDoc()),
      expect: everyoneDenied,
    },
    update: {
      does: `rewrite a ${spec.noun.one}`,
      run: (db) => updateDoc(doc(db, `${path}/${spec.docId}`), spec.change),
      expect: everyoneDenied,
    },
    delete: {
      does: `delete a ${spec.noun.one}`,
      run: (db) => deleteDoc(doc(db, `${path}/${spec.docId}`)),
      expect: everyoneDenied,
    },
    more: {
      "get other org": {
        does: `read org B's ${spec.noun.one}`,
        run: (db) => getDoc(doc(db, `orgs/${ORG_B}/${spec.collection}/${spec.otherOrgDocId}`)),
        expect: spec.otherOrgReaders,
      },
      "collection group": {
        does: `query every org's ${spec.noun.many} at once`,
        run: (db) => getDocs(collectionGroup(db, spec.collection)),
        expect: everyoneDenied,
      },
      ...spec.more,
    },
  });

  // Access ends with membership (docs/security.md).
  describe(`${spec.collection} rules: removed members`, () => {
    const uidOf = (role: Role) => `u-leaving-${role}`;
    let env: RulesTestEnvironment;
    const asUser = (uid: string) =>
      env
        .authenticatedContext(uid, { email: `${uid}@example.test`, email_verified: true })
        .firestore() as unknown as Firestore;
    const withoutRules = (work: (db: Firestore) => Promise<unknown>) =>
      env.withSecurityRulesDisabled((context) => work(context.firestore() as unknown as Firestore).then(() => {}));

    beforeAll(async () => {
      env = await testEnvironment();
      await seedWorld(env);
      await withoutRules(async (db) => {
        for (const role of ROLES)
          await setDoc(doc(db, `orgs/${ORG_A}/members/${uidOf(role)}`), make.memberDoc(uidOf(role), role));
      });
    });
    afterAll(async () => {
      await env?.cleanup();
    });

    it.each(ROLES)(
      `a %s reads the ${spec.noun.many} while a member only if its role may, and never once removed`,
      async (role) => {
        const db = asUser(uidOf(role));
        const reads = spec.readingRoles.includes(role);
        await (reads ? assertSucceeds : assertFails)(one(db));
        await (reads ? assertSucceeds : assertFails)(list(db));
        await withoutRules((rulesOff) => deleteDoc(doc(rulesOff, `orgs/${ORG_A}/members/${uidOf(role)}`)));
        await assertFails(one(db));
        await assertFails(list(db));
      },
    );
  });
}
