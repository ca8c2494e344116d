/**
 * The server-owned fields of an issue that follow from its other fields:
 * resolvedAt, closedAt, metrics, sla, searchTokens, and publicUpdatedAt with
 * the fingerprint of what customers see. `deriveServerFields`
 * returns only what differs from the document, so the trigger writes nothing
 * when nothing is due, and the write it does make derives to an empty patch
 * when its own event comes back (no loop).
 */
import { deepEqual } from "./equality";
import { isWorkableIssue, type IssueFacts, type IssueMetrics, type SlaState } from "./issueFacts";
import { customerFingerprint } from "./issueViews";
import { searchTokens } from "./searchTokens";
import type { BusinessHours } from "./businessHours";
import type { SlaPolicy } from "./sla";
import { clockStopsAt, nextSlaState, type ClockStop } from "./slaClock";
import { isActiveStatus } from "./vocabulary";

export interface DerivedPatch {
  resolvedAt?: number | null;
  closedAt?: number | null;
  metrics?: IssueMetrics;
  sla?: SlaState | null;
  clockStops?: ClockStop[];
  searchTokens?: string[];
  publicUpdatedAt?: number | null;
  publicFingerprint?: string;
}

export function deriveServerFields(
  issue: IssueFacts,
  ctx: { now: number; policy: SlaPolicy | null; hours?: BusinessHours | null },
): DerivedPatch {
  if (!isWorkableIssue(issue)) return {};
  const patch: DerivedPatch = {};
  const status = issue.status!;

  // resolvedAt: set on entering resolved, kept through closing, cleared by a reopen.
  let resolvedAt = issue.resolvedAt;
  if (status === "resolved" && resolvedAt === null) resolvedAt = ctx.now;
  if (isActiveStatus(status) && resolvedAt !== null) resolvedAt = null;
  if (resolvedAt !== issue.resolvedAt) patch.resolvedAt = resolvedAt;

  let closedAt = issue.closedAt;
  if (status === "closed" && closedAt === null) closedAt = ctx.now;
  if (status !== "closed" && closedAt !== null) closedAt = null;
  if (closedAt !== issue.closedAt) patch.closedAt = closedAt;

  const created = issue.createdAt!;
  const metrics: IssueMetrics = {
    firstResponseMs: issue.firstResponseAt === null ? null : Math.max(0, issue.firstResponseAt - created),
    resolutionMs: resolvedAt === null ? null : Math.max(0, resolvedAt - created),
  };
  if (!deepEqual(metrics, issue.metrics)) patch.metrics = metrics;

  // Caught up only where a writer changed the status without recording the stop.
  const stops = clockStopsAt(issue, ctx.now);
  if (stops && !deepEqual(stops, issue.clockStops)) patch.clockStops = stops;

  const sla = nextSlaState(issue, ctx.policy, ctx.now, ctx.hours ?? null);
  if (!deepEqual(sla, issue.sla)) patch.sla = sla;

  const tokens = searchTokens(issue);
  if (!deepEqual(tokens, issue.searchTokens)) patch.searchTokens = tokens;

  // What a customer sees, after this patch (resolvedAt and closedAt are theirs to see): when it differs from what
  // they saw last, the write that changed it is the customer's time of change (domain/issueViews.ts).
  const seen = customerFingerprint(withPatch(issue, patch) as Parameters<typeof customerFingerprint>[0]);
  if (seen !== issue.publicFingerprint) {
    patch.publicFingerprint = seen;
    patch.publicUpdatedAt = issue.updatedAt;
  }
  return patch;
}

/** Applies a patch to the facts: what the document looks like after the trigger's write. */
export function withPatch(issue: IssueFacts, patch: DerivedPatch): IssueFacts {
  return { ...issue, ...patch } as IssueFacts;
}
