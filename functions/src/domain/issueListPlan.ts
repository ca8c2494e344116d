/**
 * How a filtered, sorted issue list becomes one Firestore query plus the
 * conditions checked row by row. The API (store/issues.ts, Admin SDK) and the
 * web app's live list (client SDK) build their queries from this one plan, so a
 * filtered view shows the same rows in both and needs the same indexes.
 */
import type { IssueFilter, IssueSort } from "./schemas";
import { searchKeys } from "./searchTokens";

export type Direction = "asc" | "desc";

export interface OrderField {
  field: string;
  direction: Direction;
}

/**
 * The orders of the list (`sort=`), each in both directions. `priority` sorts by
 * `priorityRank`, the index of the priority in PRIORITIES (stored on the issue),
 * so that `critical` comes before `low`.
 */
export const ISSUE_LIST_ORDERS: Readonly<Record<IssueSort, readonly OrderField[]>> = {
  number: [
    { field: "year", direction: "asc" },
    { field: "seq", direction: "asc" },
  ],
  "-number": [
    { field: "year", direction: "desc" },
    { field: "seq", direction: "desc" },
  ],
  createdAt: [{ field: "createdAt", direction: "asc" }],
  "-createdAt": [{ field: "createdAt", direction: "desc" }],
  updatedAt: [{ field: "updatedAt", direction: "asc" }],
  "-updatedAt": [{ field: "updatedAt", direction: "desc" }],
  priority: [{ field: "priorityRank", direction: "asc" }],
  "-priority": [{ field: "priorityRank", direction: "desc" }],
  // Only issues with a due time have the field (store/issueFacts.ts), so resolved ones drop out of this order.
  due: [{ field: "sla.nextDueAt", direction: "asc" }],
  "-due": [{ field: "sla.nextDueAt", direction: "desc" }],
};

/**
 * A customer's `updatedAt` is the time of the last change they can see (domain/issueViews.ts
 * `customerUpdatedAt`), kept as `publicUpdatedAt`: their list orders by it, so an internal
 * note or a tag does not move an issue up their list.
 */
export const CUSTOMER_LIST_ORDERS: Readonly<Partial<Record<IssueSort, readonly OrderField[]>>> = {
  updatedAt: [{ field: "publicUpdatedAt", direction: "asc" }],
  "-updatedAt": [{ field: "publicUpdatedAt", direction: "desc" }],
};

/** The order of a list for its audience: customers' own where they have one. */
export function listOrder(sort: IssueSort, scope: IssueListScope = {}): readonly OrderField[] {
  return (scope.reporterUid ? CUSTOMER_LIST_ORDERS[sort] : undefined) ?? ISSUE_LIST_ORDERS[sort];
}

/** The list's filters (`?name=`); `deleted` and `sort` are the list's mode and order, not filters of it. */
export type IssueListFilterName = Exclude<keyof IssueFilter, "deleted" | "sort">;

/**
 * Each filter of the list, the fields of the issue it asks Firestore about, and whether customers may use it. They
 * may not filter by what their view of an issue leaves out (domain/issueViews.ts): the tags, the source, the calling
 * service, the assignee's uid (they see only the name) and the SLA. The API refuses those filters to customers, and
 * the query catalogue (store/queryShapes.ts) indexes each field for the audiences that may ask.
 */
export const ISSUE_LIST_FILTERS: Readonly<
  Record<
    IssueListFilterName,
    { equals?: readonly string[]; arrayContains?: "tags" | "searchTokens"; customers: boolean }
  >
> = {
  status: { equals: ["status"], customers: true },
  priority: { equals: ["priority"], customers: true },
  category: { equals: ["category"], customers: true },
  type: { equals: ["type"], customers: true },
  source: { equals: ["source"], customers: false },
  // `assignee=none` asks for `assignee == null`: the whole map is null when nobody is assigned.
  assignee: { equals: ["assignee.uid", "assignee"], customers: false },
  vendor: { equals: ["vendor.id"], customers: true },
  order: { equals: ["order.id"], customers: true },
  // What a service logged under its own name.
  service: { equals: ["reporter.service"], customers: false },
  // `sla=at_risk` and `sla=breached`.
  sla: { equals: ["sla.atRisk", "sla.breached"], customers: false },
  tag: { arrayContains: "tags", customers: false },
  q: { arrayContains: "searchTokens", customers: true },
};

