/**
 * Statistics as sums of per-issue contributions. Each issue contributes a set
 * of counters (`byStatus.open: 1`, `firstResponse.sumMs: 5400000`, …); a write
 * event changes the totals by contribution(after) − contribution(before). The
 * sum of those deltas over every event of an issue is its final contribution
 * whatever order the events arrive in, so applying each event's delta exactly
 * once keeps the totals exact. The reconciliation job measures the same
 * counters with count() and sum() queries; `statsContribution` and those
 * queries (store/statsReconcile.ts) must describe the same sets.
 */
import type { IssueFacts } from "./issueFacts";
import {
  ACTIVE_STATUSES,
  CATEGORIES,
  ISSUE_TYPES,
  PRIORITIES,
  SERVICE_NAME,
  SOURCES,
  STATUSES,
  isActiveStatus,
} from "./vocabulary";

/** Flat counter paths (dot-separated) to values. */
export type CounterMap = Record<string, number>;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/**
 * Upper bounds (exclusive) of the duration histogram the medians come from;
 * the last bucket is open-ended. A median is exact to within its bucket.
 */
export const DURATION_BUCKET_BOUNDS_MS = [
  5 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  2 * HOUR,
  4 * HOUR,
  8 * HOUR,
  DAY,
  2 * DAY,
  3 * DAY,
  7 * DAY,
  14 * DAY,
  30 * DAY,
] as const;
export const DURATION_BUCKETS = DURATION_BUCKET_BOUNDS_MS.length + 1;

export const bucketKey = (index: number) => `b${String(index).padStart(2, "0")}`;

export function durationBucket(ms: number): number {
  const index = DURATION_BUCKET_BOUNDS_MS.findIndex((bound) => ms < bound);
  return index === -1 ? DURATION_BUCKET_BOUNDS_MS.length : index;
}

/** [lower, upper) of a bucket; upper is null for the last. */
export function bucketRange(index: number): [number, number | null] {
  return [index === 0 ? 0 : DURATION_BUCKET_BOUNDS_MS[index - 1]!, DURATION_BUCKET_BOUNDS_MS[index] ?? null];
}

