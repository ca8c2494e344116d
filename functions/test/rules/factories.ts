/**
 * Test data shaped like docs/product.md. Each factory gives a complete document with
 * plausible values; a test overrides only what it is about.
 */
import { Timestamp } from "firebase/firestore";

type Data = Record<string, unknown>;

const at = (iso: string) => Timestamp.fromDate(new Date(iso));
const CREATED = at("2026-03-02T10:00:00Z");

export interface Person {
  uid: string;
  name: string;
  kind: "member" | "customer" | "service" | "linear" | "system";
}

export const orgDoc = (overrides: Data = {}): Data => ({
  name: "Acme Support",
  slug: "acme-support",
  createdAt: CREATED,
  createdBy: "u-admin",
  ...overrides,
});

/** orgs/{orgId}/private/settings: what only admins read. */
export const settingsDoc = (overrides: Data = {}): Data => ({
  publicIntake: false,
  autoJoinDomains: ["acme.test"],
  sla: { medium: { firstResponseMins: 480, resolutionMins: 4320 } },
  linear: { teamId: null, enabled: false, mirrorComments: "public", stateMap: {} },
  serviceAccounts: ["intake@demo-firetrack.iam.gserviceaccount.com"],
  updatedAt: CREATED,
  ...overrides,
});

export const memberDoc = (uid: string, role: string, overrides: Data = {}): Data => ({
  uid,
  orgId: "org-a",
  role,
  displayName: `${role} ${uid}`,
  createdAt: CREATED,
  ...overrides,
});

export const memberEmailDoc = (uid: string, overrides: Data = {}): Data => ({
  uid,
  orgId: "org-a",
  email: `${uid}@example.test`,
  emailVerified: true,
  ...overrides,
});

export const inviteDoc = (overrides: Data = {}): Data => ({
  email: "new.agent@example.test",
  role: "agent",
  invitedBy: "u-admin",
  createdAt: CREATED,
  expiresAt: at("2026-03-09T10:00:00Z"),
  acceptedAt: null,
  ...overrides,
});

let issueSeq = 0;
export const issueDoc = (orgId: string, reporter: Person, overrides: Data = {}): Data => {
  issueSeq += 1;
  return {
    orgId,
    number: `ISS-2026-${String(issueSeq).padStart(4, "0")}`,
    seq: issueSeq,
    year: 2026,
    title: `Issue ${issueSeq}`,
    description: "The parcel arrived damaged.",
    type: "bug",
    priority: "medium",
    category: "delivery",
    status: "open",
    tags: ["parcel"],
    source: reporter.kind === "customer" ? "client" : "internal",
    reporter,
    raisedByCustomer: reporter.kind === "customer",
    assignee: null,
    watchers: [reporter.uid],
    vendor: null,
    order: null,
    resolution: null,
    createdAt: CREATED,
    updatedAt: CREATED,
    firstResponseAt: null,
    resolvedAt: null,
    closedAt: null,
    sla: null,
    linear: null,
    fingerprint: null,
    occurrences: 1,
    lastSeenAt: CREATED,
    commentCount: 0,
    publicCommentCount: 0,
    searchTokens: ["parcel", "damaged"],
    deleted: false,
    deletedAt: null,
    deletedBy: null,
    version: 1,
    lastActor: reporter,
    ...overrides,
  };
};

/** The customer-visible fields of an issue (docs/product.md), as the event core writes them. */
export const portalIssueDoc = (orgId: string, issueId: string, overrides: Data = {}): Data => ({
  orgId,
  orgName: "Acme Support",
  issueId,
  number: "ISS-2026-0001",
  title: "The parcel arrived damaged",
  description: "Box crushed.",
  status: "open",
  priority: "medium",
  category: "delivery",
  type: "bug",
  vendor: null,
  order: null,
  createdAt: CREATED,
  updatedAt: CREATED,
  resolvedAt: null,
  closedAt: null,
  resolution: null,
  assignee: { name: "Agent" },
  publicCommentCount: 1,
  ...overrides,
});

export const commentDoc = (author: Person, overrides: Data = {}): Data => ({
  body: "We are looking into it.",
  author,
  internal: false,
  solution: false,
  source: author.kind === "customer" ? "client" : "internal",
  createdAt: CREATED,
  editedAt: null,
  ...overrides,
});

