/**
 * SLA through an injected clock: the handlers take the event's time and the
 * sweep takes `now`, so pause, resume and breach happen at chosen instants,
 * without waiting. All instants lie in the past, so the sweep (which looks at
 * every org) marks nothing that real time has not already made due.
 */
import { Timestamp } from "firebase-admin/firestore";
import { afterAll, describe, expect, it } from "vitest";
import type { DocumentReference } from "firebase-admin/firestore";
import { onCommentCreated } from "../../src/events/onCommentCreated";
import { onIssueWritten } from "../../src/events/onIssueWritten";
import { sweepSlaBreaches } from "../../src/events/slaBreachSweep";
import { markDueBreaches } from "../../src/store/slaBreaches";
import { call, db, newOrg, newUser, withTriggersPaused, type TestUser } from "./helpers";
import {
  activitiesOf,
  actorOf,
  apiUpdate,
  createdEvent,
  createIssue,
  fft,
  notificationsOf,
  writtenEvent,
} from "./eventsHelpers";

afterAll(() => fft.cleanup());
const MIN = 60_000;

describe("SLA clock on the emulators", () => {
  it("pauses on hold, resumes, moves the due dates, and marks the breach once with an activity and notifications", async () => {
    const admin = await newUser("sla");
    const orgId = await newOrg(admin, "SLA Org");
    // The org tightens "high" to 60 min / 10 h.
    await db()
      .doc(`orgs/${orgId}/private/settings`)
      .update({
        "sla.high": { firstResponseMins: 60, resolutionMins: 600, clock: "calendar" },
        "sla.low": { firstResponseMins: 24 * 60, resolutionMins: 7 * 24 * 60, clock: "calendar" },
      });
    const wrapped = fft.wrap(onIssueWritten);
    const T0 = Date.now() - 12 * 60 * MIN;
    await withTriggersPaused(async () => {
      const ref = await createIssue(orgId, actorOf(admin), "Site down", "internal", { priority: "high" });
      await ref.update({ createdAt: Timestamp.fromMillis(T0) });
      const at = async (time: number, change?: Record<string, unknown>) => {
        const before = await ref.get();
        if (change) await apiUpdate(ref, actorOf(admin), change);
        const after = await ref.get();
        await wrapped(writtenEvent(change ? before : fft.firestore.makeDocumentSnapshot({}, ref.path), after, time));
        return (await ref.get()).get("sla");
      };
      const ms = (t: Timestamp | null) => t?.toMillis() ?? null;

      let sla = await at(T0);
      expect(ms(sla.firstResponseDueAt)).toBe(T0 + 60 * MIN);
      expect(sla).toMatchObject({ running: true, pausedMs: 0, firstResponseMins: 60 });

      sla = await at(T0 + 30 * MIN, { status: "on_hold" });
      expect(ms(sla.pausedAt)).toBe(T0 + 30 * MIN);
      expect(sla.running).toBe(false);
      // Long past the original due date, but paused: nothing to mark.
      await sweepSlaBreaches(db(), T0 + 3 * 60 * MIN);
      expect((await ref.get()).get("sla.firstResponseBreached")).toBe(false);

      sla = await at(T0 + 3 * 60 * MIN, { status: "in_progress" });
      expect(sla).toMatchObject({ running: true, pausedAt: null, pausedMs: 150 * MIN });
      expect(ms(sla.firstResponseDueAt)).toBe(T0 + 60 * MIN + 150 * MIN);
      expect(ms(sla.resolutionDueAt)).toBe(T0 + 600 * MIN + 150 * MIN);

      // The sweep leaves it until the minute it is due.
      await sweepSlaBreaches(db(), T0 + 210 * MIN - 1);
      expect((await ref.get()).get("sla.firstResponseBreached")).toBe(false);

      await sweepSlaBreaches(db(), T0 + 210 * MIN);
      await sweepSlaBreaches(db(), T0 + 215 * MIN);
      const breached = await ref.get();
      expect(breached.get("sla")).toMatchObject({
        firstResponseBreached: true,
        breached: true,
        firstResponsePending: false,
        resolutionBreached: false,
      });
      const marks = (await activitiesOf(ref)).filter((a) => a.type === "sla_breached");
      expect(marks).toHaveLength(1);
      expect(marks[0]).toMatchObject({ internal: true, actor: { kind: "system" } });

      // The issue trigger sees the mark and tells the admins (and the assignee: none here), once.
      const before = {
        ...breached.data()!,
        sla: { ...breached.get("sla"), firstResponseBreached: false, breached: false },
      };
      const markEvent = writtenEvent(
        fft.firestore.makeDocumentSnapshot(before, ref.path),
        breached,
        T0 + 210 * MIN,
        "evt-breach",
      );
      await wrapped(markEvent);
      await wrapped(markEvent);
      expect((await notificationsOf(admin.uid, ref.id)).map((n) => n.type)).toEqual(["sla_breach"]);

      // A priority change recomputes from the new target and keeps the paused time.
      sla = await at(T0 + 220 * MIN, { priority: "low" });
      expect(sla).toMatchObject({ priority: "low", firstResponseMins: 24 * 60, firstResponseBreached: true });
      expect(ms(sla.resolutionDueAt)).toBe(T0 + 7 * 24 * 60 * MIN + 150 * MIN);
    });
  });
});

