/**
 * The client against the real API in the Functions emulator, with a real API
 * key: numbers, dedupe by fingerprint, logError grouping across deploys, and a
 * lost response retried under the same Idempotency-Key.
 */
import { createServer, request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, db, FUNCTION_BASE } from "../../../functions/test/emulator/helpers.js";
import { buildWorld, type World } from "../../../functions/test/emulator/world.js";
import { createFiretrackClient, type FiretrackClient, type FiretrackClientOptions } from "../../src/index.js";

let w: World;
const clients: FiretrackClient[] = [];

beforeAll(async () => {
  w = await buildWorld("Client World");
});
afterAll(async () => {
  await Promise.all(clients.map((tracker) => tracker.close(1000)));
});

/** The Functions emulator starts a worker per concurrent request, slowly: generous timeouts, as a real deployment would not need. */
function tracker(options: Partial<FiretrackClientOptions> = {}): FiretrackClient {
  const client = createFiretrackClient({
    baseUrl: FUNCTION_BASE,
    orgId: w.orgId,
    apiKey: w.serviceKey,
    service: "workflow-consumer",
    timeoutMs: 60_000,
    ...options,
  });
  clients.push(client);
  return client;
}

const issuesWithFingerprint = async (fingerprint: string) =>
  (await db().collection(`orgs/${w.orgId}/issues`).where("fingerprint", "==", fingerprint).get()).docs;

/** The same module as two deploys would ship it: identical code, moved down by `shift` lines. */
function deploy(shift: number) {
  const source = `${"\n".repeat(shift)}
    function chargeCard(order) { return order.card.token; }
    function settleOrder(order) { return chargeCard(order); }
    return { settleOrder };
    //# sourceURL=/srv/checkout/src/settlement.js`;
  return new Function(source)() as { settleOrder: (order: object) => unknown };
}

const thrownBy = (work: () => unknown): unknown => {
  try {
    work();
  } catch (err) {
    return err;
  }
  throw new Error("did not throw");
};

