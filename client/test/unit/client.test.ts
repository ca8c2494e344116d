/**
 * The client against a local server that misbehaves on purpose: refused
 * connections, hung sockets, 5xx, 429 with Retry-After, refusals, recovery.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  createFiretrackClient,
  type CallError,
  type DropReason,
  type DroppedReport,
  type FiretrackClient,
  type FiretrackClientOptions,
} from "../../src/index.js";
import { closedPort, created, hang, json, startStub, type Stub } from "./stubServer.js";

const API_KEY = "ftk_AAAAAAAAAAAAAAAA_secretsecretsecretsecretsecretse";
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  vi.restoreAllMocks();
});

function client(baseUrl: string, options: Partial<FiretrackClientOptions> = {}): FiretrackClient {
  const tracker = createFiretrackClient({
    baseUrl,
    orgId: "org1",
    apiKey: API_KEY,
    service: "workflow-consumer",
    timeoutMs: 500,
    ...options,
  });
  cleanups.push(() => tracker.close(100));
  return tracker;
}

async function stub(...args: Parameters<typeof startStub>): Promise<Stub> {
  const server = await startStub(...args);
  cleanups.push(() => server.close());
  return server;
}

function drops() {
  const seen: { report: DroppedReport; reason: DropReason }[] = [];
  const tally = { count: 0, keep: true };
  const onDrop = (report: DroppedReport, reason: DropReason) => {
    tally.count++;
    if (tally.keep) seen.push({ report, reason });
  };
  return { seen, tally, onDrop };
}

/** How long a flush may take: it only bounds a failing run, so a loaded machine can't fail a test on it. */
const FLUSH_MS = 30_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** When a plain timer of `ms` actually fired: the machine's own delay, to measure deadlines against. */
const timerFiring = (ms: number) => new Promise<number>((resolve) => setTimeout(() => resolve(performance.now()), ms));

describe("a tracker that does not answer", () => {
  it("resolves null by its deadline when the connection is refused, and keeps the report", async () => {
    const tracker = client(`http://127.0.0.1:${await closedPort()}/api/v1`, { timeoutMs: 300 });
    const started = performance.now();
    const plainTimer = timerFiring(300);
    const result = await tracker.logIssue({ title: "Queue consumer stalled" });
    const elapsed = performance.now() - started;
    expect(result).toBeNull();
    // Against a plain 300 ms timer started alongside: a loaded machine delays both alike.
    expect(elapsed).toBeLessThan((await plainTimer) - started + 100);
    expect(tracker.stats()).toMatchObject({ sent: 0, dropped: 0, queued: 1 });
  });

  it("resolves null by its deadline against a hung socket", async () => {
    const server = await stub(hang);
    const tracker = client(server.base, { timeoutMs: 300 });
    const started = performance.now();
    const plainTimer = timerFiring(300);
    const results = await Promise.all([
      tracker.logIssue({ title: "One" }),
      tracker.addComment("ISS-2026-0001", "Two"),
      tracker.updateStatus("abc", "closed"),
    ]);
    const elapsed = performance.now() - started;
    expect(results).toEqual([null, null, null]);
    expect(elapsed).toBeGreaterThanOrEqual(295);
    expect(elapsed).toBeLessThan((await plainTimer) - started + 100);
    expect(server.requests.length).toBeGreaterThanOrEqual(1);
    expect(tracker.stats().queued).toBe(3);
  });
});

