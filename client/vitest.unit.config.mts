import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/unit/**/*.test.ts"],
    // The bounded-queue test measures the heap after a forced collection.
    execArgv: ["--expose-gc"],
    testTimeout: 30_000,
  },
});
