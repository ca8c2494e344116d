/**
 * The issue document (docs/product.md), described once. Everything else derives from
 * this description:
 * - the lenient reading the triggers and the API use (`lenientIssueShape`; the
 *   domain's `IssueFacts` in issueFacts.ts, times as epoch ms);
 * - what each audience sees (issueViews.ts): the customer's allow-list and the staff view,
 *   with their response schemas, from which the OpenAPI is written;
 * - the record a new issue starts as (store/issues.ts `newIssueRecord`, held to ISSUE_FIELDS by a test).
 * The shape is built over a time schema because a time is a Firestore Timestamp in the
 * document, epoch milliseconds in the domain and an ISO-8601 string in an API answer.
 */
import { z } from "zod";
import { SLA_CLOCK_MODES, storedBusinessHoursSchema } from "./businessHours";
import { ACTOR_KINDS, CATEGORIES, CHANNELS, ISSUE_TYPES, PRIORITIES, SOURCES, STATUSES } from "./vocabulary";

/**
 * `via`: what made the change on the actor's behalf, when it was not a plain command: a macro
 * (its name) or an automation (why it acted). Set on `lastActor` by that one write only, so the
 * activity of that write says it (docs/automations.md).
 */
export const actorViaSchema = z.object({ kind: z.enum(["macro", "round_robin", "auto_close"]), name: z.string() });
export const actorSchema = z.object({
  uid: z.string(),
  name: z.string(),
  kind: z.enum(ACTOR_KINDS),
  via: actorViaSchema.optional(),
});
/** Who did something: a member, a customer, a service, Linear, or the system itself. */
export type Actor = z.infer<typeof actorSchema>;

/** The actor recorded for writes the system makes on its own (numbering, SLA marks). */
export const SYSTEM_ACTOR: Actor = { uid: "system", name: "Firetrack", kind: "system" };

/** What an account without a display name is called. */
export const UNNAMED_PERSON = "Unnamed user";

/**
 * The name others see of a person: their display name, never their address. A name is shown
 * to colleagues and customers who may not read addresses (docs/security.md), so an account
 * without a name (or one that set its address as its name) is shown as UNNAMED_PERSON.
 */
export function personName(name: string | null | undefined): string {
  const trimmed = name?.trim() ?? "";
  return trimmed === "" || /\S+@\S+\.\S+/.test(trimmed) ? UNNAMED_PERSON : trimmed;
}

/** Who customers are told acted when a change came from Linear: the team, not a Linear user (docs/security.md). */
export const SUPPORT_TEAM_ACTOR: Actor = { uid: "support-team", name: "Support team", kind: "system" };

/**
 * The actor as customers may see it. A Linear user's name and id belong to the team's own
 * tools; staff keep them in the issue's `lastActor` and the internal record.
 */
export function customerFacingActor<A extends { uid: string; name: string; kind?: string }>(actor: A): A | Actor {
  return actor.kind === "linear" ? SUPPORT_TEAM_ACTOR : actor;
}

/** The public resolution notes of an issue completed in Linear: what a customer may read of it. */
export const LINEAR_RESOLUTION_NOTES = "Resolved by the support team.";

/** Any Firestore Timestamp, duck-typed so that a second copy of an SDK (tests, bundlers) still reads. */
export const timestampLike = z.custom<{ toMillis(): number }>(
  (value) => typeof (value as { toMillis?: unknown } | null)?.toMillis === "function",
  "a timestamp",
);
/** Times as the domain computes with them. */
export const epochMs = timestampLike.transform((t) => t.toMillis());
/** Times as the API answers with them. */
export const isoTime = timestampLike.transform((t) => new Date(t.toMillis()).toISOString());

/** The SLA state kept on `issue.sla` (docs/events.md, SLA, plus the bookkeeping the sweeps and queries need). */
export function slaStateShape<T extends z.ZodType>(time: T) {
  return {
    /** The priority the due dates were computed for: a change of priority is detected by comparing. */
    priority: z.enum(PRIORITIES),
    /** The targets in force, copied from the org's policy when the priority was set, so a later policy change does not move them. */
    firstResponseMins: z.number(),
    resolutionMins: z.number(),
    firstResponseDueAt: time,
    resolutionDueAt: time,
    /** When the clock stopped (paused status, resolved, closed or deleted); null while it runs. */
    pausedAt: time.nullable(),
    /** Total stopped time so far; due dates are shifted by it. */
    pausedMs: z.number(),
    firstResponseBreached: z.boolean(),
    resolutionBreached: z.boolean(),
    /** Either breach: one field so "breached issues" is a plain equality query. */
    breached: z.boolean(),
    /** The clock runs: equality field of the due-soon and breach queries. */
    running: z.boolean(),
    /** No first response yet and not breached: the breach sweep still watches the first-response clock. */
    firstResponsePending: z.boolean(),
    /** Not resolved or closed and not breached: the breach sweep still watches the resolution clock. */
    resolutionPending: z.boolean(),
    /** How the clock counts: open hours only (`business`) or every hour; older documents counted every hour. */
    clock: z.enum(SLA_CLOCK_MODES).default("calendar"),
    /** The open hours the due times were counted in, copied like the targets; null for a calendar clock. */
    hours: storedBusinessHoursSchema.nullable().default(null),
    /**
     * The due time of the clock the queue shows: the first response until it is given, then the resolution until the issue
     * is solved (overdue or not). Absent from the document when there is none, so "due soonest" lists only issues with one.
     */
    nextDueAt: time.nullable().default(null),
    /** When 75 % of that clock's target is used. */
    atRiskAt: time.nullable().default(null),
    /** At-risk warnings sent, one per clock, like the breach marks. */
    firstResponseAtRisk: z.boolean().default(false),
    resolutionAtRisk: z.boolean().default(false),
    /** The next clock's warning is due and not sent yet: equality field of the at-risk sweep. */
    atRiskPending: z.boolean().default(false),
    /** The next clock was warned about and nothing is breached: the queue's "at risk" filter. */
    atRisk: z.boolean().default(false),
  };
}

