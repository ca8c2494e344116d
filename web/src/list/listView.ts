/**
 * The list's view lives in the URL, so a filtered list can be shared. The query
 * string is read with the API's own filter schema (issueFilterSchema), so the web
 * and `GET …/issues` agree on what every parameter means. `assignee=me` stays
 * "me" in the URL and means whoever opens it.
 */
import { issueFilterSchema, type IssueFilter, type IssueSort } from "@firetrack/domain";
import type { ExportQuery } from "../api/answers";

/** `deleted=true` is the admins' Deleted view: soft-deleted issues only. */
export const FILTER_KEYS = [
  "status",
  "priority",
  "category",
  "type",
  "assignee",
  "tag",
  "source",
  "vendor",
  "order",
  "sla",
  "q",
  "deleted",
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** The queue's default order: newest first, which new issues join at the top. */
export const DEFAULT_SORT: IssueSort = "-number";

export interface ListView {
  /** As the query runs it: `me` resolved to the uid. */
  filter: IssueFilter;
  /** As the URL says it, for the controls. */
  params: Partial<Record<FilterKey | "sort", string>>;
  /** The id of the last row of the previous page (a query cursor). */
  after: string | null;
  /** Parameters that were not valid and are ignored. */
  ignored: string[];
}

export function readView(search: URLSearchParams, myUid: string): ListView {
  const params: ListView["params"] = {};
  for (const key of [...FILTER_KEYS, "sort"] as const) {
    const value = search.get(key)?.trim();
    if (value) params[key] = value;
  }
  const input: Record<string, string> = { ...params, sort: params.sort ?? DEFAULT_SORT } as Record<string, string>;
  if (input.assignee === "me") input.assignee = myUid;
  const ignored: string[] = [];
  let parsed = issueFilterSchema.safeParse(input);
  while (!parsed.success) {
    const bad = new Set(parsed.error.issues.map((issue) => String(issue.path[0] ?? "")));
    // An error that names no parameter cannot be repaired by dropping one.
    if (bad.has("") || [...bad].every((key) => !(key in input))) break;
    for (const key of bad) {
      delete input[key];
      delete params[key as FilterKey];
      ignored.push(key);
    }
    if (!input.sort) input.sort = DEFAULT_SORT;
    parsed = issueFilterSchema.safeParse(input);
  }
  const filter = parsed.success ? parsed.data : issueFilterSchema.parse({ sort: DEFAULT_SORT });
  return { filter, params, after: search.get("after"), ignored };
}

/** The URL of a view: only what differs from the defaults, in a stable order. */
export function writeView(params: ListView["params"], after: string | null = null): URLSearchParams {
  const search = new URLSearchParams();
  for (const key of [...FILTER_KEYS, "sort"] as const) {
    const value = params[key];
    if (value && !(key === "sort" && value === DEFAULT_SORT)) search.set(key, value);
  }
  if (after) search.set("after", after);
  return search;
}

/** The same filter as API query parameters (for the CSV export), `me` resolved. */
export function apiQuery(filter: IssueFilter): ExportQuery {
  const query: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const value = filter[key];
    if (value === undefined) continue;
    query[key] = Array.isArray(value) ? value.join(",") : String(value);
  }
  query.sort = filter.sort;
  // The filter was read with the API's own schema (issueFilterSchema), so each value is one the API takes.
  return query as ExportQuery;
}

export const activeFilterCount = (params: ListView["params"]) =>
  FILTER_KEYS.filter((key) => key !== "q" && key !== "deleted" && params[key]).length;
