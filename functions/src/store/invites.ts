/**
 * Invitations: `orgs/{orgId}/invites/{inviteId}` (server only). The id is derived from
 * the org and the address, so inviting the same address again renews the one pending
 * invitation instead of piling up, even when two admins do it at once. An invitation
 * never looks at accounts: the answer and the mail are the same whether or not the
 * address has one, so inviting tells nobody who uses Firetrack.
 */
import { createHash } from "node:crypto";
import { FieldValue, Timestamp, type DocumentSnapshot, type Firestore } from "firebase-admin/firestore";
import {
  DomainError,
  INVITE_TTL_MS,
  inviteStatus,
  inviteThrottle,
  isStaffRole,
  mayHoldStaffRole,
  renderInviteMail,
  type InviteCreateInput,
  type InviteStatus,
  type MemberRole,
} from "../domain";
import { appBaseUrl } from "../config";
import { writeMembership } from "./orgs";
import { allInvites, invitesCol, mailCol, memberEmailsCol, membersCol, orgRef, orgSettingsRef, userRef } from "./refs";
import { profileFromToken } from "./users";

export const inviteIdFor = (orgId: string, email: string) =>
  createHash("sha256").update(`${orgId}\n${email}`).digest("base64url").slice(0, 24);

export function inviteLink(inviteId: string): string {
  return `${appBaseUrl().replace(/\/+$/, "")}/invites/${encodeURIComponent(inviteId)}`;
}

export interface InviteView {
  id: string;
  orgId: string;
  email: string;
  role: MemberRole;
  invitedBy: string;
  createdAt: Date | null;
  expiresAt: Date;
  acceptedAt: Date | null;
  status: InviteStatus;
}

const millis = (value: unknown) => (value instanceof Timestamp ? value.toMillis() : null);

export function inviteView(doc: DocumentSnapshot, now: number): InviteView {
  const expiresAt = millis(doc.get("expiresAt")) ?? 0;
  const acceptedAt = millis(doc.get("acceptedAt"));
  const createdAt = millis(doc.get("createdAt"));
  return {
    id: doc.id,
    orgId: doc.ref.parent.parent!.id,
    email: doc.get("email") as string,
    role: doc.get("role") as MemberRole,
    invitedBy: doc.get("invitedBy") as string,
    createdAt: createdAt === null ? null : new Date(createdAt),
    expiresAt: new Date(expiresAt),
    acceptedAt: acceptedAt === null ? null : new Date(acceptedAt),
    status: inviteStatus({ expiresAt, acceptedAt }, now),
  };
}

/**
 * Creates or renews the invitation for an address, with its mail, in one transaction.
 * Throws DomainError("invitee_is_member") when the address is a member's already.
 */
export async function createInvite(
  db: Firestore,
  orgId: string,
  input: InviteCreateInput,
  invitedBy: string,
  now = Date.now(),
): Promise<InviteView> {
  const ref = invitesCol(db, orgId).doc(inviteIdFor(orgId, input.email));
  const expiresAt = Timestamp.fromMillis(now + INVITE_TTL_MS);
  await refuseWhenThrottled(db, orgId, input.email, ref.id, now);
  await db.runTransaction(async (tx) => {
    const [org, members] = await Promise.all([
      tx.get(orgRef(db, orgId)),
      tx.get(memberEmailsCol(db, orgId).where("email", "==", input.email)),
    ]);
    // Only a member who proved the address owns it: an unverified claim must not block the real owner's invitation.
    if (members.docs.some((doc) => doc.get("emailVerified") === true)) throw new DomainError("invitee_is_member");
    tx.set(ref, {
      email: input.email,
      role: input.role,
      invitedBy,
      createdAt: FieldValue.serverTimestamp(),
      expiresAt,
      acceptedAt: null,
    });
    tx.create(mailCol(db).doc(), {
      to: input.email,
      message: renderInviteMail({
        orgName: (org.get("name") as string | undefined) ?? "",
        role: input.role,
        link: inviteLink(ref.id),
        expiresAt: expiresAt.toDate(),
      }),
      // Not part of the extension's format; lets us trace and clean up.
      orgId,
      inviteId: ref.id,
      createdAt: FieldValue.serverTimestamp(),
    });
  });
  return inviteView(await ref.get(), now);
}

/**
 * The invitation throttle (domain/invites.ts). Counted before the transaction: two invitations
 * racing may both pass at the edge of a limit, which a throttle can afford.
 */
