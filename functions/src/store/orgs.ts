import { FieldValue, type Firestore } from "firebase-admin/firestore";
import { DEFAULT_SLA_POLICY, type MemberRole, type OrgCreateInput } from "../domain";
import { membersCol, orgRef, userRef } from "./refs";

export interface Membership {
  orgId: string;
  role: MemberRole;
  displayName: string;
}

export function slugify(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 50)
    .replace(/-+$/g, "");
  return slug || "org";
}

export function defaultOrgSettings() {
  return {
    publicIntake: false,
    autoJoinDomains: [] as string[],
    sla: { ...DEFAULT_SLA_POLICY },
    linear: { teamId: null, enabled: false, mirrorComments: false },
    serviceAccounts: [] as string[],
  };
}

/** Creates the org and makes its creator the first admin, in one batch. */
export async function createOrg(
  db: Firestore,
  input: OrgCreateInput,
  creator: { uid: string; name: string; email: string | null },
): Promise<{ id: string; name: string; slug: string }> {
  const ref = orgRef(db, db.collection("orgs").doc().id);
  const slug = input.slug ?? slugify(input.name);
  const now = FieldValue.serverTimestamp();
  const batch = db.batch();
  batch.create(ref, { name: input.name, slug, createdAt: now, createdBy: creator.uid, settings: defaultOrgSettings() });
  batch.create(membersCol(db, ref.id).doc(creator.uid), {
    role: "admin",
    displayName: creator.name,
    email: creator.email,
    createdAt: now,
  });
  batch.set(userRef(db, creator.uid), { displayName: creator.name, email: creator.email }, { merge: true });
  await batch.commit();
  return { id: ref.id, name: input.name, slug };
}

export async function findMembership(db: Firestore, orgId: string, uid: string): Promise<Membership | null> {
  const snapshot = await membersCol(db, orgId).doc(uid).get();
  if (!snapshot.exists) return null;
  return { orgId, role: snapshot.get("role") as MemberRole, displayName: snapshot.get("displayName") as string };
}
