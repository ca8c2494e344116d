/**
 * Admin hard delete (DELETE …/issues/{id}?permanent=true), for erasure requests: the
 * issue goes with its thread and every copy of its content; its number stays used and
 * the statistics stay exact, however often the delete event is delivered.
 */
import { afterAll, describe, expect, it } from "vitest";
import { handleIssueWritten } from "../../src/events/onIssueWritten";
import { fingerprintRef } from "../../src/store/fingerprints";
import { readCounters } from "../../src/store/stats";
import { statsDrift } from "../../src/store/statsReconcile";
import { addMember, call, db, expectProblem, newOrg, newUser, withTriggersPaused, type TestUser } from "./helpers";
import { fft, waitFor, writtenEvent } from "./eventsHelpers";

afterAll(() => fft.cleanup());

async function smallOrg(name: string) {
  const [admin, agent, customer, stranger] = (await Promise.all(
    ["admin", "agent", "customer", "stranger"].map((label) => newUser(label)),
  )) as TestUser[];
  const orgId = await newOrg(admin!, name);
  await Promise.all([addMember(orgId, agent!, "agent"), addMember(orgId, customer!, "customer")]);
  const key = (await call("POST", `/orgs/${orgId}/api-keys`, { token: admin!.token, body: { name: "Logger" } })).body
    .key as string;
  return { orgId, admin: admin!, agent: agent!, customer: customer!, stranger: stranger!, key };
}

const erase = (orgId: string, id: string, token: string) =>
  call("DELETE", `/orgs/${orgId}/issues/${id}?permanent=true`, { token });

