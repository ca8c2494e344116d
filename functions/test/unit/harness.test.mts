/**
 * The emulator harness (scripts/lib/emulatorEnv.mjs) caps the Functions emulator's parallel workers from the
 * machine's cores: with firebase-tools' default of 50, a cold burst of requests started dozens of workers at
 * once on 2 cores and part of it never answered. Suites wait for its functions to go quiet
 * (scripts/lib/functionsActivity.mjs) before they start.
 */
import { availableParallelism } from "node:os";
import { describe, expect, it } from "vitest";
import { emulatorEnv, functionsParallelism } from "../../../scripts/lib/emulatorEnv.mjs";
import { activityMonitor, serveActivity, waitForQuiet } from "../../../scripts/lib/functionsActivity.mjs";

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

describe("the Functions emulator's activity, read from its output", () => {
  const line = (text: string) => Buffer.from(`${text}\n`);

  it("counts runs begun and finished, lines split across chunks included", () => {
    const monitor = activityMonitor();
    monitor.watch(line('i  functions: Beginning execution of "us-central1-api"'));
    monitor.watch(Buffer.from('i  functions: Beginning execution of "us-central1-onIss'));
    expect(monitor.state().running).toBe(1);
    monitor.watch(line('ueWritten"'));
    expect(monitor.state().running).toBe(2);
    monitor.watch(line('i  functions: Finished "us-central1-api" in 12.5ms\nsome test output'));
    expect(monitor.state()).toMatchObject({ running: 1 });
    expect(monitor.state().idleMs).toBeLessThan(1_000);
  });

  it("never counts below zero, and other output is no activity", async () => {
    const monitor = activityMonitor();
    monitor.watch(line('i  functions: Finished "us-central1-api" in 3ms'));
    expect(monitor.state().running).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 30));
    monitor.watch(line(" ✓ test/emulator/issues.emulator.test.ts (27 tests) 3396ms"));
    expect(monitor.state().idleMs).toBeGreaterThanOrEqual(25);
  });

  it("waits the quiet time from its call even on an emulator quiet before it, and sees runs that begin meanwhile", async () => {
    const monitor = activityMonitor();
    const served = await serveActivity(monitor);
    const before = process.env.FIRETRACK_FUNCTIONS_ACTIVITY;
    process.env.FIRETRACK_FUNCTIONS_ACTIVITY = served.url;
    try {
      await new Promise((resolve) => setTimeout(resolve, 300)); // quiet for a while already
      const started = Date.now();
      // A write's trigger begins just after the call, and runs 300 ms.
      const begin = setTimeout(() => monitor.watch(line('i  functions: Beginning execution of "us-central1-x"')), 100);
      const end = setTimeout(() => monitor.watch(line('i  functions: Finished "us-central1-x" in 300ms')), 400);
      await waitForQuiet({ quietMs: 250, silentMs: 5_000 });
      clearTimeout(begin);
      clearTimeout(end);
      expect(Date.now() - started).toBeGreaterThanOrEqual(400 + 250 - 20);
    } finally {
      served.close();
      if (before === undefined) delete process.env.FIRETRACK_FUNCTIONS_ACTIVITY;
      else process.env.FIRETRACK_FUNCTIONS_ACTIVITY = before;
    }
  });

  it("serves its state, and waitForQuiet returns once nothing ran for the quiet time", async () => {
    const monitor = activityMonitor();
    const served = await serveActivity(monitor);
    const before = process.env.FIRETRACK_FUNCTIONS_ACTIVITY;
    process.env.FIRETRACK_FUNCTIONS_ACTIVITY = served.url;
    try {
      monitor.watch(line('i  functions: Beginning execution of "us-central1-api"'));
      const finish = setTimeout(() => monitor.watch(line('i  functions: Finished "us-central1-api" in 300ms')), 300);
      const started = Date.now();
      await waitForQuiet({ quietMs: 200, silentMs: 5_000 });
      clearTimeout(finish);
      // It waited for the run to finish, then for the quiet time.
      expect(Date.now() - started).toBeGreaterThanOrEqual(450);
      expect(monitor.state().running).toBe(0);
    } finally {
      served.close();
      if (before === undefined) delete process.env.FIRETRACK_FUNCTIONS_ACTIVITY;
      else process.env.FIRETRACK_FUNCTIONS_ACTIVITY = before;
    }
  });
});
