import { FieldValue, type DocumentData, type DocumentReference, type Firestore } from "firebase-admin/firestore";
import {
  automationsOf,
  businessHoursToStored,
  DEFAULT_AUTOMATIONS,
  DEFAULT_BUSINESS_HOURS,
  DEFAULT_EMAIL_SETTINGS,
  DEFAULT_SLA_POLICY,
  emailSettingsOf,
  mergeAutomations,
  PRIORITIES,
  defaultLinearSettings,
  linearSettingsOf,
  type BusinessHours,
  type MemberRole,
  type OrgCreateInput,
  type OrgSettings,
  type SettingsUpdateInput,
  type SlaPolicy,
  type SlugCandidate,
} from "../domain";
import { linearDefaultTeamId } from "../config";
import { checkTeamBinding } from "./linear";
import { businessHoursFrom, policyFrom } from "./slaPolicy";
import { allMembers, memberEmailsCol, membersCol, orgRef, orgSettingsRef, orgsCol, slugRef, userRef } from "./refs";
import { orgIdOfSlug, releaseSlug, reserveDerivedSlug, reserveSlug } from "./slugs";
import { profileFromToken } from "./users";

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
    staffDomains: [],
    sla: { ...DEFAULT_SLA_POLICY },
    businessHours: structuredClone(DEFAULT_BUSINESS_HOURS) as BusinessHours,
    linear: defaultLinearSettings(linearTeamId),
    serviceAccounts: [],
    automations: { ...DEFAULT_AUTOMATIONS, assignment: { ...DEFAULT_AUTOMATIONS.assignment, pool: [] } },
    email: { ...DEFAULT_EMAIL_SETTINGS },
  };
}

/**
 * Member documents carry their own uid and org so one collection-group query finds a user's orgs.
 * Every member of the org may read them (a display name is all a colleague needs); the address
 * lives apart, in memberEmailRecord, where only admins and agents read it.
 */
export function memberRecord(orgId: string, uid: string, role: MemberRole, displayName: string) {
  return { uid, orgId, role, displayName, createdAt: FieldValue.serverTimestamp() };
}

/** The address as the member's token gave it, and whether Auth had verified it then. */
export function memberEmailRecord(orgId: string, uid: string, email: string | null, emailVerified: boolean) {
  return { uid, orgId, email, emailVerified: email !== null && emailVerified };
}

/** Who a new member is: the caller's token says it. */
export interface NewMember {
  uid: string;
  displayName: string;
  email: string | null;
  emailVerified: boolean;
}

/** A transaction or a batch: whatever the membership's creates join. */
interface Creates {
  create(ref: DocumentReference, data: DocumentData): unknown;
}

/**
 * The writes that make someone a member: the member document and, apart, their address.
 * Both are create(): a second attempt fails with ALREADY_EXISTS instead of changing a role.
 */
export function writeMembership(
  write: Creates,
  db: Firestore,
  orgId: string,
  member: NewMember,
  role: MemberRole,
): void {
  write.create(membersCol(db, orgId).doc(member.uid), memberRecord(orgId, member.uid, role, member.displayName));
  write.create(
    memberEmailsCol(db, orgId).doc(member.uid),
    memberEmailRecord(orgId, member.uid, member.email, member.emailVerified),
  );
}

/**
 * Creates the org, its settings and its creator's admin membership, and reserves its slug
 * (store/slugs.ts), in one transaction: a slug another org holds → DomainError("slug_taken").
 */
