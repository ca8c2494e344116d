/**
 * Statistics stay exact under a burst: 300 creates, 300 concurrent status
 * changes and a bulk edit, written straight to Firestore as the API writes
 * them, with the real triggers running in the Functions emulator. Then the
 * counters must equal the count() truth.
 *
 * Pacing: the Functions emulator starts one Node process per concurrent
 * trigger invocation (about half a CPU-second each, and it gives up on a
 * worker after 30 s). 300 writes at once fire ~600 invocations (our trigger
 * and numbering) and cannot start in time on 2 cores, and the emulator does not
 * retry a failed event. So the writes go in waves of WAVE, each wave fully
 * concurrent, the next one sent once the previous one's deltas have landed.
 * Workers stay alive between waves and are reused. Production runs each wave
 * concurrently on as many instances as it needs; the test still checks
 * exactness after interleaved, out-of-order deliveries within each wave.
 */
import { FieldValue, Timestamp } from "firebase-admin/firestore";
import { describe, expect, it } from "vitest";
import { ACTIVE_STATUSES, NOTIFICATION_TYPES, STATUSES } from "../../src/domain";
import { readCounters, readOrgStats, STATS_SHARDS, statsShardRef } from "../../src/store/stats";
import { reconcileOrgStats, statsDrift } from "../../src/store/statsReconcile";
import {
  enqueueReconciliations,
  enqueueStatsReconciliation,
  reconcileQueue,
  reconcileTaskId,
  RECONCILE_EVERY_MS,
  type ReconcileQueue,
} from "../../src/events/statsReconciliation";
import { handleReconcileOrgTask } from "../../src/events/statsReconcileOrg";
import { db, newOrg, newUser, type TestUser } from "./helpers";
import { actorOf, addMemberWithUser, createIssue, waitFor } from "./eventsHelpers";

const COUNT = 300;
const WAVE = Number(process.env.FIRETRACK_STATS_WAVE ?? 50);
const SETTLE_DEADLINE_MS = 240_000;

async function inWaves<T>(
  items: T[],
  run: (item: T, index: number) => Promise<unknown>,
  landed: (done: number) => Promise<boolean>,
) {
  for (let start = 0; start < items.length; start += WAVE) {
    const wave = items.slice(start, start + WAVE);
    await Promise.all(wave.map((item, i) => run(item, start + i)));
    await waitFor(`wave ending at ${start + wave.length}`, async () => landed(start + wave.length), SETTLE_DEADLINE_MS);
  }
}

async function countWhere(orgId: string, field: string, value: unknown) {
  const q = db().collection(`orgs/${orgId}/issues`).where("deleted", "==", false).where(field, "==", value);
  return (await q.count().get()).data().count;
}

