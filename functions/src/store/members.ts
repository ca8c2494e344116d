/**
 * Membership changes. Every change that could remove an admin runs in a
 * transaction that counts the admins, so two concurrent demotions cannot leave
 * an org without one.
 */
import type { Firestore } from "firebase-admin/firestore";
import { DomainError, type MemberRole } from "../domain";
import { isAlreadyExists } from "./grpcCodes";
import { writeMembership, type NewMember } from "./orgs";
import { memberEmailsCol, membersCol } from "./refs";

export async function listMembers(db: Firestore, orgId: string) {
  const result = await membersCol(db, orgId).orderBy("displayName").get();
  return result.docs;
}

/** uid → address, for the members given (admins' view of the member list). */
export async function memberEmails(db: Firestore, orgId: string, uids: string[]): Promise<Map<string, string | null>> {
  if (uids.length === 0) return new Map();
  const docs = await db.getAll(...uids.map((uid) => memberEmailsCol(db, orgId).doc(uid)));
  return new Map(docs.map((doc) => [doc.id, (doc.get("email") as string | null | undefined) ?? null]));
}

/** The address a member signed in with, and whether Auth had verified it; null for no such member. */
export async function getMemberEmail(
  db: Firestore,
  orgId: string,
  uid: string,
): Promise<{ email: string | null; emailVerified: boolean } | null> {
  const snapshot = await memberEmailsCol(db, orgId).doc(uid).get();
  if (!snapshot.exists) return null;
  return {
    email: (snapshot.get("email") as string | null | undefined) ?? null,
    emailVerified: snapshot.get("emailVerified") === true,
  };
}

export async function getMember(db: Firestore, orgId: string, uid: string) {
  const snapshot = await membersCol(db, orgId).doc(uid).get();
  return snapshot.exists ? snapshot : null;
}

export async function addMember(db: Firestore, orgId: string, member: NewMember, role: MemberRole): Promise<void> {
  const batch = db.batch();
  writeMembership(batch, db, orgId, member, role);
  try {
    await batch.commit();
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
  return changeGuardingLastAdmin(
    db,
    orgId,
    uid,
    (tx, ref) => tx.update(ref, { role }),
    (current) => current === "admin" && role !== "admin",
  );
}

export function removeMember(db: Firestore, orgId: string, uid: string): Promise<boolean> {
  return changeGuardingLastAdmin(
    db,
    orgId,
    uid,
    (tx, ref) => tx.delete(ref).delete(memberEmailsCol(db, orgId).doc(uid)),
    (current) => current === "admin",
  );
}
