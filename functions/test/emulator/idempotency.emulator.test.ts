/**
 * Idempotency-Key: the claim is a lease, a failed store releases the key, and
 * answers beyond Firestore's 1 MiB document limit are kept and replayed. The
 * HTTP cases drive the same Express app in this process (as the burst suites
 * do), so a test can hand it a store that fails on purpose.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claimIdempotencyKey, idempotencyRecordId, type IdempotencyScope } from "../../src/store/idempotency";
import type { IdempotencyStore } from "../../src/api/idempotency";
import {
  call,
  db,
  expectProblem,
  issueCount,
  newOrg,
  newUser,
  startLocalApp,
  withTriggersPaused,
  type TestUser,
} from "./helpers";
import { actorOf, createIssue } from "./eventsHelpers";

let admin: TestUser;
let orgId: string;
let local: Awaited<ReturnType<typeof startLocalApp>>;

beforeAll(async () => {
  admin = await newUser("idem");
  orgId = await newOrg(admin, "Idempotency Org");
  local = await startLocalApp();
});
afterAll(() => local.close());

const scopeOf = (key: string, path = `/orgs/${orgId}/issues`): IdempotencyScope => ({
  callerUid: admin.uid,
  method: "POST",
  path,
  key,
});
const record = (scope: IdempotencyScope) => db().collection("idempotencyKeys").doc(idempotencyRecordId(scope));

describe("the claim is a lease", () => {
  it("passes a dead owner's key to the next request once the lease runs out, and keeps only the new owner's answer", async () => {
    const scope = scopeOf(`lease-${randomUUID()}`);
    // A dead instance renews nothing.
    const dead = await claimIdempotencyKey(db(), scope, { title: "x" }, { leaseMs: 300, renew: false });
    expect(dead.kind).toBe("owner");
    const next = await claimIdempotencyKey(db(), scope, { title: "x" }, { leaseMs: 300, waitMs: 5_000 });
    expect(next.kind).toBe("owner");
    if (dead.kind !== "owner" || next.kind !== "owner") return;
    // The first owner comes back to life too late: its answer is not kept.
    expect(await dead.complete({ status: 201, body: { id: "first" }, location: null })).toBe("lost");
    expect(await next.complete({ status: 201, body: { id: "second" }, location: "/x" })).toBe("stored");
    const replay = await claimIdempotencyKey(db(), scope, { title: "x" });
    expect(replay).toEqual({ kind: "replay", response: { status: 201, body: { id: "second" }, location: "/x" } });
  });

  it("keeps a live owner's claim: a duplicate within the lease waits and is told to retry", async () => {
    const scope = scopeOf(`live-${randomUUID()}`);
    const live = await claimIdempotencyKey(db(), scope, { title: "x" });
    const duplicate = await claimIdempotencyKey(db(), scope, { title: "x" }, { waitMs: 500 });
    expect(duplicate.kind).toBe("busy");
    if (live.kind === "owner") await live.release();
    expect((await record(scope).get()).exists).toBe(false);
  });

  it("answers a retry after the instance died with the request run, not 409", async () => {
    const key = `dead-${randomUUID()}`;
    const body = { title: "Sent just before the instance died" };
    // What a dead instance leaves behind: a pending claim that nobody will complete.
    const dead = await claimIdempotencyKey(db(), scopeOf(key), body, { leaseMs: 1, renew: false });
    expect(dead.kind).toBe("owner");
    const before = await issueCount(orgId);
    const started = Date.now();
    const retry = await call("POST", `/orgs/${orgId}/issues`, {
      token: admin.token,
      body,
      headers: { "idempotency-key": key },
      base: local.base,
    });
    expect(retry.status, JSON.stringify(retry.body)).toBe(201);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(await issueCount(orgId)).toBe(before + 1);
    const again = await call("POST", `/orgs/${orgId}/issues`, {
      token: admin.token,
      body,
      headers: { "idempotency-key": key },
      base: local.base,
    });
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.body.id).toBe(retry.body.id);
  });
});

describe("keeping the answer", () => {
  it("keeps a bulk answer over 1 MiB and replays it exactly", { timeout: 300_000 }, async () => {
    await withTriggersPaused(async () => {
      // Descriptions of random text, which gzip cannot shrink much: the answer needs several pieces.
      const refs = await Promise.all(
        Array.from({ length: 70 }, (_, i) =>
          createIssue(orgId, actorOf(admin), `Bulk ${i}`, "internal", {
            description: randomBytes(15_000).toString("base64").slice(0, 20_000),
          }),
        ),
      );
      const key = `bulk-${randomUUID()}`;
      const request = { ids: refs.map((ref) => ref.id), change: { priority: "high" } };
      const first = await call("POST", `/orgs/${orgId}/issues:bulk`, {
        token: admin.token,
        body: request,
        headers: { "idempotency-key": key },
        base: local.base,
      });
      expect(first.status, JSON.stringify(first.body).slice(0, 300)).toBe(200);
      expect(JSON.stringify(first.body).length).toBeGreaterThan(1024 * 1024);
      const stored = (await record(scopeOf(key, `/orgs/${orgId}/issues:bulk`)).get()).data();
      expect(stored?.state).toBe("done");
      expect(stored?.response.chunks).toBeGreaterThan(1);

      const replay = await call("POST", `/orgs/${orgId}/issues:bulk`, {
        token: admin.token,
        body: request,
        headers: { "idempotency-key": key },
        base: local.base,
      });
      expect(replay.status).toBe(200);
      expect(replay.headers.get("idempotent-replayed")).toBe("true");
      expect(replay.body).toEqual(first.body);
    });
  });

  it("releases the key when the answer cannot be kept: the answer still goes out, and a retry runs again", async () => {
    const failing: IdempotencyStore = {
      claim: async (scope, body) => {
        const claim = await claimIdempotencyKey(db(), scope, body);
        if (claim.kind !== "owner") return claim;
        return {
          ...claim,
          complete: async () => Promise.reject(Object.assign(new Error("storage refused"), { code: 3 })),
        };
      },
    };
    const flaky = await startLocalApp({ idempotency: failing });
    try {
      const key = `unkept-${randomUUID()}`;
      const body = { title: "Answer not kept" };
      const first = await call("POST", `/orgs/${orgId}/issues`, {
        token: admin.token,
        body,
        headers: { "idempotency-key": key },
        base: flaky.base,
      });
      expect(first.status).toBe(201);
      expect((await record(scopeOf(key)).get()).exists).toBe(false);
      const retry = await call("POST", `/orgs/${orgId}/issues`, {
        token: admin.token,
        body,
        headers: { "idempotency-key": key },
        base: local.base,
      });
      expect(retry.status, JSON.stringify(retry.body)).toBe(201);
      expect(retry.headers.get("idempotent-replayed")).toBeNull();
    } finally {
      await flaky.close();
    }
  });

  it("keeps nothing for a refused request and a different body is still a 422", async () => {
    const key = `refused-${randomUUID()}`;
    expectProblem(
      await call("POST", `/orgs/${orgId}/issues`, {
        token: admin.token,
        body: { title: "" },
        headers: { "idempotency-key": key },
        base: local.base,
      }),
      422,
    );
    expect((await record(scopeOf(key)).get()).exists).toBe(false);
    const ok = await call("POST", `/orgs/${orgId}/issues`, {
      token: admin.token,
      body: { title: "Fixed" },
      headers: { "idempotency-key": key },
      base: local.base,
    });
    expect(ok.status).toBe(201);
    expectProblem(
      await call("POST", `/orgs/${orgId}/issues`, {
        token: admin.token,
        body: { title: "Other" },
        headers: { "idempotency-key": key },
        base: local.base,
      }),
      422,
    );
  });
});
