import { describe, expect, it } from "vitest";
import {
  describeError,
  errorFacts,
  errorFingerprint,
  isInApp,
  normaliseFile,
  parseStack,
} from "../../src/errorReport.js";

/**
 * The same module as two deploys would ship it: identical code, moved down by
 * `shift` lines. Named like a real file so its frames count as in-app.
 */
function deploy(shift: number, file = "/srv/app/src/worker.js") {
  const source = `${"\n".repeat(shift)}
    function parsePayload(job) { return job.payload.id; }
    function processJob(job) { return parsePayload(job); }
    return { processJob, fail: () => { throw new RangeError("bad range " + Math.random()); } };
    //# sourceURL=${file}`;
  return new Function(source)() as { processJob: (job: object) => unknown; fail: () => never };
}

const thrownBy = (work: () => unknown): unknown => {
  try {
    work();
  } catch (err) {
    return err;
  }
  throw new Error("did not throw");
};

describe("errorFingerprint", () => {
  it("groups one bug across deploys that moved it to other lines", () => {
    const before = thrownBy(() => deploy(0).processJob({}));
    const after = thrownBy(() => deploy(40).processJob({}));
    expect((before as Error).stack).not.toBe((after as Error).stack);
    expect(describeError(before).fingerprint).toBe(describeError(after).fingerprint);
    expect(describeError(before).fingerprint).toMatch(/^error:TypeError:[0-9a-f]{28}$/);
  });

  it("keeps apart another error type, another function and another file", () => {
    const base = describeError(thrownBy(() => deploy(0).processJob({}))).fingerprint;
    const otherType = describeError(thrownBy(() => deploy(0).fail())).fingerprint;
    const otherFile = describeError(thrownBy(() => deploy(0, "/srv/app/src/mailer.js").processJob({}))).fingerprint;
    const otherFunction = describeError(thrownBy(() => (null as unknown as { x: number }).x)).fingerprint;
    expect(new Set([base, otherType, otherFile, otherFunction]).size).toBe(4);
  });

  it("ignores the message when there are in-app frames (it often carries ids)", () => {
    const a = thrownBy(() => deploy(0).fail());
    const b = thrownBy(() => deploy(3).fail());
    expect((a as Error).message).not.toBe((b as Error).message);
    expect(describeError(a).fingerprint).toBe(describeError(b).fingerprint);
  });

  it("falls back to the message, numbers and ids taken out, when no frame is in-app", () => {
    const library = (message: string) => ({
      type: "Error",
      message,
      stack: undefined,
      frames: parseStack(
        `Error: x\n    at query (/app/node_modules/pg/lib/client.js:10:5)\n    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)`,
      ),
    });
    const one = errorFingerprint(library("timeout after 3000 ms on 7f9c0a3e-1b2c-4d5e-8f90-123456789abc"));
    const two = errorFingerprint(library("timeout after 5000 ms on 00000000-1111-4222-8333-444444444444"));
    const other = errorFingerprint(library("connection refused"));
    expect(one).toBe(two);
    expect(one).not.toBe(other);
  });

  it("uses only the top five in-app frames, so deeper callers do not split a group", () => {
    const stack = (caller: string) =>
      [
        "Error: boom",
        ...["f1", "f2", "f3", "f4", "f5"].map((fn) => `    at ${fn} (/app/src/a.js:1:1)`),
        `    at ${caller} (/app/src/routes.js:9:9)`,
      ].join("\n");
    const facts = (caller: string) => ({
      type: "Error",
      message: "boom",
      stack: stack(caller),
      frames: parseStack(stack(caller)),
    });
    expect(errorFingerprint(facts("routeA"))).toBe(errorFingerprint(facts("routeB")));
  });
});

