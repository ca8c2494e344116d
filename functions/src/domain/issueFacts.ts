/**
 * The plain view of an issue document that the event handlers reason about:
 * times are epoch milliseconds, and anything missing or malformed is null, so
 * the pure logic never sees a Firestore type and never trusts a raw document.
 * store/issueFacts.ts builds it from a snapshot.
 */
import type { Actor, Reporter } from "./issue";
import type { Category, IssueType, Priority, Source, Status } from "./vocabulary";

/** The SLA state kept on `issue.sla` (DESIGN.md §3 plus the bookkeeping the sweeps and queries need). */
export interface SlaState {
  /** The priority the due dates were computed for: a change of priority is detected by comparing. */
  priority: Priority;
  /**
   * The targets in force, copied from the org's policy when the priority was
   * set: a later change of policy does not move the due dates of open issues.
   */
  firstResponseMins: number;
  resolutionMins: number;
  firstResponseDueAt: number;
  resolutionDueAt: number;
  /** When the clock stopped (paused status, resolved, closed or deleted); null while it runs. */
  pausedAt: number | null;
  /** Total stopped time so far; due dates are shifted by it. */
  pausedMs: number;
  firstResponseBreached: boolean;
  resolutionBreached: boolean;
  /** Either breach: one field so "breached issues" is a plain equality query. */
  breached: boolean;
  /** The clock runs: equality field of the due-soon and breach queries. */
  running: boolean;
  /** No first response yet and not breached: the breach sweep still watches the first-response clock. */
  firstResponsePending: boolean;
  /** Not resolved or closed and not breached: the breach sweep still watches the resolution clock. */
  resolutionPending: boolean;
}

export interface IssueMetrics {
  /** firstResponseAt − createdAt, wall-clock; what the dashboard averages. */
  firstResponseMs: number | null;
  /** resolvedAt − createdAt, wall-clock. */
  resolutionMs: number | null;
}

export interface IssueFacts {
  number: string | null;
  seq: number | null;
  year: number | null;
  title: string;
  description: string;
  type: IssueType | null;
  priority: Priority | null;
  category: Category | null;
  status: Status | null;
  source: Source | null;
  tags: string[];
  reporter: Reporter | null;
  raisedByCustomer: boolean;
  assignee: { uid: string; name: string } | null;
  watchers: string[];
  vendor: { id: string; name: string } | null;
  order: { id: string; ref: string } | null;
  resolution: { notes: string; by: Actor | null } | null;
  createdAt: number | null;
  firstResponseAt: number | null;
  resolvedAt: number | null;
  closedAt: number | null;
  sla: SlaState | null;
  metrics: IssueMetrics;
  fingerprint: string | null;
  occurrences: number | null;
  commentCount: number;
  searchTokens: string[];
  /** Null when the field is absent (a raw import): such a document is not counted as live. */
  deleted: boolean | null;
  lastActor: Actor | null;
}

/** A document the derived-field logic may touch: it has the fields an issue always has. */
export function isWorkableIssue(facts: IssueFacts): boolean {
  return facts.status !== null && facts.priority !== null && facts.createdAt !== null && facts.deleted !== null;
}

/** A blank issue for tests and defaults; every field present. */
export function blankFacts(overrides: Partial<IssueFacts> = {}): IssueFacts {
  return {
    number: null,
    seq: null,
    year: null,
    title: "",
    description: "",
    type: "task",
    priority: "medium",
    category: "general",
    status: "open",
    source: "internal",
    tags: [],
    reporter: null,
    raisedByCustomer: false,
    assignee: null,
    watchers: [],
    vendor: null,
    order: null,
    resolution: null,
    createdAt: 0,
    firstResponseAt: null,
    resolvedAt: null,
    closedAt: null,
    sla: null,
    metrics: { firstResponseMs: null, resolutionMs: null },
    fingerprint: null,
    occurrences: 1,
    commentCount: 0,
    searchTokens: [],
    deleted: false,
    lastActor: null,
    ...overrides,
  };
}
