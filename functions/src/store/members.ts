/**
 * Membership changes. Every change that could remove an admin runs in a
 * transaction that counts the admins, so two concurrent demotions cannot leave
 * an org without one.
 */
import type { Firestore } from "firebase-admin/firestore";
import { DomainError, type MemberRole } from "../domain";
import { isAlreadyExists } from "./grpcCodes";
import { memberRecord } from "./orgs";
import { membersCol } from "./refs";

export async function listMembers(db: Firestore, orgId: string) {
  const result = await membersCol(db, orgId).orderBy("displayName").get();
  return result.docs;
}

export async function getMember(db: Firestore, orgId: string, uid: string) {
  const snapshot = await membersCol(db, orgId).doc(uid).get();
  return snapshot.exists ? snapshot : null;
}

export async function addMember(
  db: Firestore,
  orgId: string,
  user: { uid: string; displayName: string; email: string | null },
  role: MemberRole,
): Promise<void> {
  try {
    await membersCol(db, orgId).doc(user.uid).create(memberRecord(orgId, user.uid, role, user.displayName, user.email));
  } catch (err) {
    if (isAlreadyExists(err)) throw new DomainError("already_member");
    throw err;
  }
}

async function changeGuardingLastAdmin(
  db: Firestore,
  orgId: string,
  uid: string,
  change: (tx: FirebaseFirestore.Transaction, ref: FirebaseFirestore.DocumentReference) => void,
  losesAdmin: (currentRole: MemberRole) => boolean,
): Promise<boolean> {
  return db.runTransaction(async (tx) => {
    const ref = membersCol(db, orgId).doc(uid);
    const member = await tx.get(ref);
    if (!member.exists) return false;
    if (losesAdmin(member.get("role") as MemberRole)) {
      const admins = await tx.get(membersCol(db, orgId).where("role", "==", "admin").limit(2));
      if (admins.size < 2) throw new DomainError("last_admin");
    }
    change(tx, ref);
    return true;
  });
}

/** False when the member does not exist. */
export function changeMemberRole(db: Firestore, orgId: string, uid: string, role: MemberRole): Promise<boolean> {
  return changeGuardingLastAdmin(db, orgId, uid, (tx, ref) => tx.update(ref, { role }), (current) => current === "admin" && role !== "admin");
}

export function removeMember(db: Firestore, orgId: string, uid: string): Promise<boolean> {
  return changeGuardingLastAdmin(db, orgId, uid, (tx, ref) => tx.delete(ref), (current) => current === "admin");
}
