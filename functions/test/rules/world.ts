/**
 * The world every rules suite acts on:
 * - org A, with an admin, an agent, a reporter, a viewer and two customers: the
 *   owner (who raised the issues under test) and another customer;
 * - org B, whose admin is the outsider and where the owner is a customer too, so
 *   the cross-org collection-group query has something to find;
 * - a thread (public and internal comments and activities) on each issue of A.
 */
import type { RulesTestEnvironment } from "@firebase/rules-unit-testing";
import { deleteDoc, doc, setDoc, type Firestore } from "firebase/firestore";
import { UID } from "./actors";
import * as make from "./factories";
import type { Person } from "./factories";

export const ORG_A = "org-a";
export const ORG_B = "org-b";

export const PEOPLE = {
  agent: { uid: UID.agent, name: "Agent", kind: "member" },
  owner: { uid: UID.owner, name: "Owner", kind: "customer" },
  otherCustomer: { uid: UID.otherCustomer, name: "Other Customer", kind: "customer" },
} satisfies Record<string, Person>;

/** Org A's members and their roles. */
export const MEMBERS_OF_A: Readonly<Record<string, string>> = {
  [UID.admin]: "admin",
  [UID.agent]: "agent",
  [UID.reporter]: "reporter",
  [UID.viewer]: "viewer",
  [UID.owner]: "customer",
  [UID.otherCustomer]: "customer",
};

/** Issues of org A (and one of org B), by what they are for. */
export const ISSUE = {
  /** Raised by the owner. */
  owned: "issue-owned",
  /** Raised by the other customer. */
  others: "issue-others",
  /** Raised by the owner, then soft-deleted. */
  deleted: "issue-deleted",
  /** Raised internally by the agent. */
  internal: "issue-internal",
  /** Raised by the owner in org B. */
  ownedInB: "issue-owned-b",
} as const;

export const issuePath = (issueId: string, orgId = ORG_A) => `orgs/${orgId}/issues/${issueId}`;
/** The number of the other customer's issue, in their projection (the owner's issues are ISS-2026-0001). */
export const OTHERS_NUMBER = "ISS-2026-0002";

/** The customer's projection of an issue they raised (users/{uid}/portalIssues/{orgId}_{issueId}). */
export const portalPath = (uid: string, issueId: string, orgId = ORG_A) =>
  `users/${uid}/portalIssues/${orgId}_${issueId}`;
export const threadPath = (issueId: string, kind: "comments" | "activities", entryId: string) =>
  `${issuePath(issueId)}/${kind}/${entryId}`;

type Data = Record<string, unknown>;

