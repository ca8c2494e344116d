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

/** An issue's reporter; `service` is the name a calling service gave itself (API keys and service accounts). */
export interface Reporter extends Actor {
  service?: string;
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
  reporter: Reporter;
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
  linear: { id: string; identifier: string; url: string; state: string; syncedAt: Time; error: string | null } | null;
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

/** The actor recorded for writes the system makes on its own (numbering, SLA marks). */
export const SYSTEM_ACTOR: Actor = { uid: "system", name: "Firetrack", kind: "system" };
