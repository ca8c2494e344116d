/**
 * An account disabled, revoked or deleted in Auth directly (the Firebase console, the Admin
 * SDK: not through our API nor `npm run user:access`) loses the security rules within a
 * minute, though its tab never calls the API (docs/security.md, "Disabled and revoked
 * accounts"). The minute sweep is called here as the schedule would call it (the emulator
 * runs no schedules); the reads are the person's own, under the rules, through the web SDK's
 * live listener and through REST.
 */
import { randomUUID } from "node:crypto";
import { deleteApp, initializeApp as initializeClientApp } from "firebase/app";
import { connectAuthEmulator, getAuth as getClientAuth, signInWithEmailAndPassword } from "firebase/auth";
import {
  connectFirestoreEmulator,
  doc,
  type DocumentSnapshot,
  type FirestoreError,
  getFirestore as getClientFirestore,
  onSnapshot,
} from "firebase/firestore";
import { getAuth } from "firebase-admin/auth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { endSessionsOfDeletedAccount } from "../../src/events/endSessionsOnDelete";
import { sweepRevokedSessions } from "../../src/events/revokedSessionsSweep";
import {
  addMember,
  authTimeOf,
  call,
  db,
  newOrg,
  newUser,
  PASSWORD,
  PROJECT_ID,
  readAs,
  signIn,
  type TestUser,
} from "./helpers";

let admin: TestUser;
let orgId: string;
let issuePath: string;
const closers: (() => Promise<void>)[] = [];

beforeAll(async () => {
  admin = await newUser("sweep-admin");
  orgId = await newOrg(admin, "Sweep Org");
  const issue = await call("POST", `/orgs/${orgId}/issues`, { token: admin.token, body: { title: "Printer on fire" } });
  expect(issue.status).toBe(201);
  issuePath = `orgs/${orgId}/issues/${issue.body.id as string}`;
});

afterAll(async () => {
  for (const close of closers) await close();
});

const secondPasses = () => new Promise((resolve) => setTimeout(resolve, 1100)); // auth_time has whole seconds

/** An agent of the org, with a profile and a notification, who has not called the API. */
async function agent(label: string): Promise<TestUser> {
  const person = await newUser(label);
  await addMember(orgId, person, "agent");
  await db().doc(`users/${person.uid}`).set({ displayName: person.name });
  await db().doc(`users/${person.uid}/notifications/n1`).set({ type: "assigned", orgId, read: false });
  return person;
}

/** The person's reads: the org, their membership, the issue, their profile, their notification. */
async function statusesOf(token: string, uid: string): Promise<number[]> {
  const paths = [
    `orgs/${orgId}`,
    `orgs/${orgId}/members/${uid}`,
    issuePath,
    `users/${uid}`,
    `users/${uid}/notifications/n1`,
  ];
  const statuses: number[] = [];
  for (const path of paths) statuses.push(await readAs(token, path));
  return statuses;
}
const ALLOWED = [200, 200, 200, 200, 200];
const REFUSED = [403, 403, 403, 403, 403];

const markerOf = async (path: string) => (await db().doc(path).get()).get("sessionsValidAfter") as number | undefined;
const markersOf = async (uid: string) => [
  await markerOf(`orgs/${orgId}/members/${uid}`),
  await markerOf(`users/${uid}`),
];

/**
 * The issue as the web app watches it: the web SDK signed in as the person, one live listener.
 * `next()` answers the listener's next event, a snapshot or the error that ends it.
 */
async function watchIssue(email: string) {
  const app = initializeClientApp({ projectId: PROJECT_ID, apiKey: "demo-key" }, `watch-${randomUUID()}`);
  closers.push(() => deleteApp(app));
  const auth = getClientAuth(app);
  connectAuthEmulator(auth, `http://${process.env.FIREBASE_AUTH_EMULATOR_HOST}`, { disableWarnings: true });
  const [host, port] = process.env.FIRESTORE_EMULATOR_HOST!.split(":");
  const firestore = getClientFirestore(app);
  connectFirestoreEmulator(firestore, host!, Number(port));
  const session = await signInWithEmailAndPassword(auth, email, PASSWORD);
  const events: (DocumentSnapshot | FirestoreError)[] = [];
  let wake: (() => void) | undefined;
  onSnapshot(
    doc(firestore, issuePath),
    (snapshot) => {
      events.push(snapshot);
      wake?.();
    },
    (err) => {
      events.push(err);
      wake?.();
    },
  );
  const next = async (): Promise<DocumentSnapshot | FirestoreError> => {
    while (events.length === 0) await new Promise<void>((resolve) => (wake = resolve));
    return events.shift()!;
  };
  return {
    token: await session.user.getIdToken(),
    /**
     * What the tab sees of the issue titled `title`: that title, or the refusal that ends the
     * listener. Snapshots of other titles are the follow-ups of earlier changes (the issue
     * trigger's derived fields), which Firestore may deliver late; they are passed over.
     */
    sees: async (title: string): Promise<string> => {
      for (;;) {
        const event = await next();
        if ("code" in event) return `refused: ${event.code}`;
        if (event.get("title") === title) return title;
      }
    },
  };
}

/** Staff change the issue; a listener still allowed receives the new title. */
async function retitle(title: string) {
  expect((await call("PATCH", `/${issuePath}`, { token: admin.token, body: { title } })).status).toBe(200);
}