describe("hard delete", () => {
  it("erases the issue, its thread, the customer's copy, its notifications and mail; only admins may; the number stays used", async () => {
    const o = await smallOrg("Erasure Org");
    // The customer is answered with their projection (issueId); the document has the rest.
    const raisedId = (
      await call("POST", `/orgs/${o.orgId}/issues`, { token: o.customer.token, body: { title: "Please forget me" } })
    ).body.issueId as string;
    const issuePath = `orgs/${o.orgId}/issues/${raisedId}`;
    const raised = { id: raisedId, ...((await db().doc(issuePath).get()).data() as { year: number; seq: number }) };
    for (const internal of [false, true]) {
      await call("POST", `/${issuePath}/comments`, {
        token: o.agent.token,
        body: { body: internal ? "Internal note" : "Looking", internal },
      });
    }
    // Let the triggers finish with it first: activities, the comment count and the "raised" notifications and mail.
    await waitFor("the issue's follow-up", async () => {
      const [issue, activities, notes, mails] = await Promise.all([
        db().doc(issuePath).get(),
        db().collection(`${issuePath}/activities`).count().get(),
        db().collection(`users/${o.admin.uid}/notifications`).where("issueId", "==", raised.id).count().get(),
        db().collection("mail").where("issueId", "==", raised.id).count().get(),
      ]);
      return (
        issue.get("commentCount") === 2 &&
        activities.data().count >= 3 &&
        notes.data().count >= 1 &&
        mails.data().count >= 1
      );
    });
    // The event core keeps the customer's projection; it has to go too.
    const projection = db().doc(`users/${o.customer.uid}/portalIssues/${o.orgId}_${raised.id}`);
    await waitFor("the customer's projection", async () => (await projection.get()).exists);
    // And the events that follow those (the reply's status move, its activity and notices): wait until
    // nothing about the issue has changed for 3 s, so what the erasure leaves is the erasure's doing.
    const footprint = async () =>
      JSON.stringify(
        await Promise.all([
          db()
            .doc(issuePath)
            .get()
            .then((doc) => doc.updateTime?.toMillis()),
          db()
            .collection(`${issuePath}/activities`)
            .count()
            .get()
            .then((count) => count.data().count),
          db()
            .collectionGroup("notifications")
            .where("issueId", "==", raised.id)
            .count()
            .get()
            .then((count) => count.data().count),
          db()
            .collection("mail")
            .where("issueId", "==", raised.id)
            .count()
            .get()
            .then((count) => count.data().count),
          projection.get().then((doc) => doc.updateTime?.toMillis()),
        ]),
      );
    let last = "";
    let since = Date.now();
    await waitFor(
      "the issue's events to settle",
      async () => {
        const now = await footprint();
        if (now !== last) [last, since] = [now, Date.now()];
        return Date.now() - since >= 3_000;
      },
      120_000,
    );

    // Visibility first (404), then permission (403); nothing changes.
    expectProblem(await erase(o.orgId, raised.id, o.agent.token), 403);
    expectProblem(await erase(o.orgId, raised.id, o.customer.token), 403);
    expectProblem(await erase(o.orgId, raised.id, o.key), 403);
    expectProblem(await erase(o.orgId, raised.id, o.stranger.token), 404);
    expect((await db().doc(issuePath).get()).exists).toBe(true);
    expectProblem(await call("DELETE", `/${issuePath}?permanent=yes`, { token: o.admin.token }), 422);

    const counter = db().doc(`orgs/${o.orgId}/counters/issues_${raised.year}`);
    const nextBefore = (await counter.get()).get("next");
    const erased = await erase(o.orgId, raised.id, o.admin.token);
    expect(erased.status).toBe(204);
    expect(erased.body).toBeNull();

    expect((await db().doc(issuePath).get()).exists).toBe(false);
    expect((await db().collection(`${issuePath}/comments`).get()).size).toBe(0);
    expect((await db().collection(`${issuePath}/activities`).get()).size).toBe(0);
    expect((await projection.get()).exists).toBe(false);
    expect((await db().collectionGroup("notifications").where("issueId", "==", raised.id).get()).size).toBe(0);
    expect((await db().collection("mail").where("issueId", "==", raised.id).get()).size).toBe(0);
    expectProblem(await call("GET", `/${issuePath}`, { token: o.admin.token }), 404);
    expectProblem(await erase(o.orgId, raised.id, o.admin.token), 404);

    // The number stays used: the counter did not move back, and the next issue gets the one after.
    expect((await counter.get()).get("next")).toBe(nextBefore);
    const next = (
      await call("POST", `/orgs/${o.orgId}/issues`, { token: o.agent.token, body: { title: "After the erasure" } })
    ).body;
    expect(next.seq).toBe(raised.seq + 1);
  });

  it("removes the fingerprint pointer when it points at the erased issue, and only then", async () => {
    const o = await smallOrg("Erasure Fingerprints");
    const log = (fingerprint: string) =>
      call("POST", `/orgs/${o.orgId}/issues`, { token: o.key, body: { title: "Disk full", fingerprint } });
    const pointerTo = async (fingerprint: string) =>
      (await fingerprintRef(db(), o.orgId, fingerprint).get()).get("issueId") as string | undefined;

    const only = (await log("disk-full-a")).body;
    expect(await pointerTo("disk-full-a")).toBe(only.id);
    expect((await erase(o.orgId, only.id, o.admin.token)).status).toBe(204);
    expect(await pointerTo("disk-full-a")).toBeUndefined();
    // The next report starts a new issue rather than adding to an erased one.
    const fresh = await log("disk-full-a");
    expect(fresh.status).toBe(201);
    expect(fresh.body.id).not.toBe(only.id);

    const old = (await log("disk-full-b")).body;
    await call("POST", `/orgs/${o.orgId}/issues/${old.id}/resolve`, {
      token: o.agent.token,
      body: { notes: "Cleaned up" },
    });
    const newer = (await log("disk-full-b")).body;
    expect(await pointerTo("disk-full-b")).toBe(newer.id);
    expect((await erase(o.orgId, old.id, o.admin.token)).status).toBe(204);
    expect(await pointerTo("disk-full-b")).toBe(newer.id);
  });

  it("keeps statistics equal to count(), and a second delivery of the delete event changes nothing", async () => {
    const o = await smallOrg("Erasure Stats");
    const created: { id: string }[] = [];
    for (const title of ["One", "Two", "Three"]) {
      created.push(
        (await call("POST", `/orgs/${o.orgId}/issues`, { token: o.agent.token, body: { title, priority: "high" } }))
          .body,
      );
    }
    await call("DELETE", `/orgs/${o.orgId}/issues/${created[2]!.id}`, { token: o.agent.token });
    const settled = async () =>
      Object.keys(await statsDrift(db(), o.orgId)).length === 0 && (await readCounters(db(), o.orgId)).total === 2;
    await waitFor("stats to settle", settled);
    const liveCount = async () =>
      (await db().collection(`orgs/${o.orgId}/issues`).where("deleted", "==", false).count().get()).data().count;

    await withTriggersPaused(async () => {
      for (const [issue, eventId, totalAfter] of [
        [created[0]!, `erase-live-${o.orgId}`, 1],
        // Soft-deleted already: it counted for nothing, and its erasure subtracts nothing.
        [created[2]!, `erase-soft-${o.orgId}`, 1],
      ] as const) {
        const ref = db().doc(`orgs/${o.orgId}/issues/${issue.id}`);
        const before = await ref.get();
        expect((await erase(o.orgId, issue.id, o.admin.token)).status).toBe(204);
        const event = writtenEvent(before, await ref.get(), Date.now(), eventId);
        await handleIssueWritten(event as never);
        const once = await readCounters(db(), o.orgId);
        expect(once.total).toBe(totalAfter);
        expect(once.total).toBe(await liveCount());
        expect(await statsDrift(db(), o.orgId)).toEqual({});
        // The same event again: nothing moves.
        await handleIssueWritten(event as never);
        expect(await readCounters(db(), o.orgId)).toEqual(once);
      }
    });
  });
});