export const metricsSchema = z.object({
  /** firstResponseAt − createdAt, wall-clock; what the dashboard averages. */
  firstResponseMs: z.number().nullable(),
  /** resolvedAt − createdAt, wall-clock. */
  resolutionMs: z.number().nullable(),
});

const LINEAR_FIELD = z.enum(["title", "description", "status", "priority"]);

/**
 * The issue's link to Linear. `id` is our own UUID, stored before the first
 * create is sent, so a retry, or a webhook that beats the create's answer,
 * finds the issue.
 */
export function linearLinkShape<T extends z.ZodType>(time: T) {
  return {
    id: z.string(),
    identifier: z.string().nullable().describe("ENG-123; null until Linear has the issue"),
    url: z.string().nullable(),
    state: z
      .string()
      .describe("The Linear state's type; `pending` before the issue exists there, `deleted` once removed there"),
    stateId: z.string().nullable(),
    stateName: z.string().nullable(),
    syncedAt: time.nullable(),
    /** The issue `version` Linear is known to hold. */
    syncedVersion: z.number().int(),
    /** Linear's `updatedAt` of the last state we pushed or applied: Linear's clock, never compared with ours. */
    remoteUpdatedAt: time.nullable(),
    /** The same per synced field, in ms (domain/linear.ts freshFields). */
    remoteFieldAt: z.partialRecord(LINEAR_FIELD, z.number()).nullable(),
    /** Fingerprints of the values Linear holds (domain/linear.ts fieldsToPush). */
    syncedFields: z.partialRecord(LINEAR_FIELD, z.string()).nullable(),
    error: z
      .object({ code: z.string(), message: z.string(), at: time, attempts: z.number().int() })
      .nullable()
      .describe("Why the last push failed; cleared by a push that succeeds"),
  };
}

/** Every field of an issue document, with its type. */
export function issueShape<T extends z.ZodType>(time: T) {
  return {
    orgId: z.string(),
    number: z.string().nullable().describe("ISS-{YYYY}-{NNNN}; null until the allocator numbers the issue"),
    seq: z.number().int().nullable(),
    year: z.number().int().nullable(),
    title: z.string(),
    description: z.string().describe("Markdown"),
    type: z.enum(ISSUE_TYPES),
    priority: z.enum(PRIORITIES),
    /** The index of the priority in PRIORITIES, so that the list can sort by it. */
    priorityRank: z.number().int(),
    category: z.enum(CATEGORIES),
    status: z.enum(STATUSES),
    tags: z.array(z.string()),
    source: z.enum(SOURCES),
    /** How the issue arrived; null on documents written before the field existed. */
    channel: z.enum(CHANNELS).nullable(),
    reporter: actorSchema.extend({ service: z.string().optional() }),
    raisedByCustomer: z.boolean(),
    assignee: z.object({ uid: z.string(), name: z.string() }).nullable(),
    watchers: z.array(z.string()),
    vendor: z.object({ id: z.string(), name: z.string() }).nullable(),
    order: z.object({ id: z.string(), ref: z.string() }).nullable(),
    resolution: z
      .object({ notes: z.string().describe("Public: the customer reads them"), by: actorSchema, at: time })
      .nullable(),
    createdAt: time,
    updatedAt: time,
    /**
     * When a customer last saw the issue change: the `updatedAt` of the last write that changed what they see
     * (domain/issueViews.ts `customerUpdatedAt`). Internal notes and tags do not move it. Server only.
     */
    publicUpdatedAt: time.nullable(),
    /** A fingerprint of what the customer saw at `publicUpdatedAt` (domain/issueViews.ts). Server only. */
    publicFingerprint: z.string().nullable(),
    firstResponseAt: time.nullable(),
    resolvedAt: time.nullable(),
    closedAt: time.nullable(),
    /** When `status` last changed: stamped by the write that changed it (store/issues.ts clockStamp). */
    statusChangedAt: time.nullable(),
    /**
     * The SLA clock's stops, recorded by the writes that stop and restart it (domain/slaClock.ts);
     * null on documents written before the record existed.
     */
    clockStops: z.array(z.object({ from: time, to: time.nullable() })).nullable(),
    sla: z.object(slaStateShape(time)).nullable(),
    metrics: metricsSchema,
    /** The link to Linear (integrations/linear): written by the server only, for the team only. */
    linear: z.object(linearLinkShape(time)).nullable(),
    fingerprint: z.string().nullable(),
    occurrences: z.number().int(),
    lastSeenAt: time,
    /** All comments, internal ones included. */
    commentCount: z.number().int(),
    /** Comments the customer may read (internal == false): the count the portal shows. */
    publicCommentCount: z.number().int(),
    searchTokens: z.array(z.string()),
    deleted: z.boolean(),
    deletedAt: time.nullable(),
    deletedBy: actorSchema.nullable(),
    /** Increments on every write a person makes; the ETag. */
    version: z.number().int(),
    /** Set on every write by whatever made it, so that triggers know who acted. */
    lastActor: actorSchema,
  };
}