describe("SLA decided from the facts", () => {
  const issueTrigger = fft.wrap(onIssueWritten);
  const commentTrigger = fft.wrap(onCommentCreated);
  const millis = (value: unknown) => (value as Timestamp).toMillis();

  /** An issue created at T0 (in the past) under a 60 min / 600 min policy, its SLA derived as the trigger does. */
  async function issueAt(admin: TestUser, T0: number, title: string): Promise<DocumentReference> {
    const orgId = await newOrg(admin, "Facts Org");
    await db()
      .doc(`orgs/${orgId}/private/settings`)
      .update({ "sla.high": { firstResponseMins: 60, resolutionMins: 600, clock: "calendar" } });
    const ref = await createIssue(orgId, actorOf(admin), title, "internal", { priority: "high" });
    await ref.update({ createdAt: Timestamp.fromMillis(T0), statusChangedAt: Timestamp.fromMillis(T0) });
    await issueTrigger(writtenEvent(fft.firestore.makeDocumentSnapshot({}, ref.path), await ref.get(), T0));
    return ref;
  }

  const reply = (ref: DocumentReference, author: TestUser, at: number) =>
    ref.collection("comments").add({
      body: "Looking into it",
      author: actorOf(author),
      internal: false,
      solution: false,
      source: "internal",
      createdAt: Timestamp.fromMillis(at),
      editedAt: null,
    });

  it("does not mark a reply made before the due time as a breach, however late its trigger runs", async () => {
    const admin = await newUser("intime");
    const T0 = Date.now() - 3 * 60 * MIN;
    await withTriggersPaused(async () => {
      const ref = await issueAt(admin, T0, "Answered just in time");
      const orgId = ref.parent.parent!.id;
      expect(millis((await ref.get()).get("sla.firstResponseDueAt"))).toBe(T0 + 60 * MIN);
      const comment = await reply(ref, admin, T0 + 59 * MIN);

      // The sweep runs before the comment's trigger: the reply is there, firstResponseAt is not yet.
      expect(await markDueBreaches(db(), orgId, ref.id, T0 + 61 * MIN)).toEqual([]);
      // The comment's trigger records the reply; the issue's trigger has not updated the SLA flags yet.
      await commentTrigger(
        createdEvent(await comment.get(), { orgId, issueId: ref.id, commentId: comment.id }, T0 + 62 * MIN),
      );
      const stale = await ref.get();
      expect(millis(stale.get("firstResponseAt"))).toBe(T0 + 59 * MIN);
      expect(stale.get("sla.firstResponsePending")).toBe(true);
      expect(await markDueBreaches(db(), orgId, ref.id, T0 + 63 * MIN)).toEqual([]);

      const after = await ref.get();
      expect(after.get("sla.firstResponseBreached")).toBe(false);
      expect((await activitiesOf(ref)).filter((a) => a.type === "sla_breached")).toEqual([]);
    });
  });

  it("withdraws a breach marked before the reply was known", async () => {
    const admin = await newUser("withdraw");
    const T0 = Date.now() - 3 * 60 * MIN;
    await withTriggersPaused(async () => {
      const ref = await issueAt(admin, T0, "Marked too soon");
      const orgId = ref.parent.parent!.id;
      // Marked with nothing to go on (the reply was not written yet when the sweep looked).
      expect(await markDueBreaches(db(), orgId, ref.id, T0 + 61 * MIN)).toEqual(["firstResponse"]);
      const marked = await ref.get();
      expect(marked.get("sla.firstResponseBreached")).toBe(true);

      // The reply turns out to date from before the due time: once it is recorded, the mark goes.
      const comment = await reply(ref, admin, T0 + 59 * MIN);
      await commentTrigger(
        createdEvent(await comment.get(), { orgId, issueId: ref.id, commentId: comment.id }, T0 + 62 * MIN),
      );
      const replied = await ref.get();
      await issueTrigger(writtenEvent(marked, replied, T0 + 62 * MIN));
      expect((await ref.get()).get("sla")).toMatchObject({
        firstResponseBreached: false,
        breached: false,
        firstResponsePending: false,
      });
    });
  });

  it("does not mark a resolution made before the due time, however late its trigger runs", async () => {
    const admin = await newUser("resolved");
    // Due 30 s from now; resolved through the API now; the sweep looks a minute later, before any trigger ran.
    const T0 = Date.now() - 600 * MIN + 30_000;
    await withTriggersPaused(async () => {
      const ref = await issueAt(admin, T0, "Resolved just in time");
      const orgId = ref.parent.parent!.id;
      const resolved = await call("POST", `/orgs/${orgId}/issues/${ref.id}/resolve`, {
        token: admin.token,
        body: { notes: "Fixed" },
      });
      expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);
      const stale = await ref.get();
      expect(stale.get("sla")).toMatchObject({ running: true, resolutionPending: true });
      expect(await markDueBreaches(db(), orgId, ref.id, T0 + 600 * MIN + 60_000)).toEqual([]);
      expect((await ref.get()).get("sla.resolutionBreached")).toBe(false);
    });
  });

  it("keeps the hold when the resume's event arrives before the hold's, and when either comes twice", async () => {
    const admin = await newUser("order");
    const orgId = await newOrg(admin, "Order Org");
    await db().doc(`orgs/${orgId}/private/settings`).update({ "sla.high.clock": "calendar" });
    await withTriggersPaused(async () => {
      const created = await call("POST", `/orgs/${orgId}/issues`, {
        token: admin.token,
        body: { title: "Put on hold", priority: "high" },
      });
      expect(created.status).toBe(201);
      const ref = db().doc(`orgs/${orgId}/issues/${created.body.id}`);
      const fresh = await ref.get();
      await issueTrigger(
        writtenEvent(fft.firestore.makeDocumentSnapshot({}, ref.path), fresh, millis(fresh.get("createdAt"))),
      );
      const open = await ref.get();

      const transition = (status: string) =>
        call("POST", `/orgs/${orgId}/issues/${ref.id}/transition`, { token: admin.token, body: { status } });
      expect((await transition("on_hold")).status).toBe(200);
      const held = await ref.get();
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect((await transition("in_progress")).status).toBe(200);
      const resumed = await ref.get();
      const [from, to] = [millis(held.get("statusChangedAt")), millis(resumed.get("statusChangedAt"))];
      expect(to - from).toBeGreaterThanOrEqual(1_500);
      expect(
        resumed
          .get("clockStops")
          .map((stop: { from: Timestamp; to: Timestamp }) => [millis(stop.from), millis(stop.to)]),
      ).toEqual([[from, to]]);

      const holdEvent = writtenEvent(open, held, from, "evt-hold");
      const resumeEvent = writtenEvent(held, resumed, to, "evt-resume");
      await issueTrigger(resumeEvent);
      await issueTrigger(holdEvent);
      await issueTrigger(resumeEvent);
      await issueTrigger(holdEvent);
      const sla = (await ref.get()).get("sla");
      expect(sla).toMatchObject({ running: true, pausedAt: null, pausedMs: to - from });
      expect(millis(sla.firstResponseDueAt)).toBe(millis(fresh.get("createdAt")) + 2 * 60 * MIN + (to - from));
    });
  });
});
