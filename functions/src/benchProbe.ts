/**
 * Bench mode: with FIRETRACK_BENCH_OPLOG naming a file (`scripts/emulators.mjs
 * --bench` sets it), every Firestore operation of this process and every
 * function invocation is appended to it as one JSON line, for `npm run bench`
 * and its cost table (bench/README.md). Without the variable,
 * everywhere but the bench and the emulator suite, nothing is patched and the
 * probes return what they were given.
 *
 * Operations are counted as Firestore bills them: a document read per document
 * asked for by get/getAll (found or not), per document a query returns (at
 * least one per query), per 1,000 index entries an aggregation counts (at least
 * one); a write or a delete per write in a commit, batch or transaction.
 * Transactions count once however often they retry; `attempts` counts the tries.
 * The counter hooks the Admin SDK's internal read and commit paths, so it sees
 * what every code path does without any of them changing.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import { appendFileSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";

const OPLOG = process.env.FIRETRACK_BENCH_OPLOG;

interface Invocation {
  fn: string;
  inv: string;
}

export interface OpCounts {
  /** Documents a commit wrote: [path, kind, write time]. */
  docs?: [string, string, string | null][];
  reads?: number;
  writes?: number;
  deletes?: number;
  transactions?: number;
  attempts?: number;
  aggregations?: number;
  /** Aggregations without count(): entries unknown, billed here as one read. */
  uncountedAggregations?: number;
}

const invocation = new AsyncLocalStorage<Invocation>();

function append(entry: Record<string, unknown>): void {
  appendFileSync(OPLOG!, `${JSON.stringify({ ...entry, pid: process.pid, t: Date.now() })}\n`);
}

function recordOp(at: Invocation | undefined, counts: OpCounts): void {
  append({ k: "op", fn: at?.fn ?? null, inv: at?.inv ?? null, ...counts });
}

type AnyFunction = (this: unknown, ...args: any[]) => any;

interface WriteProto {
  update?: { name?: string };
  delete?: string;
  currentDocument?: { exists?: boolean; updateTime?: unknown };
}

interface TimeLike {
  seconds?: number | string | { toString(): string };
  nanos?: number;
  nanoseconds?: number;
}

/** `seconds.nanoseconds`, the same string for a commit's write time and a snapshot's updateTime. */
function stamp(time: TimeLike | null | undefined): string | null {
  if (!time || time.seconds === undefined) return null;
  return `${String(time.seconds)}.${String(time.nanos ?? time.nanoseconds ?? 0).padStart(9, "0")}`;
}

const documentPath = (name: string) => name.slice(name.indexOf("/documents/") + "/documents/".length);

function kindOf(write: WriteProto): "create" | "update" | "delete" | "write" {
  if (write.delete) return "delete";
  if (write.currentDocument?.exists === false) return "create";
  if (write.currentDocument) return "update";
  return "write";
}

/** Wraps a prototype method: `count` sees the call's receiver, arguments and result. */
function hook(proto: Record<string, unknown>, name: string, count: (self: any, args: any[], result: any) => OpCounts | null) {
  const original = proto[name] as AnyFunction;
  proto[name] = async function (this: unknown, ...args: unknown[]) {
    const at = invocation.getStore();
    const result = await original.apply(this, args);
    const counts = count(this, args, result);
    if (counts) recordOp(at, counts);
    return result;
  };
}

/** Counts a call when it starts, so failed transactions count too. */
function countCalls(proto: Record<string, unknown>, name: string, counts: OpCounts) {
  const original = proto[name] as AnyFunction;
  proto[name] = function (this: unknown, ...args: unknown[]) {
    recordOp(invocation.getStore(), counts);
    return original.apply(this, args);
  };
}

function installFirestoreCounter(): void {
  // The Admin SDK's own copy of @google-cloud/firestore, reached through firebase-admin.
  const { createRequire } = require("node:module") as typeof import("node:module");
  const fromAdmin = createRequire(require.resolve("firebase-admin/firestore"));
  const gcf = (path: string) => fromAdmin(`@google-cloud/firestore/build/src/${path}`);
  const { Firestore } = gcf("index");
  const { DocumentReader } = gcf("document-reader");
  const { QueryUtil } = gcf("reference/query-util");
  const { AggregateQuery } = gcf("reference/aggregate-query");
  const { Transaction } = gcf("transaction");

  hook(DocumentReader.prototype, "_get", (self) => ({ reads: self.allDocuments.length }));
  hook(QueryUtil.prototype, "_getResponse", (_self, _args, response) => ({ reads: Math.max(1, response?.result?.size ?? 0) }));
  hook(AggregateQuery.prototype, "_getResponse", (self, _args, response) => {
    const counted = Object.entries(self._aggregates as Record<string, { aggregateType: string }>).find(
      ([, field]) => field.aggregateType === "count",
    );
    if (!counted) return { aggregations: 1, reads: 1, uncountedAggregations: 1 };
    const entries = Number(response?.result?.data()?.[counted[0]] ?? 0);
    return { aggregations: 1, reads: Math.max(1, Math.ceil(entries / 1000)) };
  });
  hook(Firestore.prototype, "request", (_self, [method, request], response) => {
    if (method !== "commit" && method !== "batchWrite") return null;
    const writes = (request?.writes ?? []) as WriteProto[];
    const deletes = writes.filter((write) => write.delete).length;
    // Which documents were written, how, and when: a trigger's event names the same document and time.
    const docs = writes.map((write, i): [string, string, string | null] => [
      documentPath(write.update?.name ?? write.delete ?? ""),
      kindOf(write),
      stamp(response?.writeResults?.[i]?.updateTime ?? response?.commitTime),
    ]);
    return { writes: writes.length - deletes, deletes, docs };
  });
  countCalls(Transaction.prototype, "runTransaction", { transactions: 1 });
  countCalls(Transaction.prototype, "runTransactionOnce", { attempts: 1 });
}

if (OPLOG) {
  mkdirSync(dirname(OPLOG), { recursive: true });
  installFirestoreCounter();
}

/** Counts one invocation of an event handler and names the operations it makes. */
export function probeEvent<H extends (...args: any[]) => Promise<unknown>>(fn: string, handler: H): H {
  if (!OPLOG) return handler;
  return (async (...args: unknown[]) => {
    const at = { fn, inv: randomUUID() };
    const started = performance.now();
    // The event's document and write time say which write caused this invocation.
    const event = args[0] as { document?: string; data?: { after?: { updateTime?: TimeLike }; updateTime?: TimeLike } } | undefined;
    const written = event?.data?.after ?? event?.data;
    append({ k: "start", ...at, trigger: true, doc: event?.document ?? null, docTime: stamp(written?.updateTime) });
    let ok = false;
    try {
      const result = await invocation.run(at, () => handler(...args));
      ok = true;
      return result;
    } finally {
      append({ k: "end", ...at, ms: performance.now() - started, ok });
    }
  }) as H;
}

/** The same for an HTTP handler: the invocation ends when the response is sent. */
export function probeHttp<H extends (req: any, res: any) => unknown>(fn: string, handler: H): H {
  if (!OPLOG) return handler;
  return ((req: unknown, res: { once(event: string, listener: () => void): unknown; statusCode: number }) => {
    const at = { fn, inv: randomUUID() };
    const started = performance.now();
    append({ k: "start", ...at });
    res.once("close", () => append({ k: "end", ...at, ms: performance.now() - started, ok: res.statusCode < 500 }));
    return invocation.run(at, () => handler(req, res));
  }) as H;
}
