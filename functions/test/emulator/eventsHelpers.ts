/** Shared by the event suites: issues written as the API writes them, events built as Firestore sends them. */
import { randomUUID } from "node:crypto";
import firebaseFunctionsTest from "firebase-functions-test";
import { FieldValue, type DocumentReference, type DocumentSnapshot } from "firebase-admin/firestore";
import type { Actor, IssueCreateInput, MemberRole, Source } from "../../src/domain";
import { insertIssue } from "../../src/store/issues";
import { addMember, db, type TestUser } from "./helpers";

export const fft = firebaseFunctionsTest({ projectId: "demo-firetrack" });

export const actorOf = (user: TestUser, kind: Actor["kind"] = "member"): Actor => ({
  uid: user.uid,
  name: user.name,
  kind,
});

export function createInput(title: string, overrides: Partial<IssueCreateInput> = {}): IssueCreateInput {
  return {
    title,
    description: "",
    type: "task",
    priority: "medium",
    category: "general",
    tags: [],
    vendor: null,
    order: null,
    ...overrides,
  };
}

/** Creates an issue through the API's own store function. */
export async function createIssue(
  orgId: string,
  reporter: Actor,
  title: string,
  source: Source = "internal",
  overrides: Partial<IssueCreateInput> = {},
) {
  const id = await insertIssue(db(), orgId, { input: createInput(title, overrides), source, reporter });
  return db().doc(`orgs/${orgId}/issues/${id}`);
}

/** An issue write as the API makes it: the change, lastActor, version + 1, updatedAt. */
export function apiUpdate(ref: DocumentReference, actor: Actor, change: Record<string, unknown>) {
  return ref.update({
    ...change,
    lastActor: actor,
    version: FieldValue.increment(1),
    updatedAt: FieldValue.serverTimestamp(),
  });
}

/** A member with a profile as the server records it (the address and whether Auth verified it). */
export async function addMemberWithUser(
  orgId: string,
  user: TestUser,
  role: MemberRole,
  prefs?: unknown,
  { emailVerified = true } = {},
) {
  await addMember(orgId, user, role, { emailVerified });
  await db()
    .doc(`users/${user.uid}`)
    .set(
      { displayName: user.name, email: user.email, emailVerified, ...(prefs ? { notificationPrefs: prefs } : {}) },
      { merge: true },
    );
}

/** A written-event as Firestore delivers it; `time` is the injected clock. */
export function writtenEvent(
  before: DocumentSnapshot,
  after: DocumentSnapshot,
  time: number,
  id: string = randomUUID(),
) {
  const [orgId, issueId] = [after.ref.parent.parent!.id, after.ref.id];
  return { id, time: new Date(time).toISOString(), data: fft.makeChange(before, after), params: { orgId, issueId } };
}

export function createdEvent(
  snapshot: DocumentSnapshot,
  params: Record<string, string>,
  time: number,
  id: string = randomUUID(),
) {
  return { id, time: new Date(time).toISOString(), data: snapshot, params };
}

/** Snapshot of a path that does not exist yet, as `before` of a create. */
export const missing = (ref: DocumentReference) => ref.get();

export async function waitFor<T>(
  label: string,
  probe: () => Promise<T | null | undefined | false>,
  deadlineMs = 60_000,
): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() - started > deadlineMs) throw new Error(`timed out after ${deadlineMs} ms waiting for ${label}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export async function notificationsOf(uid: string, issueId: string) {
  const result = await db().collection(`users/${uid}/notifications`).where("issueId", "==", issueId).get();
  return result.docs.map((doc) => ({ id: doc.id, ...(doc.data() as { type: string; title: string; read: boolean }) }));
}

export async function mailsOf(uid: string, issueId: string) {
  const result = await db().collection("mail").where("uid", "==", uid).where("issueId", "==", issueId).get();
  return result.docs.map(
    (doc) => doc.data() as { to: string; message: { subject: string; text: string; html: string } },
  );
}

export async function activitiesOf(ref: DocumentReference) {
  const result = await ref.collection("activities").get();
  return result.docs.map((doc) => ({
    id: doc.id,
    ...(doc.data() as { type: string; internal: boolean; actor: Actor; changes: Record<string, unknown> }),
  }));
}
