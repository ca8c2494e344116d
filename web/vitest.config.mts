import { defineConfig, mergeConfig } from "vitest/config";
import viteConfig from "./vite.config";

// Component and unit tests in jsdom, with the app's own aliases and build-time constants.
export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      include: ["test/**/*.test.{ts,tsx}"],
      environment: "jsdom",
      setupFiles: ["test/setup.ts"],
    },
  }),
);
