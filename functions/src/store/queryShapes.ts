/**
 * Every Firestore query Firetrack runs, by shape: the API, the triggers and
 * scheduled jobs, and the web app's live listeners. The emulator does not enforce
 * indexes, so test/unit/indexes.test.ts derives the index each shape needs and
 * checks firestore.indexes.json against this list, both ways: every shape has its
 * index, and every index has a shape. Adding a query means adding its shape here.
 *
 * A shape names fields, not values: `status == 'open'` and `status == 'closed'`
 * need the same index, and `in` needs what `==` needs.
 */
import {
  CUSTOMER_LIST_ORDERS,
  ISSUE_LIST_FILTERS,
  ISSUE_LIST_ORDERS,
  type Direction,
  type OrderField,
} from "../domain/issueListPlan";

export { ISSUE_LIST_ORDERS, type Direction, type OrderField };

export interface QueryShape {
  /** Unique; `area.what`. */
  name: string;
  /** The collection id (`issues`, `comments`…). */
  collectionGroup: string;
  /** COLLECTION: one org's subcollection. COLLECTION_GROUP: every collection with that id. */
  scope: "COLLECTION" | "COLLECTION_GROUP";
  /** Fields filtered with `==` or `in`. */
  equals?: readonly string[];
  /** The field filtered with `array-contains`. */
  arrayContains?: string;
  /** The field filtered with `<`, `<=`, `>`, `>=` or `!=`. */
  range?: string;
  /** In query order; a trailing `__name__` tie-breaker is part of every index and can be left out. */
  orderBy?: readonly OrderField[];
  /**
   * Serve the equality (and array-contains) filters by merging one index per filter,
   * each ending in the same orderBy, instead of one index holding all of them. The
   * API list uses it for `deleted` + the caller's scope + one filter + a sort.
   */
  merge?: boolean;
  /** Where the query runs. */
  usedBy: string;
}

const asc = (field: string): OrderField => ({ field, direction: "asc" });
const desc = (field: string): OrderField => ({ field, direction: "desc" });

/** Every filter's fields, for a list of `audience`'s. */
function listFilterFields(audience: "staff" | "customer") {
  const filters = Object.values(ISSUE_LIST_FILTERS).filter((filter) => audience === "staff" || filter.customers);
  return {
    equals: filters.flatMap((filter) => filter.equals ?? []),
    arrayContains: filters.flatMap((filter) => (filter.arrayContains ? [filter.arrayContains] : [])),
  };
}

/**
 * Filters of the issue list, by the field they filter (docs/api.md): `deleted` is
 * always there, `reporter.uid` scopes customers, and at most one more comes from the
 * query string (domain/issueListPlan.ts ISSUE_LIST_FILTERS). Combinations beyond that still run, through index
 * merging, as long as every index ends in the same orderBy; where Firestore declines to merge, its
 * error names the index to add, and the shape joins this list.
 */
const staffFilterFields = listFilterFields("staff");
export const ISSUE_LIST_EQUALITY_FILTERS = ["deleted", "reporter.uid", ...staffFilterFields.equals];
export const ISSUE_LIST_ARRAY_FILTERS = staffFilterFields.arrayContains;

/**
 * The filters a customer's list sorted by their `updatedAt` (publicUpdatedAt) is indexed for: the ones they may
 * use. Firestore's 200 composite indexes leave no room for every filter in both directions.
 */
const customerFilterFields = listFilterFields("customer");
export const CUSTOMER_LIST_FILTERS = [
  "deleted",
  "reporter.uid",
  ...customerFilterFields.equals,
  ...customerFilterFields.arrayContains,
];

function issueListShapes(): QueryShape[] {
  const shapes: QueryShape[] = [];
  for (const [sort, orderBy] of Object.entries(CUSTOMER_LIST_ORDERS))
    for (const field of CUSTOMER_LIST_FILTERS)
      shapes.push({
        name: `api.issues.customerList.${field}.${sort}`,
        collectionGroup: "issues",
        scope: "COLLECTION",
        ...(field === "searchTokens" ? { arrayContains: field } : { equals: [field] }),
        orderBy: orderBy!,
        merge: true,
        usedBy: `GET /orgs/{orgId}/issues?sort=${sort} by a customer (publicUpdatedAt), filtered by ${field}`,
      });
  for (const [sort, orderBy] of Object.entries(ISSUE_LIST_ORDERS)) {
    for (const field of ISSUE_LIST_EQUALITY_FILTERS) {
      shapes.push({
        name: `api.issues.list.${field}.${sort}`,
        collectionGroup: "issues",
        scope: "COLLECTION",
        equals: [field],
        orderBy,
        merge: true,
        usedBy: `GET /orgs/{orgId}/issues?sort=${sort} (store/issues.ts listIssues) and the web list, filtered by ${field}`,
      });
    }
    for (const field of ISSUE_LIST_ARRAY_FILTERS) {
      shapes.push({
        name: `api.issues.list.${field}.${sort}`,
        collectionGroup: "issues",
        scope: "COLLECTION",
        arrayContains: field,
        orderBy,
        merge: true,
        usedBy: `GET /orgs/{orgId}/issues?${field === "tags" ? "tag" : "q"}=…&sort=${sort} and the web list`,
      });
    }
  }
  return shapes;
}

