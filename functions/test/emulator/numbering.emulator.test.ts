import firebaseFunctionsTest from "firebase-functions-test";
import { Timestamp } from "firebase-admin/firestore";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { numberIssueOnCreate } from "../../src/events/numberIssueOnCreate";
import { sweepUnnumberedIssues } from "../../src/events/numberingSweeper";
import { call, db, FUNCTION_BASE, newOrg, newUser, withTriggersPaused, startLocalApp } from "./helpers";

const year = new Date().getUTCFullYear();
const fft = firebaseFunctionsTest({ projectId: "demo-firetrack" });
afterAll(() => fft.cleanup());

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const DEPLOYED_BURST = 6;

/**
 * The numbers follow creation: an issue created before another never gets a higher number.
 * "Before" leaves the emulator 1 s: it stamps concurrent commits' server timestamps in an
 * order that can differ from the order they become visible to queries: in some runs two
 * issues committed within the same moment came out swapped (Firestore itself orders commits
 * and their timestamps alike). Any allocator that numbered by batch
 * or by id would be off by far more.
 */
async function expectNumberedInCreatedOrder(orgId: string, expected: string[]) {
  const SKEW_MS = 1_000;
  const snapshot = await db().collection(`orgs/${orgId}/issues`).get();
  const rows = snapshot.docs
    .map((doc) => ({ number: doc.get("number") as string, createdAt: (doc.get("createdAt") as Timestamp).toMillis() }))
    .sort((a, b) => (a.number < b.number ? -1 : 1));
  expect(rows.map((row) => row.number)).toEqual(expected);
  let latest = -Infinity;
  for (const row of rows) {
    expect(
      row.createdAt,
      `${row.number} was created more than ${SKEW_MS} ms before an issue with a lower number`,
    ).toBeGreaterThanOrEqual(latest - SKEW_MS);
    latest = Math.max(latest, row.createdAt);
  }
}

async function numbersInCreatedOrder(orgId: string) {
  const snapshot = await db().collection(`orgs/${orgId}/issues`).orderBy("createdAt").get();
  return snapshot.docs.map((doc) => ({
    id: doc.id,
    number: doc.get("number") as string | null,
    seq: doc.get("seq") as number,
  }));
}

async function burst(base: string, orgId: string, token: string, count: number) {
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const started = performance.now();
      const response = await call("POST", `/orgs/${orgId}/issues`, {
        token,
        body: { title: `Burst issue ${i}` },
        base,
      });
      return { response, ms: performance.now() - started };
    }),
  );
}

function expectGapFree(results: Awaited<ReturnType<typeof burst>>, count: number) {
  for (const { response } of results) expect(response.status, JSON.stringify(response.body)).toBe(201);
  const expected = Array.from({ length: count }, (_, i) => `ISS-${year}-${String(i + 1).padStart(4, "0")}`);
  expect(results.map(({ response }) => response.body.number).sort()).toEqual(expected);
  return expected;
}

