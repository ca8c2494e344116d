/**
 * The issue and comment triggers: live through the Functions emulator once,
 * then each handler invoked twice (and twice at once) with the same event,
 * with background triggers paused so only our calls run.
 */
import { afterAll, describe, expect, it } from "vitest";
import { onCommentCreated } from "../../src/events/onCommentCreated";
import { onIssueWritten } from "../../src/events/onIssueWritten";
import { addRunningTime, DEFAULT_BUSINESS_HOURS } from "../../src/domain";
import { readOrgStats } from "../../src/store/stats";
import { statsEventsCol } from "../../src/store/refs";
import { call, db, newOrg, newUser, withTriggersPaused } from "./helpers";
import {
  activitiesOf,
  actorOf,
  addMemberWithUser,
  apiUpdate,
  createdEvent,
  createIssue,
  fft,
  notificationsOf,
  waitFor,
  writtenEvent,
} from "./eventsHelpers";
import { Timestamp } from "firebase-admin/firestore";

afterAll(() => fft.cleanup());
const year = new Date().getUTCFullYear();

describe("live triggers", () => {
  it("turn an API create and a member's reply into activities, tokens, SLA, stats and an automatic move", async () => {
    const admin = await newUser("live");
    const agent = await newUser("liveagent");
    const orgId = await newOrg(admin, "Live Org");
    await addMemberWithUser(orgId, agent, "agent");
    const created = await call("POST", `/orgs/${orgId}/issues`, {
      token: admin.token,
      body: { title: "Crème brûlée printer", priority: "high" },
    });
    expect(created.status).toBe(201);
    const ref = db().doc(`orgs/${orgId}/issues/${created.body.id}`);

    const issue = await waitFor("tokens and SLA", async () => {
      const data = (await ref.get()).data()!;
      return data.sla && (data.searchTokens as string[]).includes(`iss-${year}-0001`) ? data : null;
    });
    expect(issue.searchTokens).toEqual(expect.arrayContaining(["creme", "cr", "brulee", "printer", "0001", "1"]));
    // "high" counts business time by default, in the default hours (Monday to Friday, 09:00–17:00 UTC).
    expect(issue.sla.clock).toBe("business");
    expect((issue.sla.firstResponseDueAt as Timestamp).toMillis()).toBe(
      addRunningTime((issue.createdAt as Timestamp).toMillis(), 2 * 3600_000, DEFAULT_BUSINESS_HOURS),
    );
    // The trigger's own writes leave the ETag alone.
    expect(issue.version).toBe(created.body.version);

    await ref.collection("comments").add({
      body: "On it",
      author: actorOf(agent),
      internal: false,
      solution: false,
      source: "internal",
      createdAt: Timestamp.now(),
      editedAt: null,
    });
    const answered = await waitFor("automatic move to answered", async () => {
      const data = (await ref.get()).data()!;
      return data.status === "answered" && data.commentCount === 1 ? data : null;
    });
    expect(answered.firstResponseAt).toBeInstanceOf(Timestamp);
    expect(answered.watchers).toEqual(expect.arrayContaining([admin.uid, agent.uid]));

    const activities = await waitFor("three activities", async () => {
      const list = await activitiesOf(ref);
      return list.length >= 3 ? list : null;
    });
    expect(activities.map((a) => a.type).sort()).toEqual(["commented", "created", "status_changed"]);
    expect(activities.find((a) => a.type === "status_changed")!.actor.uid).toBe(agent.uid);

    const stats = await waitFor("stats", async () => {
      const s = await readOrgStats(db(), orgId);
      return s.byStatus.answered === 1 && s.firstResponse.count === 1 ? s : null;
    });
    expect(stats).toMatchObject({ total: 1, open: 1, bySource: { internal: 1 }, byPriority: { high: 1 } });
    // The reporter hears of the reply and of the move; the agent of neither.
    const adminNotes = await waitFor("the reporter's notifications", async () => {
      const notes = await notificationsOf(admin.uid, ref.id);
      return notes.length >= 2 ? notes : null;
    });
    expect(adminNotes.map((n) => n.type).sort()).toEqual(["comment", "status_changed"]);
    expect(await notificationsOf(agent.uid, ref.id)).toEqual([]);
  });
});

