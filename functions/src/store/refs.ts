/** Every Firestore path the server writes, in one place (DESIGN.md §3). */
import type { Firestore } from "firebase-admin/firestore";

export const orgRef = (db: Firestore, orgId: string) => db.collection("orgs").doc(orgId);
export const membersCol = (db: Firestore, orgId: string) => orgRef(db, orgId).collection("members");
export const issuesCol = (db: Firestore, orgId: string) => orgRef(db, orgId).collection("issues");
export const counterRef = (db: Firestore, orgId: string, year: number) =>
  orgRef(db, orgId).collection("counters").doc(`issues_${year}`);
/** Who is running the number allocator for the org right now (see numberAllocator.ts). */
export const numberingLeaseRef = (db: Firestore, orgId: string) =>
  orgRef(db, orgId).collection("counters").doc("numbering_lease");
export const userRef = (db: Firestore, uid: string) => db.collection("users").doc(uid);