export async function createOrg(
  db: Firestore,
  input: OrgCreateInput,
  creator: { uid: string; name: string; email: string | null; emailVerified: boolean },
): Promise<{ id: string; name: string; slug: string }> {
  const ref = orgsCol(db).doc();
  const slug = await db.runTransaction(async (tx) => {
    // A slug the caller asked for is theirs or a 409; one derived from the name takes the first free form.
    const { slug, claim } = input.slug
      ? { slug: input.slug, claim: await reserveSlug(db, tx, input.slug, ref.id) }
      : await reserveDerivedSlug(db, tx, slugify(input.name), ref.id);
    claim();
    tx.create(ref, {
      name: input.name,
      slug,
      createdAt: FieldValue.serverTimestamp(),
      createdBy: creator.uid,
    });
    tx.create(orgSettingsRef(db, ref.id), {
      ...settingsToStored(defaultOrgSettings(linearDefaultTeamId())),
      updatedAt: FieldValue.serverTimestamp(),
    });
    writeMembership(
      tx,
      db,
      ref.id,
      { uid: creator.uid, displayName: creator.name, email: creator.email, emailVerified: creator.emailVerified },
      "admin",
    );
    tx.set(userRef(db, creator.uid), { displayName: creator.name, ...profileFromToken(creator) }, { merge: true });
    return slug;
  });
  return { id: ref.id, name: input.name, slug };
}

export async function getOrg(db: Firestore, orgId: string) {
  const snapshot = await orgRef(db, orgId).get();
  return snapshot.exists ? snapshot : null;
}

const pickSettings = (stored: Partial<OrgSettings> | undefined): OrgSettings => {
  const defaults = defaultOrgSettings();
  return {
    publicIntake: stored?.publicIntake ?? defaults.publicIntake,
    autoJoinDomains: stored?.autoJoinDomains ?? defaults.autoJoinDomains,
    staffDomains: stored?.staffDomains ?? defaults.staffDomains,
    sla: policyFrom(stored?.sla),
    businessHours: businessHoursFrom(stored?.businessHours),
    linear: linearSettingsOf(stored?.linear),
    serviceAccounts: stored?.serviceAccounts ?? defaults.serviceAccounts,
    automations: automationsOf(stored?.automations),
    email: emailSettingsOf(stored?.email),
  };
};

/** Null when the org does not exist; an org whose settings were never written has the defaults. */
export async function getOrgSettings(db: Firestore, orgId: string): Promise<OrgSettings | null> {
  const [org, settings] = await db.getAll(orgRef(db, orgId), orgSettingsRef(db, orgId));
  if (!org!.exists) return null;
  return pickSettings(settings!.data() as Partial<OrgSettings> | undefined);
}

/** Renames the org; a new slug is reserved and the old one freed in the same transaction (store/slugs.ts). */
export async function updateOrg(
  db: Firestore,
  orgId: string,
  changes: { name?: string; slug?: string },
): Promise<void> {
  const ref = orgRef(db, orgId);
  await db.runTransaction(async (tx) => {
    const org = await tx.get(ref);
    if (!org.exists) return; // the route checked membership, so only a concurrent erase gets here
    const oldSlug = org.get("slug") as string | undefined;
    if (changes.slug !== undefined && changes.slug !== oldSlug) {
      const oldOwner = oldSlug ? await tx.get(slugRef(db, oldSlug)) : null;
      const claimSlug = await reserveSlug(db, tx, changes.slug, orgId);
      claimSlug();
      if (oldSlug && oldOwner?.get("orgId") === orgId) releaseSlug(db, tx, oldSlug);
    }
    tx.update(ref, { ...changes, updatedAt: FieldValue.serverTimestamp() });
  });
}

/** The settings as Firestore holds them: only the business hours' windows differ (domain/businessHours.ts). */
export function settingsToStored(settings: OrgSettings) {
  return { ...settings, businessHours: businessHoursToStored(settings.businessHours) };
}

/** A target given without its clock keeps the clock it had; one given with a clock but no times keeps its times. */
function mergeSla(current: SlaPolicy, changes: SettingsUpdateInput["sla"]): SlaPolicy {
  const next = { ...current };
  for (const priority of PRIORITIES) {
    const change = changes?.[priority];
    if (change)
      next[priority] = {
        ...current[priority],
        ...Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)),
      };
  }
  return next;
}