export type IssueField = keyof ReturnType<typeof issueShape>;
export const ISSUE_FIELDS = Object.keys(issueShape(z.any())) as readonly IssueField[];

const orNull = <S extends z.ZodType>(schema: S) => schema.nullable().catch(null);

/**
 * The same fields read leniently: triggers see every document under `issues`,
 * imports and half-written ones included, and a malformed field must become its
 * fallback (mostly null) rather than crash a handler that would be retried forever.
 */
export function lenientIssueShape<T extends z.ZodType>(time: T) {
  const f = issueShape(time);
  return {
    orgId: f.orgId.catch(""),
    number: orNull(f.number),
    seq: orNull(f.seq),
    year: orNull(f.year),
    title: f.title.catch(""),
    description: f.description.catch(""),
    type: orNull(f.type),
    priority: orNull(f.priority),
    priorityRank: orNull(f.priorityRank),
    category: orNull(f.category),
    status: orNull(f.status),
    tags: f.tags.catch([]),
    source: orNull(f.source),
    channel: orNull(f.channel),
    reporter: orNull(f.reporter),
    raisedByCustomer: f.raisedByCustomer.catch(false),
    assignee: orNull(f.assignee),
    watchers: f.watchers.catch([]),
    vendor: orNull(f.vendor),
    order: orNull(f.order),
    resolution: orNull(f.resolution),
    createdAt: orNull(f.createdAt),
    updatedAt: orNull(f.updatedAt),
    publicUpdatedAt: orNull(f.publicUpdatedAt),
    publicFingerprint: orNull(f.publicFingerprint),
    firstResponseAt: orNull(f.firstResponseAt),
    resolvedAt: orNull(f.resolvedAt),
    closedAt: orNull(f.closedAt),
    statusChangedAt: orNull(f.statusChangedAt),
    clockStops: orNull(f.clockStops),
    sla: orNull(f.sla),
    metrics: f.metrics.catch({ firstResponseMs: null, resolutionMs: null }),
    linear: orNull(z.object(lenientLinearLinkShape(time))),
    fingerprint: orNull(f.fingerprint),
    occurrences: orNull(f.occurrences),
    lastSeenAt: orNull(f.lastSeenAt),
    commentCount: f.commentCount.catch(0),
    publicCommentCount: f.publicCommentCount.catch(0),
    searchTokens: f.searchTokens.catch([]),
    /** Null when the field is absent (a raw import): such a document is not counted as live. */
    deleted: orNull(f.deleted),
    deletedAt: orNull(f.deletedAt),
    deletedBy: orNull(f.deletedBy),
    version: orNull(f.version),
    lastActor: orNull(f.lastActor),
  } satisfies { [K in IssueField]: z.ZodType };
}

/** A link written before one of its fields existed still reads, with that field null. */
function lenientLinearLinkShape<T extends z.ZodType>(time: T) {
  const f = linearLinkShape(time);
  return {
    ...f,
    identifier: orNull(f.identifier),
    url: orNull(f.url),
    state: f.state.catch("unknown"),
    stateId: orNull(f.stateId),
    stateName: orNull(f.stateName),
    syncedAt: orNull(f.syncedAt),
    syncedVersion: f.syncedVersion.catch(0),
    remoteUpdatedAt: orNull(f.remoteUpdatedAt),
    remoteFieldAt: orNull(f.remoteFieldAt),
    syncedFields: orNull(f.syncedFields),
    error: orNull(f.error),
  };
}

/** An issue document as read leniently, with times as the given time schema makes them. */
export const lenientIssueSchema = <T extends z.ZodType>(time: T) => z.object(lenientIssueShape(time));
