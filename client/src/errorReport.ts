/**
 * What `logError` sends for an error: a title, the stack as the description, and
 * a fingerprint that groups like Sentry's default stack-trace grouping — the
 * error's type plus its top in-app frames, by function and file with line and
 * column numbers stripped, so the same bug from two deploys (code moved up or
 * down a few lines) folds into one issue.
 */

export interface StackFrame {
  /** The function name as the engine printed it, or "?" when anonymous. */
  fn: string;
  /** The file, normalised: no scheme, origin, query, working directory or bundle hash. */
  file: string;
}

/** How many in-app frames, from the top, decide the group. */
export const GROUPING_FRAMES = 5;

// V8: "    at fn (file:1:2)", "    at file:1:2", "    at async fn (file:1:2)", "    at new Fn (file:1:2)".
const V8_FRAME = /^\s*at\s+(?:(.+?)\s+\((.+)\)|(.+))\s*$/;
// SpiderMonkey and JavaScriptCore: "fn@file:1:2", "@file:1:2".
const GECKO_FRAME = /^\s*([^@]*)@(.+)$/;
const LINE_AND_COLUMN = /(?::\d+){1,2}$/;

function workingDirectory(): string | undefined {
  const process = (globalThis as { process?: { cwd?: () => string } }).process;
  try {
    return typeof process?.cwd === "function" ? process.cwd() : undefined;
  } catch {
    return undefined;
  }
}