describe("the minute sweep ends sessions Auth ended directly", () => {
  it("an account disabled with the Admin SDK: its open tab keeps reading until the sweep, then nothing; a second sweep writes nothing", async () => {
    const person = await agent("disabled-directly");
    const tab = await watchIssue(person.email);
    expect(await tab.sees("Printer on fire")).toBe("Printer on fire");
    expect(await statusesOf(person.token, person.uid)).toEqual(ALLOWED);
    await secondPasses();

    await getAuth().updateUser(person.uid, { disabled: true });
    // Auth alone: the ID tokens are valid for up to an hour and the rules know nothing yet.
    expect(await statusesOf(tab.token, person.uid)).toEqual(ALLOWED);
    await retitle("Printer still on fire");
    expect(await tab.sees("Printer still on fire")).toBe("Printer still on fire");

    const swept = await sweepRevokedSessions({ known: new Map() });
    expect(swept.marked).toBeGreaterThanOrEqual(1);
    const lastSignIn = Date.parse((await getAuth().getUser(person.uid)).metadata.lastSignInTime);
    expect(await markersOf(person.uid)).toEqual([Math.floor(lastSignIn / 1000) + 1, Math.floor(lastSignIn / 1000) + 1]);
    expect(await statusesOf(tab.token, person.uid)).toEqual(REFUSED);
    expect(await statusesOf(person.token, person.uid)).toEqual(REFUSED);
    // The open listener hears of the next change only as its refusal.
    await retitle("Printer out");
    expect(await tab.sees("Printer out")).toBe("refused: permission-denied");

    // Nothing changed in Auth: a new instance reads the cut-off accounts' profiles once and writes nothing,
    // a warm one reads nothing either.
    const known = new Map<string, number>();
    const cold = await sweepRevokedSessions({ known });
    expect(cold).toMatchObject({ marked: 0, written: 0, failed: 0 });
    expect(cold.read).toBeGreaterThanOrEqual(1);
    expect(await sweepRevokedSessions({ known })).toMatchObject({ read: 0, marked: 0, written: 0, failed: 0 });

    // Enabled again, the old tokens stay ended; a new sign-in reads.
    await getAuth().updateUser(person.uid, { disabled: false });
    expect(await sweepRevokedSessions({ known })).toMatchObject({ marked: 0, written: 0 });
    expect(await statusesOf(tab.token, person.uid)).toEqual(REFUSED);
    await secondPasses();
    expect(await statusesOf(await signIn(person.email), person.uid)).toEqual(ALLOWED);
  });

  it("sessions revoked with the Admin SDK: the old token is refused after the sweep, one signed in since reads on", async () => {
    const person = await agent("revoked-directly");
    const tab = await watchIssue(person.email);
    const title = (await db().doc(issuePath).get()).get("title") as string;
    expect(await tab.sees(title)).toBe(title);
    await secondPasses();

    await getAuth().revokeRefreshTokens(person.uid);
    expect(await statusesOf(tab.token, person.uid)).toEqual(ALLOWED);
    await secondPasses();
    const signedInSince = await signIn(person.email);

    const known = new Map<string, number>();
    expect((await sweepRevokedSessions({ known })).marked).toBeGreaterThanOrEqual(1);
    const validAfter = Math.floor(Date.parse((await getAuth().getUser(person.uid)).tokensValidAfterTime!) / 1000);
    expect(validAfter).toBeGreaterThan(authTimeOf(tab.token));
    expect(await markersOf(person.uid)).toEqual([validAfter, validAfter]);
    expect(await statusesOf(tab.token, person.uid)).toEqual(REFUSED);
    expect(await statusesOf(person.token, person.uid)).toEqual(REFUSED);
    expect(await statusesOf(signedInSince, person.uid)).toEqual(ALLOWED);
    await retitle("Printer replaced");
    expect(await tab.sees("Printer replaced")).toBe("refused: permission-denied");

    expect(await sweepRevokedSessions({ known: new Map() })).toMatchObject({ marked: 0, written: 0, failed: 0 });
  });

  it("leaves an account that is fine untouched", async () => {
    // Auth sets tokensValidAfterTime with the password, in the second of creation; an account created
    // across a second boundary counts as revoked once (rightly, by Auth's own reckoning): take another.
    let person = await agent("fine");
    for (let tries = 0; tries < 3 && (await revokedSinceCreation(person.uid)); tries++) person = await agent("fine");
    expect(await revokedSinceCreation(person.uid)).toBe(false);

    await sweepRevokedSessions({ known: new Map() });
    expect(await markersOf(person.uid)).toEqual([undefined, undefined]);
    expect(await statusesOf(person.token, person.uid)).toEqual(ALLOWED);
  });

  it("a deleted account: its old token reads nothing once Auth reports the deletion; a redelivery writes nothing", async () => {
    const person = await agent("deleted");
    expect(await statusesOf(person.token, person.uid)).toEqual(ALLOWED);
    const record = await getAuth().getUser(person.uid);
    await getAuth().deleteUser(person.uid);

    // The deleted account is no longer listed: the sweep cannot end its sessions, the delete event does
    // (the live trigger runs too; both write the same marker).
    await sweepRevokedSessions({ known: new Map() });
    await endSessionsOfDeletedAccount(record);
    const marker = Math.floor(Date.parse(record.metadata.lastSignInTime) / 1000) + 1;
    expect(marker).toBeGreaterThan(authTimeOf(person.token));
    expect(await markersOf(person.uid)).toEqual([marker, marker]);
    expect(await statusesOf(person.token, person.uid)).toEqual(REFUSED);
    expect(await endSessionsOfDeletedAccount(record)).toEqual({ written: 0 });
  });
});

async function revokedSinceCreation(uid: string): Promise<boolean> {
  const record = await getAuth().getUser(uid);
  const validAfter = Math.floor(Date.parse(record.tokensValidAfterTime!) / 1000);
  return validAfter > Math.floor(Date.parse(record.metadata.creationTime) / 1000);
}
