/**
 * The whole event × recipient matrix against the emulators, through the
 * deployed handlers (triggers paused, so only these calls run): who gets an
 * in-app notification and who gets mail, for every event of docs/events.md.
 */
import { randomUUID } from "node:crypto";
import { Timestamp } from "firebase-admin/firestore";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleCommentCreated } from "../../src/events/onCommentCreated";
import { handleIssueWritten } from "../../src/events/onIssueWritten";
import { allocateIssueNumbers } from "../../src/store/numberAllocator";
import { db, newOrg, newUser, withTriggersPaused, type TestUser } from "./helpers";
import {
  actorOf,
  addMemberWithUser,
  apiUpdate,
  createdEvent,
  createIssue,
  fft,
  mailsOf,
  notificationsOf,
  writtenEvent,
} from "./eventsHelpers";

afterAll(() => fft.cleanup());

let admin: TestUser,
  admin2: TestUser,
  agent: TestUser,
  assignee: TestUser,
  viewer: TestUser,
  customer: TestUser,
  customer2: TestUser;
let unverified: TestUser;
let orgId: string;
let issueId: string;
const people = () => ({ admin, admin2, agent, assignee, viewer, customer, customer2, unverified });

beforeAll(async () => {
  [admin, admin2, agent, assignee, viewer, customer, customer2, unverified] = (await Promise.all(
    ["admin", "admintwo", "agent", "assignee", "viewer", "customer", "customertwo", "unverified"].map((label) =>
      newUser(label),
    ),
  )) as [TestUser, TestUser, TestUser, TestUser, TestUser, TestUser, TestUser, TestUser];
  orgId = await newOrg(admin, "Matrix Org");
  await Promise.all([
    addMemberWithUser(orgId, admin, "admin"),
    addMemberWithUser(orgId, admin2, "admin"),
    addMemberWithUser(orgId, agent, "agent"),
    addMemberWithUser(orgId, assignee, "agent"),
    // The viewer reads comments in the app but wants no comment mail.
    addMemberWithUser(orgId, viewer, "viewer", { comment: { email: false } }),
    addMemberWithUser(orgId, customer, "customer"),
    addMemberWithUser(orgId, customer2, "customer"),
    // An agent whose address Auth never verified: told in the app, never by mail.
    addMemberWithUser(orgId, unverified, "agent", undefined, { emailVerified: false }),
  ]);

  await withTriggersPaused(async () => {
    const issues = db().collection(`orgs/${orgId}/issues`);
    const at = Date.now();
    const written = async (change: () => Promise<unknown>, ref = issues.doc(issueId)) => {
      const before = await ref.get();
      await change();
      await handleIssueWritten(writtenEvent(before, await ref.get(), at, randomUUID()) as never);
    };
    const comment = async (author: TestUser, internal: boolean) => {
      const ref = await issues
        .doc(issueId)
        .collection("comments")
        .add({
          body: internal ? "Internal: refund approved by finance" : "We are looking into it",
          author: actorOf(author),
          internal,
          solution: false,
          source: "internal",
          createdAt: Timestamp.now(),
          editedAt: null,
        });
      await handleCommentCreated(createdEvent(await ref.get(), { orgId, issueId, commentId: ref.id }, at) as never);
    };

    // 1. The customer raises an issue.
    const ref = await createIssue(orgId, actorOf(customer, "customer"), "Order 1234 arrived broken", "client");
    issueId = ref.id;
    await handleIssueWritten(
      writtenEvent(fft.firestore.makeDocumentSnapshot({}, ref.path), await ref.get(), at) as never,
    );
    // The allocator numbers it, as the API and the trigger do right after the create.
    await written(() => allocateIssueNumbers(db(), orgId));
    // Watchers beyond the automatic ones: the viewer, and (wrongly) another customer.
    await ref.update({ watchers: [customer.uid, viewer.uid, customer2.uid] });
    // 2. The admin assigns it. 3. The assignee starts work. 4. A public reply and an internal note.
    await written(() => apiUpdate(ref, actorOf(admin), { assignee: { uid: assignee.uid, name: assignee.name } }));
    await written(() => apiUpdate(ref, actorOf(assignee), { status: "in_progress" }));
    await comment(assignee, false);
    await comment(assignee, true);
    // 5. The resolution SLA is breached (as the sweep marks it).
    await written(() =>
      ref.update({ "sla.resolutionBreached": true, "sla.breached": true, "sla.resolutionPending": false }),
    );
  });
});

