#!/usr/bin/env node
// The operator ends a person's access at once (docs/security.md, "Disabled and revoked accounts").
// Firebase Auth alone leaves a signed-in browser an hour: its ID token stays valid. This disables
// the account or revokes its sessions through the Admin SDK, then writes the revocation marker the
// security rules compare `auth_time` with (functions/lib/store/sessionMarkers.js, so `npm run build`
// first), so the person's live reads stop now rather than when the token expires.
//
//   npm run user:access -- disable <uid|email> [--project <id>]   no sign-in any more, every session ends
//   npm run user:access -- revoke <uid|email> [--project <id>]    every session ends; signing in again works
//   npm run user:access -- enable <uid|email> [--project <id>]    may sign in again (old sessions stay ended)
import { getAuth } from "firebase-admin/auth";
import { getFirestore } from "firebase-admin/firestore";
import { operatorTarget, runOperatorCommand, UsageError } from "./lib/operatorTarget.mjs";

const USAGE = `usage: npm run user:access -- disable | revoke | enable <uid|email> [--project <id>]
Without --project it acts on the running emulators (FIRETRACK_PORT_OFFSET applies).`;

/** @param {string} who */
async function findUser(who) {
  return who.includes("@") ? getAuth().getUserByEmail(who) : getAuth().getUser(who);
}

/** @param {string[]} argv */
export async function userAccessCommand(argv) {
  const { args, projectId } = operatorTarget(argv);
  const [command, who] = args;
  if (!who || args.length !== 2) throw new UsageError("name one account, by uid or address");
  if (!["disable", "revoke", "enable"].includes(command ?? "")) throw new UsageError(`unknown command ${command}`);
  const { uid } = await findUser(who);
  if (command === "enable") {
    await getAuth().updateUser(uid, { disabled: false });
    return `${projectId}: ${uid} may sign in again.`;
  }
  if (command === "disable") await getAuth().updateUser(uid, { disabled: true });
  await getAuth().revokeRefreshTokens(uid);
  // Auth's own instant, so the rules and the API (which reads tokensValidAfterTime) agree to the second.
  const validAfter = Date.parse((await getAuth().getUser(uid)).tokensValidAfterTime ?? "");
  const validAfterSec = Math.floor((Number.isNaN(validAfter) ? Date.now() : validAfter) / 1000);
  const { recordSessionsEnded } = await import("../functions/lib/store/sessionMarkers.js");
  const written = await recordSessionsEnded(getFirestore(), uid, validAfterSec);
  const what = command === "disable" ? "is disabled and every session of theirs ended" : "had every session ended";
  return `${projectId}: ${uid} ${what} (signed in before ${new Date(validAfterSec * 1000).toISOString()}; ${written} marker(s) written).`;
}

if (import.meta.url === `file://${process.argv[1]}`)
  runOperatorCommand(USAGE, () => userAccessCommand(process.argv.slice(2)));
