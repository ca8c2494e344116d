// The cost analysis of firestore.rules: for every `allow` condition, the distinct
// documents it may read through get()/exists(), following helper calls. The
// rules engine reads a document once per request however often a condition asks
// for it, so distinct paths are what Firestore bills (one read each). Used by the
// unit test that holds every condition to a budget (functions/test/unit/rulesCost.test.mts)
// and by the bench's cost table.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const RULES_PATH = fileURLToPath(new URL("../../firestore.rules", import.meta.url));

/** The text between the bracket at `open` and its partner. */
function enclosed(text, open) {
  const pairs = { "(": ")", "{": "}" };
  const closing = pairs[text[open]];
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === text[open]) depth++;
    else if (text[i] === closing && --depth === 0) return text.slice(open + 1, i);
  }
  throw new Error(`unbalanced ${text[open]} at ${open}`);
}

/** The rules source without comments. */
export function rulesSource(path = RULES_PATH) {
  return readFileSync(path, "utf8").replace(/\/\/.*$/gm, "");
}

/** Every allow statement with the match path it sits under and the documents it may read. */
export function ruleConditions(source = rulesSource()) {
  const functions = new Map(
    [...source.matchAll(/function\s+(\w+)\s*\([^)]*\)\s*\{/g)].map((m) => [m[1], enclosed(source, m.index + m[0].length - 1)]),
  );
  const lookups = (code, seen = new Set()) => {
    const paths = new Set();
    // Not a map's own `.get(key, default)`, which reads nothing.
    for (const m of code.matchAll(/(?<![.\w])(get|exists|getAfter|existsAfter)\s*\(/g)) {
      paths.add(enclosed(code, m.index + m[0].length - 1).replace(/\s+/g, ""));
    }
    for (const m of code.matchAll(/\b(\w+)\s*\(/g)) {
      const name = m[1];
      if (!functions.has(name) || seen.has(name)) continue;
      seen.add(name);
      for (const path of lookups(functions.get(name), seen)) paths.add(path);
    }
    return paths;
  };
  const found = [];
  const stack = [];
  const tokens = /match\s+(\S+)\s*\{|allow\s+([a-z, ]+):\s*if\s+([^;]+);/g;
  for (const m of source.matchAll(tokens)) {
    while (stack.length > 0 && stack[stack.length - 1].end < m.index) stack.pop();
    if (m[1]) {
      const open = m.index + m[0].length - 1;
      stack.push({ path: m[1], end: open + enclosed(source, open).length + 1 });
    } else {
      const match = stack.map((s) => s.path).join("").replace("/databases/{database}/documents", "");
      found.push({ match, operations: m[2].trim(), lookups: [...lookups(m[3])].sort() });
    }
  }
  return found;
}

/**
 * The documents a read of `match` may cost on top of what it returns: the most
 * lookups among the conditions that grant reads there (a request pays for the
 * condition that decides it; the worst case is what a budget must hold).
 */
export function readLookups(match, conditions = ruleConditions()) {
  const granting = conditions.filter((c) => c.match === match && /\b(read|get|list)\b/.test(c.operations));
  if (granting.length === 0) throw new Error(`no read rule for ${match}`);
  return Math.max(...granting.map((c) => c.lookups.length));
}
