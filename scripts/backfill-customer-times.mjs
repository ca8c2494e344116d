#!/usr/bin/env node
// Once, after upgrading a deployment that held issues before customers had a time of change of
// their own (docs/decisions/0048-customer-updated-at.md): gives each such issue the time and the
// fingerprint of what its customer sees, so it shows in their lists sorted by `updatedAt`. Safe to
// run again (it writes nothing the second time). Needs `npm run build` (it uses the functions'
// own store code, functions/lib/store/publicUpdatedAtBackfill.js).
//
//   npm run backfill:customer-times [-- --org <orgId>…] [--project <id>]
import { getFirestore } from "firebase-admin/firestore";
import { operatorTarget, runOperatorCommand, UsageError } from "./lib/operatorTarget.mjs";

const USAGE = `usage: npm run backfill:customer-times [-- --org <orgId>…] [--project <id>]
Without --project it acts on the running emulators (FIRETRACK_PORT_OFFSET applies).`;

/** @param {string[]} argv */
export async function backfillCustomerTimesCommand(argv) {
  const { args, projectId } = operatorTarget(argv);
  /** @type {string[]} */
  const orgIds = [];
  while (args.length > 0) {
    const [flag, orgId] = args.splice(0, 2);
    if (flag !== "--org" || !orgId) throw new UsageError(`unexpected ${[flag, orgId].filter(Boolean).join(" ")}`);
    orgIds.push(orgId);
  }
  const { backfillPublicUpdatedAt } = await import("../functions/lib/store/publicUpdatedAtBackfill.js");
  const { scanned, written } = await backfillPublicUpdatedAt(getFirestore(), {
    orgIds: orgIds.length > 0 ? orgIds : undefined,
  });
  return `${projectId}: ${written} of ${scanned} issues given their customer's time of change.`;
}

if (import.meta.url === `file://${process.argv[1]}`)
  runOperatorCommand(USAGE, () => backfillCustomerTimesCommand(process.argv.slice(2)));
