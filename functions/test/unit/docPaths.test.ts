/**
 * Every repo path the docs cite exists (README.md, bench/README.md, docs/**.md).
 *
 * What counts as a cited repo path:
 * - a relative markdown link target `[text](target)`, resolved from the page's folder (URLs, `#anchors` and
 *   `mailto:` are left alone; a `#fragment` is dropped);
 * - a word inside an inline code span (not a fenced block: those hold commands and trees) that either contains a
 *   `/` and starts with a top-level entry of the repo (`functions/…`, `web/…`, `.ci/run`), or, without a `/`, is
 *   one of the root files the repo is built from (`firestore.rules`, `firebase.json`…) or a markdown page
 *   (`README.md`), both read from the root. Other bare names (`issue.ts`, `express.json`) are words, not paths.
 * Left out: words with template or glob characters (`{orgId}`, `<area>`, `*`, `…`), absolute paths (`/api/v1`,
 * which are URLs), and paths git ignores (build outputs, caches, local secrets), which a fresh clone lacks.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(__dirname, "../../..");
const IGNORED_TOP = new Set([".git", "node_modules"]);
const TEMPLATE = /[*{}<>…$]/;
const ROOT_FILES = new Set([
  "README.md",
  "package.json",
  "package-lock.json",
  "firebase.json",
  "firestore.rules",
  "firestore.indexes.json",
  ".firebaserc",
  ".gitignore",
]);
const isRootFile = (word: string) => ROOT_FILES.has(word) || /^[A-Za-z0-9_.-]+\.md$/.test(word);

interface Citation {
  page: string;
  line: number;
  path: string;
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return markdownFiles(full);
    return name.endsWith(".md") ? [full] : [];
  });
}

function docPages(root = ROOT): string[] {
  const pages = [join(root, "README.md"), join(root, "bench", "README.md")];
  const docs = join(root, "docs");
  if (existsSync(docs)) pages.push(...markdownFiles(docs));
  return pages.filter((page) => existsSync(page));
}

const trimPunctuation = (word: string) => word.replace(/^[("'[]+/, "").replace(/[)"',.;:!?\]]+$/, "");

/**
 * The repo paths a page cites, each as a path relative to the repo root, with the line it is on.
 * `topLevel` is the set of names at the root of the repo.
 */
function citedPaths(
  markdown: string,
  pageDir: string,
  topLevel: ReadonlySet<string>,
  root = ROOT,
): Omit<Citation, "page">[] {
  const out: Omit<Citation, "page">[] = [];
  let fenced = false;
  markdown.split("\n").forEach((text, index) => {
    const line = index + 1;
    if (/^\s*(```|~~~)/.test(text)) {
      fenced = !fenced;
      return;
    }
    if (fenced) return;
    for (const match of text.matchAll(/\[[^\]]*\]\(([^)\s]+)\)/g)) {
      const target = match[1]!.split("#")[0]!;
      if (target === "" || /^[a-z][a-z0-9+.-]*:/i.test(target) || TEMPLATE.test(target)) continue;
      out.push({ line, path: relative(root, resolve(pageDir, decodeURI(target))) || "." });
    }
    for (const match of text.matchAll(/`([^`]+)`/g)) {
      for (const raw of match[1]!.split(/\s+/)) {
        const word = trimPunctuation(raw);
        if (word === "" || TEMPLATE.test(word) || word.startsWith("/") || word.includes("://")) continue;
        const slash = word.indexOf("/");
        const cited = slash > 0 ? topLevel.has(word.slice(0, slash)) : slash < 0 && isRootFile(word);
        if (cited) out.push({ line, path: word.replace(/\/+$/, "") });
      }
    }
  });
  return out;
}

/**
 * The paths git ignores among `paths` (build outputs, caches, local secrets). Each is asked both as a file and as a
 * folder, since a pattern like `functions/lib/` matches only folders and a fresh clone has neither.
 */
function gitIgnored(paths: string[], root = ROOT): Set<string> {
  if (paths.length === 0) return new Set();
  try {
    const input = paths.flatMap((path) => [path, `${path}/`]).join("\n");
    const output = execFileSync("git", ["check-ignore", "--no-index", "--stdin"], {
      cwd: root,
      input,
      encoding: "utf8",
    });
    return new Set(
      output
        .split("\n")
        .filter(Boolean)
        .map((path) => path.replace(/\/$/, "")),
    );
  } catch (err) {
    // Exit status 1: none of them is ignored.
    if ((err as { status?: number }).status === 1) return new Set();
    throw err;
  }
}

function missingCitations(root = ROOT): Citation[] {
  const topLevel = new Set(readdirSync(root).filter((name) => !IGNORED_TOP.has(name)));
  const citations = docPages(root).flatMap((page) =>
    citedPaths(readFileSync(page, "utf8"), dirname(page), topLevel, root).map((c) => ({
      ...c,
      page: relative(root, page),
    })),
  );
  const ignored = gitIgnored([...new Set(citations.map((c) => c.path))], root);
  return citations.filter((c) => !ignored.has(c.path) && !existsSync(join(root, c.path)));
}

describe("paths cited by the docs", () => {
  it("reads the README, the bench's README and every page under docs/", () => {
    const pages = docPages().map((page) => relative(ROOT, page));
    expect(pages).toContain("README.md");
    expect(pages).toContain(join("bench", "README.md"));
    expect(pages.filter((page) => page.startsWith("docs"))).not.toHaveLength(0);
  });

  it("finds backticked paths, root files and relative links, and leaves URLs, templates and commands alone", () => {
    const top = new Set(["functions", "web", ".ci", "firestore.rules"]);
    const page = [
      "See `functions/src/index.ts`, `web/src/<area>/`, `functions/src/{a,b}.ts` and `firestore.rules`.",
      "Run `node scripts/seed.mjs` (scripts is no top-level entry here) and `npm run test:unit --workspace functions`.",
      "Links: [api](api.md#errors), [site](https://example.com/x.md), [here](#top), [up](../README.md).",
      "```",
      "`functions/not/checked/in/a/fence.ts`",
      "```",
      "`.ci/run`, `GET /openapi.json`, `issue.ts`, `express.json`, `latest.md`, `package.json`.",
    ].join("\n");
    const found = citedPaths(page, join(ROOT, "docs"), top).map((c) => `${c.line}:${c.path}`);
    expect(found).toEqual([
      "1:functions/src/index.ts",
      "1:firestore.rules",
      "3:docs/api.md",
      "3:README.md",
      "7:.ci/run",
      "7:latest.md",
      "7:package.json",
    ]);
  });

  it("names a path that does not exist", () => {
    const top = new Set(["functions"]);
    const found = citedPaths("`functions/src/noSuchModule.ts`", ROOT, top);
    expect(found.filter((c) => !existsSync(join(ROOT, c.path)))).toEqual([
      { line: 1, path: "functions/src/noSuchModule.ts" },
    ]);
  });

  it("every path cited exists", () => {
    const missing = missingCitations().map((c) => `${c.page}:${c.line}: ${c.path}`);
    expect(missing).toEqual([]);
  });
});