export const activityDoc = (actor: Person, overrides: Data = {}): Data => ({
  type: "status_changed",
  actor,
  changes: { status: { from: "open", to: "in_progress" } },
  internal: false,
  at: CREATED,
  ...overrides,
});

export const counterDoc = (overrides: Data = {}): Data => ({
  next: 43,
  transactions: 7,
  updatedAt: CREATED,
  ...overrides,
});
export const leaseDoc = (): Data => ({ holder: "a-holder", expiresAt: CREATED });

export const statsDoc = (overrides: Data = {}): Data => ({
  byStatus: { open: 3, resolved: 1 },
  byPriority: { medium: 4 },
  total: 4,
  updatedAt: CREATED,
  ...overrides,
});

export const apiKeyDoc = (overrides: Data = {}): Data => ({
  name: "Shop backend",
  prefix: "ftk_AbCdEfGh",
  role: "service",
  createdBy: "u-admin",
  createdAt: CREATED,
  lastUsedAt: null,
  revokedAt: null,
  ...overrides,
});

export const savedReplyDoc = (overrides: Data = {}): Data => ({
  title: "Refund on its way",
  body: "We have issued the refund; it reaches your account within five working days.",
  internal: false,
  createdBy: "u-admin",
  createdAt: CREATED,
  updatedBy: "u-admin",
  updatedAt: CREATED,
  ...overrides,
});

export const macroDoc = (overrides: Data = {}): Data => ({
  name: "Ask for logs",
  reply: { body: "Could you send us the logs from the time it failed?", internal: false },
  changes: { status: "waiting_for_response", addTags: ["needs-logs"] },
  createdBy: "u-admin",
  createdAt: CREATED,
  updatedBy: "u-admin",
  updatedAt: CREATED,
  ...overrides,
});

export const apiKeySecretDoc = (orgId: string): Data => ({
  orgId,
  hash: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
  revoked: false,
});

export const idempotencyDoc = (): Data => ({
  status: 201,
  body: { id: "issue-1" },
  createdAt: CREATED,
  expiresAt: at("2026-03-03T10:00:00Z"),
});

export const userDoc = (uid: string, overrides: Data = {}): Data => ({
  displayName: `User ${uid}`,
  email: `${uid}@example.test`,
  emailVerified: true,
  notificationPrefs: { comment: { inApp: true, email: false } },
  ...overrides,
});

export const notificationDoc = (orgId: string, issueId: string, overrides: Data = {}): Data => ({
  type: "comment",
  orgId,
  issueId,
  issueNumber: "ISS-2026-0001",
  title: "New reply on your issue",
  read: false,
  createdAt: CREATED,
  ...overrides,
});

export const mailDoc = (): Data => ({
  to: ["owner@example.test"],
  message: { subject: "New reply", text: "We are looking into it.", html: "<p>We are looking into it.</p>" },
});

export const webhookDeliveryDoc = (): Data => ({ receivedAt: CREATED, type: "Issue", action: "update" });
export const linearTeamDoc = (): Data => ({ states: [], statesFetchedAt: CREATED });
export const linearBindingDoc = (orgId: string): Data => ({ orgId, boundAt: CREATED });

/** `slugs/{slug}`: which org a slug names. */
export const slugDoc = (orgId: string): Data => ({ orgId });

/** `inboundMail/{hash}`: one received message and what became of it. */
export const inboundMailDoc = (orgId: string): Data => ({
  messageId: "<m1@mail.example.test>",
  from: "cora@example.test",
  to: "org-a-support@inbound.firetrack.test",
  orgId,
  issueId: null,
  outcome: "pending",
});

/** `orgs/{orgId}/issues/{id}/mails/{mailId}`: one mail about the issue and its delivery. */
export const issueMailDoc = (): Data => ({
  to: "cora@example.test",
  kind: "comment",
  subject: "[ISS-2026-0001] Printer",
  state: "SUCCESS",
  error: null,
  attempts: 1,
});

/** `mailThreads/{threadId}`: an issue's conversation with one address. */
export const mailThreadDoc = (orgId: string): Data => ({
  orgId,
  issueId: "issue-1",
  email: "cora@example.test",
  uid: "owner",
  messageIds: ["<a.b.1c@inbound.firetrack.test>"],
});
