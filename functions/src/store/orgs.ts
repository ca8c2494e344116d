import { FieldValue, type Firestore } from "firebase-admin/firestore";
import {
  DEFAULT_SLA_POLICY,
  defaultLinearSettings,
  linearSettingsOf,
  type MemberRole,
  type OrgCreateInput,
  type OrgSettings,
  type SettingsUpdateInput,
} from "../domain";
import { linearDefaultTeamId } from "../config";
import { reconcileTeamClaim } from "./linear";
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

/** `linearTeamId`: a new org starts with the deployment's default Linear team (LINEAR_DEFAULT_TEAM_ID), sync off. */
export function defaultOrgSettings(linearTeamId: string | null = null): OrgSettings {
  return {
    publicIntake: false,
    autoJoinDomains: [],
    sla: { ...DEFAULT_SLA_POLICY },
    linear: defaultLinearSettings(linearTeamId),
    serviceAccounts: [],
  };
}

/** Member documents carry their own uid and org so one collection-group query finds a user's orgs. */
export function memberRecord(orgId: string, uid: string, role: MemberRole, displayName: string, email: string | null) {
  return { uid, orgId, role, displayName, email, createdAt: FieldValue.serverTimestamp() };
}

/** Creates the org and makes its creator the first admin, in one batch. */
export async function createOrg(
  db: Firestore,
  input: OrgCreateInput,
  creator: { uid: string; name: string; email: string | null },
): Promise<{ id: string; name: string; slug: string }> {
  const ref = db.collection("orgs").doc();
  const slug = input.slug ?? slugify(input.name);
  const batch = db.batch();
  batch.create(ref, {
    name: input.name,
    slug,
    createdAt: FieldValue.serverTimestamp(),
    createdBy: creator.uid,
    settings: defaultOrgSettings(linearDefaultTeamId()),
  });
  batch.create(membersCol(db, ref.id).doc(creator.uid), memberRecord(ref.id, creator.uid, "admin", creator.name, creator.email));
  batch.set(userRef(db, creator.uid), { displayName: creator.name, email: creator.email }, { merge: true });
  await batch.commit();
  return { id: ref.id, name: input.name, slug };
}

export async function getOrg(db: Firestore, orgId: string) {
  const snapshot = await orgRef(db, orgId).get();
  return snapshot.exists ? snapshot : null;
}

export async function getOrgSettings(db: Firestore, orgId: string): Promise<OrgSettings | null> {
  const org = await getOrg(db, orgId);
  if (!org) return null;
  const stored = (org.get("settings") ?? {}) as Partial<OrgSettings>;
  return { ...defaultOrgSettings(), ...stored, linear: linearSettingsOf(stored.linear) };
}

export async function updateOrg(db: Firestore, orgId: string, changes: { name?: string; slug?: string }): Promise<void> {
  await orgRef(db, orgId).update({ ...changes, updatedAt: FieldValue.serverTimestamp() });
}

/**
 * Merges a partial settings change; SLA targets merge per priority, linear per
 * field (its stateMap is replaced whole). Turning the Linear sync on claims the
 * team for this org (store/linear.ts), in the same transaction.
 */
export async function updateOrgSettings(db: Firestore, orgId: string, changes: SettingsUpdateInput): Promise<OrgSettings> {
  const update: Record<string, unknown> = { updatedAt: FieldValue.serverTimestamp() };
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    if ((key === "sla" || key === "linear") && value && typeof value === "object") {
      for (const [inner, innerValue] of Object.entries(value)) {
        if (innerValue !== undefined) update[`settings.${key}.${inner}`] = innerValue;
      }
    } else {
      update[`settings.${key}`] = value;
    }
  }
  await db.runTransaction(async (tx) => {
    const org = await tx.get(orgRef(db, orgId));
    if (changes.linear) {
      const before = linearSettingsOf(org.get("settings.linear"));
      const after = { ...before, ...Object.fromEntries(Object.entries(changes.linear).filter(([, v]) => v !== undefined)) };
      await reconcileTeamClaim(db, tx, orgId, before, after);
    }
    tx.update(orgRef(db, orgId), update);
  });
  return (await getOrgSettings(db, orgId))!;
}

export async function findMembership(db: Firestore, orgId: string, uid: string): Promise<Membership | null> {
  const snapshot = await membersCol(db, orgId).doc(uid).get();
  if (!snapshot.exists) return null;
  return { orgId, role: snapshot.get("role") as MemberRole, displayName: snapshot.get("displayName") as string };
}

export async function membershipsOf(db: Firestore, uid: string): Promise<{ orgId: string; orgName: string; role: MemberRole }[]> {
  const members = await db.collectionGroup("members").where("uid", "==", uid).get();
  if (members.empty) return [];
  const orgs = await db.getAll(...members.docs.map((doc) => doc.ref.parent.parent!));
  return members.docs.map((doc, i) => ({
    orgId: doc.ref.parent.parent!.id,
    orgName: (orgs[i]?.get("name") as string | undefined) ?? "",
    role: doc.get("role") as MemberRole,
  }));
}
