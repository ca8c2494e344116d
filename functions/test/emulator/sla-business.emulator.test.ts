/**
 * Business hours and the SLA timer on the emulators: due times written on
 * create and after a pause under an org's own calendar; the at-risk warning and
 * the breach, each fired once when its task is delivered twice, a stale task
 * marking nothing; and the task queue refusing the same moment twice.
 *
 * The triggers run here on an injected clock (all instants in the past), and
 * the timer tasks they queue are recorded (setup.ts swaps the queue), then
 * delivered to the task handler at their moment, twice.
 */
import { DateTime } from "luxon";
import { Timestamp, type DocumentReference, type DocumentSnapshot } from "firebase-admin/firestore";
import { businessHoursToStored, DEFAULT_BUSINESS_HOURS, type BusinessHours } from "../../src/domain";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { onIssueWritten } from "../../src/events/onIssueWritten";
import {
  handleSlaTimer,
  SLA_TIMER_QUEUE,
  slaTimerTaskId,
  useSlaTimerQueue,
  type SlaTimerTask,
} from "../../src/events/slaTimer";
import { sweepSlaBreaches } from "../../src/events/slaBreachSweep";
import { enqueueTask } from "../../src/store/taskQueues";
import { call, db, newOrg, newUser, withTriggersPaused, type TestUser } from "./helpers";
import {
  activitiesOf,
  actorOf,
  addMemberWithUser,
  apiUpdate,
  createIssue,
  fft,
  notificationsOf,
  writtenEvent,
} from "./eventsHelpers";

afterAll(() => fft.cleanup());
const BERLIN = "Europe/Berlin";
const berlin = (iso: string) => DateTime.fromISO(iso, { zone: BERLIN }).toMillis();
const ms = (value: unknown) => (value as Timestamp).toMillis();

const HOURS: BusinessHours = {
  ...DEFAULT_BUSINESS_HOURS,
  timezone: BERLIN,
  // Monday 30 November is a holiday in this org.
  holidays: ["2026-11-30"],
};

/** The tasks the triggers queue, recorded in order. */
let queued: Array<{ task: SlaTimerTask; id: string; scheduleTime: Date }> = [];
afterEach(() => {
  useSlaTimerQueue(async () => true);
});
function recordTimers() {
  queued = [];
  const seen = new Set<string>();
  useSlaTimerQueue(async (task, options) => {
    if (seen.has(options.id)) return false;
    seen.add(options.id);
    queued.push({ task, ...options });
    return true;
  });
}

async function businessOrg(admin: TestUser, name: string): Promise<string> {
  const orgId = await newOrg(admin, name);
  const saved = await call("PATCH", `/orgs/${orgId}/settings`, { token: admin.token, body: { businessHours: HOURS } });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  expect(saved.body.businessHours).toEqual(HOURS);
  expect(saved.body.sla.medium.clock).toBe("business");
  expect(saved.body.sla.urgent.clock).toBe("calendar");
  return orgId;
}

describe("business hours in settings", () => {
  it("refuses hours that are not hours, and changes nothing", async () => {
    const admin = await newUser("hours-bad");
    const orgId = await businessOrg(admin, "Hours Bad Org");
    for (const businessHours of [
      { ...HOURS, timezone: "Europe/Atlantis" },
      { ...HOURS, week: { ...HOURS.week, mon: [["17:00", "09:00"]] } },
      { ...HOURS, holidays: ["30.11.2026"] },
    ]) {
      const refused = await call("PATCH", `/orgs/${orgId}/settings`, { token: admin.token, body: { businessHours } });
      expect(refused.status).toBe(422);
      expect(refused.headers.get("content-type")).toMatch(/problem\+json/);
    }
    const badClock = await call("PATCH", `/orgs/${orgId}/settings`, {
      token: admin.token,
      body: { sla: { low: { firstResponseMins: 60, resolutionMins: 600, clock: "lunar" } } },
    });
    expect(badClock.status).toBe(422);
    const settings = await call("GET", `/orgs/${orgId}/settings`, { token: admin.token });
    expect(settings.body.businessHours).toEqual(HOURS);
    expect(settings.body.sla.low.clock).toBe("business");
  });

  it("lets an agent neither read nor change them", async () => {
    const admin = await newUser("hours-admin");
    const agent = await newUser("hours-agent");
    const orgId = await businessOrg(admin, "Hours Agent Org");
    await addMemberWithUser(orgId, agent, "agent");
    const refused = await call("PATCH", `/orgs/${orgId}/settings`, {
      token: agent.token,
      body: { businessHours: { ...HOURS, holidays: [] } },
    });
    expect(refused.status).toBe(403);
    expect((await call("GET", `/orgs/${orgId}/settings`, { token: admin.token })).body.businessHours.holidays).toEqual([
      "2026-11-30",
    ]);
  });
});

