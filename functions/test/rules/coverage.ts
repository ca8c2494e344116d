/**
 * Reads the Firestore emulator's rules coverage report (the `:ruleCoverage` JSON):
 * a tree of expressions with their source positions and, for each one evaluated,
 * the values it produced and how often.
 */
export interface CoverageNode {
  sourcePosition: { line: number; column: number; currentOffset: number; endOffset: number };
  values?: { value: Record<string, unknown>; count: number }[];
  children?: CoverageNode[];
}

export interface CoverageReport {
  rules: { files: { content: string }[] };
  report: CoverageNode[];
}

export interface Expression {
  line: number;
  column: number;
  text: string;
}

function* walk(node: CoverageNode): Generator<CoverageNode> {
  yield node;
  for (const child of node.children ?? []) yield* walk(child);
}

const describeNode = (source: string, node: CoverageNode): Expression => ({
  line: node.sourcePosition.line,
  column: node.sourcePosition.column,
  text: source.slice(node.sourcePosition.currentOffset, node.sourcePosition.endOffset).replace(/\s+/g, " "),
});

/** Every expression (condition, function body or any part of them) the matrix never evaluated. */
export function neverEvaluated(coverage: CoverageReport): Expression[] {
  const source = coverage.rules.files[0]!.content;
  return coverage.report
    .flatMap((root) => [...walk(root)])
    .filter((node) => !node.values?.some((value) => value.count > 0))
    .map((node) => describeNode(source, node));
}

/** The offset where each `allow …: if <condition>;` condition starts in the source. */
export function allowConditions(source: string): { offset: number; line: number; text: string }[] {
  return [...source.matchAll(/allow\s+[a-z, ]+:\s*if\s+([^;]+);/g)].map((match) => {
    const offset = match.index! + match[0].indexOf(match[1]!, match[0].indexOf(": if"));
    return { offset, line: source.slice(0, offset).split("\n").length, text: match[1]!.replace(/\s+/g, " ").trim() };
  });
}

const isTrue = (value: Record<string, unknown>) => (value as { boolValue?: boolean }).boolValue === true;

/**
 * Allow conditions that never granted anything: each one (but the literal `false`
 * of server-only data) must have been true at least once, or it is dead code or
 * untested. Conditions missing from the report count as never true.
 */
export function neverGranted(coverage: CoverageReport): { line: number; text: string }[] {
  const source = coverage.rules.files[0]!.content;
  const roots = new Map(coverage.report.map((node) => [node.sourcePosition.currentOffset, node]));
  return allowConditions(source)
    .filter((condition) => condition.text !== "false")
    .filter(
      (condition) => !roots.get(condition.offset)?.values?.some((value) => isTrue(value.value) && value.count > 0),
    )
    .map(({ line, text }) => ({ line, text }));
}

/**
 * The collections the rules name (`match /orgs/{orgId}` → "orgs"), plus "unlisted" for
 * the catch-all. The emulator leaves literal `false` conditions out of its report, so
 * server-only matches are proven by each having a matrix of its own.
 */
export function collectionsNamed(source: string): string[] {
  const names = [...source.matchAll(/match\s+\/(?:\{path=\*\*\}\/)?([A-Za-z]+)\/\{/g)].map((match) => match[1]!);
  if (/match\s+\/\{document=\*\*\}/.test(source)) names.push("unlisted");
  return [...new Set(names)].filter((name) => name !== "databases").sort();
}
