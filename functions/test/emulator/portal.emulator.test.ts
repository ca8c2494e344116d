/**
 * The customer's portal projection, users/{reporterUid}/portalIssues/{orgId}_{issueId}:
 * kept by the event core from the issue document, live through the triggers and
 * through the handlers called twice with the same event.
 */
import { Timestamp } from "firebase-admin/firestore";
import { afterAll, describe, expect, it } from "vitest";
import { handleCommentCreated } from "../../src/events/onCommentCreated";
import { handleIssueWritten } from "../../src/events/onIssueWritten";
import { call, db, newOrg, newUser, withTriggersPaused } from "./helpers";
import {
  actorOf,
  addMemberWithUser,
  apiUpdate,
  createdEvent,
  createIssue,
  fft,
  missing,
  waitFor,
  writtenEvent,
} from "./eventsHelpers";
import { CUSTOMER_FIELDS } from "../customerFields";

afterAll(() => fft.cleanup());

const portalDoc = (uid: string, orgId: string, issueId: string) =>
  db().doc(`users/${uid}/portalIssues/${orgId}_${issueId}`);

describe("live", () => {
  // The file starts on a quiet emulator (setup.ts), so these waits measure this file's triggers only; the
  // deadline bounds a failing run on a slow machine and costs a passing run nothing.
  const LIVE_MS = 60_000;
  it("follows a customer's issue through the API: written, updated, gone on soft delete, back on restore", {
    timeout: 6 * LIVE_MS,
  }, async () => {
    const admin = await newUser("portaladmin");
    const customer = await newUser("portalcustomer");
    const orgId = await newOrg(admin, "Portal Org");
    await addMemberWithUser(orgId, customer, "customer");
    const created = await call("POST", `/orgs/${orgId}/issues`, {
      token: customer.token,
      body: { title: "Where is my order?" },
    });
    expect(created.status).toBe(201);
    const issueId = created.headers.get("location")!.split("/").pop()!;
    const ref = portalDoc(customer.uid, orgId, issueId);

    const first = await waitFor(
      "the projection",
      async () => {
        const snapshot = await ref.get();
        return snapshot.exists && snapshot.get("number") ? snapshot : null;
      },
      2 * LIVE_MS,
    );
    expect(Object.keys(first.data()!).sort()).toEqual(CUSTOMER_FIELDS);
    expect(first.data()).toMatchObject({
      orgId,
      orgName: "Portal Org",
      issueId,
      title: "Where is my order?",
      status: "open",
      number: created.body.number,
    });
    expect(first.get("createdAt")).toBeInstanceOf(Timestamp);

    await call("PATCH", `/orgs/${orgId}/issues/${issueId}`, {
      token: admin.token,
      body: { priority: "urgent", tags: ["vip"] },
    });
    await waitFor("the priority change", async () => (await ref.get()).get("priority") === "urgent", LIVE_MS);
    expect(JSON.stringify((await ref.get()).data())).not.toContain("vip");

    // The comment trigger counts the public reply; the issue's write carries it to the projection.
    await call("POST", `/orgs/${orgId}/issues/${issueId}/comments`, {
      token: admin.token,
      body: { body: "Team note", internal: true },
    });
    await call("POST", `/orgs/${orgId}/issues/${issueId}/comments`, {
      token: admin.token,
      body: { body: "On its way" },
    });
    await waitFor("the public comment count", async () => (await ref.get()).get("publicCommentCount") === 1, LIVE_MS);

    await call("DELETE", `/orgs/${orgId}/issues/${issueId}`, { token: admin.token });
    await waitFor("deletion", async () => !(await ref.get()).exists, LIVE_MS);
    await call("POST", `/orgs/${orgId}/issues/${issueId}/restore`, { token: admin.token });
    const back = await waitFor(
      "restore",
      async () => {
        const snapshot = await ref.get();
        return snapshot.exists ? snapshot : null;
      },
      LIVE_MS,
    );
    expect(back.get("priority")).toBe("urgent");
  });
});

