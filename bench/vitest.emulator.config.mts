import { defineConfig } from "vitest/config";

// Inside the emulators of `npm run test:emulator`, with bench mode on (scripts/emulators.mjs --bench).
export default defineConfig({
  test: { include: ["test/emulator/**/*.emulator.test.ts"], fileParallelism: false, testTimeout: 600_000 },
});
