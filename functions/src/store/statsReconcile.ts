/**
 * Recomputes the org's counters from aggregation queries (count() and sum())
 * and repairs drift. Each query describes the same set as the matching
 * counter in domain/stats.ts `statsContribution`.
 *
 * Triggers keep applying deltas while this runs, and an issue write can be
 * counted by a query before its delta lands. So a drift is repaired only when
 * two measurements `settleMs` apart agree on it exactly: a delta in flight
 * shows up as a drift that changes between the two and is left alone (the next
 * run looks again). The repair is itself an increment, so it composes with
 * deltas applied meanwhile. Counters of days that left the 90-day window are
 * deleted.
 */
import { AggregateField, FieldPath, FieldValue, Timestamp, type Firestore, type Query } from "firebase-admin/firestore";
import {
  ACTIVE_STATUSES,
  bucketKey,
  bucketRange,
  CATEGORIES,
  DURATION_BUCKETS,
  DURATION_METRICS,
  ISSUE_TYPES,
  PRIORITIES,
  safeKey,
  SERVICE_NAME,
  serviceCounterKey,
  serviceOfCounterKey,
  SOURCES,
  STATUSES,
  subtractCounters,
  windowDays,
  type CounterMap,
} from "../domain";
import { flattenCounters, incrementsOf, readCounters, STATS_SHARDS, statsMetaRef, statsShardRef } from "./stats";
import { issuesCol, membersCol } from "./refs";

const DAY = 24 * 60 * 60 * 1000;

type Measure = { key: string; run: () => Promise<number> };

const count = (q: Query) => async () => (await q.count().get()).data().count;

