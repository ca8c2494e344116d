/**
 * Which activities a change of an issue leaves (docs/events.md): one per change
 * and audience. Fields a customer may read and fields only members may read
 * never share an activity, because security rules cannot hide part of a
 * document: a change touching both gives a public activity and an internal one.
 * Who may read a field is the domain's one classification (issueViews.ts); a
 * public activity records a field only as a customer may see it (the assignee's
 * name, the resolution's notes).
 * A change of server-owned fields only (numbering, search tokens, SLA
 * bookkeeping, counters) is no activity at all.
 */
import { deepEqual } from "./equality";
import type { Actor } from "./issue";
import { customerFacingActor, SYSTEM_ACTOR } from "./issue";
import type { IssueFacts } from "./issueFacts";
import { customerValue, isCustomerVisible } from "./issueViews";
import { isReopen } from "./statusMachine";

/** Fields whose changes are recorded, in this order. Everything else is server-owned. */
export const ACTIVITY_FIELDS = [
  "title",
  "description",
  "type",
  "priority",
  "category",
  "status",
  "tags",
  "assignee",
  "vendor",
  "order",
  "resolution",
  "deleted",
  "occurrences",
] as const;
export type ActivityField = (typeof ACTIVITY_FIELDS)[number];

/** Changes only members see: whatever the customer may not see of an issue (tags, deletion, occurrences). */
export const INTERNAL_ACTIVITY_FIELDS: readonly ActivityField[] = ACTIVITY_FIELDS.filter(
  (field) => !isCustomerVisible(field),
);

export const ACTIVITY_TYPES = [
  "created",
  "updated",
  "status_changed",
  "resolved",
  "reopened",
  "closed",
  "assigned",
  "deleted",
  "restored",
  "occurrence",
  "commented",
  "sla_breached",
  "sla_at_risk",
] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

export type FieldChanges = Partial<Record<ActivityField, { from: unknown; to: unknown }>>;

export interface ActivityDraft {
  /** Appended to the event id to name the document: "" for the public one, "internal" otherwise. */
  audience: "public" | "internal";
  type: ActivityType;
  actor: Actor;
  changes: FieldChanges;
  internal: boolean;
}

/** The values an activity records for a field (the resolution without its timestamp, which `at` already gives). */
function recorded(issue: IssueFacts, field: ActivityField): unknown {
  if (field === "resolution")
    return issue.resolution ? { notes: issue.resolution.notes, by: issue.resolution.by } : null;
  return issue[field];
}

export function changedFields(before: IssueFacts, after: IssueFacts): FieldChanges {
  const changes: FieldChanges = {};
  for (const field of ACTIVITY_FIELDS) {
    const from = recorded(before, field);
    const to = recorded(after, field);
    if (!deepEqual(from, to)) changes[field] = { from, to };
  }
  return changes;
}

function typeOf(changes: FieldChanges): ActivityType {
  const status = changes.status as { from: IssueFacts["status"]; to: IssueFacts["status"] } | undefined;
  if (changes.deleted) return changes.deleted.to === true ? "deleted" : "restored";
  if (status?.to === "resolved") return "resolved";
  if (status?.from && status.to && isReopen(status.from, status.to)) return "reopened";
  if (status?.to === "closed") return "closed";
  if (status) return "status_changed";
  if (changes.assignee && Object.keys(changes).length === 1) return "assigned";
  if (changes.occurrences && Object.keys(changes).length === 1) return "occurrence";
  return "updated";
}

const CREATED_FIELDS: readonly ActivityField[] = ["title", "type", "priority", "category", "status"];

/** A macro's name is the team's word for its canned answer: customers read who acted, not which macro. */
function publicActor(actor: Actor): Actor {
  if (actor.via?.kind !== "macro") return actor;
  const { via: _via, ...rest } = actor;
  return rest;
}

/** The activities for one change; empty for a write of server-owned fields or a hard delete. */
export function activitiesFor(before: IssueFacts | null, after: IssueFacts | null): ActivityDraft[] {
  // A hard delete removes the issue with its activities: there is nothing left to append to.
  if (!after) return [];
  const actor = after.lastActor ?? SYSTEM_ACTOR;
  if (!before) {
    const changes: FieldChanges = {};
    for (const field of CREATED_FIELDS) changes[field] = { from: null, to: recorded(after, field) };
    return [{ audience: "public", type: "created", actor: customerFacingActor(actor), changes, internal: false }];
  }
  const all = changedFields(before, after);
  const split = { public: {} as FieldChanges, internal: {} as FieldChanges };
  for (const [field, change] of Object.entries(all) as [ActivityField, { from: unknown; to: unknown }][]) {
    const shown = isCustomerVisible(field)
      ? { from: customerValue(field, change.from), to: customerValue(field, change.to) }
      : null;
    // What a customer cannot see of a change (tags; a reassignment between two people of one name) is the team's.
    if (shown && !deepEqual(shown.from, shown.to)) split.public[field] = shown;
    else split.internal[field] = change;
  }
  const drafts: ActivityDraft[] = [];
  for (const audience of ["public", "internal"] as const) {
    const changes = split[audience];
    if (Object.keys(changes).length === 0) continue;
    // Customers read public activities: their actor is the one customers may see, without the macro behind it.
    drafts.push({
      audience,
      type: typeOf(changes),
      actor: audience === "public" ? publicActor(customerFacingActor(actor) as Actor) : actor,
      changes,
      internal: audience === "internal",
    });
  }
  return drafts;
}