describe("notification matrix", () => {
  const expected: Record<keyof ReturnType<typeof people>, string[]> = {
    // raised: admins and agents, not the customer who raised it
    admin: ["issue_raised", "sla_breach"], // made the assignment: not told of it
    admin2: ["issue_raised", "sla_breach"],
    agent: ["issue_raised"],
    assignee: ["assigned", "issue_raised", "sla_breach"], // its own status change and comments: nothing
    viewer: ["comment", "comment", "status_changed"], // a watcher: public and internal comments
    customer: ["comment", "status_changed"], // public comment only; never the internal note
    customer2: [], // a customer watching someone else's issue hears nothing
    unverified: ["issue_raised"],
  };

  it.each(Object.keys(expected) as (keyof typeof expected)[])(
    "%s gets exactly the expected in-app notifications",
    async (who) => {
      const notes = await notificationsOf(people()[who].uid, issueId);
      expect(notes.map((n) => n.type).sort()).toEqual(expected[who]);
      for (const note of notes) expect(note).toMatchObject({ read: false, orgId, issueId });
    },
  );

  it("never gives a customer anything internal: no internal text in their notifications or mail", async () => {
    const notes = await notificationsOf(customer.uid, issueId);
    const mails = await mailsOf(customer.uid, issueId);
    const everything = JSON.stringify([notes, mails]);
    expect(everything).not.toContain("finance");
    expect(everything).not.toContain("internal note");
    expect(mails).toHaveLength(2);
    // Their link opens their portal page, the one page of the issue the rules let them read, by its number.
    const number = (await db().doc(`orgs/${orgId}/issues/${issueId}`).get()).get("number") as string;
    expect(number).toMatch(/^ISS-\d{4}-\d{4,}$/);
    for (const mail of mails) {
      expect(mail.message.text).toContain(`http://127.0.0.1:5000/portal/issues/${orgId}/${number}`);
      expect(mail.message.text).not.toContain(issueId);
      expect(mail.message.text).not.toContain("/o/");
    }
  });

  it("names the issue by its number in the 'issue raised' notification and mail, sent once numbered", async () => {
    const number = (await db().doc(`orgs/${orgId}/issues/${issueId}`).get()).get("number") as string;
    expect(number).toMatch(/^ISS-\d{4}-0001$/);
    const raised = (await notificationsOf(agent.uid, issueId)).find((n) => n.type === "issue_raised") as
      | { issueNumber?: string }
      | undefined;
    expect(raised?.issueNumber).toBe(number);
    const mails = await mailsOf(agent.uid, issueId);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.message.subject).toContain(number);
    expect(mails[0]!.message.text).toContain(`${customer.name} raised a new issue`);
  });

  it("mails in the Trigger Email format with a link to the issue, following each user's prefs", async () => {
    const [mail] = await mailsOf(agent.uid, issueId);
    expect(mail!.to).toBe(agent.email);
    expect(mail!.message.subject).toContain("Order 1234 arrived broken");
    // The team's link names the issue by its number, the page the agent app opens.
    const number = (await db().doc(`orgs/${orgId}/issues/${issueId}`).get()).get("number") as string;
    expect(mail!.message.text).toContain(`http://127.0.0.1:5000/o/${orgId}/issues/${number}`);
    expect(mail!.message.html).toContain(`href="http://127.0.0.1:5000/o/${orgId}/issues/${number}"`);
    // The viewer turned comment mail off: in-app comments, but only the status change by mail.
    expect((await mailsOf(viewer.uid, issueId)).map((m) => m.message.text.split("\n")[0])).toEqual([
      expect.stringContaining("changed the status from open to in progress"),
    ]);
  });

  it("mails only verified addresses", async () => {
    expect(await notificationsOf(unverified.uid, issueId)).toHaveLength(1);
    expect(await mailsOf(unverified.uid, issueId)).toEqual([]);
    expect(await mailsOf(agent.uid, issueId)).toHaveLength(1);
  });

  it("sends nothing twice when the events come again", async () => {
    await withTriggersPaused(async () => {
      const ref = db().doc(`orgs/${orgId}/issues/${issueId}`);
      const snap = await ref.get();
      // A breach notice is named after the issue and clock: even a different event id repeats nothing.
      const before = await ref.get();
      await handleIssueWritten(
        writtenEvent(
          fft.firestore.makeDocumentSnapshot(
            { ...before.data(), sla: { ...before.get("sla"), resolutionBreached: false } },
            ref.path,
          ),
          snap,
          Date.now(),
        ) as never,
      );
      expect((await notificationsOf(admin.uid, issueId)).map((n) => n.type).sort()).toEqual([
        "issue_raised",
        "sla_breach",
      ]);
    });
  });
});