describe("the SLA under business hours, and its timer", () => {
  const trigger = fft.wrap(onIssueWritten);

  /**
   * The trigger's run on a write, then on the write the trigger made itself (the derived fields), as the live
   * trigger would see both: the second is the one that finds the SLA changed and queues its timer.
   */
  async function deliver(ref: DocumentReference, before: DocumentSnapshot, time: number) {
    const written = await ref.get();
    await trigger(writtenEvent(before, written, time));
    const derived = await ref.get();
    if (!derived.updateTime!.isEqual(written.updateTime!)) await trigger(writtenEvent(written, derived, time));
  }

  /** An issue raised on Friday 27 November 2026 at 16:00 in Berlin, its SLA derived as the trigger does. */
  async function fridayIssue(
    orgId: string,
    admin: TestUser,
    title: string,
    priority: "medium" | "urgent" = "medium",
  ): Promise<DocumentReference> {
    const T0 = berlin("2026-11-27T16:00");
    const ref = await createIssue(orgId, actorOf(admin), title, "internal", { priority });
    await ref.update({ createdAt: Timestamp.fromMillis(T0), statusChangedAt: Timestamp.fromMillis(T0) });
    await deliver(ref, fft.firestore.makeDocumentSnapshot({}, ref.path), T0);
    return ref;
  }

  /** A change made at `time`, and the trigger's runs on it. */
  async function changeAt(ref: DocumentReference, admin: TestUser, time: number, change: Record<string, unknown>) {
    const before = await ref.get();
    await apiUpdate(ref, actorOf(admin), change);
    await deliver(ref, before, time);
    return (await ref.get()).get("sla");
  }

  it("writes business due times on create, skips the weekend and the holiday, and moves them by the open hours a pause took", async () => {
    const admin = await newUser("biz-due");
    const orgId = await businessOrg(admin, "Business Due Org");
    recordTimers();
    await withTriggersPaused(async () => {
      const ref = await fridayIssue(orgId, admin, "Printer jams on Fridays");
      let sla = (await ref.get()).get("sla");
      // 8 h of open time: Friday 16–17, Monday is a holiday, Tuesday 09–16.
      expect(sla).toMatchObject({ clock: "business", hours: businessHoursToStored(HOURS), running: true });
      expect(ms(sla.firstResponseDueAt)).toBe(berlin("2026-12-01T16:00"));
      expect(ms(sla.nextDueAt)).toBe(berlin("2026-12-01T16:00"));
      expect(ms(sla.atRiskAt)).toBe(berlin("2026-12-01T14:00"));
      // The timer is queued for the first moment: the warning.
      expect(queued.map((q) => q.task.at)).toEqual([berlin("2026-12-01T14:00")]);
      expect(queued[0]!.scheduleTime.getTime()).toBe(berlin("2026-12-01T14:00"));
      expect(queued[0]!.id).toBe(slaTimerTaskId(orgId, ref.id, berlin("2026-12-01T14:00")));

      // Waiting for the customer from Friday 16:30 until Tuesday 10:00.
      sla = await changeAt(ref, admin, berlin("2026-11-27T16:30"), { status: "waiting_for_response" });
      expect(sla.running).toBe(false);
      sla = await changeAt(ref, admin, berlin("2026-12-01T10:00"), { status: "in_progress" });
      // 30 min on Friday; 7 h on Tuesday from 10:00; 30 min on Wednesday.
      expect(ms(sla.firstResponseDueAt)).toBe(berlin("2026-12-02T09:30"));
      expect(ms(sla.atRiskAt)).toBe(berlin("2026-12-01T15:30"));
      // Paused, nothing was queued; resumed, the timer moved to the new moment.
      expect(queued.map((q) => q.task.at)).toEqual([berlin("2026-12-01T14:00"), berlin("2026-12-01T15:30")]);

      // An urgent issue counts calendar time: 30 min from Friday 16:00.
      const urgent = await fridayIssue(orgId, admin, "Checkout down", "urgent");
      expect((await urgent.get()).get("sla")).toMatchObject({ clock: "calendar", hours: null });
      expect(ms((await urgent.get()).get("sla.firstResponseDueAt"))).toBe(berlin("2026-11-27T16:30"));
    });
  });

  it("fires the warning and the breach once each with every task delivered twice; a stale task marks nothing", async () => {
    const admin = await newUser("biz-timer");
    const agent = await newUser("biz-timer-agent");
    const orgId = await businessOrg(admin, "Business Timer Org");
    await addMemberWithUser(orgId, agent, "agent");
    recordTimers();
    await withTriggersPaused(async () => {
      const ref = await fridayIssue(orgId, admin, "Invoices come out blank");
      const staleMoment = queued[0]!.task.at;
      await changeAt(ref, admin, berlin("2026-11-27T16:30"), { status: "waiting_for_response" });
      await changeAt(ref, admin, berlin("2026-12-01T10:00"), {
        status: "in_progress",
        assignee: { uid: agent.uid, name: agent.name },
      });
      const [, current] = queued;
      expect(current!.task.at).toBe(berlin("2026-12-01T15:30"));

      // The task queued before the pause arrives at its old moment: the warning moved, nothing is due.
      expect(await handleSlaTimer({ data: queued[0]!.task }, db(), staleMoment)).toEqual({
        breached: [],
        warned: null,
      });
      expect((await ref.get()).get("sla.firstResponseAtRisk")).toBe(false);

      // The current task, delivered twice, a second apart.
      const first = await handleSlaTimer({ data: current!.task }, db(), current!.task.at);
      const again = await handleSlaTimer({ data: current!.task }, db(), current!.task.at + 1_000);
      expect(first).toEqual({ breached: [], warned: "firstResponse" });
      expect(again).toEqual({ breached: [], warned: null });
      const warned = await ref.get();
      expect(warned.get("sla")).toMatchObject({
        firstResponseAtRisk: true,
        atRisk: true,
        atRiskPending: false,
        breached: false,
      });
      expect((await activitiesOf(ref)).filter((a) => a.type === "sla_at_risk")).toHaveLength(1);

      // The mark's event, delivered twice too: the assignee hears of it once; the admin, with an assignee there, not at all.
      const before = {
        ...warned.data()!,
        sla: { ...warned.get("sla"), firstResponseAtRisk: false, atRisk: false, atRiskPending: true },
      };
      const markEvent = writtenEvent(
        fft.firestore.makeDocumentSnapshot(before, ref.path),
        warned,
        current!.task.at,
        "evt-at-risk",
      );
      await trigger(markEvent);
      await trigger(markEvent);
      expect((await notificationsOf(agent.uid, ref.id)).filter((n) => n.type === "sla_at_risk")).toHaveLength(1);
      expect((await notificationsOf(admin.uid, ref.id)).map((n) => n.type)).not.toContain("sla_at_risk");

      // The next moment is the breach; its task, twice.
      const breachAt = ms(warned.get("sla.firstResponseDueAt"));
      expect(breachAt).toBe(berlin("2026-12-02T09:30"));
      const breachTask = { orgId, issueId: ref.id, at: breachAt };
      // One second early is still the clock's skew; delivered that early, it marks at its moment.
      expect(await handleSlaTimer({ data: breachTask }, db(), breachAt - 1_000)).toEqual({
        breached: ["firstResponse"],
        warned: null,
      });
      expect(await handleSlaTimer({ data: breachTask }, db(), breachAt + 2_000)).toEqual({
        breached: [],
        warned: null,
      });
      // The sweep, the safety net, finds nothing left to do for it.
      await sweepSlaBreaches(db(), breachAt + 60_000);
      const breached = await ref.get();
      expect(breached.get("sla")).toMatchObject({ firstResponseBreached: true, breached: true, atRisk: false });
      const marks = await activitiesOf(ref);
      expect(marks.filter((a) => a.type === "sla_breached")).toHaveLength(1);
      expect(marks.filter((a) => a.type === "sla_at_risk")).toHaveLength(1);
      expect(
        (await ref.collection("activities").where("type", "==", "sla_breached").get()).docs.map((d) => ms(d.get("at"))),
      ).toEqual([breachAt]);
    });
  });

  it("tells the admins when nobody is assigned, and drops a task that comes far too early or names nothing", async () => {
    const admin = await newUser("biz-admins");
    const orgId = await businessOrg(admin, "Business Admins Org");
    recordTimers();
    await withTriggersPaused(async () => {
      const ref = await fridayIssue(orgId, admin, "Nobody picked this up");
      const moment = queued[0]!.task;
      expect(await handleSlaTimer({ data: moment }, db(), moment.at - 60_000)).toEqual({ breached: [], warned: null });
      expect(await handleSlaTimer({ data: { orgId, issueId: ref.id } }, db(), moment.at)).toBeNull();
      expect((await ref.get()).get("sla.firstResponseAtRisk")).toBe(false);

      const before = await ref.get();
      expect(await handleSlaTimer({ data: moment }, db(), moment.at)).toEqual({
        breached: [],
        warned: "firstResponse",
      });
      // Written by someone else than the admin, so the admin is not the actor of the warning.
      await trigger(writtenEvent(before, await ref.get(), moment.at));
      expect((await notificationsOf(admin.uid, ref.id)).map((n) => n.type)).toEqual(["sla_at_risk"]);
    });
  });
});

describe("the SLA timer queue on the Tasks emulator", () => {
  it("queues a moment once: the same issue and moment is refused the second time", async () => {
    const at = Date.now() + 3_600_000;
    const task: SlaTimerTask = { orgId: "no-such-org", issueId: `queue-${at}`, at };
    const id = slaTimerTaskId(task.orgId, task.issueId, at);
    expect(await enqueueTask(SLA_TIMER_QUEUE, task, { id, scheduleTime: new Date(at) })).toBe(true);
    expect(await enqueueTask(SLA_TIMER_QUEUE, task, { id, scheduleTime: new Date(at) })).toBe(false);
  });
});
