/**
 * Access for routes that take client intake (POST /orgs/{orgId}/issues): members as
 * usual; a signed-in non-member, where the org takes them in, as a customer to be.
 * Joining is deferred: the access carries `admit`, which the route runs only once the
 * request has validated and passed every check, so a bad request creates no membership.
 */
import { intakeGrant, isDomainError, type OrgSettings } from "../domain";
import { db } from "../store/db";
import { addMember } from "../store/members";
import type { NewMember } from "../store/orgs";
import { getOrgSettings } from "../store/orgs";
import { syncProfileFromToken, type TokenIdentity } from "../store/users";
import type { Caller } from "./auth";
import { notFound } from "./errors";
import { resolveOrgAccess, type OrgAccess } from "./orgAccess";

/** The seams: what intake reads and writes. Tests pass fakes. */
export interface IntakeDeps {
  resolveOrgAccess(caller: Caller, orgId: string): Promise<OrgAccess | null>;
  getOrgSettings(orgId: string): Promise<OrgSettings | null>;
  /** Throws DomainError("already_member") when the person is a member already. */
  addCustomer(orgId: string, member: NewMember): Promise<void>;
  recordProfile(person: TokenIdentity): Promise<void>;
}

export const firestoreIntakeDeps = (): IntakeDeps => ({
  resolveOrgAccess,
  getOrgSettings: (orgId) => getOrgSettings(db(), orgId),
  addCustomer: (orgId, member) => addMember(db(), orgId, member, "customer"),
  recordProfile: (person) => syncProfileFromToken(db(), person),
});

export async function intakeAccess(
  caller: Caller,
  orgId: string,
  deps: IntakeDeps = firestoreIntakeDeps(),
): Promise<OrgAccess> {
  const access = await deps.resolveOrgAccess(caller, orgId);
  if (access) return access;
  if (caller.kind !== "user") throw notFound("The organisation");
  const settings = await deps.getOrgSettings(orgId);
  if (!settings || !intakeGrant(settings, caller)) throw notFound("The organisation");
  return {
    orgId,
    role: "customer",
    actor: { uid: caller.uid, name: caller.name, kind: "customer" },
    async admit() {
      await deps
        .addCustomer(orgId, {
          uid: caller.uid,
          displayName: caller.name,
          email: caller.email,
          emailVerified: caller.emailVerified,
        })
        .catch((err: unknown) => {
          // A concurrent first request already made them a member.
          if (!isDomainError(err, "already_member")) throw err;
        });
      await deps.recordProfile(caller);
    },
  };
}