export const dayKey = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Map keys must be single path segments: uids are alphanumeric, but make sure. */
export const safeKey = (key: string) => key.replace(/[./`[\]*~]/g, "_");

/**
 * Service names may hold dots, which would split a counter path; `%` is not
 * allowed in a name, so `%2E` reads back unambiguously.
 */
export const serviceCounterKey = (service: string) => service.replaceAll(".", "%2E");
export const serviceOfCounterKey = (key: string) => key.replaceAll("%2E", ".");
/** The service an issue counts under: only well-formed names, which is all the API stores. */
export const countedService = (issue: IssueFacts): string | null => {
  const service = issue.reporter?.service;
  return service !== undefined && SERVICE_NAME.test(service) ? service : null;
};

export const DURATION_METRICS = ["firstResponse", "resolution"] as const;
export type DurationMetric = (typeof DURATION_METRICS)[number];

/** What one issue adds to the org's counters. Only live issues (`deleted === false`) count. */
export function statsContribution(issue: IssueFacts | null): CounterMap {
  const out: CounterMap = {};
  if (issue?.deleted !== false) return out;
  out.total = 1;
  if (issue.status) out[`byStatus.${issue.status}`] = 1;
  if (issue.priority) out[`byPriority.${issue.priority}`] = 1;
  if (issue.category) out[`byCategory.${issue.category}`] = 1;
  if (issue.type) out[`byType.${issue.type}`] = 1;
  if (issue.source) out[`bySource.${issue.source}`] = 1;
  const service = countedService(issue);
  if (service) out[`byService.${serviceCounterKey(service)}`] = 1;
  if (issue.status && isActiveStatus(issue.status)) {
    if (issue.assignee) out[`openByAssignee.${safeKey(issue.assignee.uid)}`] = 1;
    else out.openUnassigned = 1;
  }
  if (issue.createdAt !== null) out[`createdByDay.${dayKey(issue.createdAt)}`] = 1;
  if (issue.resolvedAt !== null) out[`resolvedByDay.${dayKey(issue.resolvedAt)}`] = 1;
  for (const metric of DURATION_METRICS) {
    const ms = metric === "firstResponse" ? issue.metrics.firstResponseMs : issue.metrics.resolutionMs;
    if (ms === null) continue;
    out[`${metric}.count`] = 1;
    out[`${metric}.sumMs`] = ms;
    out[`${metric}.hist.${bucketKey(durationBucket(ms))}`] = 1;
  }
  if (issue.sla) {
    out["sla.tracked"] = 1;
    if (issue.sla.breached) out["sla.breached"] = 1;
    if (issue.sla.firstResponseBreached) out["sla.firstResponseBreached"] = 1;
    if (issue.sla.resolutionBreached) out["sla.resolutionBreached"] = 1;
  }
  return out;
}

/** a − b, without zero entries. */
export function subtractCounters(a: CounterMap, b: CounterMap): CounterMap {
  const out: CounterMap = {};
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const value = (a[key] ?? 0) - (b[key] ?? 0);
    if (value !== 0) out[key] = value;
  }
  return out;
}

/**
 * The numeric leaves of a stats document as dotted counter paths. Timestamps (any
 * object with `toMillis`) are not counters. The API (Admin SDK) and the web's live
 * dashboard (client SDK) both read shards through it.
 */
export function flattenCounters(data: Record<string, unknown> | undefined, prefix = ""): CounterMap {
  const out: CounterMap = {};
  for (const [key, value] of Object.entries(data ?? {})) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "number") out[path] = value;
    else if (
      value !== null &&
      typeof value === "object" &&
      typeof (value as { toMillis?: unknown }).toMillis !== "function"
    ) {
      Object.assign(out, flattenCounters(value as Record<string, unknown>, path));
    }
  }
  return out;
}

export function addCounters(...maps: CounterMap[]): CounterMap {
  const out: CounterMap = {};
  for (const map of maps) for (const [key, value] of Object.entries(map)) out[key] = (out[key] ?? 0) + value;
  return out;
}

export function statsDelta(before: IssueFacts | null, after: IssueFacts | null): CounterMap {
  return subtractCounters(statsContribution(after), statsContribution(before));
}

export const STATS_WINDOW_DAYS = 90;

/** The UTC days of the window ending today, oldest first. */
export function windowDays(now: number, days = STATS_WINDOW_DAYS): string[] {
  const today = Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth(), new Date(now).getUTCDate());
  return Array.from({ length: days }, (_, i) => dayKey(today - (days - 1 - i) * DAY));
}

export interface DurationSummary {
  count: number;
  averageMs: number | null;
  /** Interpolated inside the histogram bucket that holds the middle value; null without data. */
  medianMs: number | null;
}

export interface OrgStats {
  total: number;
  byStatus: Record<(typeof STATUSES)[number], number>;
  byPriority: Record<(typeof PRIORITIES)[number], number>;
  byCategory: Record<(typeof CATEGORIES)[number], number>;
  byType: Record<(typeof ISSUE_TYPES)[number], number>;
  bySource: Record<(typeof SOURCES)[number], number>;
  /** Live issues per service name (`reporter.service`). */
  byService: Record<string, number>;
  /** Open means an active status (docs/product.md). */
  open: number;
  openByAssignee: Record<string, number>;
  openUnassigned: number;
  createdPerDay: { day: string; count: number }[];
  resolvedPerDay: { day: string; count: number }[];
  firstResponse: DurationSummary;
  resolution: DurationSummary;
  sla: {
    tracked: number;
    breached: number;
    firstResponseBreached: number;
    resolutionBreached: number;
    /** Share of SLA-tracked issues with no breach, in percent; null when none is tracked. */
    compliancePct: number | null;
  };
}

function family<T extends string>(counters: CounterMap, prefix: string, keys: readonly T[]): Record<T, number> {
  return Object.fromEntries(keys.map((key) => [key, counters[`${prefix}.${key}`] ?? 0])) as Record<T, number>;
}

function medianFromHistogram(counts: number[], total: number): number | null {
  if (total <= 0) return null;
  const middle = total / 2;
  let seen = 0;
  for (let i = 0; i < counts.length; i++) {
    const inBucket = counts[i] ?? 0;
    if (inBucket > 0 && seen + inBucket >= middle) {
      const [lower, upper] = bucketRange(i);
      if (upper === null) return lower;
      return Math.round(lower + ((middle - seen) / inBucket) * (upper - lower));
    }
    seen += inBucket;
  }
  return null;
}

function duration(counters: CounterMap, metric: DurationMetric): DurationSummary {
  const count = counters[`${metric}.count`] ?? 0;
  const sum = counters[`${metric}.sumMs`] ?? 0;
  const hist = Array.from({ length: DURATION_BUCKETS }, (_, i) => counters[`${metric}.hist.${bucketKey(i)}`] ?? 0);
  return {
    count,
    averageMs: count > 0 ? Math.round(sum / count) : null,
    medianMs: medianFromHistogram(hist, count),
  };
}

/** The dashboard's view of the summed counters. */
export function summarizeStats(counters: CounterMap, now: number): OrgStats {
  const openByAssignee: Record<string, number> = {};
  const byService: Record<string, number> = {};
  for (const [key, value] of Object.entries(counters)) {
    if (value <= 0) continue;
    if (key.startsWith("openByAssignee.")) openByAssignee[key.slice("openByAssignee.".length)] = value;
    else if (key.startsWith("byService.")) byService[serviceOfCounterKey(key.slice("byService.".length))] = value;
  }
  const byStatus = family(counters, "byStatus", STATUSES);
  const tracked = counters["sla.tracked"] ?? 0;
  const breached = counters["sla.breached"] ?? 0;
  return {
    total: counters.total ?? 0,
    byStatus,
    byPriority: family(counters, "byPriority", PRIORITIES),
    byCategory: family(counters, "byCategory", CATEGORIES),
    byType: family(counters, "byType", ISSUE_TYPES),
    bySource: family(counters, "bySource", SOURCES),
    byService,
    open: ACTIVE_STATUSES.reduce((sum, status) => sum + byStatus[status], 0),
    openByAssignee,
    openUnassigned: counters.openUnassigned ?? 0,
    createdPerDay: windowDays(now).map((day) => ({ day, count: counters[`createdByDay.${day}`] ?? 0 })),
    resolvedPerDay: windowDays(now).map((day) => ({ day, count: counters[`resolvedByDay.${day}`] ?? 0 })),
    firstResponse: duration(counters, "firstResponse"),
    resolution: duration(counters, "resolution"),
    sla: {
      tracked,
      breached,
      firstResponseBreached: counters["sla.firstResponseBreached"] ?? 0,
      resolutionBreached: counters["sla.resolutionBreached"] ?? 0,
      compliancePct: tracked > 0 ? Math.round(((tracked - breached) / tracked) * 1000) / 10 : null,
    },
  };
}
