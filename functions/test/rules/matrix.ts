/**
 * The rules matrix: each collection module declares, per operation, what every actor
 * is expected to get (a row of the table), and this turns the table into one test per
 * actor × operation with assertSucceeds/assertFails.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { assertFails, assertSucceeds, type RulesTestEnvironment } from "@firebase/rules-unit-testing";
import type { Firestore } from "firebase/firestore";
import { afterAll, beforeAll, beforeEach, describe, it } from "vitest";
import { ACTORS, firestoreAs, type ActorName } from "./actors";
import { testEnvironment } from "./env";
import { restore, seedWorld } from "./world";

export type Outcome = "allow" | "deny";
export const ok: Outcome = "allow";
export const no: Outcome = "deny";

/** One outcome per actor, in the order of ACTORS. */
export type Row = readonly [Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome];

/**
 * Reads like the table it is:
 *      unauthenticated admin agent reporter viewer owner otherCustomer outsider service
 * row(        no,       ok,   ok,    ok,     ok,   ok,       no,        no,     no)
 */
export const row = (...outcomes: Row): Row => outcomes;
export const everyoneDenied: Row = row(no, no, no, no, no, no, no, no, no);

export interface Operation {
  /** What is attempted, for the test name. */
  does: string;
  run: (db: Firestore, actor: ActorName) => Promise<unknown>;
  expect: Row;
  /** Runs with rules off before the attempt, e.g. to remove a document a create needs absent. */
  prepare?: (env: RulesTestEnvironment, actor: ActorName) => Promise<void>;
  /** Checks what an allowed read returned, so "allowed" also means "only what it should". */
  check?: (result: unknown, actor: ActorName) => void;
}

export type Kind = "get" | "list" | "create" | "update" | "delete";

export interface CollectionTable extends Record<Kind, Operation> {
  /** Further cases of the same collection: other documents, other queries. */
  more?: Record<string, Operation>;
}

interface Case {
  actor: ActorName;
  kind: string;
  operation: Operation;
  outcome: Outcome;
}

export const RESULTS_DIR = join(__dirname, "../../test-results");
export const MATRIX_DIR = join(RESULTS_DIR, "rules-matrix");

function casesOf(table: CollectionTable): Case[] {
  const operations: [string, Operation][] = [
    ["get", table.get],
    ["list", table.list],
    ["create", table.create],
    ["update", table.update],
    ["delete", table.delete],
    ...Object.entries(table.more ?? {}),
  ];
  return operations.flatMap(([kind, operation]) =>
    ACTORS.map((actor, i) => ({ actor, kind, operation, outcome: operation.expect[i]! })),
  );
}

/**
 * Declares the suite of one collection. `restorePaths` are documents an allowed write
 * may change; they are put back before every case so cases never depend on order.
 */
export function rulesMatrix(collection: string, table: CollectionTable, restorePaths: string[] = []): void {
  const cases = casesOf(table);
  let env: RulesTestEnvironment;

  describe(`${collection} rules`, () => {
    beforeAll(async () => {
      env = await testEnvironment();
      await seedWorld(env);
    });
    afterAll(async () => {
      writeSummary(collection, cases);
      await env?.cleanup();
    });
    if (restorePaths.length > 0) beforeEach(() => restore(env, restorePaths));

    it.each(cases)("$kind: $operation.does, as $actor → $outcome", async ({ actor, operation, outcome }) => {
      await operation.prepare?.(env, actor);
      const attempt = operation.run(firestoreAs(env, actor), actor);
      if (outcome === "deny") {
        await assertFails(attempt);
        return;
      }
      const result = await assertSucceeds(attempt);
      operation.check?.(result, actor);
    });
  });
}

/** What the matrix of one collection holds; the coverage suite adds them up. */
function writeSummary(collection: string, cases: Case[]): void {
  mkdirSync(MATRIX_DIR, { recursive: true });
  const allowed = cases.filter((c) => c.outcome === "allow").length;
  const summary = {
    collection,
    cases: cases.length,
    allowed,
    denied: cases.length - allowed,
    operations: [...new Set(cases.map((c) => c.kind))],
  };
  writeFileSync(
    join(MATRIX_DIR, `${collection.replace(/[^A-Za-z0-9]+/g, "_")}.json`),
    JSON.stringify(summary, null, 2),
  );
}
