/**
 * The customer's portal: users/{uid}/portalIssues/{orgId}_{issueId}, the customer-visible
 * projection of each issue they raised, in every org. Only that user reads it; only
 * the server writes it. No collection-group query reaches it.
 */
import {
  collection,
  collectionGroup,
  deleteDoc,
  doc,
  getDoc,
  getDocs,
  limit,
  orderBy,
  query,
  setDoc,
  updateDoc,
  where,
  type Firestore,
  type QuerySnapshot,
} from "firebase/firestore";
import { expect } from "vitest";
import { UID, type ActorName } from "./actors";
import * as make from "./factories";
import { everyoneDenied, no, ok, row, rulesMatrix, type Row } from "./matrix";
import { ISSUE, ORG_A, ORG_B, OTHERS_NUMBER, portalPath } from "./world";

const portalOf = (uid: string) => `users/${uid}/portalIssues`;
const ownPortal = (actor: ActorName) => portalOf(actor === "unauthenticated" ? UID.owner : UID[actor]);
const owned = portalPath(UID.owner, ISSUE.owned);
const ids = (result: unknown) => (result as QuerySnapshot).docs.map((d) => d.id).sort();
/** The portal page's lookup of an address's number (web/src/portal/usePortal.ts). */
const byNumber = (db: Firestore, uid: string, number: string) =>
  getDocs(query(collection(db, portalOf(uid)), where("orgId", "==", ORG_A), where("number", "==", number), limit(1)));

const onlyOwner: Row = row(no, no, no, no, no, ok, no, no, no);

//                  unauthenticated admin agent reporter viewer owner otherCustomer outsider service
rulesMatrix(
  "portalIssues",
  {
    get: { does: "read the owner's projection of their issue", run: (db) => getDoc(doc(db, owned)), expect: onlyOwner },
    list: {
      does: "list the owner's portal issues, most recently updated first",
      run: (db) => getDocs(query(collection(db, portalOf(UID.owner)), orderBy("updatedAt", "desc"))),
      expect: onlyOwner,
      check: (result) => expect(ids(result)).toEqual([`${ORG_A}_${ISSUE.owned}`, `${ORG_B}_${ISSUE.ownedInB}`].sort()),
    },
    create: {
      does: "write themselves a portal issue",
      run: (db, actor) => setDoc(doc(db, `${ownPortal(actor)}/${ORG_A}_forged`), make.portalIssueDoc(ORG_A, "forged")),
      expect: everyoneDenied,
    },
    update: {
      does: "change the status of the owner's portal issue",
      run: (db) => updateDoc(doc(db, owned), { status: "closed" }),
      expect: everyoneDenied,
    },
    delete: { does: "delete the owner's portal issue", run: (db) => deleteDoc(doc(db, owned)), expect: everyoneDenied },
    more: {
      "list own": {
        // Everybody has a portal; people who raised nothing find it empty.
        does: "list their own portal issues",
        run: (db, actor) => getDocs(collection(db, ownPortal(actor))),
        expect: row(no, ok, ok, ok, ok, ok, ok, ok, ok),
      },
      "get another customer's": {
        does: "read the other customer's projection",
        run: (db) => getDoc(doc(db, portalPath(UID.otherCustomer, ISSUE.others))),
        expect: row(no, no, no, no, no, no, ok, no, no),
      },
      "list open": {
        does: "list the owner's open portal issues",
        run: (db) => getDocs(query(collection(db, portalOf(UID.owner)), where("status", "==", "open"))),
        expect: onlyOwner,
      },
      "find by number": {
        does: "find the owner's portal issue by its number, as the portal page does",
        run: (db) => byNumber(db, UID.owner, "ISS-2026-0001"),
        expect: onlyOwner,
        check: (result) => expect(ids(result)).toEqual([`${ORG_A}_${ISSUE.owned}`]),
      },
      "someone else's number, in one's own portal": {
        // Allowed, and empty for all but its owner: someone else's number reads like one that does not exist.
        does: "look up the other customer's number in their own portal",
        run: (db, actor) => byNumber(db, actor === "unauthenticated" ? UID.owner : UID[actor], OTHERS_NUMBER),
        expect: row(no, ok, ok, ok, ok, ok, ok, ok, ok),
        check: (result, actor) =>
          expect(ids(result)).toEqual(actor === "otherCustomer" ? [`${ORG_A}_${ISSUE.others}`] : []),
      },
      "someone else's number, in their portal": {
        does: "look up the other customer's number in the other customer's portal",
        run: (db) => byNumber(db, UID.otherCustomer, OTHERS_NUMBER),
        expect: row(no, no, no, no, no, no, ok, no, no),
      },
      group: {
        does: "collection-group query over every portal",
        run: (db) => getDocs(collectionGroup(db, "portalIssues")),
        expect: everyoneDenied,
      },
      "group, by org": {
        does: "collection-group query for org A's portal issues",
        run: (db) => getDocs(query(collectionGroup(db, "portalIssues"), where("orgId", "==", ORG_A))),
        expect: everyoneDenied,
      },
    },
  },
  [owned],
);
