import { defineConfig } from "vitest/config";

// Emulator suites share one Firestore and one set of triggers, and some of them
// pause background triggers: run the files one after another.
export default defineConfig({
  test: {
    include: ["test/emulator/**/*.emulator.test.ts"],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    setupFiles: ["test/emulator/setup.ts"],
  },
});
