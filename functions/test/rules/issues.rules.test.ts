/**
 * Issues: staff read their org's issues (admins the soft-deleted ones too). Customers
 * never read the raw document, not even of issues they raised: it carries what staff
 * write for staff (tags, watchers, SLA, fingerprints). They read their projection in
 * users/{uid}/portalIssues instead (portalIssues.rules.test.ts). No rule serves a
 * collection-group query on issues.
 */
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
  where,
  type QuerySnapshot,
} from "firebase/firestore";
import { expect } from "vitest";
import { UID, type ActorName } from "./actors";
import * as make from "./factories";
import { everyoneDenied, no, ok, row, rulesMatrix } from "./matrix";
import { ISSUE, issuePath, ORG_A, ORG_B, PEOPLE } from "./world";

const issuesOf = (orgId: string) => `orgs/${orgId}/issues`;
const uidOf = (actor: ActorName) => (actor === "unauthenticated" ? UID.owner : UID[actor]);

const ids = (result: unknown) => (result as QuerySnapshot).docs.map((d) => d.id).sort();
const onlyRaisedBy = (actor: ActorName) => (result: unknown) => {
  for (const snapshot of (result as QuerySnapshot).docs) {
    expect(snapshot.get("reporter.uid")).toBe(uidOf(actor));
    expect(snapshot.get("deleted")).toBe(false);
  }
};

//                  unauthenticated admin agent reporter viewer owner otherCustomer outsider service
rulesMatrix("issues", {
  get: {
    does: "read the owner's issue",
    run: (db) => getDoc(doc(db, issuePath(ISSUE.owned))),
    expect: row(no, ok, ok, ok, ok, no, no, no, no),
  },
  list: {
    does: "list org A's issues that are not deleted, newest first",
    run: (db) =>
      getDocs(query(collection(db, issuesOf(ORG_A)), where("deleted", "==", false), orderBy("createdAt", "desc"))),
    expect: row(no, ok, ok, ok, ok, no, no, no, no),
    check: (result) => expect(ids(result)).toEqual([ISSUE.internal, ISSUE.others, ISSUE.owned].sort()),
  },
  create: {
    does: "raise an issue directly in Firestore",
    run: (db, actor) =>
      setDoc(doc(db, issuePath("issue-new")), make.issueDoc(ORG_A, { ...PEOPLE.owner, uid: uidOf(actor) })),
    expect: everyoneDenied,
  },
  update: {
    does: "close the owner's issue",
    run: (db) => updateDoc(doc(db, issuePath(ISSUE.owned)), { status: "closed" }),
    expect: everyoneDenied,
  },
  delete: {
    does: "delete the owner's issue",
    run: (db) => deleteDoc(doc(db, issuePath(ISSUE.owned))),
    expect: everyoneDenied,
  },
  more: {
    "get deleted": {
      does: "read the owner's soft-deleted issue",
      run: (db) => getDoc(doc(db, issuePath(ISSUE.deleted))),
      expect: row(no, ok, no, no, no, no, no, no, no),
    },
    "get another customer's": {
      does: "read the other customer's issue",
      run: (db) => getDoc(doc(db, issuePath(ISSUE.others))),
      expect: row(no, ok, ok, ok, ok, no, no, no, no),
    },
    "get internal": {
      does: "read an issue the agent raised",
      run: (db) => getDoc(doc(db, issuePath(ISSUE.internal))),
      expect: row(no, ok, ok, ok, ok, no, no, no, no),
    },
    "get in org B": {
      does: "read the owner's issue in org B",
      run: (db) => getDoc(doc(db, issuePath(ISSUE.ownedInB, ORG_B))),
      expect: row(no, no, no, no, no, no, no, ok, no),
    },
    "list unfiltered": {
      // Would include soft-deleted issues: only admins may run it.
      does: "list all of org A's issues, deleted ones included",
      run: (db) => getDocs(collection(db, issuesOf(ORG_A))),
      expect: row(no, ok, no, no, no, no, no, no, no),
      check: (result) => expect(ids(result)).toContain(ISSUE.deleted),
    },
    "list filtered": {
      does: "list org A's open issues, most recently updated first",
      run: (db) =>
        getDocs(
          query(
            collection(db, issuesOf(ORG_A)),
            where("deleted", "==", false),
            where("status", "==", "open"),
            orderBy("updatedAt", "desc"),
          ),
        ),
      expect: row(no, ok, ok, ok, ok, no, no, no, no),
    },
    "list own in org A": {
      // Staff may (they may list everything live); a customer may not, even filtered to their own.
      does: "list the issues they raised in org A",
      run: (db, actor) =>
        getDocs(
          query(
            collection(db, issuesOf(ORG_A)),
            where("reporter.uid", "==", uidOf(actor)),
            where("deleted", "==", false),
          ),
        ),
      expect: row(no, ok, ok, ok, ok, no, no, no, no),
      check: (result, actor) => onlyRaisedBy(actor)(result),
    },
    "list own, deleted included": {
      does: "list the issues they raised in org A without the deleted filter",
      run: (db, actor) => getDocs(query(collection(db, issuesOf(ORG_A)), where("reporter.uid", "==", uidOf(actor)))),
      expect: row(no, ok, no, no, no, no, no, no, no),
    },
    "list org B": {
      does: "list org B's issues that are not deleted",
      run: (db) => getDocs(query(collection(db, issuesOf(ORG_B)), where("deleted", "==", false))),
      expect: row(no, no, no, no, no, no, no, ok, no),
    },
    "group own": {
      // What the portal used to run; it reads users/{uid}/portalIssues now.
      does: "collection-group query for the issues they raised, newest first",
      run: (db, actor) =>
        getDocs(
          query(
            collectionGroup(db, "issues"),
            where("reporter.uid", "==", uidOf(actor)),
            where("deleted", "==", false),
            orderBy("createdAt", "desc"),
          ),
        ),
      expect: everyoneDenied,
    },
    "group unfiltered": {
      does: "collection-group query for every issue",
      run: (db) => getDocs(collectionGroup(db, "issues")),
      expect: everyoneDenied,
    },
    "group, deleted included": {
      does: "collection-group query for the issues they raised without the deleted filter",
      run: (db, actor) => getDocs(query(collectionGroup(db, "issues"), where("reporter.uid", "==", uidOf(actor)))),
      expect: everyoneDenied,
    },
    "group, someone else's": {
      does: "collection-group query for the owner's issues",
      run: (db) =>
        getDocs(
          query(collectionGroup(db, "issues"), where("reporter.uid", "==", UID.owner), where("deleted", "==", false)),
        ),
      expect: everyoneDenied,
    },
    "group, not deleted": {
      // Staff of org A may list A's issues, but a group query would reach org B.
      does: "collection-group query for every issue that is not deleted",
      run: (db) => getDocs(query(collectionGroup(db, "issues"), where("deleted", "==", false))),
      expect: everyoneDenied,
    },
  },
});
