/**
 * Resolves the caller's role in the org named by the path. A caller with no
 * role there gets a 404, exactly as if the org did not exist, so org ids leak
 * nothing.
 */
import type { RequestHandler, Response } from "express";
import { can, type Action, type MemberRole } from "../domain";
import { findMembership } from "../store/orgs";
import { db } from "../store/db";
import { callerOf } from "./auth";
import { forbidden, notFound } from "./errors";

export interface OrgAccess {
  orgId: string;
  role: MemberRole;
}

export const loadOrgAccess: RequestHandler<{ orgId: string }> = async (req, res, next) => {
  const caller = callerOf(res);
  const orgId = req.params.orgId;
  const membership = orgId.length <= 200 && !orgId.includes("/") ? await findMembership(db(), orgId, caller.uid) : null;
  if (!membership) throw notFound("The organisation");
  const access: OrgAccess = { orgId, role: membership.role };
  res.locals.access = access;
  next();
};

export function accessOf(res: Response): OrgAccess {
  const access = res.locals.access as OrgAccess | undefined;
  if (!access) throw new Error("loadOrgAccess must run before this handler");
  return access;
}

/** Throws 403 unless the caller's role grants `action` (for `own` grants, pass whether they own the issue). */
export function requirePermission(access: OrgAccess, action: Action, ownsIssue = false): void {
  if (!can(access.role, action, ownsIssue)) throw forbidden();
}
