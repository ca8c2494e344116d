/**
 * SLA through an injected clock: the handlers take the event's time and the
 * sweep takes `now`, so pause, resume and breach happen at chosen instants,
 * without waiting. All instants lie in the past, so the sweep (which looks at
 * every org) marks nothing that real time has not already made due.
 */
import { Timestamp } from "firebase-admin/firestore";
import { afterAll, describe, expect, it } from "vitest";
import { onIssueWritten } from "../../src/events/onIssueWritten";
import { sweepSlaBreaches } from "../../src/events/slaBreachSweep";
import { breachedIssues, issuesDueSoon } from "../../src/store/slaQueries";
import { db, newOrg, newUser, withTriggersPaused } from "./helpers";
import { activitiesOf, actorOf, apiUpdate, createIssue, fft, notificationsOf, writtenEvent } from "./eventsHelpers";

afterAll(() => fft.cleanup());
const MIN = 60_000;

describe("SLA clock on the emulators", () => {
  it("pauses on hold, resumes, moves the due dates, and marks the breach once with an activity and notifications", async () => {
    const admin = await newUser("sla");
    const orgId = await newOrg(admin, "SLA Org");
    // The org tightens "high" to 60 min / 10 h.
    await db().doc(`orgs/${orgId}/private/settings`).update({ "sla.high": { firstResponseMins: 60, resolutionMins: 600 } });
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

      // Due-soon lists it ahead of the due date; the sweep leaves it until the minute it is due.
      const soon = await issuesDueSoon(db(), orgId, { clock: "firstResponse", now: T0 + 200 * MIN, withinMs: 30 * MIN });
      expect(soon.map((d) => d.id)).toEqual([ref.id]);
      await sweepSlaBreaches(db(), T0 + 210 * MIN - 1);
      expect((await ref.get()).get("sla.firstResponseBreached")).toBe(false);

      await sweepSlaBreaches(db(), T0 + 210 * MIN);
      await sweepSlaBreaches(db(), T0 + 215 * MIN);
      const breached = await ref.get();
      expect(breached.get("sla")).toMatchObject({ firstResponseBreached: true, breached: true, firstResponsePending: false, resolutionBreached: false });
      const marks = (await activitiesOf(ref)).filter((a) => a.type === "sla_breached");
      expect(marks).toHaveLength(1);
      expect(marks[0]).toMatchObject({ internal: true, actor: { kind: "system" } });
      expect((await breachedIssues(db(), orgId)).map((d) => d.id)).toEqual([ref.id]);

      // The issue trigger sees the mark and tells the admins (and the assignee: none here), once.
      const before = { ...breached.data()!, sla: { ...breached.get("sla"), firstResponseBreached: false, breached: false } };
      const markEvent = writtenEvent(fft.firestore.makeDocumentSnapshot(before, ref.path), breached, T0 + 210 * MIN, "evt-breach");
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