describe("burst numbering", () => {
  let local: Awaited<ReturnType<typeof startLocalApp>>;
  beforeAll(async () => {
    local = await startLocalApp();
  });
  afterAll(() => local.close());

  // The Functions emulator starts one Node process per concurrent request (about
  // half a CPU-second each), so 200 at once cannot start on a 2-core machine
  // before its 30 s load timeout. The burst therefore drives the same Express
  // app in this process, against the real Auth and Firestore emulators, with the
  // real numbering trigger running in the Functions emulator beside it.
  it("numbers 200 concurrent creates 0001..0200 with no gaps, while a second org counts on its own", async () => {
    const [ownerA, ownerB] = await Promise.all([newUser("burst-a"), newUser("burst-b")]);
    const [orgA, orgB] = await Promise.all([newOrg(ownerA, "Burst A"), newOrg(ownerB, "Burst B")]);

    const started = performance.now();
    const [resultsA, resultsB] = await Promise.all([
      burst(local.base, orgA, ownerA.token, 200),
      burst(local.base, orgB, ownerB.token, 40),
    ]);
    const wallMs = performance.now() - started;

    const expectedA = expectGapFree(resultsA, 200);
    expectGapFree(resultsB, 40);
    // Commit order: the issue created first has the lowest number.
    await expectNumberedInCreatedOrder(orgA, expectedA);

    const counterA = await db().doc(`orgs/${orgA}/counters/issues_${year}`).get();
    const counterB = await db().doc(`orgs/${orgB}/counters/issues_${year}`).get();
    expect(counterA.get("next")).toBe(201);
    expect(counterB.get("next")).toBe(41);
    expect((await db().doc(`orgs/${orgA}/counters/numbering_lease`).get()).exists).toBe(false);

    const latencies = resultsA.map(({ ms }) => ms);
    console.log(
      `[burst] 200 creates (+40 in a second org), in-process app: wall ${Math.round(wallMs)} ms, ` +
        `p50 ${Math.round(percentile(latencies, 50))} ms, p95 ${Math.round(percentile(latencies, 95))} ms, ` +
        `counter transactions ${counterA.get("transactions")} (org A), ${counterB.get("transactions")} (org B)`,
    );
  });

  it("numbers a concurrent burst sent to the deployed function", async () => {
    const owner = await newUser("burst-fn");
    const orgId = await newOrg(owner, "Burst Function");
    const started = performance.now();
    // The Functions emulator starts one worker process per concurrent request; on 2 loaded cores a dozen
    // of them time out loading ("Failed to load function"). Six still race on the counter; the
    // in-process bursts above carry the large numbers.
    const results = await burst(FUNCTION_BASE, orgId, owner.token, DEPLOYED_BURST);
    const wallMs = performance.now() - started;
    const expected = expectGapFree(results, DEPLOYED_BURST);
    await expectNumberedInCreatedOrder(orgId, expected);
    const latencies = results.map(({ ms }) => ms);
    console.log(
      `[burst] ${DEPLOYED_BURST} creates through function api: wall ${Math.round(wallMs)} ms, p95 ${Math.round(percentile(latencies, 95))} ms`,
    );
  });

  it("counts per year: issues created in two years get two sequences", async () => {
    const owner = await newUser("years");
    const orgId = await newOrg(owner, "Years Org");
    const lastYear = year - 1;
    const issues = db().collection(`orgs/${orgId}/issues`);
    // An import from last December, written straight to Firestore as Linear or an import would.
    for (const [i, iso] of [`${lastYear}-12-31T23:59:58Z`, `${lastYear}-12-31T23:59:59.500Z`].entries()) {
      await issues.add({
        orgId,
        title: `Imported ${i}`,
        number: null,
        seq: null,
        year: null,
        createdAt: Timestamp.fromDate(new Date(iso)),
        deleted: false,
        reporter: { uid: owner.uid, name: owner.name, kind: "member" },
        version: 1,
      });
    }
    const created = await call("POST", `/orgs/${orgId}/issues`, { token: owner.token, body: { title: "This year" } });
    expect(created.status).toBe(201);
    expect(created.body.number).toBe(`ISS-${year}-0001`);

    const stored = await numbersInCreatedOrder(orgId);
    expect(stored.map((row) => row.number)).toEqual([
      `ISS-${lastYear}-0001`,
      `ISS-${lastYear}-0002`,
      `ISS-${year}-0001`,
    ]);
    expect((await db().doc(`orgs/${orgId}/counters/issues_${lastYear}`).get()).get("next")).toBe(3);
    expect((await db().doc(`orgs/${orgId}/counters/issues_${year}`).get()).get("next")).toBe(2);
  });
});

function rawIssue(orgId: string, title: string, createdAt = Timestamp.now()) {
  return { orgId, title, number: null, seq: null, year: null, createdAt, deleted: false, version: 1 };
}

