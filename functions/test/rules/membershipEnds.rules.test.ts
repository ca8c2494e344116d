/**
 * Access ends with membership, and starts only with a verified address (docs/security.md).
 * For every role: a person who raised an issue of org A reads its public thread while a
 * member; once their membership is removed they read nothing of org A any more (the org,
 * the issue, the thread, the members), and keep only their own portal projection. An
 * account whose address nobody verified reads nothing at all, not even its own profile.
 */
import { assertFails, assertSucceeds, type RulesTestEnvironment } from "@firebase/rules-unit-testing";
import {
  collection,
  deleteDoc,
  doc,
  getDoc,
  getDocs,
  orderBy,
  query,
  setDoc,
  where,
  type Firestore,
} from "firebase/firestore";
import { afterAll, beforeAll, describe, it } from "vitest";
import { testEnvironment } from "./env";
import * as make from "./factories";
import { UID } from "./actors";
import { issuePath, ORG_A, portalPath, seedWorld, threadPath } from "./world";

const ROLES = ["admin", "agent", "reporter", "viewer", "customer"] as const;

let env: RulesTestEnvironment;

const withoutRules = (work: (db: Firestore) => Promise<unknown>) =>
  env.withSecurityRulesDisabled((context) => work(context.firestore() as unknown as Firestore).then(() => undefined));

const uidOf = (role: string) => `u-leaver-${role}`;
const issueOf = (role: string) => `issue-by-${role}`;

const as = (uid: string, emailVerified = true) =>
  env
    .authenticatedContext(uid, { email: `${uid}@example.test`, email_verified: emailVerified })
    .firestore() as unknown as Firestore;

/** Everything of org A the person could read as a member, each a read that a removed member must be refused. */
function orgReads(db: Firestore, role: string): Record<string, () => Promise<unknown>> {
  const issueId = issueOf(role);
  const staffReads: Record<string, () => Promise<unknown>> =
    role === "customer"
      ? {}
      : {
          "a colleague's membership": () => getDoc(doc(db, `orgs/${ORG_A}/members/${UID.agent}`)),
          "the issue itself": () => getDoc(doc(db, issuePath(issueId))),
        };
  return {
    ...staffReads,
    "the org": () => getDoc(doc(db, `orgs/${ORG_A}`)),
    "a public comment of the issue they raised": () => getDoc(doc(db, threadPath(issueId, "comments", "public"))),
    "a public activity of the issue they raised": () => getDoc(doc(db, threadPath(issueId, "activities", "public"))),
    "the public thread of the issue they raised": () =>
      getDocs(
        query(collection(db, `${issuePath(issueId)}/comments`), where("internal", "==", false), orderBy("createdAt")),
      ),
  };
}

beforeAll(async () => {
  env = await testEnvironment();
  await seedWorld(env);
  await withoutRules(async (db) => {
    for (const role of ROLES) {
      const uid = uidOf(role);
      const reporter = { uid, name: `Leaving ${role}`, kind: role === "customer" ? "customer" : "member" } as const;
      await setDoc(doc(db, `orgs/${ORG_A}/members/${uid}`), make.memberDoc(uid, role));
      await setDoc(doc(db, issuePath(issueOf(role))), make.issueDoc(ORG_A, reporter));
      await setDoc(doc(db, threadPath(issueOf(role), "comments", "public")), make.commentDoc(reporter));
      await setDoc(doc(db, threadPath(issueOf(role), "activities", "public")), make.activityDoc(reporter));
      await setDoc(doc(db, portalPath(uid, issueOf(role))), make.portalIssueDoc(ORG_A, issueOf(role)));
    }
  });
});

afterAll(async () => {
  await env?.cleanup();
});

describe.each(ROLES)("a removed %s", (role) => {
  it("reads the org and the thread of the issue they raised while a member", async () => {
    for (const read of Object.values(orgReads(as(uidOf(role)), role))) await assertSucceeds(read());
  });

  it("reads nothing of the org once removed, and keeps only their own portal projection", async () => {
    await withoutRules((db) => deleteDoc(doc(db, `orgs/${ORG_A}/members/${uidOf(role)}`)));
    const db = as(uidOf(role));
    for (const [what, read] of Object.entries(orgReads(db, role))) {
      await assertFails(read()).catch((err: unknown) => {
        throw new Error(`a removed ${role} could still read ${what}: ${String(err)}`);
      });
    }
    await assertFails(getDoc(doc(db, issuePath(issueOf(role)))));
    await assertSucceeds(getDoc(doc(db, portalPath(uidOf(role), issueOf(role)))));
  });
});

describe("an account whose address is not verified", () => {
  it("reads nothing: not its org, not its thread, not its own profile or projection", async () => {
    const uid = "u-unverified-admin";
    await withoutRules(async (db) => {
      await setDoc(doc(db, `orgs/${ORG_A}/members/${uid}`), make.memberDoc(uid, "admin"));
      await setDoc(doc(db, `users/${uid}`), make.userDoc(uid));
      await setDoc(doc(db, portalPath(uid, issueOf("customer"))), make.portalIssueDoc(ORG_A, issueOf("customer")));
    });
    const verified = as(uid, true);
    await assertSucceeds(getDoc(doc(verified, `orgs/${ORG_A}`)));
    await assertSucceeds(getDoc(doc(verified, `users/${uid}`)));
    const unverified = as(uid, false);
    await assertFails(getDoc(doc(unverified, `orgs/${ORG_A}`)));
    await assertFails(getDoc(doc(unverified, issuePath(issueOf("customer")))));
    await assertFails(getDoc(doc(unverified, threadPath(issueOf("customer"), "comments", "public"))));
    await assertFails(getDoc(doc(unverified, `orgs/${ORG_A}/private/settings`)));
    await assertFails(getDoc(doc(unverified, `users/${uid}`)));
    await assertFails(getDoc(doc(unverified, portalPath(uid, issueOf("customer")))));
  });
});
