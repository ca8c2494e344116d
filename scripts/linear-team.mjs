#!/usr/bin/env node
// The deployment operator's say over Linear teams (docs/linear.md): binds a Linear team to the
// one org that may sync with it, moves it, or unbinds it. Org admins cannot do this themselves,
// so no tenant can claim another's team and import its issues. Needs `npm run build` (it uses
// the functions' own store code, functions/lib/store/linearTeams.js).
//
//   npm run linear:team -- bind <teamId> <orgId> [--project <id>]
//   npm run linear:team -- unbind <teamId> [--project <id>]
//   npm run linear:team -- show <teamId> [--project <id>]
import { getFirestore } from "firebase-admin/firestore";
import { operatorTarget, runOperatorCommand, UsageError } from "./lib/operatorTarget.mjs";

const USAGE = `usage: npm run linear:team -- bind <teamId> <orgId> | unbind <teamId> | show <teamId> [--project <id>]
Without --project it acts on the running emulators (FIRETRACK_PORT_OFFSET applies).`;

/** @param {{ previousOrgId: string | null, stoppedOrgId: string | null }} change */
const consequences = (change) =>
  [
    change.previousOrgId ? `it was bound to ${change.previousOrgId}` : "it was bound to no organisation",
    change.stoppedOrgId ? `the sync of ${change.stoppedOrgId} with it is now off` : null,
  ]
    .filter(Boolean)
    .join("; ");

/** @param {string[]} argv */
export async function linearTeamCommand(argv) {
  const { args, projectId } = operatorTarget(argv);
  const [command, teamId, orgId] = args;
  if (!teamId) throw new UsageError("name a Linear team id");
  const { bindLinearTeam, boundOrgOfTeam, unbindLinearTeam } = await import("../functions/lib/store/linearTeams.js");
  const db = getFirestore();
  switch (command) {
    case "bind": {
      if (!orgId || args.length !== 3) throw new UsageError("bind takes a team id and an org id");
      const change = await bindLinearTeam(db, teamId, orgId);
      return `${projectId}: Linear team ${teamId} is bound to ${orgId} (${consequences(change)}).`;
    }
    case "unbind": {
      if (args.length !== 2) throw new UsageError("unbind takes a team id");
      const change = await unbindLinearTeam(db, teamId);
      return `${projectId}: Linear team ${teamId} is bound to no organisation (${consequences(change)}).`;
    }
    case "show": {
      const bound = await boundOrgOfTeam(db, teamId);
      return `${projectId}: Linear team ${teamId} is bound to ${bound ?? "no organisation"}.`;
    }
    default:
      throw new UsageError(`unknown command ${command ?? "(none)"}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`)
  runOperatorCommand(USAGE, () => linearTeamCommand(process.argv.slice(2)));
