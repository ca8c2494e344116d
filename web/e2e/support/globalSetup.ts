/**
 * Seeds the demo world once (scripts/seed.mjs, idempotent): the e2e signs in as its accounts. Then waits
 * for the seed's triggers, and those of any suite before this one, to have run (docs/testing.md).
 */
export default async function setup() {
  const { seed } = await import("../../../scripts/seed.mjs");
  await seed();
  const { waitForQuiet } = await import("../../../scripts/lib/functionsActivity.mjs");
  // Long enough for the seed's first trigger to start a cold worker (seconds after a suite that paused the
  // triggers), before whose start the emulator prints nothing.
  await waitForQuiet({ quietMs: 8_000, silentMs: 15_000 });
}
