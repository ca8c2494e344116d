/** Seeds the demo world once (scripts/seed.mjs, idempotent): the e2e signs in as its accounts. */
export default async function setup() {
  const { seed } = await import("../../../scripts/seed.mjs");
  await seed();
}