describe("parseStack", () => {
  it("reads V8 frames: named, anonymous, async, constructors and eval", () => {
    const stack = [
      "TypeError: x is not a function",
      "    at Worker.handle (/home/app/src/worker.ts:12:7)",
      "    at async Promise.all (index 0)",
      "    at new Pool (/home/app/src/pool.ts:3:1)",
      "    at /home/app/src/index.ts:40:3",
      "    at eval (eval at compile (/home/app/src/x.js:1:1), <anonymous>:2:3)",
      "    at node:internal/main/run_main_module:28:49",
    ].join("\n");
    expect(parseStack(stack, "/home/app")).toEqual([
      { fn: "Worker.handle", file: "src/worker.ts" },
      { fn: "Promise.all", file: "index 0" },
      { fn: "Pool", file: "src/pool.ts" },
      { fn: "?", file: "src/index.ts" },
      { fn: "eval", file: "<anonymous>" },
      { fn: "?", file: "node:internal/main/run_main_module" },
    ]);
  });

  it("reads SpiderMonkey and JavaScriptCore frames, and strips origins, queries and bundle hashes", () => {
    const stack = [
      "submit@https://app.example.com/assets/index-DiwrgTda.js?v=3:1:2345",
      "@https://app.example.com/assets/main.3f9a8c1b.js:2:10",
      "dispatch@http://localhost:5173/src/store.js?t=1716200000#x:4:4",
    ].join("\n");
    expect(parseStack(stack)).toEqual([
      { fn: "submit", file: "/assets/index.js" },
      { fn: "?", file: "/assets/main.js" },
      { fn: "dispatch", file: "/src/store.js" },
    ]);
  });

  it("tells in-app frames from dependencies and the runtime", () => {
    expect(isInApp({ fn: "f", file: "src/a.js" })).toBe(true);
    expect(isInApp({ fn: "f", file: "/app/node_modules/express/lib/router.js" })).toBe(false);
    expect(isInApp({ fn: "f", file: "node:internal/timers" })).toBe(false);
    expect(isInApp({ fn: "f", file: "native" })).toBe(false);
    expect(isInApp({ fn: "f", file: "<anonymous>" })).toBe(false);
  });

  it("keeps a name that only looks like a hash when it has no digit or capital", () => {
    expect(normaliseFile("/app/src/worker-processor.js:1:1")).toBe("/app/src/worker-processor.js");
  });
});

describe("describeError", () => {
  it("makes a title from the type and first message line, and a description from the stack, causes and context", () => {
    const cause = new Error("socket hang up");
    const error = new TypeError("Cannot read properties of undefined (reading 'id')\nmore detail", { cause });
    const described = describeError(error, { jobId: "j-1", attempt: 2 });
    expect(described.title).toBe("TypeError: Cannot read properties of undefined (reading 'id')");
    expect(described.description).toContain(error.stack!);
    expect(described.description).toContain("Caused by:");
    expect(described.description).toContain(cause.stack!);
    expect(described.description).toContain('"jobId": "j-1"');
  });

  it("keeps within the API's limits", () => {
    const error = new Error("x".repeat(1000));
    error.stack = "y".repeat(50_000);
    const described = describeError(error);
    expect(described.title.length).toBeLessThanOrEqual(200);
    expect(described.description.length).toBeLessThanOrEqual(20_000);
    expect(described.fingerprint.length).toBeLessThanOrEqual(200);
  });

  it("takes anything thrown, even values that are no Error and getters that throw", () => {
    expect(describeError("plain string").title).toBe("Error: plain string");
    expect(describeError(42).title).toBe("Error: 42");
    expect(describeError(undefined).title).toBe("Error: undefined");
    expect(describeError({ code: "E_BAD" }).title).toBe('Object: {"code":"E_BAD"}');
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(describeError(circular).title).toBe("Object");
    const hostile = Object.defineProperty({}, "message", {
      get: () => {
        throw new Error("no");
      },
    });
    expect(errorFacts(hostile)).toMatchObject({ type: "Object", message: "{}" });
    expect(describeError(new Error("x"), circular).description).toContain("(context could not be serialised)");
  });
});
