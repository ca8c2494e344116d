/**
 * The emulator harness (scripts/lib/emulatorEnv.mjs) caps the Functions emulator's parallel workers from the
 * machine's cores: with firebase-tools' default of 50, a cold burst of requests started dozens of workers at
 * once on 2 cores and part of it never answered.
 */
import { availableParallelism } from "node:os";
import { describe, expect, it } from "vitest";
import { emulatorEnv, functionsParallelism } from "../../../scripts/lib/emulatorEnv.mjs";

describe("the Functions emulator's parallelism", () => {
  it("is three workers per core unless the developer says otherwise", () => {
    expect(functionsParallelism({})).toBe(String(Math.max(2, availableParallelism() * 3)));
    expect(emulatorEnv({ PATH: process.env.PATH }).FUNCTIONS_EMULATOR_PARALLEL).toBe(functionsParallelism({}));
  });

  it("takes the developer's FUNCTIONS_EMULATOR_PARALLEL", () => {
    expect(functionsParallelism({ FUNCTIONS_EMULATOR_PARALLEL: "12" })).toBe("12");
    expect(emulatorEnv({ PATH: process.env.PATH, FUNCTIONS_EMULATOR_PARALLEL: "1" }).FUNCTIONS_EMULATOR_PARALLEL).toBe(
      "1",
    );
  });

  it.each(["0", "-3", "six", "2.5"])("refuses %j, which firebase-tools would reject only after starting", (value) => {
    expect(() => functionsParallelism({ FUNCTIONS_EMULATOR_PARALLEL: value })).toThrow(/positive whole number/);
  });
});
