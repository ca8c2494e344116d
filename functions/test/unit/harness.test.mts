/**
 * The emulator harness (scripts/lib/emulatorEnv.mjs) caps the Functions emulator's parallel workers from the
 * machine's cores: with firebase-tools' default of 50, a cold burst of requests started dozens of workers at
 * once on 2 cores and part of it never answered. Suites wait for its functions to go quiet
 * (scripts/lib/functionsActivity.mjs) before they start.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { availableParallelism } from "node:os";
import { describe, expect, it } from "vitest";
import { emulatorEnv, functionsParallelism } from "../../../scripts/lib/emulatorEnv.mjs";
import {
  activityMonitor,
  serveActivity,
  waitForQuiet,
  waitForTriggersDrained,
} from "../../../scripts/lib/functionsActivity.mjs";

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

describe("waiting for the Firestore emulator's trigger events to be delivered", () => {
  /** A stand-in for the emulator's REST API: the canary's trigger "claims" it `claimAfterMs` after the write. */
  async function fakeFirestore(claimAfterMs: number | null) {
    const writes: { method: string; path: string; body: string }[] = [];
    let writtenAt = 0;
    const server = createServer((request, response) => {
      let body = "";
      request.on("data", (chunk) => (body += chunk));
      request.on("end", () => {
        response.setHeader("content-type", "application/json");
        if (request.method === "PATCH") {
          writes.push({ method: request.method, path: request.url ?? "", body });
          writtenAt = Date.now();
          response.end(body);
          return;
        }
        const claimed = claimAfterMs !== null && Date.now() - writtenAt >= claimAfterMs;
        response.end(JSON.stringify({ fields: claimed ? { delivery: { mapValue: {} } } : { to: { arrayValue: {} } } }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return { host: `127.0.0.1:${(server.address() as AddressInfo).port}`, writes, close: () => server.close() };
  }

  async function withEnv<T>(values: Record<string, string>, work: () => Promise<T>): Promise<T> {
    const before = Object.fromEntries(Object.keys(values).map((key) => [key, process.env[key]]));
    Object.assign(process.env, values);
    try {
      return await work();
    } finally {
      for (const [key, value] of Object.entries(before)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
  }

  it("writes a canary mail with no recipient and returns only once its trigger has claimed it", async () => {
    const firestore = await fakeFirestore(600);
    const served = await serveActivity(activityMonitor());
    try {
      const started = Date.now();
      await withEnv({ FIRESTORE_EMULATOR_HOST: firestore.host, FIRETRACK_FUNCTIONS_ACTIVITY: served.url }, () =>
        waitForTriggersDrained({ quietMs: 50 }),
      );
      expect(Date.now() - started).toBeGreaterThanOrEqual(600);
      expect(firestore.writes).toHaveLength(1);
      expect(firestore.writes[0]?.path).toMatch(/\/documents\/mail\/harness-canary-/);
      expect(JSON.parse(firestore.writes[0]?.body ?? "{}").fields.to).toEqual({ arrayValue: {} });
    } finally {
      firestore.close();
      served.close();
    }
  });

  it("gives up at its deadline with a warning, and does nothing outside the harness", async () => {
    const firestore = await fakeFirestore(null);
    const served = await serveActivity(activityMonitor());
    try {
      const started = Date.now();
      await withEnv({ FIRESTORE_EMULATOR_HOST: firestore.host, FIRETRACK_FUNCTIONS_ACTIVITY: served.url }, () =>
        waitForTriggersDrained({ deadlineMs: 400 }),
      );
      expect(Date.now() - started).toBeLessThan(3_000);
      await withEnv({ FIRESTORE_EMULATOR_HOST: firestore.host, FIRETRACK_FUNCTIONS_ACTIVITY: "" }, () =>
        waitForTriggersDrained(),
      );
      expect(firestore.writes).toHaveLength(1);
    } finally {
      firestore.close();
      served.close();
    }
  });
});
