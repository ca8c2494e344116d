/**
 * Org statistics, kept by the issue trigger and read by the API and the web.
 *
 * Layout (all under `orgs/{orgId}/stats/`):
 * - `shard_0` … `shard_{STATS_SHARDS-1}`: counters as nested maps. The org's
 *   totals are the sum over the shards. A delta goes to the shard picked by
 *   its event id, so a burst spreads its writes over the shards instead of
 *   queueing on one document (~1 sustained write/s per document in production).
 *     total, openUnassigned
 *     byStatus.{status}, byPriority.{p}, byCategory.{c}, byType.{t}, bySource.{source}
 *     openByAssignee.{uid}                    active-status issues per assignee
 *     createdByDay.{YYYY-MM-DD}, resolvedByDay.{YYYY-MM-DD}   (UTC days)
 *     firstResponse|resolution.{count, sumMs, hist.b00…b13}   duration histograms
 *     sla.{tracked, breached, firstResponseBreached, resolutionBreached}
 * - `meta`: {reconciledAt, lastDrift, repaired} from the reconciliation job.
 * - `_events/applied/{eventId}`: one marker per applied event, with `expireAt`
 *   for a TTL policy (redeliveries come within days).
 *
 * The dashboard reads STATS_SHARDS + 1 documents (one getAll, or a listener on
 * the `stats` collection, which holds nothing else).
 */
import { FieldValue, Timestamp, type Firestore } from "firebase-admin/firestore";
import { addCounters, flattenCounters, summarizeStats, type CounterMap, type OrgStats } from "../domain";
import { isAlreadyExists } from "./grpcCodes";
import { statsCol, statsEventsCol } from "./refs";

export const STATS_SHARDS = 8;
const MARKER_TTL_MS = 10 * 24 * 60 * 60 * 1000;

export const statsShardRef = (db: Firestore, orgId: string, shard: number) => statsCol(db, orgId).doc(`shard_${shard}`);
export const statsMetaRef = (db: Firestore, orgId: string) => statsCol(db, orgId).doc("meta");

/** A stable shard for an event id (FNV-1a), so a redelivery targets the same shard. */
export function shardFor(eventId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < eventId.length; i++) {
    hash ^= eventId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % STATS_SHARDS;
}

/** Dotted counter paths into a nested object of FieldValue.increment, for `set(…, {merge: true})`. */
export function incrementsOf(delta: CounterMap): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(delta)) {
    const parts = path.split(".");
    let node = root;
    for (const part of parts.slice(0, -1)) {
      node[part] ??= {};
      node = node[part] as Record<string, unknown>;
    }
    node[parts[parts.length - 1]!] = FieldValue.increment(value);
  }
  return root;
}

/**
 * Applies an event's delta exactly once: the batch creates the event's marker
 * and increments the counters, and a batch is atomic, so a redelivery's batch
 * fails on the existing marker and changes nothing. Returns false then.
 */
export async function applyStatsDelta(
  db: Firestore,
  orgId: string,
  eventId: string,
  delta: CounterMap,
): Promise<boolean> {
  if (Object.keys(delta).length === 0) return false;
  const batch = db.batch();
  batch.create(statsEventsCol(db, orgId).doc(eventId), {
    delta,
    appliedAt: FieldValue.serverTimestamp(),
    expireAt: Timestamp.fromMillis(Date.now() + MARKER_TTL_MS),
  });
  batch.set(statsShardRef(db, orgId, shardFor(eventId)), incrementsOf(delta), { merge: true });
  try {
    await batch.commit();
    return true;
  } catch (err) {
    if (isAlreadyExists(err)) return false;
    throw err;
  }
}

export { flattenCounters };

/** The raw org totals: the sum of every shard. */
export async function readCounters(db: Firestore, orgId: string): Promise<CounterMap> {
  const shards = await db.getAll(...Array.from({ length: STATS_SHARDS }, (_, i) => statsShardRef(db, orgId, i)));
  return addCounters(...shards.map((shard) => flattenCounters(shard.data())));
}

export interface OrgStatsView extends OrgStats {
  reconciledAt: string | null;
}

/** Everything the dashboard shows, from STATS_SHARDS + 1 document reads in one round trip. */
export async function readOrgStats(db: Firestore, orgId: string, now: number = Date.now()): Promise<OrgStatsView> {
  const refs = [
    ...Array.from({ length: STATS_SHARDS }, (_, i) => statsShardRef(db, orgId, i)),
    statsMetaRef(db, orgId),
  ];
  const docs = await db.getAll(...refs);
  const meta = docs.pop()!;
  const counters = addCounters(...docs.map((shard) => flattenCounters(shard.data())));
  const reconciledAt = meta.get("reconciledAt") as Timestamp | undefined;
  return { ...summarizeStats(counters, now), reconciledAt: reconciledAt ? reconciledAt.toDate().toISOString() : null };
}
