/**
 * Invitations (docs/api.md): an admin invites an address with a role; the person
 * who proves they own that address (a verified sign-in) accepts and becomes a member.
 */
import { escapeHtml, type MailContent } from "./notifications";
import type { MemberRole } from "./vocabulary";

/** As Slack and Linear do: an invitation lapses after a week; inviting again renews it. */
export const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;

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