/** The SLA sweep's query (store/slaQueries.ts): per clock, breach candidates in every org. */
const slaShape = (clock: "firstResponse" | "resolution"): QueryShape => ({
  name: `events.sla.${clock}.breachCandidates`,
  collectionGroup: "issues",
  scope: "COLLECTION_GROUP",
  equals: ["sla.running", `sla.${clock}Pending`],
  range: `sla.${clock}DueAt`,
  orderBy: [asc(`sla.${clock}DueAt`)],
  usedBy: `slaBreachSweep: running clocks whose sla.${clock}DueAt has passed, in every org`,
});

/** The sweep's at-risk query (store/slaQueries.ts): warnings due and not sent, in every org. */
const atRiskShape: QueryShape = {
  name: "events.sla.atRiskCandidates",
  collectionGroup: "issues",
  scope: "COLLECTION_GROUP",
  equals: ["sla.running", "sla.atRiskPending"],
  range: "sla.atRiskAt",
  orderBy: [asc("sla.atRiskAt")],
  usedBy: "slaBreachSweep: running clocks whose sla.atRiskAt has passed and whose warning is not sent, in every org",
};

/** Reconciliation counts live issues in ranges of a time or a duration (store/statsReconcile.ts). */
const reconcileShapes = (["createdAt", "resolvedAt", "metrics.firstResponseMs", "metrics.resolutionMs"] as const).map(
  (field): QueryShape => ({
    name: `stats.reconcile.${field}`,
    collectionGroup: "issues",
    scope: "COLLECTION",
    equals: ["deleted"],
    range: field,
    usedBy: `reconcileOrgStats: count() of live issues by ${field} range (per day, or per histogram bucket)`,
  }),
);

