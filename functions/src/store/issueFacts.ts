/**
 * Reads an issue document into domain IssueFacts (times as epoch ms; the lenient
 * reading of domain/issue.ts) and writes derived fields back (times as Timestamps).
 */
import { Timestamp, type DocumentSnapshot } from "firebase-admin/firestore";
import {
  businessHoursToStored,
  factsFromIssueData,
  type ClockStop,
  type DerivedPatch,
  type IssueFacts,
  type SlaState,
} from "../domain";

export function factsFromData(data: Record<string, unknown> | undefined): IssueFacts | null {
  return factsFromIssueData(data);
}

export function factsOf(snapshot: DocumentSnapshot | undefined | null): IssueFacts | null {
  return snapshot?.exists ? factsFromIssueData(snapshot.data()) : null;
}

const ts = (ms: number | null) => (ms === null ? null : Timestamp.fromMillis(ms));

export function slaToFirestore(sla: SlaState | null) {
  if (!sla) return null;
  const { nextDueAt, ...rest } = sla;
  return {
    ...rest,
    firstResponseDueAt: Timestamp.fromMillis(sla.firstResponseDueAt),
    resolutionDueAt: Timestamp.fromMillis(sla.resolutionDueAt),
    pausedAt: ts(sla.pausedAt),
    atRiskAt: ts(sla.atRiskAt),
    hours: sla.hours ? businessHoursToStored(sla.hours) : null,
    // Left out rather than null: an order by it then skips issues without one.
    ...(nextDueAt === null ? {} : { nextDueAt: Timestamp.fromMillis(nextDueAt) }),
  };
}

export function clockStopsToFirestore(stops: readonly ClockStop[]) {
  return stops.map((stop) => ({ from: Timestamp.fromMillis(stop.from), to: ts(stop.to) }));
}

/** The Firestore update for a derived patch. */
export function patchToFirestore(patch: DerivedPatch): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if ("resolvedAt" in patch) out.resolvedAt = ts(patch.resolvedAt ?? null);
  if ("closedAt" in patch) out.closedAt = ts(patch.closedAt ?? null);
  if (patch.metrics) out.metrics = patch.metrics;
  if ("sla" in patch) out.sla = slaToFirestore(patch.sla ?? null);
  if (patch.clockStops) out.clockStops = clockStopsToFirestore(patch.clockStops);
  if (patch.searchTokens) out.searchTokens = patch.searchTokens;
  if ("publicUpdatedAt" in patch) out.publicUpdatedAt = ts(patch.publicUpdatedAt ?? null);
  if (patch.publicFingerprint !== undefined) out.publicFingerprint = patch.publicFingerprint;
  return out;
}
