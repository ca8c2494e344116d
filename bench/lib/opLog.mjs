// Reads the operation log that bench mode writes (functions/src/benchProbe.ts):
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
   * Waits until the functions have gone quiet: every invocation that started
   * since `mark` has ended and no function logged anything for `quietMs`.
   * Events reach the Functions emulator a moment after the write, hence the quiet period.
   */
  async settle(mark, { quietMs = 2500, timeoutMs = 180_000 } = {}) {
    const started = Date.now();
    const open = new Set();
    let lastActivity = started;
    let cursor = mark;
    for (;;) {
      const { entries, next } = this.#read(cursor, this.#size());
      cursor = next;
      for (const entry of entries) {
        if (!entry.fn) continue;
        lastActivity = Math.max(lastActivity, entry.t);
        if (entry.k === "start") open.add(entry.inv);
        else if (entry.k === "end") open.delete(entry.inv);
      }
      if (open.size === 0 && Date.now() - lastActivity >= quietMs) return;
      if (Date.now() - started > timeoutMs) throw new Error(`functions did not go quiet within ${timeoutMs} ms (${open.size} still running)`);
      await sleep(100);
    }
  }
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

/** Durations of the invocations that ended, per function name. */
export function invocationTimes(entries) {
  const out = {};
  for (const entry of entries) if (entry.k === "end" && entry.fn) (out[entry.fn] ??= []).push(entry.ms);
  return out;
}