export function normaliseFile(raw: string, cwd: string | undefined = workingDirectory()): string {
  let file = raw.trim().replace(LINE_AND_COLUMN, "");
  // "eval at fn (file:1:2), <anonymous>": the part after the last comma is where the code ran.
  if (file.startsWith("eval at "))
    file = file
      .slice(file.lastIndexOf(",") + 1)
      .trim()
      .replace(LINE_AND_COLUMN, "");
  file = file.replace(/^file:\/\//, "").replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]+/i, "");
  file = file.replace(/[?#].*$/, "");
  if (cwd && file.startsWith(`${cwd}/`)) file = file.slice(cwd.length + 1);
  // Bundlers put a content hash in file names (index-DiwrgTda.js, main.3f9a8c1b.js): it changes every deploy.
  file = file.replace(/[.-](?=[A-Za-z0-9_]*[A-Z0-9])[A-Za-z0-9_]{8,}(?=\.[cm]?js$)/, "");
  return file;
}

/** The frames of a V8, SpiderMonkey or JavaScriptCore stack, top first; lines that are no frame are skipped. */
export function parseStack(stack: string | undefined, cwd?: string): StackFrame[] {
  if (!stack) return [];
  const frames: StackFrame[] = [];
  for (const line of stack.split("\n")) {
    const v8 = V8_FRAME.exec(line);
    if (v8) {
      const fn = (v8[1] ?? "").replace(/^async\s+/, "").replace(/^new\s+/, "") || "?";
      frames.push({ fn, file: normaliseFile(v8[2] ?? v8[3] ?? "", cwd) });
      continue;
    }
    const gecko = GECKO_FRAME.exec(line);
    if (gecko && LINE_AND_COLUMN.test(gecko[2]!))
      frames.push({ fn: gecko[1] || "?", file: normaliseFile(gecko[2]!, cwd) });
  }
  return frames;
}

/** Frames of the application itself: not dependencies, not the runtime. */
export function isInApp(frame: StackFrame): boolean {
  const { file } = frame;
  if (file === "" || file === "native" || file === "<anonymous>") return false;
  if (file.includes("/node_modules/") || file.startsWith("node_modules/")) return false;
  return !/^(node:|internal\/)/.test(file);
}

/** cyrb53: a fast 53-bit string hash (public domain); two seeds give 106 bits, plenty for grouping. */
function cyrb53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

export const hashText = (text: string) =>
  cyrb53(text, 0).toString(16).padStart(14, "0") + cyrb53(text, 1).toString(16).padStart(14, "0");

export interface ErrorFacts {
  type: string;
  message: string;
  stack: string | undefined;
  frames: StackFrame[];
}

/** Anything thrown, read safely: getters that throw and odd values yield defaults, never an exception. */
export function errorFacts(thrown: unknown, cwd?: string): ErrorFacts {
  const read = <T>(get: () => T, fallback: T): T => {
    try {
      return get() ?? fallback;
    } catch {
      return fallback;
    }
  };
  if (thrown !== null && typeof thrown === "object") {
    const value = thrown as { name?: unknown; message?: unknown; stack?: unknown; constructor?: { name?: unknown } };
    const name = read(() => value.name, undefined);
    const constructorName = read(() => value.constructor?.name, undefined);
    const type =
      typeof name === "string" && name
        ? name
        : typeof constructorName === "string" && constructorName
          ? constructorName
          : "Error";
    const message = read(() => value.message, undefined);
    const stack = read(() => value.stack, undefined);
    return {
      type: type.slice(0, 100),
      message: typeof message === "string" ? message : (read(() => JSON.stringify(thrown), "") ?? ""),
      stack: typeof stack === "string" ? stack : undefined,
      frames: typeof stack === "string" ? parseStack(stack, cwd) : [],
    };
  }
  return { type: "Error", message: read(() => String(thrown), ""), stack: undefined, frames: [] };
}

/** Digits, hex runs and ids vary between occurrences of one bug; grouping by message ignores them. */
const normaliseMessage = (message: string) =>
  message
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, "<id>")
    .replace(/\b0x[0-9a-f]+\b/gi, "<hex>")
    .replace(/\d+/g, "<n>");

/**
 * `error:{type}:{hash}`. The hash covers the top in-app frames (function and file);
 * without any (no stack, only library frames) it falls back to the message with
 * numbers and ids taken out, as Sentry does.
 */
export function errorFingerprint(facts: ErrorFacts): string {
  const inApp = facts.frames.filter(isInApp).slice(0, GROUPING_FRAMES);
  const basis =
    inApp.length > 0
      ? inApp.map((frame) => `${frame.fn} ${frame.file}`).join("\n")
      : `message ${normaliseMessage(facts.message)}`;
  const type = facts.type.replace(/[^\w.$-]/g, "_").slice(0, 60);
  return `error:${type}:${hashText(basis)}`;
}

const TITLE_MAX = 200;
const DESCRIPTION_MAX = 20_000;

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export interface ErrorIssue {
  title: string;
  description: string;
  fingerprint: string;
}

/** Title, description (stack, causes, context) and fingerprint for `thrown`. */
export function describeError(thrown: unknown, context?: Record<string, unknown>, cwd?: string): ErrorIssue {
  const facts = errorFacts(thrown, cwd);
  const firstLine = facts.message.split("\n")[0]!.trim();
  const title = clip(firstLine ? `${facts.type}: ${firstLine}` : facts.type, TITLE_MAX);
  const parts = ["```", facts.stack ?? `${facts.type}: ${facts.message}`, "```"];
  let cause = (thrown as { cause?: unknown } | null)?.cause;
  for (let depth = 0; cause !== undefined && depth < 3; depth++) {
    const causeFacts = errorFacts(cause, cwd);
    parts.push("", "Caused by:", "```", causeFacts.stack ?? `${causeFacts.type}: ${causeFacts.message}`, "```");
    cause = (cause as { cause?: unknown } | null)?.cause;
  }
  if (context && Object.keys(context).length > 0) {
    let json: string;
    try {
      json = JSON.stringify(context, null, 2) ?? "";
    } catch {
      json = "(context could not be serialised)";
    }
    parts.push("", "Context:", "```json", clip(json, 4000), "```");
  }
  return { title, description: clip(parts.join("\n"), DESCRIPTION_MAX), fingerprint: errorFingerprint(facts) };
}
