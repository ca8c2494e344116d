import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// End-to-end in real Chromium against the emulator suite; run inside `emulators:exec`
// (root `npm run test:e2e`). One file at a time: the machine has two cores.
export default defineConfig({
  // The suites state settings in the domain's own vocabulary, as the app does.
  resolve: { alias: { "@firetrack/domain": fileURLToPath(new URL("../functions/src/domain", import.meta.url)) } },
  test: {
    include: ["e2e/**/*.e2e.test.ts"],
    environment: "node",
    testTimeout: 180_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    globalSetup: ["e2e/support/globalSetup.ts"],
    // A page load on two busy cores (auth, GET /me, lazy chunks, listeners) can take seconds, and
    // what triggers derive (activities, numbers) waits behind every earlier event's triggers.
    expect: { poll: { timeout: 60_000, interval: 100 } },
  },
});