describe("stats under a burst", () => {
  it(`equal the count() truth after ${COUNT} creates, ${COUNT} concurrent status changes and a bulk edit`, {
    timeout: 900_000,
  }, async () => {
    const admin = await newUser("stats");
    const orgId = await newOrg(admin, "Stats Burst Org");
    const agents: TestUser[] = await Promise.all([newUser("sa"), newUser("sb"), newUser("sc")]);
    // The agents read their notices in the app: the burst's hundreds of notices send no mail, which would only be
    // load here (mail has suites of its own).
    const noMail = Object.fromEntries(NOTIFICATION_TYPES.map((type) => [type, { email: false }]));
    await Promise.all(agents.map((agent) => addMemberWithUser(orgId, agent, "agent", noMail)));
    const actor = actorOf(admin);
    const issues = db().collection(`orgs/${orgId}/issues`);
    const started = performance.now();

    // 1. Creates, as the API's insertIssue writes them.
    const refs: FirebaseFirestore.DocumentReference[] = [];
    await inWaves(
      Array.from({ length: COUNT }, (_, i) => i),
      async (i) => {
        const priority = (["low", "medium", "high", "urgent", "critical"] as const)[i % 5];
        const source = i % 4 === 0 ? "client" : i % 7 === 0 ? "service" : "internal";
        refs[i] = await createIssue(orgId, actor, `Burst ${i}`, source, {
          priority,
          category: i % 3 === 0 ? "billing" : "general",
          type: i % 2 ? "bug" : "task",
        });
      },
      async (done) => (await readCounters(db(), orgId)).total === done,
    );
    const afterCreates = performance.now();

    // 2. Status changes: a third each to in_progress (assigned), on_hold, resolved.
    const targets = refs.map((_, i) => (["in_progress", "on_hold", "resolved"] as const)[i % 3]!);
    await inWaves(
      refs,
      (ref, i) => {
        const status = targets[i]!;
        const change: Record<string, unknown> = { status };
        if (status === "in_progress") change.assignee = { uid: agents[i % 3]!.uid, name: agents[i % 3]!.name };
        if (status === "resolved") change.resolution = { notes: "Fixed", by: actor, at: Timestamp.now() };
        return ref.update({
          ...change,
          lastActor: actor,
          version: FieldValue.increment(1),
          updatedAt: FieldValue.serverTimestamp(),
        });
      },
      async (done) => {
        const counters = await readCounters(db(), orgId);
        const moved = ["in_progress", "on_hold", "resolved"].reduce(
          (sum, s) => sum + (counters[`byStatus.${s}`] ?? 0),
          0,
        );
        return moved === done;
      },
    );
    const afterStatus = performance.now();

    // 3. A bulk edit, as POST …/issues:bulk will apply it: every even issue becomes urgent, ten are soft-deleted.
    const writer = db().bulkWriter();
    refs.forEach((ref, i) => {
      if (i % 2 === 0)
        writer.update(ref, {
          priority: "urgent",
          lastActor: actor,
          version: FieldValue.increment(1),
          updatedAt: FieldValue.serverTimestamp(),
        });
    });
    for (const ref of refs.slice(0, 10))
      writer.update(ref, {
        deleted: true,
        deletedAt: FieldValue.serverTimestamp(),
        deletedBy: actor,
        lastActor: actor,
        version: FieldValue.increment(1),
      });
    await writer.close();
    const afterBulk = performance.now();

    // Settled: no drift, twice in a row a little apart (a delta in flight would show as drift).
    await waitFor(
      "stats to settle",
      async () => {
        if (Object.keys(await statsDrift(db(), orgId)).length > 0) return false;
        await new Promise((resolve) => setTimeout(resolve, 1500));
        return Object.keys(await statsDrift(db(), orgId)).length === 0;
      },
      SETTLE_DEADLINE_MS,
    );
    const settled = performance.now();
    console.log(
      `[stats burst] waves of ${WAVE}: creates ${Math.round(afterCreates - started)} ms, status changes ` +
        `${Math.round(afterStatus - afterCreates)} ms, bulk edit ${Math.round(afterBulk - afterStatus)} ms, ` +
        `settled ${Math.round(settled - afterBulk)} ms after the bulk edit; total ${Math.round(settled - started)} ms`,
    );

    // The truth, measured independently of the reconciliation code.
    const stats = await readOrgStats(db(), orgId);
    expect(stats.total).toBe(COUNT - 10);
    expect(stats.total).toBe((await issues.where("deleted", "==", false).count().get()).data().count);
    for (const status of STATUSES)
      expect(stats.byStatus[status], status).toBe(await countWhere(orgId, "status", status));
    expect(stats.byPriority.urgent).toBe(await countWhere(orgId, "priority", "urgent"));
    expect(stats.bySource.client).toBe(await countWhere(orgId, "source", "client"));
    for (const agent of agents) {
      const open = await issues
        .where("deleted", "==", false)
        .where("status", "in", [...ACTIVE_STATUSES])
        .where("assignee.uid", "==", agent.uid)
        .count()
        .get();
      expect(stats.openByAssignee[agent.uid] ?? 0).toBe(open.data().count);
    }
    expect(stats.resolution.count).toBe(await countWhere(orgId, "status", "resolved"));
    expect(stats.sla.tracked).toBe(COUNT - 10);
    expect(stats.createdPerDay.at(-1)!.count + stats.createdPerDay.at(-2)!.count).toBe(COUNT - 10);
    // Every issue has exactly one "created" activity.
    const sample = await Promise.all(
      refs.slice(0, 20).map((ref) => ref.collection("activities").where("type", "==", "created").count().get()),
    );
    expect(sample.map((s) => s.data().count)).toEqual(Array(20).fill(1));

    // Reconciliation finds nothing to repair; after a corruption it repairs once, and the next run finds nothing.
    expect((await reconcileOrgStats(db(), orgId, { settleMs: 0 })).drift).toEqual({});
    await statsShardRef(db(), orgId, STATS_SHARDS - 1).set(
      { byStatus: { closed: FieldValue.increment(7) }, total: FieldValue.increment(-3) },
      { merge: true },
    );
    const repaired = await reconcileOrgStats(db(), orgId, { settleMs: 0 });
    expect(repaired).toMatchObject({ repaired: true, drift: { "byStatus.closed": -7, total: 3 } });
    expect((await reconcileOrgStats(db(), orgId, { settleMs: 0 })).drift).toEqual({});
    expect((await readOrgStats(db(), orgId)).total).toBe(COUNT - 10);
  });

  it("reconciliation leaves a drift alone while it is still moving, and prunes days out of the window", async () => {
    const admin = await newUser("recon");
    const orgId = await newOrg(admin, "Reconcile Org");
    await waitFor("org stats at rest", async () => Object.keys(await statsDrift(db(), orgId)).length === 0);
    await statsShardRef(db(), orgId, 0).set(
      { createdByDay: { "2001-01-01": 4 }, total: FieldValue.increment(2) },
      { merge: true },
    );
    // Between the two measurements the drift changes, as a delta in flight would make it.
    const result = await reconcileOrgStats(db(), orgId, {
      settleMs: 0,
      sleep: async () => {
        await statsShardRef(db(), orgId, 1).set({ total: FieldValue.increment(1) }, { merge: true });
      },
    });
    expect(result).toMatchObject({ repaired: false, prunedDays: 1, drift: { total: -3 } });
    expect((await readCounters(db(), orgId))["createdByDay.2001-01-01"]).toBeUndefined();
    // The org's next reconciliation task repairs it, now that it holds still; the same task again changes nothing.
    await handleReconcileOrgTask({ data: { orgId } }, { settleMs: 0 });
    expect(await statsDrift(db(), orgId)).toEqual({});
    const counters = await readCounters(db(), orgId);
    await handleReconcileOrgTask({ data: { orgId } }, { settleMs: 0 });
    expect(await readCounters(db(), orgId)).toEqual(counters);
  });
});

