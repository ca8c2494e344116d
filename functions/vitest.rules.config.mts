import { BaseSequencer, type TestSpecification } from "vitest/node";
import { defineConfig } from "vitest/config";

/** The coverage check reads what the whole matrix evaluated, so it runs last. */
class CoverageLastSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = [...files].sort((a, b) => a.moduleId.localeCompare(b.moduleId));
    const isCoverage = (file: TestSpecification) => file.moduleId.endsWith("coverage.rules.test.ts");
    return [...sorted.filter((file) => !isCoverage(file)), ...sorted.filter(isCoverage)];
  }
}

// The security-rules matrix: @firebase/rules-unit-testing against the Firestore
// emulator, in a project of its own (test/rules/env.ts), one file after another.
export default defineConfig({
  test: {
    include: ["test/rules/**/*.rules.test.ts"],
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    globalSetup: ["test/rules/globalSetup.ts"],
    sequence: { sequencer: CoverageLastSequencer },
  },
});
