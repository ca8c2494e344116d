/**
 * The caller's role in the org named by the path. A caller with no role there
 * gets a 404, exactly as if the org did not exist, so org ids leak nothing.
 */
import { can, actorKindForRole, isDocId, type Action, type Actor, type Role } from "../domain";
import { db } from "../store/db";
import { findMembership, getOrgSettings } from "../store/orgs";
import type { Caller } from "./auth";
import { forbidden, notFound } from "./errors";

export interface OrgAccess {
  orgId: string;
  role: Role;
  actor: Actor;
  /**
   * Set only for a signed-in non-member whom client intake lets raise an issue
   * (api/intakeAccess.ts): makes them the org's customer. The route runs it after
   * every check, right before it writes, so a refused request joins nobody.
   */
  admit?: () => Promise<void>;
}

/** Null when the caller has no role in the org (or the org does not exist). */
export async function resolveOrgAccess(caller: Caller, orgId: string): Promise<OrgAccess | null> {
  if (!isDocId(orgId)) return null;
  // A service is a service whatever role its key was given: its issues and comments carry source `service`.
  const grant = (role: Role, name: string): OrgAccess => ({
    orgId,
    role,
    actor: { uid: caller.uid, name, kind: caller.kind === "user" ? actorKindForRole(role) : "service" },
  });
  switch (caller.kind) {
    case "user": {
      const membership = await findMembership(db(), orgId, caller.uid);
      return membership ? grant(membership.role, membership.displayName || caller.name) : null;
    }
    case "apiKey":
      return caller.orgId === orgId ? grant(caller.role, caller.name) : null;
    case "serviceAccount": {
      const settings = await getOrgSettings(db(), orgId);
      const listed = settings?.serviceAccounts.map((email) => email.toLowerCase()).includes(caller.email);
      return listed ? grant("service", caller.name) : null;
    }
  }
}

export async function requireOrgAccess(caller: Caller, orgId: string): Promise<OrgAccess> {
  const access = await resolveOrgAccess(caller, orgId);
  if (!access) throw notFound("The organisation");
  return access;
}

/** Throws 403 unless the caller's role grants `action` (for `own` grants, pass whether they own the issue). */
export function requirePermission(access: OrgAccess, action: Action, ownsIssue = false): void {
  if (!can(access.role, action, ownsIssue)) throw forbidden();
}