describe("reconciliation, one task per org", () => {
  it("drops a task that names no org, or an org that is gone, without writing anything", async () => {
    for (const data of [{ orgId: "a/b" }, { orgId: ".." }, { org: "x" }, null, { orgId: "no-such-org-anywhere" }]) {
      await handleReconcileOrgTask({ data });
    }
    expect((await db().doc("orgs/no-such-org-anywhere/stats/meta").get()).exists).toBe(false);
  });

  it("puts one task per org on the queue, page by page, named by org and six-hour slot", async () => {
    const admin = await newUser("fanout");
    const orgIds = [await newOrg(admin, "Fan-out A"), await newOrg(admin, "Fan-out B")];
    const enqueued: { orgId: string; id: string }[] = [];
    // Only the queue is stood in for here: the next test sends tasks through the Tasks emulator.
    const recording: ReconcileQueue = {
      enqueue: async (task, options) => {
        enqueued.push({ orgId: task.orgId, id: options!.id! });
      },
    };
    const now = Date.now();
    const result = await enqueueStatsReconciliation(db(), recording, now);
    const everyOrg = (await db().collection("orgs").select().get()).docs.map((doc) => doc.id);
    expect(result.enqueued).toBe(everyOrg.length);
    expect(enqueued.map((task) => task.orgId).sort()).toEqual([...everyOrg].sort());
    for (const orgId of orgIds) expect(enqueued).toContainEqual({ orgId, id: reconcileTaskId(orgId, now) });
    expect(new Set(enqueued.map((task) => task.id)).size).toBe(enqueued.length);
    expect(reconcileTaskId(orgIds[0]!, now)).toMatch(/^[A-Za-z0-9_-]{1,500}$/);
    expect(reconcileTaskId(orgIds[0]!, now + RECONCILE_EVERY_MS)).not.toBe(reconcileTaskId(orgIds[0]!, now));
  });

  it("runs an org's task through the Tasks emulator, and enqueues it only once per slot", async () => {
    const admin = await newUser("queued");
    const orgId = await newOrg(admin, "Queued Org");
    await waitFor("org stats at rest", async () => Object.keys(await statsDrift(db(), orgId)).length === 0);
    const meta = db().doc(`orgs/${orgId}/stats/meta`);
    expect((await meta.get()).exists).toBe(false);
    const now = Date.now();
    expect(await enqueueReconciliations(reconcileQueue(), [orgId], now)).toEqual({
      enqueued: 1,
      duplicates: 0,
      failed: [],
    });
    expect(await enqueueReconciliations(reconcileQueue(), [orgId], now)).toEqual({
      enqueued: 0,
      duplicates: 1,
      failed: [],
    });
    const reconciled = await waitFor(
      "the task's reconciliation",
      async () => {
        const snapshot = await meta.get();
        return snapshot.exists ? snapshot.data() : null;
      },
      110_000,
    );
    expect(reconciled).toMatchObject({ repaired: false, lastDrift: {}, shards: STATS_SHARDS });
  });

  it("counts by service, and reconciliation finds services it holds no counter for", async () => {
    const admin = await newUser("svc");
    const orgId = await newOrg(admin, "Service Stats Org");
    const service = { uid: "apikey:k1", name: "Key", kind: "service" as const };
    await Promise.all([
      createIssue(orgId, service, "One", "service", { service: "billing.worker" }),
      createIssue(orgId, service, "Two", "service", { service: "billing.worker" }),
      createIssue(orgId, service, "Three", "service", { service: "billing_worker" }),
      createIssue(orgId, service, "Four", "service"),
    ]);
    // Settled: creates and the derived-field writes after them all counted.
    await waitFor(
      "creates counted",
      async () =>
        Object.keys(await statsDrift(db(), orgId)).length === 0 && (await readCounters(db(), orgId)).total === 4,
    );
    expect((await readOrgStats(db(), orgId)).byService).toEqual({ "billing.worker": 2, billing_worker: 1 });

    // Lost deltas: the counters know no service at all, and one that has no issue.
    for (let shard = 0; shard < STATS_SHARDS; shard++)
      await statsShardRef(db(), orgId, shard).set({ byService: FieldValue.delete() }, { merge: true });
    await statsShardRef(db(), orgId, 0).set({ byService: { ghost: 5 } }, { merge: true });
    const repaired = await reconcileOrgStats(db(), orgId, { settleMs: 0 });
    expect(repaired).toMatchObject({
      repaired: true,
      drift: { "byService.billing%2Eworker": 2, "byService.billing_worker": 1, "byService.ghost": -5 },
    });
    expect((await readOrgStats(db(), orgId)).byService).toEqual({ "billing.worker": 2, billing_worker: 1 });
    expect(await statsDrift(db(), orgId)).toEqual({});
  });
});