describe("numbering trigger", () => {
  it("numbers an issue written straight to Firestore, without the API", async () => {
    const owner = await newUser("direct");
    const orgId = await newOrg(owner, "Direct Org");
    const ref = await db().collection(`orgs/${orgId}/issues`).add(rawIssue(orgId, "Imported from elsewhere"));
    let number: string | null = null;
    // A generous deadline: the issue triggers of the bursts above may still be busy in the emulator.
    for (let i = 0; i < 600 && !number; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      number = (await ref.get()).get("number");
    }
    expect(number).toBe(`ISS-${year}-0001`);
  });

  it("numbers nothing twice when the same event arrives twice", async () => {
    const owner = await newUser("trigger");
    const orgId = await newOrg(owner, "Trigger Org");
    const wrapped = fft.wrap(numberIssueOnCreate);
    await withTriggersPaused(async () => {
      const refs = [];
      for (let i = 0; i < 3; i++) {
        const ref = db().collection(`orgs/${orgId}/issues`).doc();
        await ref.set(rawIssue(orgId, `Raw ${i}`, Timestamp.fromMillis(Date.now() + i)));
        refs.push(ref);
      }
      const last = refs[2]!;
      const event = {
        data: fft.firestore.makeDocumentSnapshot((await last.get()).data()!, last.path),
        params: { orgId, issueId: last.id },
      };

      await wrapped(event);
      const afterFirst = await Promise.all(refs.map(async (ref) => (await ref.get()).get("number")));
      expect(afterFirst).toEqual([1, 2, 3].map((n) => `ISS-${year}-000${n}`));
      const counter = db().doc(`orgs/${orgId}/counters/issues_${year}`);
      expect((await counter.get()).data()).toMatchObject({ next: 4, transactions: 1 });

      // The same event again, once alone and twice at the same time.
      await wrapped(event);
      await Promise.all([wrapped(event), wrapped(event)]);
      const afterRepeats = await Promise.all(refs.map(async (ref) => (await ref.get()).data()));
      expect(afterRepeats.map((data) => data!.number)).toEqual(afterFirst);
      expect(afterRepeats.map((data) => data!.version)).toEqual([2, 2, 2]);
      expect((await counter.get()).data()).toMatchObject({ next: 4, transactions: 1 });
    });
  });

  it("numbers an issue written without a number field (an import), once for the same event twice", async () => {
    const owner = await newUser("import");
    const orgId = await newOrg(owner, "Import Org");
    const wrapped = fft.wrap(numberIssueOnCreate);
    await withTriggersPaused(async () => {
      const ref = db().collection(`orgs/${orgId}/issues`).doc();
      const { number: _n, seq: _s, year: _y, ...imported } = rawIssue(orgId, "From the old tracker");
      await ref.set(imported);
      const event = {
        data: fft.firestore.makeDocumentSnapshot(imported, ref.path),
        params: { orgId, issueId: ref.id },
      };
      await wrapped(event);
      await wrapped(event);
      const numbered = (await ref.get()).data()!;
      expect(numbered, JSON.stringify(numbered)).toMatchObject({
        number: `ISS-${year}-0001`,
        seq: 1,
        year,
        version: 2,
      });
      expect((await db().doc(`orgs/${orgId}/counters/issues_${year}`).get()).get("next")).toBe(2);
    });
  });

  it("quarantines an issue whose createdAt is not a timestamp, and numbers the org's creates all the same", async () => {
    const owner = await newUser("quarantine");
    const orgId = await newOrg(owner, "Quarantine Org");
    const wrapped = fft.wrap(numberIssueOnCreate);
    await withTriggersPaused(async () => {
      // One queued by an importer that wrote number: null, one written with no number at all.
      const queued = db().collection(`orgs/${orgId}/issues`).doc();
      await queued.set({ ...rawIssue(orgId, "Bad date, queued"), createdAt: "2026-01-05" });
      const unqueued = db().collection(`orgs/${orgId}/issues`).doc();
      const { number: _n, ...noNumber } = { ...rawIssue(orgId, "Bad date, no number"), createdAt: null };
      await unqueued.set(noNumber);

      const created = await call("POST", `/orgs/${orgId}/issues`, {
        token: owner.token,
        body: { title: "Created after the bad import" },
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      expect(created.body.number).toBe(`ISS-${year}-0001`);
      const stuck = (await queued.get()).data()!;
      expect(stuck.numberingError).toBe("createdAt is not a timestamp");
      expect("number" in stuck, JSON.stringify(stuck)).toBe(false);

      const event = {
        data: fft.firestore.makeDocumentSnapshot(noNumber, unqueued.path),
        params: { orgId, issueId: unqueued.id },
      };
      await wrapped(event);
      await wrapped(event);
      const other = (await unqueued.get()).data()!;
      expect(other, JSON.stringify(other)).toMatchObject({ numberingError: "createdAt is not a timestamp" });
      expect("number" in other).toBe(false);
      expect((await db().doc(`orgs/${orgId}/counters/issues_${year}`).get()).get("next")).toBe(2);
    });
  });
});

describe("numbering sweeper", () => {
  it("numbers stragglers left behind a dead lease holder, and does nothing the second time", async () => {
    const owner = await newUser("sweeper");
    const orgId = await newOrg(owner, "Sweeper Org");
    await withTriggersPaused(async () => {
      // A holder that died two minutes ago, and the issues it never numbered.
      await db()
        .doc(`orgs/${orgId}/counters/numbering_lease`)
        .set({
          holder: "dead-instance",
          expiresAt: Timestamp.fromMillis(Date.now() - 120_000),
        });
      const refs = await Promise.all(
        [0, 1].map((i) =>
          db()
            .collection(`orgs/${orgId}/issues`)
            .add(rawIssue(orgId, `Stranded ${i}`, Timestamp.fromMillis(Date.now() + i))),
        ),
      );
      const first = await sweepUnnumberedIssues(db());
      expect(first.numbered).toBeGreaterThanOrEqual(2);
      expect(await Promise.all(refs.map(async (ref) => (await ref.get()).get("number")))).toEqual([
        `ISS-${year}-0001`,
        `ISS-${year}-0002`,
      ]);
      expect((await db().doc(`orgs/${orgId}/counters/numbering_lease`).get()).exists).toBe(false);

      const second = await sweepUnnumberedIssues(db());
      expect(second.numbered).toBe(0);
      expect((await db().doc(`orgs/${orgId}/counters/issues_${year}`).get()).get("next")).toBe(3);
    });
  });

  it("numbers every other org when one org's numbering fails", async () => {
    const [ownerA, ownerB] = await Promise.all([newUser("broken"), newUser("healthy")]);
    const [broken, healthy] = [await newOrg(ownerA, "Broken Org"), await newOrg(ownerB, "Healthy Org")];
    const counter = db().doc(`orgs/${broken}/counters/issues_${year}`);
    await withTriggersPaused(async () => {
      await counter.set({ next: "seven" });
      const [inBroken, inHealthy] = await Promise.all([
        db().collection(`orgs/${broken}/issues`).add(rawIssue(broken, "Waits on a corrupt counter")),
        db().collection(`orgs/${healthy}/issues`).add(rawIssue(healthy, "Straggler")),
      ]);
      try {
        const result = await sweepUnnumberedIssues(db());
        expect(result.failed).toContain(broken);
        expect(result.failed).not.toContain(healthy);
        expect((await inHealthy.get()).get("number")).toBe(`ISS-${year}-0001`);
        expect((await inBroken.get()).get("number")).toBeNull();
      } finally {
        // Later suites sweep every org: leave nothing broken behind.
        await Promise.all([counter.delete(), inBroken.delete()]);
      }
    });
  });

  it("leaves a live lease alone", async () => {
    const owner = await newUser("sweeper-live");
    const orgId = await newOrg(owner, "Live Lease Org");
    await withTriggersPaused(async () => {
      const lease = db().doc(`orgs/${orgId}/counters/numbering_lease`);
      await lease.set({ holder: "busy-instance", expiresAt: Timestamp.fromMillis(Date.now() + 60_000) });
      const ref = await db().collection(`orgs/${orgId}/issues`).add(rawIssue(orgId, "Waiting"));
      await sweepUnnumberedIssues(db());
      expect((await ref.get()).get("number")).toBeNull();
      expect((await lease.get()).get("holder")).toBe("busy-instance");
      await lease.delete();
      await sweepUnnumberedIssues(db());
      expect((await ref.get()).get("number")).toBe(`ISS-${year}-0001`);
    });
  });
});