/** The filters only the team may use. */
export const STAFF_ONLY_LIST_FILTERS = (Object.keys(ISSUE_LIST_FILTERS) as IssueListFilterName[]).filter(
  (name) => !ISSUE_LIST_FILTERS[name].customers,
);

/** Orders that read what customers may not see: the SLA's due time. */
export const STAFF_ONLY_LIST_SORTS: readonly IssueSort[] = ["due", "-due"];

/** `==` with one value, or `in` with several. */
export interface PlannedEquality {
  field: string;
  op: "==" | "in";
  value: unknown;
}

export interface IssueListPlan {
  equals: PlannedEquality[];
  /** Firestore allows one array-contains per query. */
  arrayContains: { field: "searchTokens" | "tags"; value: string } | null;
  /** Sort fields; the document id in the last field's direction breaks ties. */
  orderBy: readonly OrderField[];
  /** Search words and a tag the query could not take, checked on each row. */
  residual: { words: string[]; tag: string | null };
  /** A search with no usable word matches nothing: run no query at all. */
  empty: boolean;
}

export interface IssueListScope {
  /** Customers see only the issues they raised. */
  reporterUid?: string | undefined;
}

export function planIssueList(filter: IssueFilter, scope: IssueListScope = {}): IssueListPlan {
  const equals: PlannedEquality[] = [{ field: "deleted", op: "==", value: filter.deleted ?? false }];
  const eq = (field: string, value: unknown) => equals.push({ field, op: "==", value });
  if (scope.reporterUid) eq("reporter.uid", scope.reporterUid);
  if (filter.status) {
    if (filter.status.length === 1) eq("status", filter.status[0]);
    else equals.push({ field: "status", op: "in", value: filter.status });
  }
  if (filter.priority) eq("priority", filter.priority);
  if (filter.category) eq("category", filter.category);
  if (filter.type) eq("type", filter.type);
  if (filter.source) eq("source", filter.source);
  // The whole assignee map is null when nobody is assigned.
  if (filter.assignee) filter.assignee === "none" ? eq("assignee", null) : eq("assignee.uid", filter.assignee);
  if (filter.vendor) eq("vendor.id", filter.vendor);
  if (filter.order) eq("order.id", filter.order);
  if (filter.service) eq("reporter.service", filter.service);
  if (filter.sla === "at_risk") eq("sla.atRisk", true);
  if (filter.sla === "breached") eq("sla.breached", true);

  // The longest search word goes to the index (the most selective); the other
  // words and the tag are checked row by row.
  const words = filter.q !== undefined ? [...searchKeys(filter.q)].sort((a, b) => b.length - a.length) : [];
  let arrayContains: IssueListPlan["arrayContains"] = null;
  const residual = { words: words.slice(1), tag: null as string | null };
  if (words.length > 0) {
    arrayContains = { field: "searchTokens", value: words[0]! };
    residual.tag = filter.tag ?? null;
  } else if (filter.tag) {
    arrayContains = { field: "tags", value: filter.tag };
  }
  return {
    equals,
    arrayContains,
    orderBy: listOrder(filter.sort, scope),
    residual,
    empty: filter.q !== undefined && words.length === 0,
  };
}

/** The row-by-row part of a plan, on an issue's `searchTokens` and `tags`. */
export function matchesResidual(plan: IssueListPlan, issue: { searchTokens?: unknown; tags?: unknown }): boolean {
  const tokens = Array.isArray(issue.searchTokens) ? (issue.searchTokens as string[]) : [];
  if (!plan.residual.words.every((word) => tokens.includes(word))) return false;
  const tags = Array.isArray(issue.tags) ? (issue.tags as string[]) : [];
  return plan.residual.tag === null || tags.includes(plan.residual.tag);
}