export const QUERY_SHAPES: readonly QueryShape[] = [
  // Numbering (store/numberAllocator.ts, events/numberingSweeper.ts).
  {
    name: "numbering.allocator",
    collectionGroup: "issues",
    scope: "COLLECTION",
    equals: ["number"],
    orderBy: [asc("createdAt")],
    usedBy: "allocateIssueNumbers: unnumbered issues of an org in createdAt order",
  },
  {
    name: "numbering.hasUnnumbered",
    collectionGroup: "issues",
    scope: "COLLECTION",
    equals: ["number"],
    usedBy: "numberPendingIssues: is anything of the org still unnumbered",
  },
  {
    name: "numbering.sweeper",
    collectionGroup: "issues",
    scope: "COLLECTION_GROUP",
    equals: ["number"],
    usedBy: "sweepUnnumberedIssues: unnumbered issues in every org",
  },
  {
    name: "api.issues.byNumber",
    collectionGroup: "issues",
    scope: "COLLECTION",
    equals: ["year", "seq"],
    usedBy: "GET /orgs/{orgId}/issues/ISS-…: getIssueByNumber",
  },
  ...issueListShapes(),

  // The web app's live listeners.
  {
    name: "web.portal.myIssues",
    collectionGroup: "portalIssues",
    scope: "COLLECTION",
    orderBy: [desc("updatedAt")],
    usedBy: "customer portal: users/{uid}/portalIssues, the issues I raised in every org, most recently updated first",
  },
  {
    name: "web.portal.issueByNumber",
    collectionGroup: "portalIssues",
    scope: "COLLECTION",
    equals: ["orgId", "number"],
    usedBy: "the portal issue page at its number (web/src/portal/usePortal.ts): my own projection, never another's",
  },
  {
    name: "web.thread.comments",
    collectionGroup: "comments",
    scope: "COLLECTION",
    orderBy: [asc("createdAt")],
    usedBy: "issue page (members) and GET …/comments: the whole thread",
  },
  {
    name: "web.thread.publicComments",
    collectionGroup: "comments",
    scope: "COLLECTION",
    equals: ["internal"],
    orderBy: [asc("createdAt")],
    usedBy: "issue page (customers) and GET …/comments for customers: internal == false, as the rules require",
  },
  {
    name: "web.thread.activities",
    collectionGroup: "activities",
    scope: "COLLECTION",
    orderBy: [asc("at")],
    usedBy: "issue page (members) and GET …/activities",
  },
  {
    name: "web.thread.publicActivities",
    collectionGroup: "activities",
    scope: "COLLECTION",
    equals: ["internal"],
    orderBy: [asc("at")],
    usedBy: "issue page (customers): internal == false, as the rules require",
  },
  {
    name: "web.notifications.unread",
    collectionGroup: "notifications",
    scope: "COLLECTION",
    equals: ["read"],
    orderBy: [desc("createdAt")],
    usedBy: "notification bell: unread, newest first",
  },
  {
    name: "web.notifications.markAllRead",
    collectionGroup: "notifications",
    scope: "COLLECTION",
    equals: ["read"],
    usedBy: "notification panel, mark all read: every unread one, in batches",
  },
  {
    name: "web.notifications.all",
    collectionGroup: "notifications",
    scope: "COLLECTION",
    orderBy: [desc("createdAt")],
    usedBy: "notification list, newest first",
  },
  {
    name: "web.members",
    collectionGroup: "members",
    scope: "COLLECTION",
    orderBy: [asc("displayName")],
    usedBy: "member list (web) and GET /orgs/{orgId}/members",
  },

  // The rest of the API (the API issue).
  {
    name: "api.me.memberships",
    collectionGroup: "members",
    scope: "COLLECTION_GROUP",
    equals: ["uid"],
    usedBy: "GET /me: the caller's memberships in every org; the revocation marker on each (store/sessionMarkers.ts)",
  },
  {
    name: "api.intake.bySlug",
    collectionGroup: "orgs",
    scope: "COLLECTION",
    equals: ["slug"],
    usedBy: "GET /intake/{slug}: the orgs an intake link names",
  },
  {
    name: "api.members.admins",
    collectionGroup: "members",
    scope: "COLLECTION",
    equals: ["role"],
    usedBy: "PATCH/DELETE member: is another admin left",
  },
  {
    name: "api.me.invites",
    collectionGroup: "invites",
    scope: "COLLECTION_GROUP",
    equals: ["email"],
    usedBy: "GET /me and POST /invites/{inviteId}/accept: invitations to the caller's verified address, in every org",
  },
  {
    name: "api.invites.list",
    collectionGroup: "invites",
    scope: "COLLECTION",
    orderBy: [desc("createdAt")],
    usedBy: "GET /orgs/{orgId}/invites, newest first",
  },
  {
    name: "api.invites.inviteeIsMember",
    collectionGroup: "memberEmails",
    scope: "COLLECTION",
    equals: ["email"],
    usedBy: "POST /orgs/{orgId}/invites: is the address a member's already",
  },
  {
    name: "api.issues.erase.notifications",
    collectionGroup: "notifications",
    scope: "COLLECTION_GROUP",
    equals: ["issueId"],
    usedBy:
      "DELETE …/issues/{id}?permanent=true (store/issueErasure.ts): the notifications quoting the issue, in every user's list",
  },
  {
    name: "api.issues.erase.mail",
    collectionGroup: "mail",
    scope: "COLLECTION",
    equals: ["issueId"],
    usedBy: "DELETE …/issues/{id}?permanent=true: the mail quoting the issue",
  },
  {
    name: "api.issues.erase.mailThreads",
    collectionGroup: "mailThreads",
    scope: "COLLECTION",
    equals: ["issueId"],
    usedBy: "DELETE …/issues/{id}?permanent=true: the mail conversations of the issue (addresses, Message-IDs)",
  },
  {
    name: "api.issues.erase.inboundMail",
    collectionGroup: "inboundMail",
    scope: "COLLECTION",
    equals: ["issueId"],
    usedBy: "DELETE …/issues/{id}?permanent=true: the received mails about the issue (senders, bodies, raw bytes)",
  },
  {
    name: "api.apiKeys.list",
    collectionGroup: "apiKeys",
    scope: "COLLECTION",
    orderBy: [desc("createdAt")],
    usedBy: "GET /orgs/{orgId}/api-keys and the web's settings (live, for last used), newest first",
  },
  {
    name: "api.savedReplies.list",
    collectionGroup: "savedReplies",
    scope: "COLLECTION",
    orderBy: [asc("title")],
    usedBy: "GET /orgs/{orgId}/saved-replies and the web's reply picker and settings, by title",
  },

  // Events (the events issue).
  slaShape("firstResponse"),
  slaShape("resolution"),
  atRiskShape,
  {
    name: "events.sla.memberReply",
    collectionGroup: "comments",
    scope: "COLLECTION",
    equals: ["internal", "author.kind"],
    range: "createdAt",
    usedBy: "slaBreachSweep: a public member reply written by the due time, whose trigger has not recorded it yet",
  },
  ...reconcileShapes,
  {
    name: "stats.reconcile.services",
    collectionGroup: "issues",
    scope: "COLLECTION",
    equals: ["deleted"],
    range: "reporter.service",
    orderBy: [asc("reporter.service")],
    usedBy:
      "reconcileOrgStats: the next service name after the last one seen, one row a step, to learn which services to count",
  },
  {
    name: "events.stats.reconcile",
    collectionGroup: "issues",
    scope: "COLLECTION",
    equals: ["deleted", "status"],
    usedBy: "statistics reconciliation: count() per status (and likewise per priority, category…)",
  },
  {
    name: "web.dashboard.latest",
    collectionGroup: "issues",
    scope: "COLLECTION",
    equals: ["deleted"],
    orderBy: [desc("createdAt")],
    usedBy: "the dashboard's latest issues (web/src/dashboard/LatestIssues.tsx), five newest live issues",
  },
  {
    name: "web.issue.byNumber",
    collectionGroup: "issues",
    scope: "COLLECTION",
    equals: ["year", "seq", "deleted"],
    usedBy: "the issue page at its number (web/src/detail/useIssueAddress.ts); admins leave out deleted",
  },
  // Automations (store/autoClose.ts, store/macros.ts).
  {
    name: "events.autoClose.candidates",
    collectionGroup: "issues",
    scope: "COLLECTION_GROUP",
    equals: ["status", "deleted"],
    range: "resolvedAt",
    orderBy: [asc("resolvedAt")],
    usedBy: "autoCloseSweep: live resolved issues in every org, resolved before the shortest wait",
  },
  {
    name: "api.macros.list",
    collectionGroup: "macros",
    scope: "COLLECTION",
    orderBy: [asc("name")],
    usedBy: "GET /orgs/{orgId}/macros and the web's macro pickers and settings, by name",
  },
  // Email (docs/email.md).
  {
    name: "mail.retrySweep",
    collectionGroup: "mail",
    scope: "COLLECTION",
    equals: ["delivery.state"],
    range: "delivery.leaseExpireTime",
    usedBy: "releaseDueMail: mails in RETRY or PROCESSING whose wait or lease is over",
  },
  {
    name: "mail.byMessageId",
    collectionGroup: "mail",
    scope: "COLLECTION",
    equals: ["message.messageId"],
    usedBy: "a bounce: the mail whose Message-ID the delivery report names",
  },
  {
    name: "inboundMail.senderHour",
    collectionGroup: "inboundMail",
    scope: "COLLECTION",
    equals: ["orgId", "fromKey", "outcome"],
    range: "receivedAt",
    usedBy: "the inbound rate hold: issues one sender opened in one org in the last hour",
  },
  // Linear (store/linear.ts).
  {
    name: "linear.issueByLinearId",
    collectionGroup: "issues",
    scope: "COLLECTION_GROUP",
    equals: ["linear.id"],
    usedBy: "findIssueByLinearId: the issue a Linear webhook is about, in whichever org links it",
  },
];

export interface FieldExemption {
  collectionGroup: string;
  fieldPath: string;
  /** The single-field indexes the field keeps; none for a field nobody filters or sorts on. */
  keep: readonly ({ order: "ASCENDING" | "DESCENDING" } | { arrayConfig: "CONTAINS" })[];
  why: string;
}

/**
 * Fields taken out of Firestore's automatic single-field indexes: large or many-valued
 * fields nobody sorts or ranges on, which would otherwise cost index writes and storage
 * on every issue write.
 */
export const FIELD_EXEMPTIONS: readonly FieldExemption[] = [
  {
    collectionGroup: "issues",
    fieldPath: "description",
    keep: [],
    why: "up to 20,000 characters of markdown; never filtered or sorted (search goes through searchTokens)",
  },
  {
    collectionGroup: "issues",
    fieldPath: "searchTokens",
    keep: [{ arrayConfig: "CONTAINS" }],
    why: "hundreds of words and prefixes per issue; only array-contains (search) reads it",
  },
  {
    collectionGroup: "comments",
    fieldPath: "body",
    keep: [],
    why: "free text; never filtered or sorted",
  },
];
