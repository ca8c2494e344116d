/**
 * What the issue trigger reads, not only what it writes: the bench's cost table
 * (bench/benchmarks/costs.mjs) found a transaction re-reading issues whose event
 * needed nothing derived, and staff member documents read twice for a customer's
 * issue. The handler is invoked directly, with background triggers paused.
 */
import type { DocumentReference, Firestore } from "firebase-admin/firestore";
import { afterAll, describe, expect, it, vi } from "vitest";
import { onIssueWritten } from "../../src/events/onIssueWritten";
import { numberPendingIssues } from "../../src/store/numberAllocator";
import { db, newOrg, newUser, withTriggersPaused } from "./helpers";
import { actorOf, addMemberWithUser, createIssue, fft, mailsOf, notificationsOf, writtenEvent } from "./eventsHelpers";

afterAll(() => fft.cleanup());

/** Counts the transactions and the documents `getAll` is asked for while `work` runs. */
async function counting<T>(firestore: Firestore, work: () => Promise<T>) {
  const transactions = vi.spyOn(firestore, "runTransaction");
  const getAll = vi.spyOn(firestore, "getAll");
  try {
    await work();
    const fetched = getAll.mock.calls.flatMap((refs) => (refs as DocumentReference[]).map((ref) => ref.path));
    return { transactions: transactions.mock.calls.length, fetched };
  } finally {
    transactions.mockRestore();
    getAll.mockRestore();
  }
}

describe("onIssueWritten's reads", () => {
  it("derives a create in one transaction, and reads nothing for a write that needs nothing derived", async () => {
    const admin = await newUser("costs");
    const orgId = await newOrg(admin, "Costs Org");
    const wrapped = fft.wrap(onIssueWritten);
    await withTriggersPaused(async () => {
      const ref = await createIssue(orgId, actorOf(admin), "Label printer offline");
      const created = writtenEvent(
        fft.firestore.makeDocumentSnapshot({}, ref.path),
        await ref.get(),
        Date.now(),
        "evt-costs-create",
      );
      // A new issue needs its SLA: the policy is read once, before the one transaction.
      const onCreate = await counting(db(), () => wrapped(created));
      expect(onCreate.transactions).toBe(1);
      const derived = await ref.get();
      expect(derived.get("sla.priority")).toBe("medium");
      expect(derived.get("searchTokens")).toEqual(expect.arrayContaining(["label", "printer", "offline"]));

      // The trigger's own write comes back: everything is derived already.
      const ownWrite = writtenEvent(created.data.after, derived, Date.now(), "evt-costs-own-write");
      const onOwnWrite = await counting(db(), () => wrapped(ownWrite));
      expect(onOwnWrite.transactions).toBe(0);
      expect((await ref.get()).updateTime!.valueOf()).toBe(derived.updateTime!.valueOf());

      // An event whose document still needs deriving is derived from the issue as it is now.
      const stale = writtenEvent(
        fft.firestore.makeDocumentSnapshot({}, ref.path),
        created.data.after,
        Date.now(),
        "evt-costs-stale",
      );
      const onStale = await counting(db(), () => wrapped(stale));
      expect(onStale.transactions).toBe(1);
      expect((await ref.get()).updateTime!.valueOf()).toBe(derived.updateTime!.valueOf());
    });
  });

  it("tells every admin and agent of a customer's issue without reading their member documents again", async () => {
    const admin = await newUser("costsadmin");
    const [agentA, agentB, customer] = await Promise.all([
      newUser("costsagenta"),
      newUser("costsagentb"),
      newUser("costscustomer"),
    ]);
    const orgId = await newOrg(admin, "Costs Intake Org");
    await addMemberWithUser(orgId, agentA, "agent");
    await addMemberWithUser(orgId, agentB, "agent");
    await addMemberWithUser(orgId, customer, "customer");
    const wrapped = fft.wrap(onIssueWritten);
    await withTriggersPaused(async () => {
      const ref = await createIssue(orgId, actorOf(customer, "customer"), "Parcel arrived damaged", "client");
      // The staff are told when the issue gets its number, so the notice can name it.
      const unnumbered = await ref.get();
      await numberPendingIssues(db(), orgId);
      const numbered = writtenEvent(unnumbered, await ref.get(), Date.now(), "evt-costs-raised");
      const { fetched } = await counting(db(), () => wrapped(numbered));

      for (const staff of [admin, agentA, agentB]) {
        expect((await notificationsOf(staff.uid, ref.id)).map((n) => n.type)).toEqual(["issue_raised"]);
      }
      for (const agent of [agentA, agentB])
        expect((await mailsOf(agent.uid, ref.id)).map((m) => m.to)).toEqual([agent.email]);
      expect(await notificationsOf(customer.uid, ref.id)).toEqual([]);
      expect(fetched.filter((path) => path.includes("/members/"))).toEqual([]);
      expect(fetched.filter((path) => path.startsWith("users/")).sort()).toEqual(
        [admin, agentA, agentB].map((u) => `users/${u.uid}`).sort(),
      );
    });
  });
});
