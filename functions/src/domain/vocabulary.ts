/**
 * The one vocabulary of Firetrack (docs/product.md). Functions and web both import
 * these lists; nothing else spells a status, priority or role.
 */

export const STATUSES = [
  "open",
  "answered",
  "in_progress",
  "on_hold",
  "waiting_for_response",
  "resolved",
  "closed",
] as const;
export type Status = (typeof STATUSES)[number];

export const ACTIVE_STATUSES = [
  "open",
  "answered",
  "in_progress",
  "on_hold",
  "waiting_for_response",
] as const satisfies readonly Status[];
export type ActiveStatus = (typeof ACTIVE_STATUSES)[number];

/** Ascending: the index is the rank used for sorting by priority. */
export const PRIORITIES = ["low", "medium", "high", "urgent", "critical"] as const;
export type Priority = (typeof PRIORITIES)[number];

export const CATEGORIES = ["general", "quality", "delivery", "billing", "communication", "technical", "other"] as const;
export type Category = (typeof CATEGORIES)[number];

export const ISSUE_TYPES = ["bug", "feature", "task", "enhancement"] as const;
export type IssueType = (typeof ISSUE_TYPES)[number];

export const SOURCES = ["internal", "client", "service", "linear"] as const;
export type Source = (typeof SOURCES)[number];

/** How an issue or a comment arrived: the agent app, the portal, email, the API, or Linear. */
export const CHANNELS = ["web", "portal", "email", "api", "linear"] as const;
export type Channel = (typeof CHANNELS)[number];

/** The channel of a write that names none: by who made it (a customer's web write is the portal). */
export function channelForSource(source: Source): Channel {
  if (source === "client") return "portal";
  if (source === "service") return "api";
  if (source === "linear") return "linear";
  return "web";
}

/** A service's own name (`workflow-consumer`), which API-key and service-account callers may give. */
export const SERVICE_NAME = /^[a-z0-9._-]{1,64}$/;

export const ROLES = ["admin", "agent", "reporter", "viewer", "customer", "service"] as const;
export type Role = (typeof ROLES)[number];

/** Roles a person can hold in an org's member list (services authenticate by key, not membership). */
export const MEMBER_ROLES = ["admin", "agent", "reporter", "viewer", "customer"] as const satisfies readonly Role[];
export type MemberRole = (typeof MEMBER_ROLES)[number];

/** The team: every member role but customer. Staff see internal notes; customers see their own issues only. */
export const STAFF_ROLES = ["admin", "agent", "reporter", "viewer"] as const satisfies readonly MemberRole[];
export type StaffRole = (typeof STAFF_ROLES)[number];
export const isStaffRole = (role: unknown): role is StaffRole => (STAFF_ROLES as readonly unknown[]).includes(role);

/** Who works issues: the roles an issue can be assigned to, and who hears of the staff events (a raised issue, a breach). */
export const ASSIGNABLE_ROLES = ["admin", "agent"] as const satisfies readonly StaffRole[];
export type AssignableRole = (typeof ASSIGNABLE_ROLES)[number];
export const isAssignableRole = (role: unknown): role is AssignableRole =>
  (ASSIGNABLE_ROLES as readonly unknown[]).includes(role);

/** Who did something: a member of the org, a customer, a service, Linear, or the system itself. */
export const ACTOR_KINDS = ["member", "customer", "service", "linear", "system"] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

export function isActiveStatus(status: Status): status is ActiveStatus {
  return (ACTIVE_STATUSES as readonly Status[]).includes(status);
}

export function priorityRank(priority: Priority): number {
  return PRIORITIES.indexOf(priority);
}

/**
 * The source of what an actor writes. An API key or a service account is a service
 * whatever role it was given: the role decides what it may do, not who it is.
 */
export function sourceForActorKind(kind: ActorKind): Source {
  if (kind === "customer") return "client";
  if (kind === "service") return "service";
  if (kind === "linear") return "linear";
  return "internal";
}

export const sourceForActor = (actor: { kind: ActorKind }): Source => sourceForActorKind(actor.kind);

/** People (not services, Linear or the system) join an issue's watchers by raising it or commenting on it. */
export const WATCHING_ACTOR_KINDS = ["member", "customer"] as const satisfies readonly ActorKind[];
export const joinsWatchers = (actor: { kind: ActorKind } | null | undefined): boolean =>
  actor != null && (WATCHING_ACTOR_KINDS as readonly ActorKind[]).includes(actor.kind);

/** The id of a customer's projection of an issue, `users/{uid}/portalIssues/{orgId}_{issueId}`. */
export const portalIssueDocId = (orgId: string, issueId: string): string => `${orgId}_${issueId}`;

export function actorKindForRole(role: Role): ActorKind {
  if (role === "customer") return "customer";
  if (role === "service") return "service";
  return "member";
}
