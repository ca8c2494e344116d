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
export type Direction = "asc" | "desc";

export interface OrderField {
  field: string;
  direction: Direction;
}

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

/**
 * The orders of GET /orgs/{orgId}/issues (`sort=`), each in both directions. `priority`
 * sorts by `priorityRank`, the index of the priority in PRIORITIES (stored on the
 * issue by the API issue), so that `critical` comes before `low`.
 */
export const ISSUE_LIST_ORDERS: Readonly<Record<string, readonly OrderField[]>> = {
  number: [asc("year"), asc("seq")],
  "-number": [desc("year"), desc("seq")],
  createdAt: [asc("createdAt")],
  "-createdAt": [desc("createdAt")],
  updatedAt: [asc("updatedAt")],
  "-updatedAt": [desc("updatedAt")],
  priority: [asc("priorityRank")],
  "-priority": [desc("priorityRank")],
};

/**
 * Filters of the issue list, by the field they filter (DESIGN.md §4): `deleted` is
 * always there, `reporter.uid` scopes customers, and at most one more comes from the
 * query string. Combinations beyond that still run, through index merging, as long
 * as every index ends in the same orderBy; where Firestore declines to merge, its
 * error names the index to add, and the shape joins this list.
 */
export const ISSUE_LIST_EQUALITY_FILTERS = [
  "deleted",
  "reporter.uid",
  "status",
  "priority",
  "category",
  "type",
  "source",
  "assignee.uid",
  // `assignee=none` asks for `assignee == null`: the whole map is null when nobody is assigned.
  "assignee",
  "vendor.id",
  "order.id",
] as const;
export const ISSUE_LIST_ARRAY_FILTERS = ["tags", "searchTokens"] as const;

function issueListShapes(): QueryShape[] {
  const shapes: QueryShape[] = [];
  for (const [sort, orderBy] of Object.entries(ISSUE_LIST_ORDERS)) {
    for (const field of ISSUE_LIST_EQUALITY_FILTERS) {
      shapes.push({
        name: `api.issues.list.${field}.${sort}`,
        collectionGroup: "issues",
        scope: "COLLECTION",
        equals: [field],
        orderBy,
        merge: true,
        usedBy: `GET /orgs/{orgId}/issues?sort=${sort} (store/issues.ts listIssues), filtered by ${field}`,
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
        usedBy: `GET /orgs/{orgId}/issues?${field === "tags" ? "tag" : "q"}=…&sort=${sort}`,
      });
    }
  }
  return shapes;
}

/** The SLA clocks' queries (store/slaQueries.ts): per clock, breach candidates in every org and due-soon in one. */
const slaShapes = (clock: "firstResponse" | "resolution"): QueryShape[] =>
  (["COLLECTION_GROUP", "COLLECTION"] as const).map((scope) => ({
    name: `events.sla.${clock}.${scope === "COLLECTION_GROUP" ? "breachCandidates" : "dueSoon"}`,
    collectionGroup: "issues",
    scope,
    equals: ["sla.running", `sla.${clock}Pending`],
    range: `sla.${clock}DueAt`,
    orderBy: [asc(`sla.${clock}DueAt`)],
    usedBy:
      scope === "COLLECTION_GROUP"
        ? `slaBreachSweep: running clocks whose sla.${clock}DueAt has passed, in every org`
        : `dueSoon: running clocks of one org whose sla.${clock}DueAt falls within a window`,
  }));

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
    collectionGroup: "issues",
    scope: "COLLECTION_GROUP",
    equals: ["reporter.uid", "deleted"],
    orderBy: [desc("createdAt")],
    usedBy: "customer portal: the issues I raised in every org, newest first (rules require both filters)",
  },
  {
    name: "web.queue",
    collectionGroup: "issues",
    scope: "COLLECTION",
    equals: ["deleted"],
    orderBy: [desc("updatedAt")],
    usedBy: "member queue, most recently updated first",
  },
  ...(["status", "priority", "assignee.uid"] as const).map(
    (field): QueryShape => ({
      name: `web.queue.${field}`,
      collectionGroup: "issues",
      scope: "COLLECTION",
      equals: ["deleted", field],
      orderBy: [desc("updatedAt")],
      merge: true,
      usedBy: `member queue filtered by ${field}, most recently updated first`,
    }),
  ),
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
    usedBy: "GET /me: the caller's memberships in every org",
  },
  {
    name: "api.members.admins",
    collectionGroup: "members",
    scope: "COLLECTION",
    equals: ["role"],
    usedBy: "PATCH/DELETE member: is another admin left",
  },
  {
    name: "api.apiKeys.list",
    collectionGroup: "apiKeys",
    scope: "COLLECTION",
    orderBy: [desc("createdAt")],
    usedBy: "GET /orgs/{orgId}/api-keys, newest first",
  },

  // Events (the events issue).
  ...slaShapes("firstResponse"),
  ...slaShapes("resolution"),
  {
    name: "events.sla.breached",
    collectionGroup: "issues",
    scope: "COLLECTION",
    equals: ["deleted", "sla.breached"],
    orderBy: [asc("sla.resolutionDueAt")],
    usedBy: "breachedIssues: one org's breached issues, earliest due first",
  },
  ...reconcileShapes,
  {
    name: "events.stats.reconcile",
    collectionGroup: "issues",
    scope: "COLLECTION",
    equals: ["deleted", "status"],
    usedBy: "statistics reconciliation: count() per status (and likewise per priority, category…)",
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