describe("the client against the API", () => {
  it("logs an issue: 201 with a number, stored with the service's name", async () => {
    const client = tracker();
    const logged = await client.logIssue({ title: "Workflow consumer lagging", priority: "high", tags: ["lag"] });
    expect(logged).toMatchObject({ number: expect.stringMatching(/^ISS-\d{4}-\d{4,}$/), deduplicated: false });
    const stored = await db().doc(`orgs/${w.orgId}/issues/${logged!.id}`).get();
    expect(stored.get("number")).toBe(logged!.number);
    expect(stored.get("source")).toBe("service");
    expect(stored.get("reporter")).toMatchObject({ kind: "service", service: "workflow-consumer" });
    expect(client.stats()).toEqual({ sent: 1, deduplicated: 0, retried: 0, dropped: 0, errors: 0, queued: 0 });
  });

  it("the same fingerprint twice: deduplicated: true, one issue with two occurrences", async () => {
    const client = tracker();
    const fingerprint = `queue-stalled-${Date.now()}`;
    const first = await client.logIssue({ title: "Queue stalled", fingerprint });
    const second = await client.logIssue({ title: "Queue stalled", fingerprint });
    expect(first).toMatchObject({ deduplicated: false });
    expect(second).toEqual({ id: first!.id, number: first!.number, deduplicated: true });
    const issues = await issuesWithFingerprint(fingerprint);
    expect(issues.map((doc) => doc.get("occurrences"))).toEqual([2]);
    expect(client.stats()).toMatchObject({ sent: 2, deduplicated: 1 });
  });

  it("logError of one error thrown from two places with different line numbers: one issue", async () => {
    const client = tracker();
    const before = thrownBy(() => deploy(0).settleOrder({}));
    const after = thrownBy(() => deploy(25).settleOrder({}));
    expect((before as Error).stack).toMatch(/settlement\.js:4:/);
    expect((after as Error).stack).toMatch(/settlement\.js:29:/);
    const first = await client.logError(before, { context: { orderId: "o-1" } });
    const second = await client.logError(after, { context: { orderId: "o-2" } });
    expect(first).toMatchObject({ deduplicated: false });
    expect(second).toMatchObject({ id: first!.id, deduplicated: true });
    const stored = await db().doc(`orgs/${w.orgId}/issues/${first!.id}`).get();
    expect(stored.get("title")).toBe("TypeError: Cannot read properties of undefined (reading 'token')");
    expect(stored.get("type")).toBe("bug");
    expect(stored.get("description")).toContain("at chargeCard (/srv/checkout/src/settlement.js:4:");
    expect(await issuesWithFingerprint(stored.get("fingerprint") as string)).toHaveLength(1);
  });

  it("retries a lost response under the same Idempotency-Key, and the API replays it: one issue", async () => {
    // A proxy that lets the first request through to the API and then answers 502 instead of its 201,
    // as a load balancer dropping the answer would.
    const target = new URL(FUNCTION_BASE);
    const seen: { key: string | undefined; status: number; replayed: string | undefined }[] = [];
    const proxy = createServer((req, res) => {
      const upstream = httpRequest(
        {
          host: target.hostname,
          port: target.port,
          method: req.method,
          path: `${target.pathname}${req.url!.replace(/^\/api\/v1/, "")}`,
          headers: { ...req.headers, host: target.host },
        },
        (answer) => {
          const chunks: Buffer[] = [];
          answer.on("data", (chunk: Buffer) => chunks.push(chunk));
          answer.on("end", () => {
            seen.push({
              key: req.headers["idempotency-key"] as string | undefined,
              status: answer.statusCode!,
              replayed: answer.headers["idempotent-replayed"] as string | undefined,
            });
            if (seen.length === 1) {
              res.writeHead(502).end();
              return;
            }
            res.writeHead(answer.statusCode!, answer.headers).end(Buffer.concat(chunks));
          });
        },
      );
      req.pipe(upstream);
    });
    await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
    try {
      const client = tracker({
        baseUrl: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/api/v1`,
        backoff: { initialMs: 50, maxMs: 100 },
      });
      const title = `Lost answer ${Date.now()}`;
      void client.logIssue({ title });
      expect(await client.flush(60_000)).toBe(true);
      expect(seen.map((s) => s.status)).toEqual([201, 201]);
      expect(seen[1]!.replayed).toBe("true");
      expect(seen[1]!.key).toBe(seen[0]!.key);
      expect((await db().collection(`orgs/${w.orgId}/issues`).where("title", "==", title).get()).size).toBe(1);
      expect(client.stats()).toMatchObject({ sent: 1, retried: 1, dropped: 0 });
    } finally {
      await new Promise((resolve) => proxy.close(resolve));
    }
  });

  it("comments and moves the status by issue number; a refused report is dropped with the API's reason", async () => {
    const client = tracker();
    const reasons: unknown[] = [];
    const logged = await client.logIssue({ title: "Nightly export failed" });
    expect(await client.addComment(logged!.number!, "Retried at 02:00, failed again")).toMatchObject({
      id: expect.any(String),
    });
    expect(await client.updateStatus(logged!.number!, "in_progress", "Looking into it")).toMatchObject({
      id: logged!.id,
      status: "in_progress",
    });
    const stored = await db().doc(`orgs/${w.orgId}/issues/${logged!.id}`).get();
    expect(stored.get("status")).toBe("in_progress");

    const strict = tracker({ onDrop: (_report, reason) => void reasons.push(reason) });
    expect(await strict.updateStatus(logged!.id, "open")).toBeNull();
    expect(reasons).toEqual([expect.objectContaining({ code: "rejected", status: 409 })]);
    // The API keeps person-only rules: a key may not post an issue for an org it does not belong to.
    const elsewhere = tracker({ orgId: w.otherOrgId, onDrop: (_report, reason) => void reasons.push(reason) });
    expect(await elsewhere.logIssue({ title: "Wrong org" })).toBeNull();
    expect(reasons[1]).toMatchObject({ code: "rejected", status: 404 });
    const list = await call("GET", `/orgs/${w.orgId}/issues?service=workflow-consumer&limit=100`, {
      token: w.agent.token,
    });
    expect(
      list.body.data.every(
        (issue: { reporter: { service?: string } }) => issue.reporter.service === "workflow-consumer",
      ),
    ).toBe(true);
    expect(list.body.data.map((issue: { id: string }) => issue.id)).toContain(logged!.id);
  });

  it("resolves through …/resolve: the note becomes the public resolution the customer reads", async () => {
    const client = tracker();
    const logged = await client.logIssue({ title: `Consumer lag ${Date.now()}` });
    const resolved = await client.updateStatus(logged!.number!, "resolved", "Scaled the consumer to 4 replicas");
    expect(resolved).toEqual({ id: logged!.id, number: logged!.number, status: "resolved" });
    const stored = await db().doc(`orgs/${w.orgId}/issues/${logged!.id}`).get();
    expect(stored.get("status")).toBe("resolved");
    expect(stored.get("resolution")).toMatchObject({ notes: "Scaled the consumer to 4 replicas" });
    // Not an internal note: the thread holds no comment from the resolve.
    const comments = await call("GET", `/orgs/${w.orgId}/issues/${logged!.id}/comments`, { token: w.agent.token });
    expect(comments.body.data).toEqual([]);
    expect(client.stats()).toMatchObject({ sent: 2, dropped: 0, errors: 0 });
  });

  it("reports a call the API finds malformed (422) through onError, apart from drops", async () => {
    const drops: unknown[] = [];
    const errors: unknown[] = [];
    const client = tracker({
      onDrop: (_report, reason) => void drops.push(reason),
      onError: (_report, error) => void errors.push(error),
    });
    expect(await client.logIssue({ title: "x".repeat(201) })).toBeNull();
    expect(errors).toEqual([
      expect.objectContaining({ status: 422, errors: [expect.objectContaining({ path: "title" })] }),
    ]);
    expect(drops).toEqual([]);
    expect(client.stats()).toMatchObject({ sent: 0, dropped: 0, errors: 1 });
  });
});
