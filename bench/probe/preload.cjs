// @ts-check
/**
 * Bench mode's probe, installed from outside the product: `scripts/emulators.mjs --bench` names a log in
 * FIRETRACK_BENCH_OPLOG and passes this file to every Node process it starts (NODE_OPTIONS=--require), the
 * Functions emulator's workers and the bench or test command included. No product file knows it exists.
 *
 * It appends one JSON line per Firestore operation and per function invocation to the log, for `npm run bench`
 * and its cost table (bench/README.md). Without the variable it does nothing.
 *
 * - Operations are counted as Firestore bills them: a document read per document asked for by get/getAll (found
 *   or not), per document a query returns (at least one per query), per 1,000 index entries an aggregation counts
 *   (at least one); a write or a delete per write in a commit, batch or transaction. Transactions count once
 *   however often they retry; `attempts` counts the tries. The counter hooks the internal read and commit paths
 *   of whichever copy of @google-cloud/firestore the process loads, so it sees every code path unchanged.
 * - Invocations: every handler given to firebase-functions' v2 trigger constructors (onRequest, onDocument*,
 *   onTaskDispatched, onSchedule) is wrapped when the function's module loads. An emulator worker runs one
 *   function, named by FUNCTION_TARGET, so the invocation carries that name.
 */
const { AsyncLocalStorage } = require("node:async_hooks");
const { randomUUID } = require("node:crypto");
const { appendFileSync, mkdirSync } = require("node:fs");
const Module = require("node:module");
const { dirname } = require("node:path");

const OPLOG = process.env.FIRETRACK_BENCH_OPLOG;

/** @typedef {{ fn: string, inv: string }} Invocation */
/** @typedef {{ seconds?: number | string | { toString(): string }, nanos?: number, nanoseconds?: number }} TimeLike */
/** @typedef {{ update?: { name?: string }, delete?: string, currentDocument?: { exists?: boolean, updateTime?: unknown } }} WriteProto */
/**
 * @typedef {object} OpCounts
 * @property {[string, string, string | null][]} [docs] documents a commit wrote: [path, kind, write time]
 * @property {number} [reads]
 * @property {number} [writes]
 * @property {number} [deletes]
 * @property {number} [transactions]
 * @property {number} [attempts]
 * @property {number} [aggregations]
 * @property {number} [uncountedAggregations] aggregations without count(): entries unknown, billed as one read
 */

/** @type {AsyncLocalStorage<Invocation>} */
const invocation = new AsyncLocalStorage();

/** @param {Record<string, unknown>} entry */
function append(entry) {
  appendFileSync(/** @type {string} */ (OPLOG), `${JSON.stringify({ ...entry, pid: process.pid, t: Date.now() })}\n`);
}

/** @param {Invocation | undefined} at @param {OpCounts} counts */
function recordOp(at, counts) {
  append({ k: "op", fn: at?.fn ?? null, inv: at?.inv ?? null, ...counts });
}

/** `seconds.nanoseconds`, the same string for a commit's write time and a snapshot's updateTime. @param {TimeLike | null | undefined} time */
function stamp(time) {
  if (!time || time.seconds === undefined) return null;
  return `${String(time.seconds)}.${String(time.nanos ?? time.nanoseconds ?? 0).padStart(9, "0")}`;
}

/** @param {string} name */
const documentPath = (name) => name.slice(name.indexOf("/documents/") + "/documents/".length);

/** @param {WriteProto} write */
function kindOf(write) {
  if (write.delete) return "delete";
  if (write.currentDocument?.exists === false) return "create";
  if (write.currentDocument) return "update";
  return "write";
}

/**
 * Wraps a prototype method: `count` sees the call's receiver, arguments and result.
 * @param {Record<string, any>} proto @param {string} name
 * @param {(self: any, args: any[], result: any) => OpCounts | null} count
 */
function hook(proto, name, count) {
  const original = proto[name];
  proto[name] = async function (/** @type {unknown[]} */ ...args) {
    const at = invocation.getStore();
    const result = await original.apply(this, args);
    const counts = count(this, args, result);
    if (counts) recordOp(at, counts);
    return result;
  };
}

/** Counts a call when it starts, so failed transactions count too. @param {Record<string, any>} proto @param {string} name @param {OpCounts} counts */
function countCalls(proto, name, counts) {
  const original = proto[name];
  proto[name] = function (/** @type {unknown[]} */ ...args) {
    recordOp(invocation.getStore(), counts);
    return original.apply(this, args);
  };
}

/** @type {Set<string>} */
const counted = new Set();