describe("retries", () => {
  it("sends 500, 500, 500, then 201 under one Idempotency-Key, and creates exactly one issue", async () => {
    const issues = new Map<string, number>();
    const server = await stub((request, res, index) => {
      if (index < 3) return json(res, 500, { title: "Internal error", status: 500 });
      const key = request.headers["idempotency-key"] as string;
      if (!issues.has(key)) issues.set(key, issues.size + 1);
      created(res, issues.get(key)!);
    });
    const tracker = client(server.base, { backoff: { initialMs: 20, maxMs: 100 } });
    void tracker.logIssue({ title: "Flaky upstream", fingerprint: "flaky" });
    expect(await tracker.flush(FLUSH_MS)).toBe(true);
    expect(server.requests).toHaveLength(4);
    const keys = new Set(server.requests.map((r) => r.headers["idempotency-key"]));
    expect(keys.size).toBe(1);
    expect([...keys][0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(server.requests.map((r) => r.body)).toEqual(
      Array(4).fill({ title: "Flaky upstream", fingerprint: "flaky", service: "workflow-consumer" }),
    );
    expect(issues.size).toBe(1);
    expect(tracker.stats()).toEqual({ sent: 1, deduplicated: 0, retried: 3, dropped: 0, errors: 0, queued: 0 });
  });

  it("waits out Retry-After: 2 on a 429 before trying again", async () => {
    const server = await stub((_request, res, index) =>
      index === 0 ? json(res, 429, { status: 429 }, { "retry-after": "2" }) : created(res, 1),
    );
    const tracker = client(server.base, { timeoutMs: 1000, backoff: { initialMs: 10, maxMs: 10 } });
    // The caller is not kept waiting for a retry that cannot come before its deadline.
    const plainTimer = timerFiring(1000);
    expect(await tracker.logIssue({ title: "Rate limited" })).toBeNull();
    // Answered before its own 1 s deadline: the 2 s Retry-After can't be met within it.
    expect(performance.now()).toBeLessThan(await plainTimer);
    // flush does not override the server's Retry-After either.
    expect(await tracker.flush(FLUSH_MS)).toBe(true);
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]!.at - server.requests[0]!.at).toBeGreaterThanOrEqual(2000);
    expect(server.requests[1]!.headers["idempotency-key"]).toBe(server.requests[0]!.headers["idempotency-key"]);
  });

  it("honours Retry-After on a 503 too, and retries 408 and a 409 that carries Retry-After", async () => {
    const answers = [
      (res: any) => json(res, 503, { status: 503 }, { "retry-after": "1" }),
      (res: any) => json(res, 408, { status: 408 }),
      (res: any) => json(res, 409, { status: 409, detail: "still in progress" }, { "retry-after": "0" }),
      (res: any) => created(res, 7),
    ];
    const server = await stub((_request, res, index) => answers[index]!(res));
    const tracker = client(server.base, { backoff: { initialMs: 10, maxMs: 20 } });
    void tracker.logIssue({ title: "Slow start" });
    expect(await tracker.flush(FLUSH_MS)).toBe(true);
    expect(server.requests).toHaveLength(4);
    expect(server.requests[1]!.at - server.requests[0]!.at).toBeGreaterThanOrEqual(1000);
    expect(tracker.stats()).toMatchObject({ sent: 1, retried: 3, dropped: 0 });
  });

  it.each([400, 422])(
    "reports a %i (the call itself is wrong) through onError and stats.errors, not as a drop",
    async (status) => {
      const server = await stub((_request, res) =>
        json(res, status, {
          title: "Validation failed",
          status,
          detail: "The request body is not valid.",
          errors: [{ path: "title", code: "too_big", message: "at most 200 characters" }],
        }),
      );
      const { seen, onDrop } = drops();
      const errors: { report: DroppedReport; error: CallError }[] = [];
      const tracker = client(server.base, { onDrop, onError: (report, error) => errors.push({ report, error }) });
      expect(await tracker.logIssue({ title: "x".repeat(300) })).toBeNull();
      await sleep(50);
      expect(server.requests).toHaveLength(1);
      expect(seen).toEqual([]);
      expect(errors).toHaveLength(1);
      expect(errors[0]!.error).toEqual({
        status,
        detail: "The request body is not valid.",
        errors: [{ path: "title", message: "at most 200 characters" }],
      });
      expect(errors[0]!.report).toMatchObject({ kind: "issue", attempts: 1, body: { title: "x".repeat(300) } });
      expect(tracker.stats()).toMatchObject({ sent: 0, dropped: 0, errors: 1, queued: 0 });
    },
  );

  it("survives an onError that throws", async () => {
    const server = await stub((_request, res) => json(res, 422, { status: 422, detail: "no" }));
    const tracker = client(server.base, {
      onError: () => {
        throw new Error("host bug");
      },
    });
    expect(await tracker.logIssue({ title: "Bad" })).toBeNull();
    expect(await tracker.flush(FLUSH_MS)).toBe(true);
    expect(tracker.stats()).toMatchObject({ errors: 1, dropped: 0 });
  });

  it.each([401, 403, 404, 409])("does not retry a %i without Retry-After", async (status) => {
    const server = await stub((_request, res) => json(res, status, { status, detail: "no" }));
    const { seen, onDrop } = drops();
    const tracker = client(server.base, { onDrop, backoff: { initialMs: 5, maxMs: 5 } });
    await tracker.logIssue({ title: "Refused" });
    await sleep(50);
    expect(server.requests).toHaveLength(1);
    expect(seen.map((d) => d.reason)).toEqual([{ code: "rejected", status, detail: "no" }]);
    expect(tracker.stats()).toMatchObject({ dropped: 1, errors: 0 });
  });

  it("gives a report up after maxAttempts, saying why", async () => {
    const server = await stub((_request, res) => json(res, 502, { status: 502 }));
    const { seen, onDrop } = drops();
    const tracker = client(server.base, { onDrop, maxAttempts: 3, backoff: { initialMs: 5, maxMs: 10 } });
    void tracker.logIssue({ title: "Doomed" });
    expect(await tracker.flush(FLUSH_MS)).toBe(true);
    expect(server.requests).toHaveLength(3);
    expect(seen.map((d) => d.reason)).toEqual([{ code: "retries_exhausted", lastError: "HTTP 502" }]);
    expect(tracker.stats()).toMatchObject({ retried: 2, dropped: 1, queued: 0 });
  });

  it("backs off exponentially: while down, attempts stay few however many calls come", async () => {
    // On the clock of fake timers, so a loaded machine can't stretch or squeeze the gates.
    vi.useFakeTimers({ toFake: ["Date", "setTimeout", "clearTimeout"] });
    try {
      const attempts: number[] = [];
      const down: typeof fetch = async () => {
        attempts.push(Date.now());
        return new Response(JSON.stringify({ status: 503 }), {
          status: 503,
          headers: { "content-type": "application/problem+json" },
        });
      };
      const tracker = createFiretrackClient({
        baseUrl: "http://tracker.test/api/v1",
        orgId: "org1",
        apiKey: API_KEY,
        service: "workflow-consumer",
        timeoutMs: 100,
        fetch: down,
        backoff: { initialMs: 100, maxMs: 10_000 },
      });
      const started = Date.now();
      while (Date.now() - started < 1000) {
        void tracker.logIssue({ title: "Storm" });
        await vi.advanceTimersByTimeAsync(10);
      }
      // Gates of 100, 200, 400, 800 ms, each at least half fixed: a probe at most at 0, 50, 150, 350 and 750 ms.
      expect(attempts.length).toBeGreaterThanOrEqual(3);
      expect(attempts.length).toBeLessThanOrEqual(5);
      const gaps = attempts.slice(1).map((at, i) => at - attempts[i]!);
      for (let i = 0; i < gaps.length; i++) expect(gaps[i]!).toBeGreaterThanOrEqual(50 * 2 ** i);
      // Closed on the real clock, after the fake one is gone.
      cleanups.push(() => tracker.close(100));
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("bounded", () => {
  it("drops and counts the oldest 9,000 of 10,000 calls made while the tracker is down, with a flat heap", async () => {
    const port = await closedPort();
    const { seen, tally, onDrop } = drops();
    const tracker = client(`http://127.0.0.1:${port}/api/v1`, {
      maxQueue: 1000,
      concurrency: 16,
      timeoutMs: 200,
      onDrop,
    });
    const gc = (globalThis as { gc?: () => void }).gc;
    expect(gc, "vitest.unit.config.mts passes --expose-gc").toBeTypeOf("function");
    const heap = () => {
      gc!();
      return process.memoryUsage().heapUsed;
    };
    const burst = (n: number, from: number) =>
      Promise.all(
        Array.from({ length: n }, (_, i) =>
          tracker.logIssue({ title: `Failure ${from + i}`, description: "d".repeat(200) }),
        ),
      );

    const results = await burst(10_000, 0);
    expect(results.every((r) => r === null)).toBe(true);
    expect(tracker.stats()).toMatchObject({ sent: 0, dropped: 9000, queued: 1000 });
    expect(seen).toHaveLength(9000);
    expect(seen.every((d) => d.reason.code === "queue_full")).toBe(true);
    // The oldest went first, except the 16 (concurrency) whose attempts were under way: an attempt
    // in progress is not abandoned for a newer report. What is left is those and the newest 984.
    const dropped = seen.map((d) => Number(String(d.report.body.title).split(" ")[1]));
    expect(dropped.every((n, i) => i === 0 || n === dropped[i - 1]! + 1)).toBe(true);
    expect([dropped[0], dropped[8999]]).toEqual([16, 9015]);

    // From here on only count, so that the test itself keeps nothing.
    seen.length = 0;
    tally.keep = false;
    const before = heap();
    for (let round = 1; round <= 5; round++) await burst(10_000, round * 10_000);
    const growth = heap() - before;
    console.info(`heap growth over 50,000 more dropped calls: ${(growth / 1024).toFixed(0)} KiB`);
    expect(tracker.stats()).toMatchObject({ dropped: 59_000, queued: 1000 });
    expect(tally.count).toBe(59_000);
    // 50,000 more reports of ~300 bytes each would be ~15 MB if any were kept.
    expect(growth).toBeLessThan(3 * 1024 * 1024);
  });

  it("delivers the queue on flush once the tracker is back", async () => {
    const port = await closedPort();
    const tracker = client(`http://127.0.0.1:${port}/api/v1`, {
      timeoutMs: 200,
      backoff: { initialMs: 600_000, maxMs: 600_000 },
    });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => tracker.logIssue({ title: `Backlog ${i}` })),
    );
    expect(results.every((r) => r === null)).toBe(true);
    expect(tracker.stats().queued).toBe(20);

    let n = 0;
    const server = await stub((_request, res) => created(res, ++n), port);
    // The backoff would wait 5–10 minutes; flush tries now.
    expect(await tracker.flush(FLUSH_MS)).toBe(true);
    const titles = server.requests.map((r) => r.body.title);
    expect(new Set(titles).size).toBe(20);
    expect(new Set(server.requests.map((r) => r.headers["idempotency-key"])).size).toBe(20);
    expect(tracker.stats()).toMatchObject({ sent: 20, dropped: 0, queued: 0 });
  });
});

describe("calls", () => {
  it("sends the API key, the service name and one fresh Idempotency-Key per call, and returns the issue", async () => {
    const server = await stub((request, res, index) =>
      created(res, index + 1, request.body.fingerprint ? { deduplicated: index > 0 } : {}),
    );
    const tracker = client(server.base);
    const first = await tracker.logIssue({
      title: "Disk full",
      priority: "high",
      tags: ["disk"],
      fingerprint: "disk-full",
    });
    const second = await tracker.logIssue({ title: "Disk full", fingerprint: "disk-full" });
    expect(first).toEqual({ id: "issue1", number: "ISS-2026-0001", deduplicated: false });
    expect(second).toEqual({ id: "issue2", number: "ISS-2026-0002", deduplicated: true });
    const [a, b] = server.requests;
    expect(a!.method).toBe("POST");
    expect(a!.url).toBe("/api/v1/orgs/org1/issues");
    expect(a!.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(a!.headers["content-type"]).toBe("application/json");
    expect(a!.body).toEqual({
      title: "Disk full",
      priority: "high",
      tags: ["disk"],
      fingerprint: "disk-full",
      service: "workflow-consumer",
    });
    expect(a!.headers["idempotency-key"]).not.toBe(b!.headers["idempotency-key"]);
    expect(tracker.stats()).toEqual({ sent: 2, deduplicated: 1, retried: 0, dropped: 0, errors: 0, queued: 0 });
  });

  it("comments and changes status, looking an issue number up first", async () => {
    const server = await stub((request, res) => {
      if (request.method === "GET") return json(res, 200, { id: "doc42", number: "ISS-2026-0042" });
      if (request.url.endsWith("/comments")) return json(res, 201, { id: "c1", body: request.body.body });
      if (request.url.endsWith("/transition") && request.body.status === "resolved")
        return json(res, 422, { status: 422, detail: "use_resolve" });
      return json(res, 200, {
        id: "doc42",
        number: "ISS-2026-0042",
        status: request.url.endsWith("/resolve") ? "resolved" : request.body.status,
      });
    });
    const tracker = client(server.base, { getToken: async () => "google-id-token", apiKey: undefined });
    expect(await tracker.addComment("ISS-2026-0042", "Retried the batch")).toEqual({ id: "c1" });
    expect(await tracker.updateStatus("ISS-2026-0042", "resolved", "Fixed upstream")).toEqual({
      id: "doc42",
      number: "ISS-2026-0042",
      status: "resolved",
    });
    expect(await tracker.updateStatus("doc42", "closed")).toMatchObject({ status: "closed" });
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      "POST /api/v1/orgs/org1/issues/ISS-2026-0042/comments",
      "GET /api/v1/orgs/org1/issues/ISS-2026-0042",
      "POST /api/v1/orgs/org1/issues/doc42/resolve",
      "POST /api/v1/orgs/org1/issues/doc42/transition",
    ]);
    expect(server.requests[0]!.headers.authorization).toBe("Bearer google-id-token");
    // The note is the public resolution: …/transition refuses a resolve.
    expect(server.requests[2]!.body).toEqual({ notes: "Fixed upstream" });
    expect(server.requests[3]!.body).toEqual({ status: "closed" });
    expect(server.requests[1]!.headers["idempotency-key"]).toBeUndefined();
  });

  it("refuses a resolve without a note before sending anything: the note is the public resolution", async () => {
    const server = await stub((_request, res) => json(res, 200, {}));
    const { seen, onDrop } = drops();
    const tracker = client(server.base, { onDrop });
    expect(await tracker.updateStatus("doc42", "resolved")).toBeNull();
    expect(await tracker.updateStatus("doc42", "resolved", "   ")).toBeNull();
    expect(server.requests).toHaveLength(0);
    expect(seen.map((d) => d.reason)).toEqual([
      { code: "invalid", detail: "resolving needs a note: the public resolution" },
      { code: "invalid", detail: "resolving needs a note: the public resolution" },
    ]);
  });

  it("asks getToken again for every attempt, and treats its failure as a failed attempt", async () => {
    const server = await stub((_request, res, index) => created(res, index + 1));
    let calls = 0;
    const tracker = client(server.base, {
      apiKey: undefined,
      getToken: async () => {
        calls++;
        if (calls === 1) throw new Error("metadata server down");
        return `token${calls}`;
      },
      backoff: { initialMs: 5, maxMs: 5 },
    });
    void tracker.logIssue({ title: "Token trouble" });
    expect(await tracker.flush(FLUSH_MS)).toBe(true);
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(["Bearer token2"]);
    expect(tracker.stats()).toMatchObject({ sent: 1, retried: 1 });
  });
});

describe("nothing leaks into the host", () => {
  it("never throws or rejects, whatever it is given", async () => {
    const { seen, onDrop } = drops();
    const broken = createFiretrackClient({ onDrop } as unknown as FiretrackClientOptions);
    expect(await broken.logIssue({ title: "x" })).toBeNull();
    expect(await broken.logError(new Error("x"))).toBeNull();
    expect(await broken.flush(10)).toBe(true);
    expect(broken.stats()).toMatchObject({ dropped: 2 });
    expect(seen[0]!.reason).toEqual({ code: "invalid", detail: "baseUrl must be an http(s) URL" });

    const server = await stub((_request, res) => created(res, 1));
    const tracker = client(server.base, {
      onDrop: () => {
        throw new Error("the host's callback fails");
      },
    });
    const hostile = {
      get title(): string {
        throw new Error("getter");
      },
    };
    const results = await Promise.all([
      tracker.logIssue(null as never),
      tracker.logIssue({ title: "" }),
      tracker.logIssue(hostile as never),
      tracker.addComment("", ""),
      tracker.updateStatus(undefined as never, "open"),
      tracker.logError(Object.create(null)),
      tracker.logError(hostile),
    ]);
    expect(results.slice(0, 5)).toEqual([null, null, null, null, null]);
    expect(tracker.stats().dropped).toBe(5);
    expect(() => createFiretrackClient(undefined as never)).not.toThrow();
  });

  it("logs nothing unless debug is on", async () => {
    const port = await closedPort();
    const spies = (["log", "info", "warn", "error", "debug"] as const).map((method) =>
      vi.spyOn(console, method).mockImplementation(() => undefined),
    );
    const quiet = client(`http://127.0.0.1:${port}/api/v1`, { timeoutMs: 100, maxQueue: 1 });
    await Promise.all([quiet.logIssue({ title: "a" }), quiet.logIssue({ title: "b" })]);
    await quiet.close(50);
    expect(spies.map((spy) => spy.mock.calls.length)).toEqual([0, 0, 0, 0, 0]);

    const chatty = client(`http://127.0.0.1:${port}/api/v1`, { timeoutMs: 100, debug: true });
    await chatty.logIssue({ title: "a" });
    expect(spies[4]!.mock.calls.length).toBeGreaterThan(0);
    expect(JSON.stringify(spies[4]!.mock.calls)).not.toContain(API_KEY);
  });

  it("close delivers what it can, drops the rest as closed, and refuses later calls", async () => {
    const port = await closedPort();
    const { seen, onDrop } = drops();
    const tracker = client(`http://127.0.0.1:${port}/api/v1`, { timeoutMs: 100, onDrop });
    await tracker.logIssue({ title: "Left behind" });
    expect(await tracker.close(200)).toBe(false);
    expect(await tracker.logIssue({ title: "Too late" })).toBeNull();
    expect(seen.map((d) => [d.report.body.title, d.reason.code])).toEqual([
      ["Left behind", "closed"],
      ["Too late", "closed"],
    ]);
    expect(tracker.stats()).toMatchObject({ dropped: 2, queued: 0 });
  });
});
