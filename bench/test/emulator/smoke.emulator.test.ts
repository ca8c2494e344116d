/**
 * `npm run bench -- --smoke` inside this suite's emulators, so the bench cannot
 * rot: every benchmark runs at a small size, its correctness figures hold, and
 * the results (table, JSON, charts) are written. Ratios are not checked here:
 * at smoke sizes on a shared machine they mean nothing.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";

const ROOT = resolve(import.meta.dirname, "../../..");

interface Figure {
  figure: string;
  ours?: unknown;
  ratio?: number | null;
  pass?: boolean | null;
  required?: boolean;
}
interface Result {
  name: string;
  seconds: number;
  error?: string;
  figures: Figure[];
  charts: string[];
  data: Record<string, any>;
}

function runSmoke(out: string): Promise<{ code: number | null; output: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ["bench/run.mjs", "--smoke", "--out", out], { cwd: ROOT, env: process.env });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("close", (code) => done({ code, output }));
  });
}

describe("the bench, in smoke mode", () => {
  it("runs every benchmark and writes the table, the JSON and the charts", { timeout: 600_000 }, async () => {
    if (!process.env.FIRETRACK_BENCH_OPLOG)
      throw new Error(
        "bench mode is off: run this file through `npm run test:emulator`, which starts the emulators with --bench",
      );
    const out = mkdtempSync(join(tmpdir(), "firetrack-bench-"));
    onTestFinished(() => rmSync(out, { recursive: true, force: true }));
    const { code, output } = await runSmoke(out);
    // The results say which benchmark or figure failed; the exit code only that one did (checked last).
    expect(existsSync(join(out, "latest.json")), output.slice(-4000)).toBe(true);

    const run = JSON.parse(readFileSync(join(out, "latest.json"), "utf8")) as {
      mode: string;
      seconds: number;
      machine: Record<string, unknown>;
      results: Result[];
    };
    expect(run.mode).toBe("smoke");
    // The issue asks for under 60 s; on a shared machine it is reported, not asserted.
    console.log(
      `[bench smoke] ${run.seconds.toFixed(0)} s: ${run.results.map((r) => `${r.name} ${r.seconds.toFixed(0)} s`).join(", ")}`,
    );
    expect(run.machine).toMatchObject({ cores: expect.any(Number), node: process.version });
    const byName = new Map(run.results.map((result) => [result.name, result]));
    expect([...byName.keys()]).toEqual(
      expect.arrayContaining(["numbering", "api-latency", "dashboard", "lists", "stats-bursts", "costs"]),
    );
    for (const result of run.results) {
      expect(result.error, `${result.name}: ${result.error}`).toBeUndefined();
      expect(result.figures.length, result.name).toBeGreaterThan(0);
      for (const figure of result.figures) {
        // JSON has no Infinity: a baseline that got nothing done in a smoke run's seconds gives null.
        if (figure.ratio !== undefined && figure.ratio !== null)
          expect(figure.ratio, `${result.name} ${figure.figure}`).toBeGreaterThan(0);
        if (figure.required)
          expect(figure.pass, `${result.name} ${figure.figure}: ${String(figure.ours)}`).not.toBe(false);
      }
      // A chart draws something: a line or a bar beyond its white background.
      for (const chart of result.charts)
        expect(readFileSync(join(out, chart), "utf8")).toMatch(/^<svg [^>]*>[\s\S]*(<path d="M|<rect x=)/);
    }

    // The cost table counted the API and the triggers: a create runs the API and four triggers at least.
    const rows = byName.get("costs")!.data.rows as {
      action: string;
      reads: number;
      writes: number;
      invocations: number;
      byFunction: Record<string, number>;
    }[];
    const create = rows.find((row) => row.action.startsWith("create, by an agent"))!;
    expect(create.byFunction).toMatchObject({ api: 1, numberIssueOnCreate: 1 });
    expect(create.byFunction.onIssueWritten).toBeGreaterThanOrEqual(2);
    expect(create.writes).toBeGreaterThan(0);
    expect(rows.find((row) => row.action.startsWith("dashboard load (API"))!.reads).toBe(10);
    expect(
      rows.every((row) => row.reads > 0),
      JSON.stringify(rows),
    ).toBe(true);
    // Every row the issue names (webhook delivery joins with the Linear integration).
    for (const action of [
      "create, by a customer",
      "public comment, by an agent",
      "internal comment",
      "transition",
      "resolve",
      "bulk edit of",
      "list page of 50",
      "issue page open",
      "dashboard load (web",
      "service log, deduplicated",
    ]) {
      expect(
        rows.some((row) => row.action.startsWith(action)),
        action,
      ).toBe(true);
    }
    const bill = byName.get("costs")!.data.bill as { total: number; dominant: { line: string }; arithmetic: string[] };
    expect(bill.total).toBeGreaterThan(0);
    expect(bill.arithmetic.at(-1)).toContain(`The largest line is ${bill.dominant.line}`);

    const markdown = readFileSync(join(out, "latest.md"), "utf8");
    expect(markdown).toContain("| benchmark | figure | ours | baseline | ratio | target | met | machine · commit |");
    expect(markdown).toContain("Projected monthly bill");
    expect(existsSync(join(out, "numbering-curve.svg"))).toBe(true);
    expect(code, output.slice(-4000)).toBe(0);
  });
});
