/**
 * Cheap rules: every condition in firestore.rules may reach at most 3 distinct
 * documents through get()/exists() (Firestore's hard limit is 10). Counted from the
 * source, through helper calls, so a new helper that adds a lookup is caught here
 * rather than on the bill. The rules engine reads a document once per request
 * however often a condition asks for it, so distinct paths are what count.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

const SOURCE = readFileSync(resolve(__dirname, "../../../firestore.rules"), "utf8").replace(/\/\/.*$/gm, "");
const BUDGET = 3;

/** The text between the bracket at `open` and its partner. */
function enclosed(text: string, open: number): string {
  const pairs: Record<string, string> = { "(": ")", "{": "}" };
  const closing = pairs[text[open]!]!;
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === text[open]) depth++;
    else if (text[i] === closing && --depth === 0) return text.slice(open + 1, i);
  }
  throw new Error(`unbalanced ${text[open]} at ${open}`);
}

const functions = new Map(
  [...SOURCE.matchAll(/function\s+(\w+)\s*\([^)]*\)\s*\{/g)].map((m) => [m[1]!, enclosed(SOURCE, m.index! + m[0].length - 1)]),
);

/** The document paths a piece of rules code may read, following helper calls. */
function lookups(code: string, seen = new Set<string>()): Set<string> {
  const paths = new Set<string>();
  for (const m of code.matchAll(/\b(get|exists|getAfter|existsAfter)\s*\(/g)) {
    paths.add(enclosed(code, m.index! + m[0].length - 1).replace(/\s+/g, ""));
  }
  for (const m of code.matchAll(/\b(\w+)\s*\(/g)) {
    const name = m[1]!;
    if (!functions.has(name) || seen.has(name)) continue;
    seen.add(name);
    for (const path of lookups(functions.get(name)!, seen)) paths.add(path);
  }
  return paths;
}

interface Condition {
  match: string;
  operations: string;
  lookups: string[];
}

/** Every allow statement with the match path it sits under. */
function conditions(): Condition[] {
  const found: Condition[] = [];
  const stack: { path: string; end: number }[] = [];
  const tokens = /match\s+(\S+)\s*\{|allow\s+([a-z, ]+):\s*if\s+([^;]+);/g;
  for (const m of SOURCE.matchAll(tokens)) {
    while (stack.length > 0 && stack[stack.length - 1]!.end < m.index!) stack.pop();
    if (m[1]) {
      const open = m.index! + m[0].length - 1;
      stack.push({ path: m[1], end: open + enclosed(SOURCE, open).length + 1 });
    } else {
      const match = stack.map((s) => s.path).join("").replace("/databases/{database}/documents", "");
      found.push({ match, operations: m[2]!.trim(), lookups: [...lookups(m[3]!)].sort() });
    }
  }
  return found;
}

describe("rules cost", () => {
  const all = conditions();

  it("finds the rules' conditions", () => {
    // One per allow statement; a parse that missed some would make the budget vacuous.
    expect(all.length).toBe([...SOURCE.matchAll(/allow\s+[a-z, ]+:\s*if/g)].length);
    expect(all.find((c) => c.match === "/orgs/{orgId}/issues/{issueId}/comments/{commentId}")?.lookups).toHaveLength(2);
  });

  it.each(all.map((c) => ({ ...c, count: String(c.lookups.length) })))(
    "$operations $match reads $count document(s) at most",
    ({ lookups: paths }) => {
      expect(paths.length).toBeLessThanOrEqual(BUDGET);
    },
  );
});
