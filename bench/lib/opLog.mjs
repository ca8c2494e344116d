// Reads the operation log that bench mode writes (bench/probe/preload.cjs):
// one JSON line per Firestore operation or function invocation, from this
// process and from every Functions emulator worker.
import { closeSync, existsSync, fstatSync, openSync, readSync, writeFileSync } from "node:fs";
import { sleep } from "./measure.mjs";

export const COUNT_FIELDS = ["reads", "writes", "deletes", "transactions", "attempts", "aggregations", "uncountedAggregations"];

export class OpLog {
  constructor(path) {
    if (!path) throw new Error("FIRETRACK_BENCH_OPLOG is not set: run the bench through `npm run bench`");
    this.path = path;
    if (!existsSync(path)) writeFileSync(path, "");
  }

  /** The current end of the log; entries after it belong to what happens next. */
  mark() {
    return this.#size();
  }

  #size() {
    const fd = openSync(this.path, "r");
    try {
      return fstatSync(fd).size;
    } finally {
      closeSync(fd);
    }
  }

  /** Entries written since `mark` (complete lines only). */
  since(mark, until = this.#size()) {
    return this.#read(mark, until).entries;
  }

  /** The complete lines between two offsets, and the offset after the last of them. */
  #read(from, to) {
    if (to <= from) return { entries: [], next: from };
    const fd = openSync(this.path, "r");
    try {
      const buffer = Buffer.alloc(to - from);
      readSync(fd, buffer, 0, buffer.length, from);
      const end = buffer.lastIndexOf(0x0a);
      const entries = buffer
        .subarray(0, end + 1)
        .toString("utf8")
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line));
      return { entries, next: from + end + 1 };
    } finally {
      closeSync(fd);
    }
  }

  /**
   * Waits until every trigger invocation the writes since `mark` cause (and the
   * ones their writes cause, and so on) has run, then `graceMs` more. Slow
   * delivery only makes it wait longer; it never cuts an action's chain short.
   */
  async settleChains(mark, specs, { timeoutMs = 120_000, graceMs = 200 } = {}) {
    const started = Date.now();
    let doneAt = null;
    for (;;) {
      const state = chainState(this.since(mark), specs);
      const done = state.missing.length === 0 && state.running.length === 0;
      if (done) {
        doneAt ??= Date.now();
        if (Date.now() - doneAt >= graceMs) return state;
      } else {
        doneAt = null;
      }
      if (Date.now() - started > timeoutMs) {
        console.warn(`[bench] gave up waiting after ${timeoutMs} ms: ${state.missing.length} trigger invocation(s) never started (${state.missing.slice(0, 3).join(", ")}), ${state.running.length} still running`);
        return state;
      }
      await sleep(100);
    }
  }
}

/**
 * The Firestore triggers the Functions emulator runs, from its /backends list:
 * which document writes start which function.
 */
export async function triggerSpecs(functionsHost) {
  const response = await fetch(`http://${functionsHost}/backends`);
  const { backends } = await response.json();
  const kindsOf = { written: ["create", "update", "delete", "write"], created: ["create"], updated: ["update"], deleted: ["delete"] };
  return backends
    .flatMap((backend) => backend.functionTriggers)
    .filter((trigger) => trigger.eventTrigger?.eventFilterPathPatterns?.document)
    .map((trigger) => {
      const pattern = trigger.eventTrigger.eventFilterPathPatterns.document;
      const kind = trigger.eventTrigger.eventType.split(".").at(-1);
      return {
        fn: trigger.name,
        pattern: new RegExp(`^${pattern.split("/").map((part) => (part.startsWith("{") ? "[^/]+" : part.replace(/[.*+?^$()|[\]\\]/g, "\\$&"))).join("/")}$`),
        kinds: new Set(kindsOf[kind] ?? []),
      };
    });
}

/**
 * The trigger invocations the writes in `entries` must cause, and which of
 * them have started and ended. Every write made by an API request or a trigger
 * names its documents and write time; every trigger invocation names the
 * document and write time of its event, so each is matched to the write that
 * caused it, however late the emulator delivers it.
 */
export function chainState(entries, specs) {
  const expected = new Map();
  const started = new Map();
  const ended = new Set();
  for (const entry of entries) {
    if (entry.k === "op" && entry.fn && entry.docs) {
      for (const [path, kind, time] of entry.docs) {
        // A delete's event carries no write time to match; such invocations are counted, not awaited.
        if (kind === "delete") continue;
        for (const spec of specs) if (spec.kinds.has(kind) && spec.pattern.test(path)) expected.set(`${spec.fn} ${path}@${time}`, true);
      }
    } else if (entry.k === "start" && entry.trigger) {
      started.set(`${entry.fn} ${entry.doc}@${entry.docTime}`, entry.inv);
    } else if (entry.k === "end") {
      ended.add(entry.inv);
    }
  }
  const missing = [...expected.keys()].filter((key) => !started.has(key));
  const running = [...started.values()].filter((inv) => !ended.has(inv));
  return { expected: expected.size, missing, running };
}

const zero = () => Object.fromEntries([["invocations", 0], ...COUNT_FIELDS.map((field) => [field, 0])]);

/**
 * Totals per function name (entries without one — the bench's own seeding and
 * checks — are left out unless `fn` names them), and over all of them.
 */
export function tally(entries, { include = (fn) => Boolean(fn) } = {}) {
  const byFn = {};
  const total = zero();
  for (const entry of entries) {
    if (!include(entry.fn)) continue;
    const into = (byFn[entry.fn] ??= zero());
    if (entry.k === "start") {
      into.invocations++;
      total.invocations++;
    } else if (entry.k === "op") {
      for (const field of COUNT_FIELDS) {
        into[field] += entry[field] ?? 0;
        total[field] += entry[field] ?? 0;
      }
    }
  }
  return { byFn, total };
}
