/**
 * The bench's probe (bench/probe/preload.cjs) is installed from outside: preloaded into a fresh Node process,
 * it must name every trigger invocation after the function the process runs and count the Firestore operations
 * made inside it — with no product file importing it.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../../..");
const PRELOAD = join(ROOT, "bench", "probe", "preload.cjs");
const dir = mkdtempSync(join(tmpdir(), "firetrack-probe-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `script` in a fresh process with the probe preloaded (or not); returns the log's entries. */
function runWithProbe(script: string, { preload = true } = {}) {
  const log = join(dir, `oplog-${Math.random().toString(36).slice(2)}.jsonl`);
  execFileSync(process.execPath, ["-e", script], {
    cwd: join(ROOT, "functions"),
    env: {
      ...process.env,
      FIRETRACK_BENCH_OPLOG: log,
      FUNCTION_TARGET: "probedFunction",
      NODE_OPTIONS: preload ? `--require=${JSON.stringify(PRELOAD)}` : "",
    },
  });
  try {
    return readFileSync(log, "utf8")
      .trim()
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line));
  } catch {
    return [];
  }
}

const TRIGGER = `
  const { onDocumentCreated } = require("firebase-functions/v2/firestore");
  const fn = onDocumentCreated("things/{id}", async (event) => event.document);
  fn.run({ document: "things/t1", data: undefined }).then((result) => { if (result !== "things/t1") process.exit(3); });
`;

describe("the bench probe", () => {
  it("names a trigger's invocation after FUNCTION_TARGET, with its document, and passes the result through", () => {
    const entries = runWithProbe(TRIGGER);
    const start = entries.find((entry) => entry.k === "start");
    const end = entries.find((entry) => entry.k === "end");
    expect(start).toMatchObject({ fn: "probedFunction", trigger: true, doc: "things/t1" });
    expect(end).toMatchObject({ fn: "probedFunction", inv: start.inv, ok: true });
  });

  it("records nothing when it is not preloaded: the product carries no probe of its own", () => {
    expect(runWithProbe(TRIGGER, { preload: false })).toEqual([]);
  });

  it("no product source mentions the bench", () => {
    const sources: string[] = [];
    const walk = (folder: string) => {
      for (const entry of readdirSync(folder, { withFileTypes: true })) {
        const path = join(folder, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (/\.tsx?$/.test(entry.name)) sources.push(path);
      }
    };
    walk(join(ROOT, "functions", "src"));
    expect(sources.length).toBeGreaterThan(20);
    const offenders = sources.filter((path) =>
      /bench\/|benchProbe|probeEvent|probeHttp/.test(readFileSync(path, "utf8")),
    );
    expect(offenders).toEqual([]);
  });
});