describe("onIssueWritten, the same event twice", () => {
  it("writes one activity, applies stats once and derives the fields once, for a create and for a change", async () => {
    const admin = await newUser("twice");
    const agent = await newUser("twiceagent");
    const orgId = await newOrg(admin, "Twice Org");
    await addMemberWithUser(orgId, agent, "agent");
    const wrapped = fft.wrap(onIssueWritten);
    await withTriggersPaused(async () => {
      const ref = await createIssue(orgId, actorOf(admin), "Twice issue");
      const createEvent = writtenEvent(
        fft.firestore.makeDocumentSnapshot({}, ref.path),
        await ref.get(),
        Date.now(),
        "evt-create",
      );
      await wrapped(createEvent);
      const afterFirst = await ref.get();
      await wrapped(createEvent);
      await Promise.all([wrapped(createEvent), wrapped(createEvent)]);

      expect((await activitiesOf(ref)).map((a) => a.type)).toEqual(["created"]);
      expect((await readOrgStats(db(), orgId)).total).toBe(1);
      expect((await statsEventsCol(db(), orgId).get()).size).toBe(1);
      const afterRepeats = await ref.get();
      expect(afterRepeats.updateTime!.valueOf()).toBe(afterFirst.updateTime!.valueOf());
      expect(afterRepeats.get("sla.priority")).toBe("medium");
      expect(afterRepeats.get("version")).toBe(1);

      // The trigger's own write comes back as an event: no activity and no further
      // write, only its stats delta (the issue's SLA is now tracked), once.
      const ownWrite = writtenEvent(createEvent.data.after, afterRepeats, Date.now(), "evt-own-write");
      await wrapped(ownWrite);
      await wrapped(ownWrite);
      expect((await ref.get()).updateTime!.valueOf()).toBe(afterFirst.updateTime!.valueOf());
      expect(await activitiesOf(ref)).toHaveLength(1);
      expect((await statsEventsCol(db(), orgId).get()).size).toBe(2);
      expect((await readOrgStats(db(), orgId)).sla).toMatchObject({ tracked: 1, breached: 0 });

      // An assignment and a status change in one write, delivered three times.
      const before = await ref.get();
      await apiUpdate(ref, actorOf(admin), { status: "in_progress", assignee: { uid: agent.uid, name: agent.name } });
      const change = writtenEvent(before, await ref.get(), Date.now(), "evt-change");
      await wrapped(change);
      await Promise.all([wrapped(change), wrapped(change)]);

      const activities = await activitiesOf(ref);
      expect(activities.map((a) => a.type).sort()).toEqual(["created", "status_changed"]);
      // Public: the assignee only as a customer may see them, by name.
      expect(activities.find((a) => a.type === "status_changed")!.changes).toEqual({
        status: { from: "open", to: "in_progress" },
        assignee: { from: null, to: { name: agent.name } },
      });
      const stats = await readOrgStats(db(), orgId);
      expect(stats.byStatus).toMatchObject({ open: 0, in_progress: 1 });
      expect(stats.openByAssignee).toEqual({ [agent.uid]: 1 });
      expect((await ref.get()).get("watchers")).toEqual([admin.uid, agent.uid]);
      const assigned = await notificationsOf(agent.uid, ref.id);
      expect(assigned.map((n) => n.type)).toEqual(["assigned"]);
      // The admin is reporter and watcher, but made the change: not told.
      expect(await notificationsOf(admin.uid, ref.id)).toEqual([]);
    });
  });

  it("survives documents that are not issues (raw imports) without writing to them", async () => {
    const admin = await newUser("raw");
    const orgId = await newOrg(admin, "Raw Org");
    const wrapped = fft.wrap(onIssueWritten);
    await withTriggersPaused(async () => {
      const ref = db().collection(`orgs/${orgId}/issues`).doc();
      // Numbered already, so the numbering sweeper (which looks at every org) leaves it alone.
      await ref.set({
        title: 42,
        status: "nonsense",
        priority: 7,
        createdAt: "yesterday",
        deleted: false,
        number: "ISS-1999-0001",
      });
      const snapshot = await ref.get();
      const event = writtenEvent(fft.firestore.makeDocumentSnapshot({}, ref.path), snapshot, Date.now(), "evt-raw");
      await wrapped(event);
      expect((await ref.get()).updateTime!.valueOf()).toBe(snapshot.updateTime!.valueOf());
      expect((await readOrgStats(db(), orgId)).total).toBe(1);
      // Its deletion takes it out of the counts again.
      await ref.delete();
      await wrapped(writtenEvent(snapshot, await ref.get(), Date.now(), "evt-raw-delete"));
      expect((await readOrgStats(db(), orgId)).total).toBe(0);
    });
  });
});

