/**
 * The shape of an issue document (DESIGN.md §3), generic over the timestamp
 * type so that functions (admin Timestamp) and web (client Timestamp) share it.
 */
import type { ActorKind, Category, IssueType, Priority, Source, Status } from "./vocabulary";

export interface Actor {
  uid: string;
  name: string;
  kind: ActorKind;
}

export interface IssueRecord<Time> {
  orgId: string;
  number: string | null;
  seq: number | null;
  year: number | null;
  title: string;
  description: string;
  type: IssueType;
  priority: Priority;
  category: Category;
  status: Status;
  tags: string[];
  source: Source;
  reporter: Actor;
  raisedByCustomer: boolean;
  assignee: { uid: string; name: string } | null;
  watchers: string[];
  vendor: { id: string; name: string } | null;
  order: { id: string; ref: string } | null;
  resolution: { notes: string; by: Actor; at: Time } | null;
  createdAt: Time;
  updatedAt: Time;
  firstResponseAt: Time | null;
  resolvedAt: Time | null;
  closedAt: Time | null;
  sla: {
    firstResponseDueAt: Time | null;
    resolutionDueAt: Time | null;
    pausedAt: Time | null;
    pausedMs: number;
    firstResponseBreached: boolean;
    resolutionBreached: boolean;
  } | null;
  linear: LinearLink<Time> | null;
  fingerprint: string | null;
  occurrences: number;
  lastSeenAt: Time;
  commentCount: number;
  viewCount: number;
  searchTokens: string[];
  deleted: boolean;
  deletedAt: Time | null;
  deletedBy: Actor | null;
  version: number;
  lastActor: Actor;
}

/**
 * The issue's link to Linear (server-written, members only). `id` is our own
 * UUID, stored before the first create is sent, so a retry or a webhook that
 * beats the create's answer finds the issue. `state` is the Linear state's type,
 * `pending` until the issue exists there, or `deleted` once removed there.
 */
export interface LinearLink<Time> {
  id: string;
  identifier: string | null;
  url: string | null;
  state: string;
  stateId: string | null;
  stateName: string | null;
  syncedAt: Time | null;
  /** The issue `version` Linear is known to hold. */
  syncedVersion: number;
  /** Linear's `updatedAt` of the last state we pushed or applied: by Linear's clock, never compared with ours. */
  remoteUpdatedAt: Time | null;
  /** The same per synced field, in ms (domain/linear.ts freshFields): an event applies to the fields it is newer about. */
  remoteFieldAt: Partial<Record<"title" | "description" | "status" | "priority", number>> | null;
  /** Fingerprints of the title, description, status and priority Linear holds (domain/linear.ts fieldsToPush). */
  syncedFields: Partial<Record<"title" | "description" | "status" | "priority", string>> | null;
  error: { code: string; message: string; at: Time; attempts: number } | null;
}

/** The actor recorded for writes the system makes on its own (numbering, SLA marks). */
export const SYSTEM_ACTOR: Actor = { uid: "system", name: "Firetrack", kind: "system" };