/** Installs the counter on one copy of @google-cloud/firestore, named by its entry file. @param {string} entry */
function countFirestore(entry) {
  if (counted.has(entry)) return;
  counted.add(entry);
  const from = Module.createRequire(entry);
  const { Firestore } = from("./index");
  const { DocumentReader } = from("./document-reader");
  const { QueryUtil } = from("./reference/query-util");
  const { AggregateQuery } = from("./reference/aggregate-query");
  const { Transaction } = from("./transaction");

  hook(DocumentReader.prototype, "_get", (self) => ({ reads: self.allDocuments.length }));
  hook(QueryUtil.prototype, "_getResponse", (_self, _args, response) => ({
    reads: Math.max(1, response?.result?.size ?? 0),
  }));
  hook(AggregateQuery.prototype, "_getResponse", (self, _args, response) => {
    const aggregates = /** @type {Record<string, { aggregateType: string }>} */ (self._aggregates);
    const countField = Object.entries(aggregates).find(([, field]) => field.aggregateType === "count");
    if (!countField) return { aggregations: 1, reads: 1, uncountedAggregations: 1 };
    const entries = Number(response?.result?.data()?.[countField[0]] ?? 0);
    return { aggregations: 1, reads: Math.max(1, Math.ceil(entries / 1000)) };
  });
  hook(Firestore.prototype, "request", (_self, [method, request], response) => {
    if (method !== "commit" && method !== "batchWrite") return null;
    const writes = /** @type {WriteProto[]} */ (request?.writes ?? []);
    const deletes = writes.filter((write) => write.delete).length;
    // Which documents were written, how, and when: a trigger's event names the same document and time.
    const docs = writes.map(
      (write, i) =>
        /** @type {[string, string, string | null]} */ ([
          documentPath(write.update?.name ?? write.delete ?? ""),
          kindOf(write),
          stamp(response?.writeResults?.[i]?.updateTime ?? response?.commitTime),
        ]),
    );
    return { writes: writes.length - deletes, deletes, docs };
  });
  countCalls(Transaction.prototype, "runTransaction", { transactions: 1 });
  countCalls(Transaction.prototype, "runTransactionOnce", { attempts: 1 });
}

const FIRESTORE_ENTRY = /[\\/]@google-cloud[\\/]firestore[\\/]build[\\/]src[\\/]index\.js$/;

/**
 * Counts one invocation of an event handler and names the operations it makes.
 * @template {(...args: any[]) => unknown} H @param {string} fn @param {H} handler @returns {H}
 */
function probeEvent(fn, handler) {
  if (!OPLOG) return handler;
  return /** @type {H} */ (
    async (/** @type {any[]} */ ...args) => {
      const at = { fn, inv: randomUUID() };
      const started = performance.now();
      // The event's document and write time say which write caused this invocation.
      const event = args[0];
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
    }
  );
}

/**
 * The same for an HTTP handler: the invocation ends when the response is sent.
 * @template {(req: any, res: any) => unknown} H @param {string} fn @param {H} handler @returns {H}
 */
function probeHttp(fn, handler) {
  if (!OPLOG) return handler;
  return /** @type {H} */ (
    (
      /** @type {unknown} */ req,
      /** @type {{ once(event: string, listener: () => void): unknown, statusCode: number }} */ res,
    ) => {
      const at = { fn, inv: randomUUID() };
      const started = performance.now();
      append({ k: "start", ...at });
      res.once("close", () => append({ k: "end", ...at, ms: performance.now() - started, ok: res.statusCode < 500 }));
      return invocation.run(at, () => handler(req, res));
    }
  );
}

/** The function this process runs (an emulator worker runs one), else what the caller names. */
const functionName = () => process.env.FUNCTION_TARGET || "unnamed";

/** Trigger constructors whose last argument is the handler, by firebase-functions module. */
const TRIGGERS = {
  "firebase-functions/v2/https": { onRequest: probeHttp },
  "firebase-functions/v2/firestore": {
    onDocumentCreated: probeEvent,
    onDocumentUpdated: probeEvent,
    onDocumentDeleted: probeEvent,
    onDocumentWritten: probeEvent,
  },
  "firebase-functions/v2/tasks": { onTaskDispatched: probeEvent },
  "firebase-functions/v2/scheduler": { onSchedule: probeEvent },
};

/** @type {Map<object, object>} */
const wrappedModules = new Map();

/** The module's exports with each trigger constructor wrapping the handler it is given. @param {string} request @param {any} exports */
function withProbes(request, exports) {
  const constructors = TRIGGERS[/** @type {keyof typeof TRIGGERS} */ (request)];
  if (!constructors) return exports;
  let wrapped = wrappedModules.get(exports);
  if (!wrapped) {
    const copy = { ...exports };
    for (const [name, probe] of Object.entries(constructors)) {
      const original = exports[name];
      if (typeof original !== "function") continue;
      copy[name] = (/** @type {any[]} */ ...args) => {
        const handler = args.pop();
        return original(...args, probe(functionName(), handler));
      };
    }
    wrapped = copy;
    wrappedModules.set(exports, wrapped);
  }
  return wrapped;
}

if (OPLOG) {
  mkdirSync(dirname(OPLOG), { recursive: true });
  const ModuleInternals = /** @type {any} */ (Module);
  const load = ModuleInternals._load;
  ModuleInternals._load = function (
    /** @type {string} */ request,
    /** @type {any} */ parent,
    /** @type {boolean} */ isMain,
  ) {
    const exports = load.call(this, request, parent, isMain);
    if (request === "@google-cloud/firestore")
      countFirestore(ModuleInternals._resolveFilename(request, parent, isMain));
    return withProbes(request, exports);
  };
  // A copy loaded before this file (the probe imported late): count it too.
  for (const path of Object.keys(ModuleInternals._cache)) if (FIRESTORE_ENTRY.test(path)) countFirestore(path);
}

module.exports = { probeEvent, probeHttp };