describe("onCommentCreated, the same event twice", () => {
  const cases = [
    // who writes, internal?, status before, status after, first response set?
    ["a member's first public reply", "member", false, "open", "answered", true],
    ["a member's internal note", "member", true, "open", "open", false],
    ["a customer reply while waiting", "customer", false, "waiting_for_response", "in_progress", false],
    ["a customer reply to a resolved issue (reopen)", "customer", false, "resolved", "open", false],
    ["a service comment", "service", false, "open", "open", false],
  ] as const;

  it.each(cases)("applies %s exactly once", async (_label, kind, internal, from, to, firstResponse) => {
    const admin = await newUser("comment");
    const author = await newUser("author");
    const orgId = await newOrg(admin, "Comment Org");
    await addMemberWithUser(orgId, author, kind === "customer" ? "customer" : "agent");
    const wrapped = fft.wrap(onCommentCreated);
    await withTriggersPaused(async () => {
      const reporter = kind === "customer" ? actorOf(author, "customer") : actorOf(admin);
      const ref = await createIssue(orgId, reporter, "Commented issue", kind === "customer" ? "client" : "internal");
      await ref.update({ status: from });
      const comment = await ref.collection("comments").add({
        body: "Hello there",
        author: actorOf(author, kind),
        internal,
        solution: false,
        source: "internal",
        createdAt: Timestamp.now(),
        editedAt: null,
      });
      const event = createdEvent(
        await comment.get(),
        { orgId, issueId: ref.id, commentId: comment.id },
        Date.now(),
        "evt-comment",
      );
      await wrapped(event);
      await wrapped(event);
      await Promise.all([wrapped(event), wrapped(event)]);

      const issue = (await ref.get()).data()!;
      expect(issue.commentCount).toBe(1);
      expect(issue.status).toBe(to);
      expect(issue.firstResponseAt !== null).toBe(firstResponse);
      expect(issue.version).toBe(from === to ? 1 : 2);
      expect((issue.watchers as string[]).includes(author.uid)).toBe(kind !== "service");
      const activities = await activitiesOf(ref);
      expect(activities).toHaveLength(1);
      expect(activities[0]).toMatchObject({ type: "commented", internal, actor: { uid: author.uid, kind } });
      if (kind !== "customer") {
        // The reporter (admin) hears of it once, internal or not: the admin is staff.
        expect((await notificationsOf(admin.uid, ref.id)).map((n) => n.type)).toEqual(["comment"]);
      }
      expect(await notificationsOf(author.uid, ref.id)).toEqual([]);
    });
  });

  it("drops an unreadable comment without touching the issue", async () => {
    const admin = await newUser("badcomment");
    const orgId = await newOrg(admin, "Bad Comment Org");
    const wrapped = fft.wrap(onCommentCreated);
    await withTriggersPaused(async () => {
      const ref = await createIssue(orgId, actorOf(admin), "Target");
      const comment = await ref.collection("comments").add({ body: "no author" });
      const before = await ref.get();
      await wrapped(createdEvent(await comment.get(), { orgId, issueId: ref.id, commentId: comment.id }, Date.now()));
      expect((await ref.get()).updateTime!.valueOf()).toBe(before.updateTime!.valueOf());
    });
  });
});
