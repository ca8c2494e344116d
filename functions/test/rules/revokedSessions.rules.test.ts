/**
 * Revocation reaches the rules (docs/security.md): when the server disables a person or
 * revokes their sessions it writes `sessionsValidAfter` (Unix seconds) on their memberships
 * and their profile. A token signed in before that reads nothing of the org (org, members,
 * issues, thread) nor of their own notifications and portal issues, though it is still a
 * valid ID token for up to an hour. A fresh sign-in after the revocation reads again.
 */
import { assertFails, assertSucceeds, type RulesTestEnvironment } from "@firebase/rules-unit-testing";
import { collection, doc, getDoc, getDocs, query, setDoc, updateDoc, where, type Firestore } from "firebase/firestore";
import { afterAll, beforeAll, describe, it } from "vitest";
import { testEnvironment } from "./env";
import * as make from "./factories";
import { UID } from "./actors";
import { issuePath, ISSUE, ORG_A, portalPath, seedWorld, threadPath } from "./world";

let env: RulesTestEnvironment;
const REVOKED_AT = 1_900_000_000;
const BEFORE = REVOKED_AT - 600;
const AFTER = REVOKED_AT + 5;

const withoutRules = (work: (db: Firestore) => Promise<unknown>) =>
  env.withSecurityRulesDisabled((context) => work(context.firestore() as unknown as Firestore).then(() => undefined));

/** The person signed in at `authTime` (seconds). */
const as = (uid: string, authTime: number) =>
  env
    .authenticatedContext(uid, { email: `${uid}@example.test`, email_verified: true, auth_time: authTime })
    .firestore() as unknown as Firestore;

/** What the revoked agent and customer may read while their sessions stand. */
const staffReads = (db: Firestore): Record<string, () => Promise<unknown>> => ({
  "the org": () => getDoc(doc(db, `orgs/${ORG_A}`)),
  "their own membership": () => getDoc(doc(db, `orgs/${ORG_A}/members/${UID.agent}`)),
  "a colleague's membership": () => getDoc(doc(db, `orgs/${ORG_A}/members/${UID.admin}`)),
  "an issue": () => getDoc(doc(db, issuePath(ISSUE.internal))),
  "the issue list": () => getDocs(query(collection(db, `orgs/${ORG_A}/issues`), where("deleted", "==", false))),
  "an internal comment": () => getDoc(doc(db, threadPath(ISSUE.owned, "comments", "internal"))),
  "an activity": () => getDoc(doc(db, threadPath(ISSUE.owned, "activities", "public"))),
  "the stats": () => getDoc(doc(db, `orgs/${ORG_A}/stats/summary`)),
  "their profile": () => getDoc(doc(db, `users/${UID.agent}`)),
  "their notification": () => getDoc(doc(db, `users/${UID.agent}/notifications/note-agent`)),
});

const customerReads = (db: Firestore): Record<string, () => Promise<unknown>> => ({
  "the org": () => getDoc(doc(db, `orgs/${ORG_A}`)),
  "a public comment of their issue": () => getDoc(doc(db, threadPath(ISSUE.owned, "comments", "public"))),
  "their portal issue": () => getDoc(doc(db, portalPath(UID.owner, ISSUE.owned))),
  "their portal list": () => getDocs(collection(db, `users/${UID.owner}/portalIssues`)),
  "their notifications": () => getDocs(collection(db, `users/${UID.owner}/notifications`)),
  "their profile": () => getDoc(doc(db, `users/${UID.owner}`)),
});

async function allRefused(reads: Record<string, () => Promise<unknown>>, who: string) {
  for (const [what, read] of Object.entries(reads))
    await assertFails(read()).catch((err: unknown) => {
      throw new Error(`${who} could still read ${what}: ${String(err)}`);
    });
}

async function allAllowed(reads: Record<string, () => Promise<unknown>>, who: string) {
  for (const [what, read] of Object.entries(reads))
    await assertSucceeds(read()).catch((err: unknown) => {
      throw new Error(`${who} could not read ${what}: ${String(err)}`);
    });
}

beforeAll(async () => {
  env = await testEnvironment();
  await seedWorld(env);
  await withoutRules(async (db) => {
    await setDoc(doc(db, `users/${UID.agent}/notifications/note-agent`), make.notificationDoc(ORG_A, ISSUE.owned));
    // As the server writes it (store/sessions.ts): on every membership, in every org, and on the profile.
    for (const uid of [UID.agent, UID.owner]) {
      await updateDoc(doc(db, `orgs/${ORG_A}/members/${uid}`), { sessionsValidAfter: REVOKED_AT });
      await updateDoc(doc(db, `users/${uid}`), { sessionsValidAfter: REVOKED_AT });
    }
    await updateDoc(doc(db, `orgs/org-b/members/${UID.owner}`), { sessionsValidAfter: REVOKED_AT });
  });
});

afterAll(async () => {
  await env?.cleanup();
});

describe("a revoked agent", () => {
  it("signed in before the revocation reads nothing of the org nor of their own", async () => {
    await allRefused(staffReads(as(UID.agent, BEFORE)), "a revoked agent");
  });

  it("signed in again afterwards reads as before", async () => {
    await allAllowed(staffReads(as(UID.agent, AFTER)), "an agent signed in again");
    // The same second as the revocation counts as after it, as the API and firebase-admin judge it.
    await assertSucceeds(getDoc(doc(as(UID.agent, REVOKED_AT), issuePath(ISSUE.internal))));
  });

  it("cannot clear the marker from a stale session, nor from a fresh one", async () => {
    await assertFails(updateDoc(doc(as(UID.agent, BEFORE), `users/${UID.agent}`), { displayName: "Still here" }));
    await assertFails(updateDoc(doc(as(UID.agent, AFTER), `users/${UID.agent}`), { sessionsValidAfter: 0 }));
    await assertSucceeds(updateDoc(doc(as(UID.agent, AFTER), `users/${UID.agent}`), { displayName: "Back again" }));
  });
});

describe("a revoked customer", () => {
  it("signed in before the revocation reads neither the thread nor their projection and notifications", async () => {
    await allRefused(customerReads(as(UID.owner, BEFORE)), "a revoked customer");
    await assertFails(updateDoc(doc(as(UID.owner, BEFORE), `users/${UID.owner}/notifications/note-1`), { read: true }));
  });

  it("signed in again afterwards reads as before", async () => {
    await allAllowed(customerReads(as(UID.owner, AFTER)), "a customer signed in again");
    await assertSucceeds(
      updateDoc(doc(as(UID.owner, AFTER), `users/${UID.owner}/notifications/note-1`), { read: true }),
    );
  });
});

describe("people never revoked", () => {
  it("read whenever they signed in, with or without a profile", async () => {
    await assertSucceeds(getDoc(doc(as(UID.admin, BEFORE), issuePath(ISSUE.internal))));
    const newcomer = "u-no-profile";
    await withoutRules((db) =>
      setDoc(doc(db, `users/${newcomer}/notifications/first`), make.notificationDoc(ORG_A, ISSUE.owned)),
    );
    // No profile document at all: the marker's get() finds nothing, and nothing is revoked.
    await assertSucceeds(getDoc(doc(as(newcomer, BEFORE), `users/${newcomer}/notifications/first`)));
    await assertSucceeds(getDoc(doc(as(newcomer, BEFORE), `users/${newcomer}`)));
  });
});
