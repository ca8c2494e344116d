/**
 * Where an issue lives in the web app for the person who opens it: the agent page for
 * a member, the portal page for a customer. Notifications, mail links and the org
 * layout all ask here, so a customer is never sent to a page the rules refuse them.
 */
import { agentIssuePath, isOrgSlug, isStaffRole, issuePagePath, portalIssuePath, type Role } from "@firetrack/domain";

interface MembershipLike {
  orgId: string;
  role: Role;
}

const seg = encodeURIComponent;

export const PORTAL_HOME = "/portal";
export const raisePath = (orgId?: string) => (orgId ? `/portal/raise?org=${seg(orgId)}` : "/portal/raise");

// The issue pages' paths come from the domain: notification mail links to the same ones.
export { agentIssuePath, isStaffRole, portalIssuePath };
export { issueAddress } from "@firetrack/domain";

/**
 * The page for one issue. Without a membership (a customer removed from the org still
 * follows the issues they raised) it is the portal page: the projection is theirs.
 */
export function issueHref(
  memberships: readonly MembershipLike[],
  orgId: string,
  issueId: string,
  issueNumber?: string | null,
): string {
  const role = memberships.find((m) => m.orgId === orgId)?.role;
  // Both pages take the readable number (ISS-2026-0044) once there is one, as mail links do.
  return issuePagePath({ orgId, id: issueId, number: issueNumber ?? null }, isStaffRole(role) ? "team" : "customer");
}

/** A row of the portal (the customer's projection): its page, by number once numbered. */
export const portalIssueHref = (issue: { orgId: string; issueId: string; number: string | null }) =>
  issuePagePath({ orgId: issue.orgId, id: issue.issueId, number: issue.number }, "customer");

/** The orgs a person raises issues with as a customer. */
export const customerMemberships = <M extends MembershipLike>(memberships: readonly M[]): M[] =>
  memberships.filter((m) => m.role === "customer");

/** Where signing in leads: the workspace of a staff membership first, else the portal, else the welcome page. */
export function landingPath(memberships: readonly MembershipLike[]): string | null {
  const staff = memberships.find((m) => isStaffRole(m.role));
  if (staff) return `/o/${seg(staff.orgId)}/issues`;
  return memberships.length > 0 ? PORTAL_HOME : null;
}

/**
 * An agent-workspace path opened by a customer (an old bookmark, a link a colleague
 * sent): the portal page of the same issue, by the same id or number, or the portal's list.
 */
export function portalPathForOrgPath(pathname: string, orgId: string): string {
  const match = /^\/o\/[^/]+\/issues\/([^/]+)\/?$/.exec(pathname);
  const issueId = match?.[1] ? decodeURIComponent(match[1]) : null;
  return issueId && issueId !== "new" ? portalIssuePath(orgId, issueId) : PORTAL_HOME;
}

/** `intake link or short name` → the slug: `https://…/raise/acme-support` and `acme-support` alike; null if neither. */
export function slugFromIntakeInput(input: string): string | null {
  const text = input.trim();
  const fromLink = /\/raise\/([^/?#\s]+)/.exec(text)?.[1];
  const candidate = (fromLink ?? text).toLowerCase();
  return isOrgSlug(candidate) ? candidate : null;
}