describe("onIssueWritten, the same event twice", () => {
  it("writes the projection once, only for issues a customer raised", async () => {
    const admin = await newUser("projadmin");
    const customer = await newUser("projcustomer");
    const orgId = await newOrg(admin, "Projection Org");
    await addMemberWithUser(orgId, customer, "customer");
    await withTriggersPaused(async () => {
      const ref = await createIssue(orgId, actorOf(customer, "customer"), "Broken lid", "client");
      const event = writtenEvent(
        fft.firestore.makeDocumentSnapshot({}, ref.path),
        await ref.get(),
        Date.now(),
        "evt-portal-create",
      );
      await handleIssueWritten(event as never);
      const projection = portalDoc(customer.uid, orgId, ref.id);
      const first = await projection.get();
      expect(first.exists).toBe(true);
      expect(first.data()).toMatchObject({
        orgId,
        orgName: "Projection Org",
        issueId: ref.id,
        title: "Broken lid",
        publicCommentCount: 0,
        assignee: null,
      });
      await handleIssueWritten(event as never);
      await Promise.all([handleIssueWritten(event as never), handleIssueWritten(event as never)]);
      expect((await projection.get()).updateTime!.valueOf()).toBe(first.updateTime!.valueOf());

      // A soft delete, delivered twice, removes it; the restore brings it back.
      let before = await ref.get();
      await apiUpdate(ref, actorOf(admin), { deleted: true, deletedAt: Timestamp.now(), deletedBy: actorOf(admin) });
      const deletion = writtenEvent(before, await ref.get(), Date.now(), "evt-portal-delete");
      await handleIssueWritten(deletion as never);
      await handleIssueWritten(deletion as never);
      expect((await projection.get()).exists).toBe(false);
      before = await ref.get();
      await apiUpdate(ref, actorOf(admin), { deleted: false, deletedAt: null, deletedBy: null });
      await handleIssueWritten(writtenEvent(before, await ref.get(), Date.now(), "evt-portal-restore") as never);
      expect((await projection.get()).exists).toBe(true);

      // Out of order: the older event, delivered late, still leaves the current state.
      await handleIssueWritten(deletion as never);
      expect((await projection.get()).exists).toBe(true);

      // A hard delete takes it away.
      const last = await ref.get();
      await ref.delete();
      await handleIssueWritten(writtenEvent(last, await missing(ref), Date.now(), "evt-portal-erase") as never);
      expect((await projection.get()).exists).toBe(false);

      // An issue the team raised has no projection.
      const internal = await createIssue(orgId, actorOf(admin), "Team issue", "internal");
      await handleIssueWritten(
        writtenEvent(fft.firestore.makeDocumentSnapshot({}, internal.path), await internal.get(), Date.now()) as never,
      );
      expect((await db().collection(`users/${admin.uid}/portalIssues`).get()).size).toBe(0);
    });
  });

  it("keeps the time of the last change the customer can see: an internal note or a tag does not move it", async () => {
    const admin = await newUser("projtimeadmin");
    const customer = await newUser("projtimecustomer");
    const orgId = await newOrg(admin, "Projection Time Org");
    await addMemberWithUser(orgId, customer, "customer");
    await withTriggersPaused(async () => {
      const ref = await createIssue(orgId, actorOf(customer, "customer"), "Broken lid", "client");
      await handleIssueWritten(
        writtenEvent(
          fft.firestore.makeDocumentSnapshot({}, ref.path),
          await ref.get(),
          Date.now(),
          "evt-time-create",
        ) as never,
      );
      const projection = portalDoc(customer.uid, orgId, ref.id);
      const first = await projection.get();

      // What only the team sees: a tag and an internal note's count. The issue's updatedAt moves; the projection does not.
      let before = await ref.get();
      await apiUpdate(ref, actorOf(admin), { tags: ["vip"], commentCount: 1 });
      const internal = await ref.get();
      expect(internal.get("updatedAt").toMillis()).toBeGreaterThan(first.get("updatedAt").toMillis());
      await handleIssueWritten(writtenEvent(before, internal, Date.now(), "evt-time-internal") as never);
      const unchanged = await projection.get();
      expect(unchanged.get("updatedAt").toMillis()).toBe(first.get("updatedAt").toMillis());
      expect(unchanged.updateTime!.valueOf()).toBe(first.updateTime!.valueOf());

      // What the customer sees: the projection takes the time of that change.
      before = internal;
      await apiUpdate(ref, actorOf(admin), { title: "Broken lid, cracked hinge" });
      const visible = await ref.get();
      await handleIssueWritten(writtenEvent(before, visible, Date.now(), "evt-time-visible") as never);
      const moved = await projection.get();
      expect(moved.get("title")).toBe("Broken lid, cracked hinge");
      expect(moved.get("updatedAt").toMillis()).toBe(visible.get("updatedAt").toMillis());
    });
  });
});

describe("onCommentCreated, the same event twice", () => {
  it("counts public comments only, once each", async () => {
    const admin = await newUser("countadmin");
    const customer = await newUser("countcustomer");
    const orgId = await newOrg(admin, "Count Org");
    await addMemberWithUser(orgId, customer, "customer");
    await withTriggersPaused(async () => {
      const ref = await createIssue(orgId, actorOf(customer, "customer"), "Counted", "client");
      const comment = async (internal: boolean, id: string) => {
        const doc = await ref.collection("comments").add({
          body: internal ? "Internal" : "Public",
          author: actorOf(admin),
          internal,
          solution: false,
          source: "internal",
          createdAt: Timestamp.now(),
          editedAt: null,
        });
        const event = createdEvent(await doc.get(), { orgId, issueId: ref.id, commentId: doc.id }, Date.now(), id);
        await handleCommentCreated(event as never);
        await handleCommentCreated(event as never);
      };
      await comment(false, "evt-public-1");
      await comment(true, "evt-internal-1");
      await comment(false, "evt-public-2");
      const issue = await ref.get();
      expect(issue.get("commentCount")).toBe(3);
      expect(issue.get("publicCommentCount")).toBe(2);
    });
  });

  it("clears the resolution when a customer's reply reopens a resolved issue, like an explicit reopen", async () => {
    const admin = await newUser("reopenadmin");
    const customer = await newUser("reopencustomer");
    const orgId = await newOrg(admin, "Reopen Org");
    await addMemberWithUser(orgId, customer, "customer");
    await withTriggersPaused(async () => {
      const ref = await createIssue(orgId, actorOf(customer, "customer"), "Reopened by reply", "client");
      await ref.update({
        status: "resolved",
        resolution: { notes: "Fixed", by: actorOf(admin), at: Timestamp.now() },
        resolvedAt: Timestamp.now(),
      });
      const doc = await ref.collection("comments").add({
        body: "Not fixed",
        author: actorOf(customer, "customer"),
        internal: false,
        solution: false,
        source: "client",
        createdAt: Timestamp.now(),
        editedAt: null,
      });
      const event = createdEvent(
        await doc.get(),
        { orgId, issueId: ref.id, commentId: doc.id },
        Date.now(),
        "evt-reopen-reply",
      );
      await handleCommentCreated(event as never);
      await handleCommentCreated(event as never);
      const issue = await ref.get();
      expect(issue.get("status")).toBe("open");
      expect(issue.get("resolution")).toBeNull();
      expect(issue.get("resolvedAt")).toBeNull();
    });
  });
});
