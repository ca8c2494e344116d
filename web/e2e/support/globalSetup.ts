/**
 * Seeds the demo world once (scripts/seed.mjs, idempotent): the e2e signs in as its accounts. Then waits
 * for the seed's trigger events, and those of any suite before this one, to have been delivered and run
 * (docs/testing.md).
 */
export default async function setup() {
  const { seed } = await import("../../../scripts/seed.mjs");
  await seed();
  const { waitForTriggersDrained } = await import("../../../scripts/lib/functionsActivity.mjs");
  await waitForTriggersDrained({ quietMs: 2_000 });
}
