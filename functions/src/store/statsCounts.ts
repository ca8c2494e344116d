/**
 * Org statistics from count() aggregation queries: one cheap aggregation per
 * bucket, never a read of every issue. The stats kept by triggers replace this
 * on the dashboard path; this stays as their truth for reconciliation.
 */
import type { Firestore, Query } from "firebase-admin/firestore";
import { ACTIVE_STATUSES, CATEGORIES, ISSUE_TYPES, PRIORITIES, SOURCES, STATUSES } from "../domain";
import { issuesCol } from "./refs";

async function countBy(base: Query, field: string, values: readonly string[]): Promise<Record<string, number>> {
  const counts = await Promise.all(values.map(async (value) => (await base.where(field, "==", value).count().get()).data().count));
  return Object.fromEntries(values.map((value, i) => [value, counts[i]!]));
}

export async function countOrgStats(db: Firestore, orgId: string) {
  const live = issuesCol(db, orgId).where("deleted", "==", false);
  const [byStatus, byPriority, byCategory, byType, bySource, total] = await Promise.all([
    countBy(live, "status", STATUSES),
    countBy(live, "priority", PRIORITIES),
    countBy(live, "category", CATEGORIES),
    countBy(live, "type", ISSUE_TYPES),
    countBy(live, "source", SOURCES),
    live.count().get(),
  ]);
  const open = ACTIVE_STATUSES.reduce((sum, status) => sum + (byStatus[status] ?? 0), 0);
  return { total: total.data().count, open, byStatus, byPriority, byCategory, byType, bySource };
}