async function refuseWhenThrottled(
  db: Firestore,
  orgId: string,
  email: string,
  inviteId: string,
  now: number,
): Promise<void> {
  const hourAgo = Timestamp.fromMillis(now - 3600_000);
  const dayAgo = now - 24 * 3600_000;
  const [lastHour, live, toAddress] = await Promise.all([
    invitesCol(db, orgId).where("createdAt", ">", hourAgo).count().get(),
    invitesCol(db, orgId).where("expiresAt", ">", Timestamp.fromMillis(now)).get(),
    allInvites(db).where("email", "==", email).get(),
  ]);
  const pending = live.docs.filter((doc) => !doc.get("acceptedAt"));
  const verdict = inviteThrottle({
    orgLastHour: lastHour.data().count,
    addressLastDay: toAddress.docs.filter(
      (doc) => ((doc.get("createdAt") as Timestamp | null)?.toMillis() ?? now) > dayAgo,
    ).length,
    orgPending: pending.length,
    renewsPending: pending.some((doc) => doc.id === inviteId),
  });
  if (verdict === "pending_cap") throw new DomainError("too_many_pending_invites");
  if (verdict) throw new DomainError("invite_throttled");
}

export async function listInvites(db: Firestore, orgId: string, now = Date.now()): Promise<InviteView[]> {
  const result = await invitesCol(db, orgId).orderBy("createdAt", "desc").get();
  return result.docs.map((doc) => inviteView(doc, now));
}

/** False when there is no such invitation; throws DomainError("invite_accepted") for an accepted one (remove the member instead). */
export async function revokeInvite(db: Firestore, orgId: string, inviteId: string): Promise<boolean> {
  const ref = invitesCol(db, orgId).doc(inviteId);
  return db.runTransaction(async (tx) => {
    const invite = await tx.get(ref);
    if (!invite.exists) return false;
    if (invite.get("acceptedAt")) throw new DomainError("invite_accepted");
    tx.delete(ref);
    return true;
  });
}

/** Every invitation addressed to this address, in every org (the caller proved they own it). */
export async function invitesFor(db: Firestore, email: string, now = Date.now()): Promise<InviteView[]> {
  const result = await allInvites(db).where("email", "==", email).get();
  return result.docs.map((doc) => inviteView(doc, now));
}

export interface Accepted {
  orgId: string;
  orgName: string;
  role: MemberRole;
}

/**
 * The addressee accepts: the membership, the invitation marked accepted and the
 * profile from the token, in one transaction. Accepting again once a member answers
 * the same (a retried request). Null when no invitation with this id is addressed to them.
 */
export async function acceptInvite(
  db: Firestore,
  inviteId: string,
  person: { uid: string; name: string; email: string },
  now = Date.now(),
): Promise<Accepted | null> {
  const mine = (await invitesFor(db, person.email, now)).find((invite) => invite.id === inviteId);
  if (!mine) return null;
  const ref = invitesCol(db, mine.orgId).doc(inviteId);
  const memberRef = membersCol(db, mine.orgId).doc(person.uid);
  return db.runTransaction(async (tx) => {
    const [invite, org, member, settings] = await Promise.all([
      tx.get(ref),
      tx.get(orgRef(db, mine.orgId)),
      tx.get(memberRef),
      tx.get(orgSettingsRef(db, mine.orgId)),
    ]);
    if (!invite.exists || invite.get("email") !== person.email || !org.exists) return null;
    const orgName = (org.get("name") as string | undefined) ?? "";
    const current = inviteView(invite, now);
    if (current.status === "accepted" && member.exists)
      return { orgId: mine.orgId, orgName, role: member.get("role") as MemberRole };
    if (current.status !== "pending")
      throw new DomainError(current.status === "expired" ? "invite_expired" : "invite_accepted");
    if (member.exists) throw new DomainError("already_member");
    // The org's staff policy as it is now, not as it was when the invitation went out.
    const staffDomains = (settings.get("staffDomains") as string[] | undefined) ?? [];
    if (isStaffRole(current.role) && !mayHoldStaffRole({ email: person.email, emailVerified: true }, staffDomains)) {
      throw new DomainError("outside_staff_domains");
    }
    writeMembership(
      tx,
      db,
      mine.orgId,
      { uid: person.uid, displayName: person.name, email: person.email, emailVerified: true },
      current.role,
    );
    tx.update(ref, { acceptedAt: FieldValue.serverTimestamp() });
    tx.set(userRef(db, person.uid), profileFromToken({ email: person.email, emailVerified: true }), { merge: true });
    return { orgId: mine.orgId, orgName, role: current.role };
  });
}