function worldDocuments(): Record<string, Data> {
  const docs: Record<string, Data> = {
    [`orgs/${ORG_A}`]: make.orgDoc(),
    [`orgs/${ORG_B}`]: make.orgDoc({ name: "Bolt Logistics", slug: "bolt", createdBy: UID.outsider }),
    [`orgs/${ORG_A}/private/settings`]: make.settingsDoc(),
    [`orgs/${ORG_B}/private/settings`]: make.settingsDoc({ publicIntake: true }),
    [`orgs/${ORG_B}/members/${UID.outsider}`]: make.memberDoc(UID.outsider, "admin", { orgId: ORG_B }),
    [`orgs/${ORG_B}/members/${UID.owner}`]: make.memberDoc(UID.owner, "customer", { orgId: ORG_B }),
    [`orgs/${ORG_B}/memberEmails/${UID.outsider}`]: make.memberEmailDoc(UID.outsider, { orgId: ORG_B }),
    [`orgs/${ORG_A}/invites/invite-1`]: make.inviteDoc(),
    [issuePath(ISSUE.owned)]: make.issueDoc(ORG_A, PEOPLE.owner),
    [issuePath(ISSUE.others)]: make.issueDoc(ORG_A, PEOPLE.otherCustomer),
    [issuePath(ISSUE.deleted)]: make.issueDoc(ORG_A, PEOPLE.owner, { deleted: true, deletedBy: UID.agent }),
    [issuePath(ISSUE.internal)]: make.issueDoc(ORG_A, PEOPLE.agent),
    [issuePath(ISSUE.ownedInB, ORG_B)]: make.issueDoc(ORG_B, PEOPLE.owner),
    [portalPath(UID.owner, ISSUE.owned)]: make.portalIssueDoc(ORG_A, ISSUE.owned),
    [portalPath(UID.owner, ISSUE.ownedInB, ORG_B)]: make.portalIssueDoc(ORG_B, ISSUE.ownedInB, {
      orgName: "Bolt Logistics",
    }),
    [portalPath(UID.otherCustomer, ISSUE.others)]: make.portalIssueDoc(ORG_A, ISSUE.others, {
      number: OTHERS_NUMBER,
    }),
    [`orgs/${ORG_A}/counters/issues_2026`]: make.counterDoc(),
    [`orgs/${ORG_A}/counters/numbering_lease`]: make.leaseDoc(),
    [`orgs/${ORG_A}/stats/summary`]: make.statsDoc(),
    [`orgs/${ORG_A}/apiKeys/key-1`]: make.apiKeyDoc(),
    [`orgs/${ORG_A}/savedReplies/reply-1`]: make.savedReplyDoc(),
    [`orgs/${ORG_A}/savedReplies/reply-2`]: make.savedReplyDoc({ title: "Escalated to billing", internal: true }),
    [`orgs/${ORG_B}/savedReplies/reply-b`]: make.savedReplyDoc({ title: "Bolt's own reply" }),
    [`orgs/${ORG_A}/macros/macro-1`]: make.macroDoc(),
    [`orgs/${ORG_A}/macros/macro-2`]: make.macroDoc({
      name: "Escalate to billing",
      reply: null,
      changes: { priority: "high" },
    }),
    [`orgs/${ORG_B}/macros/macro-b`]: make.macroDoc({ name: "Bolt's own macro" }),
    [`orgs/${ORG_A}/apiKeySecrets/key-1`]: make.apiKeySecretDoc(ORG_A),
    "apiKeySecrets/key-1": make.apiKeySecretDoc(ORG_A),
    [`orgs/${ORG_A}/idempotency/idem-1`]: make.idempotencyDoc(),
    [`users/${UID.owner}/notifications/note-1`]: make.notificationDoc(ORG_A, ISSUE.owned),
    "mail/mail-1": make.mailDoc(),
    "webhookDeliveries/delivery-1": make.webhookDeliveryDoc(),
    "slugs/org-a-support": make.slugDoc(ORG_A),
    "mailThreads/thread-1": make.mailThreadDoc(ORG_A),
    [`${issuePath(ISSUE.owned, ORG_A)}/mails/mail-1`]: make.issueMailDoc(),
    "inboundMail/inbound-1": make.inboundMailDoc(ORG_A),
    "linear/team_team-1": make.linearTeamDoc(),
    "linearTeams/team-a": make.linearBindingDoc(ORG_A),
    "linearTeams/team-b": make.linearBindingDoc(ORG_B),
    "unlisted/doc-1": { note: "a collection the rules do not name" },
  };
  for (const [uid, role] of Object.entries(MEMBERS_OF_A)) {
    docs[`orgs/${ORG_A}/members/${uid}`] = make.memberDoc(uid, role);
    docs[`orgs/${ORG_A}/memberEmails/${uid}`] = make.memberEmailDoc(uid);
  }
  for (const uid of Object.values(UID)) docs[`users/${uid}`] = make.userDoc(uid);
  for (const issueId of [ISSUE.owned, ISSUE.others, ISSUE.deleted, ISSUE.internal]) {
    docs[threadPath(issueId, "comments", "public")] = make.commentDoc(PEOPLE.agent);
    docs[threadPath(issueId, "comments", "internal")] = make.commentDoc(PEOPLE.agent, {
      internal: true,
      body: "Refund?",
    });
    docs[threadPath(issueId, "activities", "public")] = make.activityDoc(PEOPLE.agent);
    docs[threadPath(issueId, "activities", "internal")] = make.activityDoc(PEOPLE.agent, {
      type: "assigned",
      changes: { assignee: { from: null, to: UID.agent } },
      internal: true,
    });
  }
  return docs;
}

export const WORLD: Readonly<Record<string, Data>> = worldDocuments();

const withoutRules = (env: RulesTestEnvironment, work: (db: Firestore) => Promise<unknown>) =>
  env.withSecurityRulesDisabled((context) => work(context.firestore() as unknown as Firestore).then(() => undefined));

/** Empties the rules project and writes the whole world. */
export async function seedWorld(env: RulesTestEnvironment): Promise<void> {
  await env.clearFirestore();
  await withoutRules(env, (db) =>
    Promise.all(Object.entries(WORLD).map(([path, data]) => setDoc(doc(db, path), data))),
  );
}

/** Puts documents back as the world has them (for suites whose allowed writes change them). */
export async function restore(env: RulesTestEnvironment, paths: string[]): Promise<void> {
  await withoutRules(env, (db) =>
    Promise.all(paths.map((path) => (WORLD[path] ? setDoc(doc(db, path), WORLD[path]) : deleteDoc(doc(db, path))))),
  );
}

/** Removes documents, for cases about creating them. */
export async function remove(env: RulesTestEnvironment, paths: string[]): Promise<void> {
  await withoutRules(env, (db) => Promise.all(paths.map((path) => deleteDoc(doc(db, path)))));
}