/** A partial settings change over the current settings: SLA targets merge per priority, linear per field. */
export function mergeSettings(current: OrgSettings, changes: SettingsUpdateInput): OrgSettings {
  const defined = <T extends object>(value: T) =>
    Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
  return {
    publicIntake: changes.publicIntake ?? current.publicIntake,
    autoJoinDomains: changes.autoJoinDomains ?? current.autoJoinDomains,
    staffDomains: changes.staffDomains ?? current.staffDomains,
    sla: mergeSla(current.sla, changes.sla),
    businessHours: changes.businessHours ?? current.businessHours,
    linear: {
      ...current.linear,
      ...(changes.linear ? (defined(changes.linear) as Partial<OrgSettings["linear"]>) : {}),
    },
    serviceAccounts: changes.serviceAccounts ?? current.serviceAccounts,
    automations: mergeAutomations(current.automations, changes.automations),
    email: { ...current.email, ...(changes.email ? (defined(changes.email) as Partial<OrgSettings["email"]>) : {}) },
  };
}

/**
 * Merges a partial settings change in a transaction, so two admins' changes to different fields both land.
 * Turning the Linear sync on needs the team bound to this org (store/linearTeams.ts), read in the same transaction.
 */
export async function updateOrgSettings(
  db: Firestore,
  orgId: string,
  changes: SettingsUpdateInput,
): Promise<OrgSettings> {
  const ref = orgSettingsRef(db, orgId);
  return db.runTransaction(async (tx) => {
    const current = pickSettings((await tx.get(ref)).data() as Partial<OrgSettings> | undefined);
    const next = mergeSettings(current, changes);
    if (changes.linear) await checkTeamBinding(db, tx, orgId, next.linear);
    tx.set(ref, { ...settingsToStored(next), updatedAt: FieldValue.serverTimestamp() });
    return next;
  });
}

export async function findMembership(db: Firestore, orgId: string, uid: string): Promise<Membership | null> {
  const snapshot = await membersCol(db, orgId).doc(uid).get();
  if (!snapshot.exists) return null;
  return { orgId, role: snapshot.get("role") as MemberRole, displayName: snapshot.get("displayName") as string };
}

export async function membershipsOf(
  db: Firestore,
  uid: string,
): Promise<{ orgId: string; orgName: string; role: MemberRole }[]> {
  const members = await allMembers(db).where("uid", "==", uid).get();
  if (members.empty) return [];
  const orgs = await db.getAll(...members.docs.map((doc) => doc.ref.parent.parent!));
  return members.docs.map((doc, i) => ({
    orgId: doc.ref.parent.parent!.id,
    orgName: (orgs[i]?.get("name") as string | undefined) ?? "",
    role: doc.get("role") as MemberRole,
  }));
}

/** orgId → name, for the orgs that exist. */
export async function orgNames(db: Firestore, orgIds: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(orgIds)];
  if (unique.length === 0) return new Map();
  const orgs = await db.getAll(...unique.map((id) => orgRef(db, id)));
  return new Map(
    orgs.filter((org) => org.exists).map((org) => [org.id, (org.get("name") as string | undefined) ?? ""]),
  );
}

/**
 * The org a slug names (store/slugs.ts), with the caller's role there and its intake policy
 * (domain/intake.ts decides whether the link leads them in), or null.
 */
export async function slugTarget(db: Firestore, slug: string, uid: string): Promise<SlugCandidate | null> {
  const orgId = await orgIdOfSlug(db, slug);
  if (!orgId) return null;
  const [org, settingsDoc, member] = await db.getAll(
    orgRef(db, orgId),
    orgSettingsRef(db, orgId),
    membersCol(db, orgId).doc(uid),
  );
  if (!org!.exists) return null;
  const settings = pickSettings(settingsDoc!.data() as Partial<OrgSettings> | undefined);
  return {
    orgId,
    role: member!.exists ? ((member!.get("role") as string | undefined) ?? null) : null,
    policy: { publicIntake: settings.publicIntake, autoJoinDomains: settings.autoJoinDomains },
  };
}
