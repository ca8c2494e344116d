/**
 * Which org may sync with a Linear team (docs/linear.md): `linearTeams/{teamId}` {orgId, boundAt}.
 * Only the deployment's operator binds a team (scripts/linear-team.mjs, through this module);
 * clients write nothing here (firestore.rules). An org admin can turn the sync on only for a
 * team bound to their org, so no org can claim another tenant's Linear team and import its issues.
 */
import { FieldValue, type Firestore, type Transaction } from "firebase-admin/firestore";
import { DomainError } from "../domain";
import { orgSettingsRef, orgRef } from "./refs";

export const linearBindingRef = (db: Firestore, teamId: string) => db.collection("linearTeams").doc(teamId);

/** The org a team is bound to, or null. Inside a transaction when given one. */
export async function boundOrgOfTeam(db: Firestore, teamId: string, tx?: Transaction): Promise<string | null> {
  const ref = linearBindingRef(db, teamId);
  const binding = tx ? await tx.get(ref) : await ref.get();
  const orgId = binding.get("orgId") as unknown;
  return typeof orgId === "string" && orgId ? orgId : null;
}

/**
 * Refuses turning the sync on for a team that is not bound to this org. The same answer
 * whether the team is bound to nobody or to another org: an admin learns nothing of other tenants.
 */
export async function requireTeamBound(db: Firestore, tx: Transaction, orgId: string, teamId: string): Promise<void> {
  if ((await boundOrgOfTeam(db, teamId, tx)) !== orgId) throw new DomainError("linear_team_not_bound");
}

export interface BindingChange {
  teamId: string;
  /** The org the team was bound to before, if any. */
  previousOrgId: string | null;
  /** The org whose running sync with this team was turned off by the change, if any. */
  stoppedOrgId: string | null;
}

/**
 * The operator binds a team to an org. A team bound elsewhere moves, and the org that loses it
 * stops syncing with it (its settings keep the team id, the sync off), in the same transaction.
 */
export async function bindLinearTeam(db: Firestore, teamId: string, orgId: string): Promise<BindingChange> {
  return db.runTransaction(async (tx) => {
    const org = await tx.get(orgRef(db, orgId));
    if (!org.exists) throw new Error(`no organisation ${orgId}`);
    const previousOrgId = await boundOrgOfTeam(db, teamId, tx);
    const stoppedOrgId =
      previousOrgId && previousOrgId !== orgId ? await stopSync(db, tx, previousOrgId, teamId) : null;
    tx.set(linearBindingRef(db, teamId), { orgId, boundAt: FieldValue.serverTimestamp() });
    return { teamId, previousOrgId, stoppedOrgId };
  });
}

/** The operator unbinds a team: the org it was bound to stops syncing with it. */
export async function unbindLinearTeam(db: Firestore, teamId: string): Promise<BindingChange> {
  return db.runTransaction(async (tx) => {
    const previousOrgId = await boundOrgOfTeam(db, teamId, tx);
    const stoppedOrgId = previousOrgId ? await stopSync(db, tx, previousOrgId, teamId) : null;
    tx.delete(linearBindingRef(db, teamId));
    return { teamId, previousOrgId, stoppedOrgId };
  });
}

/** Turns the org's sync off if it runs with this team; the org id when it did. Reads first, as transactions must. */
async function stopSync(db: Firestore, tx: Transaction, orgId: string, teamId: string): Promise<string | null> {
  const ref = orgSettingsRef(db, orgId);
  const settings = await tx.get(ref);
  if (settings.get("linear.teamId") !== teamId || settings.get("linear.enabled") !== true) return null;
  tx.update(ref, { "linear.enabled": false, updatedAt: FieldValue.serverTimestamp() });
  return orgId;
}
