/**
 * Runs after every other rules suite (vitest.rules.config.mts orders it last): saves
 * the emulator's coverage report and fails when any rule expression went unevaluated,
 * so "every rule is exercised" is checked, not claimed.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { collectionsNamed, neverEvaluated, neverGranted, type CoverageReport } from "./coverage";
import { emulatorUrl, RULES_PROJECT_ID, rulesSource } from "./env";
import { MATRIX_DIR, RESULTS_DIR } from "./matrix";

let coverage: CoverageReport;

async function fetchText(path: string): Promise<string> {
  const response = await fetch(emulatorUrl(path));
  if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
  return response.text();
}

beforeAll(async () => {
  const base = `/emulator/v1/projects/${RULES_PROJECT_ID}:ruleCoverage`;
  const [json, html] = await Promise.all([fetchText(base), fetchText(`${base}.html`)]);
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(join(RESULTS_DIR, "rules-coverage.json"), json);
  writeFileSync(join(RESULTS_DIR, "rules-coverage.html"), html);
  coverage = JSON.parse(json) as CoverageReport;
});

describe("rules coverage", () => {
  it("is a report of this checkout's firestore.rules", () => {
    expect(coverage.rules.files[0]!.content).toBe(rulesSource());
  });

  it("evaluated every expression of the rules at least once", () => {
    expect(coverage.report.length).toBeGreaterThan(0);
    expect(neverEvaluated(coverage)).toEqual([]);
  });

  it("saw every allow condition grant something", () => {
    expect(neverGranted(coverage)).toEqual([]);
  });

  it("has a matrix for every collection the rules name, each actor × get, list, create, update and delete", () => {
    const summaries = readdirSync(MATRIX_DIR).map(
      (file) =>
        JSON.parse(readFileSync(join(MATRIX_DIR, file), "utf8")) as {
          collection: string;
          cases: number;
          allowed: number;
          denied: number;
          operations: string[];
        },
    );
    const total = summaries.reduce(
      (sum, s) => ({ cases: sum.cases + s.cases, allowed: sum.allowed + s.allowed, denied: sum.denied + s.denied }),
      { cases: 0, allowed: 0, denied: 0 },
    );
    const lines = [
      "| collection | cases | allowed | denied |",
      "|---|---:|---:|---:|",
      ...summaries.map((s) => `| ${s.collection} | ${s.cases} | ${s.allowed} | ${s.denied} |`),
      `| **total** | ${total.cases} | ${total.allowed} | ${total.denied} |`,
    ];
    writeFileSync(join(RESULTS_DIR, "rules-matrix.md"), `${lines.join("\n")}\n`);
    console.log(`rules matrix\n${lines.join("\n")}`);

    // Every match of the rules, server-only ones included, has its table.
    expect(summaries.map((s) => s.collection).sort()).toEqual(collectionsNamed(rulesSource()));
    for (const summary of summaries) {
      expect(summary.operations.slice(0, 5)).toEqual(["get", "list", "create", "update", "delete"]);
    }
  });
});
