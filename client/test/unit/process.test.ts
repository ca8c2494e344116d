/**
 * A Node process that logs and exits is not held open by the client: its timers
 * are unref'd, and an awaited call is answered rather than left hanging when the
 * process runs out of work. Runs the built package (dist/) in a child process.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { closedPort, created, hang, startStub, type Stub } from "./stubServer.js";

const DIST = fileURLToPath(new URL("../../dist/index.js", import.meta.url));
const PACKAGE_DIR = fileURLToPath(new URL("../..", import.meta.url));

beforeAll(() => {
  if (!existsSync(DIST))
    throw new Error("dist/ is missing: `npm run test:unit` builds it first (npm run build --workspace client)");
});

const stubs: Stub[] = [];
afterEach(async () => {
  for (const stub of stubs.splice(0)) await stub.close();
});

interface Run {
  code: number | null;
  ms: number;
  stdout: string;
  stderr: string;
}

/** Runs an ES module body with `createFiretrackClient` imported and `baseUrl` set. */
function runScript(baseUrl: string, body: string): Promise<Run> {
  const source = `import { createFiretrackClient } from ${JSON.stringify(DIST)};\nconst baseUrl = ${JSON.stringify(baseUrl)};\n${body}`;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ["--input-type=module", "-e", source], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
    const killer = setTimeout(() => child.kill("SIGKILL"), 20_000);
    child.on("error", reject);
    child.on("exit", (code) => {
      clearTimeout(killer);
      resolve({ code, ms: performance.now() - started, stdout, stderr });
    });
  });
}

const CLIENT = `const tracker = createFiretrackClient({ baseUrl, orgId: "org1", apiKey: "ftk_x_y", service: "batch-job", timeoutMs: 1000, backoff: { initialMs: 60000, maxMs: 60000 } });`;

/** How long node takes to start and exit with nothing to do, on this machine now. */
async function baseline(): Promise<number> {
  return (await runScript("http://127.0.0.1:1", "")).ms;
}

describe("a process that logs and exits", () => {
  it("exits at once after an awaited log while the tracker is down, with the report still queued", async () => {
    const base = await baseline();
    const port = await closedPort();
    const run = await runScript(
      `http://127.0.0.1:${port}`,
      `${CLIENT}
      const result = await tracker.logIssue({ title: "Nightly import failed" });
      console.log(JSON.stringify({ result, stats: tracker.stats() }));`,
    );
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      result: null,
      stats: { sent: 0, deduplicated: 0, retried: 0, dropped: 0, errors: 0, queued: 1 },
    });
    // The 60 s backoff timer is unref'd: the process does not wait for it. (The bound is far from
    // both 60 s and the usual ~0, so a loaded machine can't make it fail.)
    expect(run.ms - base).toBeLessThan(10_000);
  });

  it("exits once the attempt times out when the tracker hangs, even without awaiting", async () => {
    const base = await baseline();
    const server = await startStub(hang);
    stubs.push(server);
    const run = await runScript(
      server.base,
      `${CLIENT}
      tracker.logIssue({ title: "Fire and forget" });
      console.log("done");`,
    );
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe("done");
    expect(server.requests).toHaveLength(1);
    // The open socket lasts until the attempt's timeout (timeoutMs), and nothing after it: a socket
    // left open would hold the process until the 20 s kill.
    expect(run.ms - base).toBeLessThan(10_000);
  });

  it("exits at once after a delivered log (no keep-alive socket holds it)", async () => {
    const base = await baseline();
    const server = await startStub((_request, res) => created(res, 1));
    stubs.push(server);
    const run = await runScript(
      server.base,
      `${CLIENT}
      const result = await tracker.logIssue({ title: "Delivered" });
      console.log(JSON.stringify(result));`,
    );
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ id: "issue1", number: "ISS-2026-0001", deduplicated: false });
    // The stub keeps idle sockets for 60 s: one kept alive by the client would hold the process that long.
    expect(run.ms - base).toBeLessThan(10_000);
  });

  it("answers an awaited call with null instead of leaving it unsettled when the process runs dry", async () => {
    // A token source that never settles leaves the call waiting on nothing but unref'd timers: without
    // the client's beforeExit hook Node would end with an unsettled top-level await (exit code 13).
    const run = await runScript(
      "http://127.0.0.1:1",
      `
      const tracker = createFiretrackClient({ baseUrl, orgId: "org1", getToken: () => new Promise(() => {}), timeoutMs: 60000 });
      const result = await tracker.logIssue({ title: "stuck" });
      console.log(JSON.stringify([result, tracker.stats().queued]));`,
    );
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([null, 1]);
  });

  it("answers calls made while the tracker is known to be down at once", async () => {
    const port = await closedPort();
    const run = await runScript(
      `http://127.0.0.1:${port}`,
      `${CLIENT}
      await tracker.logIssue({ title: "first" });
      const second = await tracker.logIssue({ title: "second" });
      const third = await tracker.updateStatus("ISS-2026-0001", "closed");
      console.log(JSON.stringify([second, third, tracker.stats().queued]));`,
    );
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([null, null, 3]);
  });
});

describe("the package from both module systems", () => {
  /** Loads the package by its name, as a service would, from a script in the package's own directory. */
  function load(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, args, { cwd: PACKAGE_DIR, stdio: ["ignore", "pipe", "pipe"] });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (chunk: Buffer) => (stdout += chunk));
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
      child.on("error", reject);
      child.on("exit", (code) => resolve({ code, stdout, stderr }));
    });
  }

  it("require()s from CommonJS and imports from ESM, each getting a working client", async () => {
    const body = `const tracker = createFiretrackClient({ baseUrl: "http://127.0.0.1:1", orgId: "o", apiKey: "ftk_x_y" });
      console.log(JSON.stringify(Object.keys(tracker.stats()).sort()));`;
    const cjs = await load([
      "--input-type=commonjs",
      "-e",
      `const { createFiretrackClient } = require("@firetrack/client");\n${body}`,
    ]);
    expect(cjs.stderr).toBe("");
    expect(cjs.code).toBe(0);
    const esm = await load([
      "--input-type=module",
      "-e",
      `import { createFiretrackClient } from "@firetrack/client";\n${body}`,
    ]);
    expect(esm.stderr).toBe("");
    expect(JSON.parse(cjs.stdout)).toEqual(["deduplicated", "dropped", "errors", "queued", "retried", "sent"]);
    expect(JSON.parse(esm.stdout)).toEqual(JSON.parse(cjs.stdout));
  });
});
