import { getApps, initializeApp } from "firebase-admin/app";
import { beforeAll } from "vitest";
import { useSlaTimerQueue } from "../../src/events/slaTimer";

for (const variable of ["FIRESTORE_EMULATOR_HOST", "FIREBASE_AUTH_EMULATOR_HOST"]) {
  if (!process.env[variable]) {
    throw new Error(
      `${variable} is not set: run emulator tests through \`npm run test:emulator\` (firebase emulators:exec).`,
    );
  }
}
if (getApps().length === 0) initializeApp({ projectId: "demo-firetrack" });

// Triggers called here run on an injected clock; the emulator's task queue would run an SLA timer at once,
// marking at real time what the suite means to mark at its own. Suites deliver the timers themselves (sla-business).
useSlaTimerQueue(async () => true);

// Each file starts once the trigger events of the files before it have been delivered and run: a suite that
// wrote hundreds of issues leaves minutes of them behind, and the next file's first waits would measure those.
beforeAll(async () => {
  const { waitForTriggersDrained } = await import("../../../scripts/lib/functionsActivity.mjs");
  await waitForTriggersDrained();
}, 660_000);