async function runAll(measures: Measure[], concurrency = 16): Promise<CounterMap> {
  const out: CounterMap = {};
  let next = 0;
  async function worker() {
    while (next < measures.length) {
      const measure = measures[next++]!;
      const value = await measure.run();
      if (value !== 0) out[measure.key] = value;
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  return out;
}

/** More distinct service names than any org should have; past it the rest go uncounted by the check. */
const MAX_SERVICES = 1000;

/**
 * The distinct service names of live issues. Firestore has no DISTINCT, so this
 * skips from one name to the next (`> last`, ordered, limit 1): one read per
 * service, not per issue.
 */
async function serviceNames(db: Firestore, orgId: string): Promise<string[]> {
  const names: string[] = [];
  let after = "";
  while (names.length < MAX_SERVICES) {
    const next = await issuesCol(db, orgId)
      .where("deleted", "==", false)
      .where("reporter.service", ">", after)
      .orderBy("reporter.service")
      .select("reporter.service")
      .limit(1)
      .get();
    const name = next.docs[0]?.get("reporter.service") as unknown;
    if (typeof name !== "string") break;
    names.push(name);
    after = name;
  }
  return names;
}

/** The counters as the issues say they should be, for the given assignees and the window ending at `now`. */
export async function measureCounters(
  db: Firestore,
  orgId: string,
  now: number,
  assigneeUids: Iterable<string>,
  services: Iterable<string> = [],
): Promise<CounterMap> {
  const live = issuesCol(db, orgId).where("deleted", "==", false);
  const measures: Measure[] = [{ key: "total", run: count(live) }];
  const families = [
    ["byStatus", "status", STATUSES],
    ["byPriority", "priority", PRIORITIES],
    ["byCategory", "category", CATEGORIES],
    ["byType", "type", ISSUE_TYPES],
    ["bySource", "source", SOURCES],
  ] as const;
  for (const [prefix, field, values] of families) {
    for (const value of values)
      measures.push({ key: `${prefix}.${value}`, run: count(live.where(field, "==", value)) });
  }
  // Counted as statsContribution counts them: well-formed names only.
  for (const service of new Set([...services, ...(await serviceNames(db, orgId))])) {
    if (SERVICE_NAME.test(service))
      measures.push({
        key: `byService.${serviceCounterKey(service)}`,
        run: count(live.where("reporter.service", "==", service)),
      });
  }
  const open = live.where("status", "in", [...ACTIVE_STATUSES]);
  measures.push({ key: "openUnassigned", run: count(open.where("assignee", "==", null)) });
  for (const uid of new Set(assigneeUids)) {
    measures.push({ key: `openByAssignee.${safeKey(uid)}`, run: count(open.where("assignee.uid", "==", uid)) });
  }
  for (const day of windowDays(now)) {
    const start = Timestamp.fromMillis(Date.parse(`${day}T00:00:00Z`));
    const end = Timestamp.fromMillis(start.toMillis() + DAY);
    for (const [prefix, field] of [
      ["createdByDay", "createdAt"],
      ["resolvedByDay", "resolvedAt"],
    ] as const) {
      measures.push({ key: `${prefix}.${day}`, run: count(live.where(field, ">=", start).where(field, "<", end)) });
    }
  }
  for (const metric of DURATION_METRICS) {
    const field = `metrics.${metric}Ms`;
    const measured = live.where(field, ">=", 0);
    measures.push({
      key: `${metric}.count`,
      run: count(measured),
    });
    measures.push({
      key: `${metric}.sumMs`,
      run: async () => ((await measured.aggregate({ sum: AggregateField.sum(field) }).get()).data().sum as number) ?? 0,
    });
    for (let i = 0; i < DURATION_BUCKETS; i++) {
      const [lower, upper] = bucketRange(i);
      let q = live.where(field, ">=", lower);
      if (upper !== null) q = q.where(field, "<", upper);
      measures.push({ key: `${metric}.hist.${bucketKey(i)}`, run: count(q) });
    }
  }
  // An SLA is tracked when it has a priority; equality queries need no composite index.
  for (const priority of PRIORITIES)
    measures.push({ key: `sla.tracked@${priority}`, run: count(live.where("sla.priority", "==", priority)) });
  for (const flag of ["breached", "firstResponseBreached", "resolutionBreached"]) {
    measures.push({ key: `sla.${flag}`, run: count(live.where(`sla.${flag}`, "==", true)) });
  }
  const measured = await runAll(measures);
  let tracked = 0;
  for (const priority of PRIORITIES) {
    tracked += measured[`sla.tracked@${priority}`] ?? 0;
    delete measured[`sla.tracked@${priority}`];
  }
  if (tracked) measured["sla.tracked"] = tracked;
  return measured;
}

/** Keys measureCounters can speak for: everything except days outside the window and unknown assignees. */
function inScope(key: string, days: Set<string>, assignees: Set<string>): boolean {
  const [family, rest] = [key.slice(0, key.indexOf(".")), key.slice(key.indexOf(".") + 1)];
  if (family === "createdByDay" || family === "resolvedByDay") return days.has(rest);
  if (family === "openByAssignee") return assignees.has(rest);
  return true;
}

export interface ReconcileOptions {
  now?: number;
  /** Time between the two measurements; production waits for in-flight triggers. */
  settleMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export interface ReconcileResult {
  drift: CounterMap;
  repaired: boolean;
  prunedDays: number;
}

/** What the counters lack (positive) or have too much of (negative) against the queries, now. */
export async function statsDrift(db: Firestore, orgId: string, now: number = Date.now()): Promise<CounterMap> {
  return (await measureDrift(db, orgId, now)).drift;
}

async function measureDrift(db: Firestore, orgId: string, now: number) {
  const current = await readCounters(db, orgId);
  const members = await membersCol(db, orgId).select().get();
  const assignees = new Set<string>(members.docs.map((doc) => doc.id));
  for (const key of Object.keys(current))
    if (key.startsWith("openByAssignee.")) assignees.add(key.slice("openByAssignee.".length));
  const services = Object.keys(current)
    .filter((key) => key.startsWith("byService."))
    .map((key) => serviceOfCounterKey(key.slice("byService.".length)));
  const truth = await measureCounters(db, orgId, now, assignees, services);
  const days = new Set(windowDays(now));
  const safeAssignees = new Set([...assignees].map(safeKey));
  const scopedCurrent = Object.fromEntries(
    Object.entries(current).filter(([key]) => inScope(key, days, safeAssignees)),
  );
  return { drift: subtractCounters(truth, scopedCurrent), current, days };
}

export async function reconcileOrgStats(
  db: Firestore,
  orgId: string,
  options: ReconcileOptions = {},
): Promise<ReconcileResult> {
  const now = options.now ?? Date.now();
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const first = await measureDrift(db, orgId, now);
  let drift = first.drift;
  let repaired = false;
  if (Object.keys(drift).length > 0) {
    await sleep(options.settleMs ?? 60_000);
    const second = await measureDrift(db, orgId, now);
    const stable = JSON.stringify(sorted(second.drift)) === JSON.stringify(sorted(drift));
    drift = second.drift;
    if (stable) {
      await statsShardRef(db, orgId, 0).set(incrementsOf(drift), { merge: true });
      repaired = true;
    }
  }
  const prunedDays = await pruneOldDays(db, orgId, first.days);
  await statsMetaRef(db, orgId).set(
    { reconciledAt: FieldValue.serverTimestamp(), lastDrift: drift, repaired, shards: STATS_SHARDS },
    { merge: false },
  );
  return { drift, repaired, prunedDays };
}

function sorted(map: CounterMap): [string, number][] {
  return Object.entries(map).sort(([a], [b]) => a.localeCompare(b));
}

/** Deletes per-day counters older than the window from every shard. */
async function pruneOldDays(db: Firestore, orgId: string, days: Set<string>): Promise<number> {
  let pruned = 0;
  for (let shard = 0; shard < STATS_SHARDS; shard++) {
    const ref = statsShardRef(db, orgId, shard);
    const counters = flattenCounters((await ref.get()).data());
    const stale = Object.keys(counters).filter(
      (key) => /^(created|resolved)ByDay\./.test(key) && !days.has(key.slice(key.indexOf(".") + 1)),
    );
    if (stale.length === 0) continue;
    const [first, ...rest] = stale.map((key) => new FieldPath(...key.split(".")));
    await ref.update(first!, FieldValue.delete(), ...rest.flatMap((path) => [path, FieldValue.delete()]));
    pruned += stale.length;
  }
  return pruned;
}
