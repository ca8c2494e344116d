/**
 * The plain view of an issue document that the event handlers reason about:
 * the lenient reading of the one description (issue.ts) with times as epoch
 * milliseconds, so the pure logic never sees a Firestore type and never trusts
 * a raw document. store/issueFacts.ts builds it from a snapshot.
 */
import type { z } from "zod";
import { epochMs, lenientIssueSchema } from "./issue";

export const issueFactsSchema = lenientIssueSchema(epochMs);
export type IssueFacts = z.output<typeof issueFactsSchema>;

/** The SLA state kept on `issue.sla` (issue.ts `slaStateShape`), times as epoch ms. */
export type SlaState = NonNullable<IssueFacts["sla"]>;
export type IssueMetrics = IssueFacts["metrics"];

/** The facts of a document's data; null for a document that does not exist. */
export function factsFromIssueData(data: Record<string, unknown> | undefined): IssueFacts | null {
  return data ? issueFactsSchema.parse(data) : null;
}

/** A document the derived-field logic may touch: it has the fields an issue always has. */
export function isWorkableIssue(facts: IssueFacts): boolean {
  return facts.status !== null && facts.priority !== null && facts.createdAt !== null && facts.deleted !== null;
}

/** A blank issue for tests and defaults; every field present. */
export function blankFacts(overrides: Partial<IssueFacts> = {}): IssueFacts {
  return {
    orgId: "",
    number: null,
    seq: null,
    year: null,
    title: "",
    description: "",
    type: "task",
    priority: "medium",
    priorityRank: 1,
    category: "general",
    status: "open",
    channel: null,
    tags: [],
    source: "internal",
    reporter: null,
    raisedByCustomer: false,
    assignee: null,
    watchers: [],
    vendor: null,
    order: null,
    resolution: null,
    createdAt: 0,
    updatedAt: 0,
    publicUpdatedAt: null,
    publicFingerprint: null,
    firstResponseAt: null,
    resolvedAt: null,
    closedAt: null,
    statusChangedAt: null,
    clockStops: null,
    sla: null,
    metrics: { firstResponseMs: null, resolutionMs: null },
    linear: null,
    fingerprint: null,
    occurrences: 1,
    lastSeenAt: 0,
    commentCount: 0,
    publicCommentCount: 0,
    searchTokens: [],
    deleted: false,
    deletedAt: null,
    deletedBy: null,
    version: 1,
    lastActor: null,
    ...overrides,
  };
}
