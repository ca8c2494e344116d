/**
 * Invitations (docs/api.md): an admin invites an address with a role; the person
 * who proves they own that address (a verified sign-in) accepts and becomes a member.
 */
import { escapeHtml, type MailContent } from "./notifications";
import type { MemberRole } from "./vocabulary";

/** As Slack and Linear do: an invitation lapses after a week; inviting again renews it. */
export const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Invitations send mail, with an org name the inviter chose, to any address: so they are
 * throttled (docs/security.md, "Abuse and cost").
 */
export const INVITE_LIMITS = {
  /** Invitations (renewals included) one org sends in an hour. */
  perOrgPerHour: 20,
  /** Invitations one address receives in a day, from all orgs together. */
  perAddressPerDay: 3,
  /** Pending (neither accepted nor expired) invitations an org holds at once. */
  pendingPerOrg: 100,
} as const;

export type InviteThrottle = "org_hourly" | "address_daily" | "pending_cap";

/** Which limit a new invitation would break, given what was sent; null when it may go. */
export function inviteThrottle(
  sent: { orgLastHour: number; addressLastDay: number; orgPending: number; renewsPending: boolean },
  limits: { perOrgPerHour: number; perAddressPerDay: number; pendingPerOrg: number } = INVITE_LIMITS,
): InviteThrottle | null {
  if (sent.orgLastHour >= limits.perOrgPerHour) return "org_hourly";
  if (sent.addressLastDay >= limits.perAddressPerDay) return "address_daily";
  // Renewing a pending invitation adds none.
  if (!sent.renewsPending && sent.orgPending >= limits.pendingPerOrg) return "pending_cap";
  return null;
}

export type InviteStatus = "pending" | "expired" | "accepted";

export interface InviteState {
  expiresAt: number;
  acceptedAt: number | null;
}

export function inviteStatus(invite: InviteState, now: number): InviteStatus {
  if (invite.acceptedAt !== null) return "accepted";
  return invite.expiresAt > now ? "pending" : "expired";
}

export interface InviteMailText {
  orgName: string;
  role: MemberRole;
  link: string;
  expiresAt: Date;
}

/** The invitation mail. Only the org's name is the inviter's text; the rest is ours. */
export function renderInviteMail(text: InviteMailText): MailContent {
  const org = text.orgName.trim() || "an organisation";
  const until = text.expiresAt.toISOString().slice(0, 10);
  const line = `You are invited to join ${org} on Firetrack as ${text.role}.`;
  const how = `Sign in with this address to accept. The invitation is valid until ${until}.`;
  return {
    subject: `Invitation to join ${org} on Firetrack`,
    text: [line, how, "", `Accept it: ${text.link}`, "", "If you did not expect this, ignore this mail."].join("\n"),
    html: [
      `<p>${escapeHtml(line)}</p>`,
      `<p>${escapeHtml(how)}</p>`,
      `<p><a href="${escapeHtml(text.link)}">Accept the invitation</a></p>`,
      `<p>If you did not expect this, ignore this mail.</p>`,
    ].join("\n"),
  };
}
