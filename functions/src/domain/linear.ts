/**
 * Linear's vocabulary and how it meets ours (shared/LINEAR.md): priorities,
 * workflow-state types, the per-org settings, which of our writes go out, how a
 * change made in Linear applies here, and which failures are worth a retry.
 * Pure: the integration (integrations/linear) brings the documents, the webhook
 * payloads and the SDK's errors.
 */
import { z } from "zod";
import { wellFormedString } from "./ids";
import { LIMITS } from "./limits";
import { canTransition } from "./statusMachine";
import { isActiveStatus, STATUSES, type Priority, type Status } from "./vocabulary";

export const LINEAR_STATE_TYPES = [
  "triage",
  "backlog",
  "unstarted",
  "started",
  "completed",
  "canceled",
  "duplicate",
] as const;
export type LinearStateType = (typeof LINEAR_STATE_TYPES)[number];

/** Which of our comments go to Linear: none, the public ones, or internal ones as well. Inbound comments follow `none` too. */
export const MIRROR_COMMENTS = ["none", "public", "all"] as const;
export type MirrorComments = (typeof MIRROR_COMMENTS)[number];

/** Linear's team ids are UUIDs; letters, digits and dashes keep them usable as part of a document id. */
export const LINEAR_TEAM_ID = /^[A-Za-z0-9_-]{1,100}$/;

/** A Linear workflow state by name or id, per status of ours; statuses left out map by state type. */
export const linearStateMapSchema = z.partialRecord(z.enum(STATUSES), wellFormedString().trim().min(1).max(100));
export type LinearStateMap = Partial<Record<Status, string>>;

export interface LinearSettings {
  teamId: string | null;
  enabled: boolean;
  mirrorComments: MirrorComments;
  stateMap: LinearStateMap;
}

export function defaultLinearSettings(teamId: string | null = null): LinearSettings {
  // A team given at registration only pre-fills the form: an admin turns the sync on (LINEAR.md, decisions).
  return { teamId: teamId || null, enabled: false, mirrorComments: "public", stateMap: {} };
}

/** Reads stored settings leniently: an older document (mirrorComments was a boolean) still works. */
export function linearSettingsOf(stored: unknown): LinearSettings {
  const value = (stored ?? {}) as Record<string, unknown>;
  const mirror = value.mirrorComments;
  const stateMap = linearStateMapSchema.safeParse(value.stateMap ?? {});
  return {
    teamId: typeof value.teamId === "string" && value.teamId ? value.teamId : null,
    enabled: value.enabled === true,
    mirrorComments:
      mirror === true
        ? "public"
        : mirror === false
          ? "none"
          : (MIRROR_COMMENTS as readonly unknown[]).includes(mirror)
            ? (mirror as MirrorComments)
            : "public",
    stateMap: stateMap.success ? stateMap.data : {},
  };
}

export const isLinearSyncOn = (settings: LinearSettings) => settings.enabled && settings.teamId !== null;

// ---------------------------------------------------------------------------
// Priority: Linear counts 0 none, 1 urgent, 2 high, 3 medium, 4 low.

export const LINEAR_PRIORITY: Readonly<Record<Priority, number>> = {
  critical: 1,
  urgent: 1,
  high: 2,
  medium: 3,
  low: 4,
};

/** Null means "leave ours as it is": Linear's 0 (no priority), or anything unknown. */
export function priorityFromLinear(value: number, current: Priority): Priority | null {
  switch (value) {
    case 1:
      // Linear has no level above urgent: our critical stays critical.
      return current === "critical" ? "critical" : "urgent";
    case 2:
      return "high";
    case 3:
      return "medium";
    case 4:
      return "low";
    default:
      return null;
  }
}

// ---------------------------------------------------------------------------
// Workflow states.

export interface LinearWorkflowState {
  id: string;
  name: string;
  type: string;
  position: number;
}

export function statusForStateType(type: string): Status | null {
  switch (type) {
    case "triage":
    case "backlog":
    case "unstarted":
      return "open";
    case "started":
      return "in_progress";
    case "completed":
      return "resolved";
    case "canceled":
    case "duplicate":
      return "closed";
    default:
      return null;
  }
}

/**
 * The state types a status goes to by default, best first. `answered` stays in
 * the to-do column: a reply to the customer is not engineering work started.
 * `on_hold` and `waiting_for_response` have no natural type: without a state
 * map they leave the Linear state as it is.
 */
const OUTBOUND_TYPES: Readonly<Record<Status, readonly LinearStateType[]>> = {
  open: ["unstarted", "backlog", "triage"],
  answered: ["unstarted", "backlog", "triage"],
  in_progress: ["started"],
  on_hold: [],
  waiting_for_response: [],
  resolved: ["completed"],
  closed: ["canceled"],
};

/** Where several states share a type, the one with the usual name wins, then the first in the team's order. */
const USUAL_NAMES: Readonly<Record<string, string>> = {
  triage: "triage",
  backlog: "backlog",
  unstarted: "todo",
  started: "in progress",
  completed: "done",
  canceled: "canceled",
};

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
const byPosition = (a: LinearWorkflowState, b: LinearWorkflowState) => a.position - b.position;

/** The Linear state our status goes to, or null to leave Linear's state alone. */
export function chooseLinearState(
  status: Status,
  states: readonly LinearWorkflowState[],
  stateMap: LinearStateMap,
): LinearWorkflowState | null {
  const mapped = stateMap[status];
  if (mapped) {
    const named = states.find((state) => state.id === mapped) ?? states.find((state) => sameName(state.name, mapped));
    if (named) return named;
  }
  for (const type of OUTBOUND_TYPES[status]) {
    const candidates = states.filter((state) => state.type === type).sort(byPosition);
    if (candidates.length === 0) continue;
    return candidates.find((state) => sameName(state.name, USUAL_NAMES[type] ?? "")) ?? candidates[0]!;
  }
  return null;
}

/** The state a new Linear issue starts in when our status maps to none. */
export function initialLinearState(
  status: Status,
  states: readonly LinearWorkflowState[],
  stateMap: LinearStateMap,
): LinearWorkflowState | null {
  return chooseLinearState(status, states, stateMap) ?? chooseLinearState("open", states, stateMap);
}

/** Our status for a Linear state: the state map first (by id or name), then the state's type. */
export function statusFromLinearState(
  state: { id: string; name: string; type: string },
  stateMap: LinearStateMap,
): Status | null {
  for (const status of STATUSES) {
    const mapped = stateMap[status];
    if (mapped && (mapped === state.id || sameName(mapped, state.name))) return status;
  }
  return statusForStateType(state.type);
}

export type InboundStatusMove = { to: Status; kind: "move" | "resolve" | "reopen" } | null;

/**
 * How a status set in Linear applies to ours. Linear is the other half of one
 * workflow, so its moves are mirrored even where a person here would need two
 * steps (in_progress → open), with the bookkeeping our statuses carry: entering
 * `resolved` records a resolution, leaving a finished status clears it. The one
 * move refused is closed → resolved: a closed issue is not re-solved after the fact.
 */
export function inboundStatusMove(from: Status, to: Status): InboundStatusMove {
  if (from === to) return null;
  const finished = !isActiveStatus(from);
  if (finished && isActiveStatus(to)) return { to, kind: "reopen" };
  if (to === "resolved") return from === "closed" ? null : { to, kind: "resolve" };
  if (canTransition(from, to) || (isActiveStatus(from) && isActiveStatus(to))) return { to, kind: "move" };
  return null;
}

// ---------------------------------------------------------------------------
// Outbound: which writes of ours go to Linear.

export const LINEAR_SYNCED_FIELDS = ["title", "description", "status", "priority"] as const;
export type LinearSyncedField = (typeof LINEAR_SYNCED_FIELDS)[number];

type SyncFacts = Pick<Record<LinearSyncedField, unknown>, LinearSyncedField> & {
  deleted: boolean | null;
  lastActor: { kind: string } | null;
};

/**
 * A created issue, or a change of a synced field, made by anyone but Linear
 * itself. A write that came from Linear is never sent back (no echo), and
 * writes of other fields (numbering, search tokens, the link itself) send nothing.
 */
export function needsLinearPush(before: SyncFacts | null, after: SyncFacts | null): boolean {
  if (after?.deleted !== false) return false;
  if (after.lastActor?.kind === "linear") return false;
  if (!before) return true;
  if (before.deleted !== false) return false;
  return LINEAR_SYNCED_FIELDS.some((field) => before[field] !== after[field]);
}

/** What Linear holds of each synced field, as a short fingerprint (not a secret: a change detector). */
export type LinearSyncedFields = Partial<Record<LinearSyncedField, string>>;

/** cyrb53: a fast 53-bit string hash; a collision would at worst skip one push of one field. */
export function fieldPrint(value: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < value.length; i++) {
    const ch = value.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

export function syncedFieldsOf(
  issue: Pick<Record<LinearSyncedField, string>, LinearSyncedField>,
  fields: readonly LinearSyncedField[] = LINEAR_SYNCED_FIELDS,
): LinearSyncedFields {
  return Object.fromEntries(fields.map((field) => [field, fieldPrint(issue[field])]));
}

/**
 * The fields to send: those whose value Linear does not hold yet. Sending only
 * these, rather than all four, keeps a push from undoing a change someone made
 * in Linear to another field meanwhile; and an edit of nothing Linear shows
 * costs no call at all.
 */
export function fieldsToPush(
  issue: Pick<Record<LinearSyncedField, string>, LinearSyncedField>,
  synced: LinearSyncedFields | null | undefined,
): LinearSyncedField[] {
  return LINEAR_SYNCED_FIELDS.filter((field) => synced?.[field] !== fieldPrint(issue[field]));
}

export function shouldMirrorComment(
  mode: MirrorComments,
  comment: { internal: boolean; source: string | null; authorKind: string },
): boolean {
  if (mode === "none") return false;
  if (comment.source === "linear" || comment.authorKind === "linear") return false;
  return mode === "all" || !comment.internal;
}

/**
 * A comment as it goes to Linear: who wrote it here, and our comment id, so
 * that a copy coming back (an integration relaying it, say) is recognised.
 */
export function linearCommentBody(body: string, authorName: string, commentId: string): string {
  return `${body}\n\n— ${authorName || "Firetrack"} · ftc:${commentId}`;
}

const COMMENT_MARK = /(?:^|\s)ftc:([A-Za-z0-9_-]{1,128})\s*$/;

/** The Firetrack comment id a Linear comment carries, if it was posted by us. */
export function firetrackCommentIdIn(body: string): string | null {
  return COMMENT_MARK.exec(body)?.[1] ?? null;
}

// ---------------------------------------------------------------------------
// Inbound: webhook payloads (LINEAR.md, Webhooks) and what they change.

const linearActorSchema = z.looseObject({
  id: z.string().optional(),
  name: z.string().optional(),
  type: z.string().optional(),
});
const linearStateSchema = z.looseObject({ id: z.string(), name: z.string().catch(""), type: z.string().catch("") });

export const linearIssueDataSchema = z.looseObject({
  id: z.string().min(1),
  identifier: z.string().optional(),
  url: z.string().optional(),
  title: z.string().optional(),
  description: z.string().nullable().optional(),
  priority: z.number().optional(),
  stateId: z.string().optional(),
  state: linearStateSchema.optional(),
  teamId: z.string().optional(),
  team: z.looseObject({ id: z.string() }).optional(),
  creator: linearActorSchema.optional(),
  updatedAt: z.string().optional(),
});
export type LinearIssueData = z.infer<typeof linearIssueDataSchema>;

export const linearCommentDataSchema = z.looseObject({
  id: z.string().min(1),
  body: z.string().catch(""),
  issueId: z.string().optional(),
  issue: z.looseObject({ id: z.string() }).optional(),
  userId: z.string().optional(),
  user: linearActorSchema.optional(),
  updatedAt: z.string().optional(),
});
export type LinearCommentData = z.infer<typeof linearCommentDataSchema>;

export const linearWebhookPayloadSchema = z.looseObject({
  action: z.string(),
  type: z.string(),
  actor: linearActorSchema.optional(),
  createdAt: z.string().optional(),
  data: z.looseObject({}),
  updatedFrom: z.looseObject({}).optional(),
  url: z.string().optional(),
  organizationId: z.string().optional(),
  webhookId: z.string().optional(),
  webhookTimestamp: z.number(),
});
export type LinearWebhookPayload = z.infer<typeof linearWebhookPayloadSchema>;

/** Linear's clock, as a number to compare with; null when absent or unreadable. */
export function linearTime(iso: string | undefined | null): number | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : null;
}

/** Newer than the last Linear state we pushed or applied, by Linear's clock (never ours). */
export function isNewerThanLastSync(
  eventUpdatedAt: number | null,
  remoteUpdatedAt: number | null | undefined,
): boolean {
  if (remoteUpdatedAt === null || remoteUpdatedAt === undefined) return true;
  return eventUpdatedAt !== null && eventUpdatedAt > remoteUpdatedAt;
}

/** Linear's `updatedAt` of the last state of each synced field we pushed (seen in our echo) or applied. */
export type LinearFieldTimes = Partial<Record<LinearSyncedField, number>>;

/** The fields of ours an event reports changed (`updatedFrom`); all of them for a create, or when it does not say. */
export function reportedFields(updatedFrom: Record<string, unknown> | null | undefined): LinearSyncedField[] {
  if (!updatedFrom) return [...LINEAR_SYNCED_FIELDS];
  return LINEAR_SYNCED_FIELDS.filter((field) =>
    field === "status" ? "stateId" in updatedFrom || "state" in updatedFrom : field in updatedFrom,
  );
}

/**
 * Of those, the fields this event is the newest news about. Kept per field: a
 * push sends only the fields that changed here, so an event that Linear
 * delivers late about one field must still apply after we pushed another.
 */
export function freshFields(
  reported: readonly LinearSyncedField[],
  times: LinearFieldTimes | null | undefined,
  eventUpdatedAt: number | null,
): LinearSyncedField[] {
  return reported.filter((field) => isNewerThanLastSync(eventUpdatedAt, times?.[field]));
}

const TITLE_MAX = LIMITS.titleMax;
const DESCRIPTION_MAX = LIMITS.descriptionMax;

export interface InboundCurrent {
  title: string;
  description: string;
  status: Status;
  priority: Priority;
  /** The Linear state we last pushed or saw; a state equal to it is no change. */
  linearStateId: string | null;
}

export interface InboundIssueChanges {
  title?: string;
  description?: string;
  priority?: Priority;
  status?: NonNullable<InboundStatusMove>;
}

/**
 * What an `Issue` event from Linear changes here, among the fields given (the
 * fresh ones it reports changed: reportedFields, freshFields): so editing the
 * title in Linear does not also drag our status to whatever Linear's state maps
 * back to. Only values that differ from ours after mapping count.
 */
export function inboundIssueChanges(
  current: InboundCurrent,
  data: LinearIssueData,
  fields: readonly LinearSyncedField[],
  stateMap: LinearStateMap,
): InboundIssueChanges {
  const changes: InboundIssueChanges = {};
  if (data.title !== undefined && fields.includes("title")) {
    const title = data.title.trim().slice(0, TITLE_MAX);
    if (title && title !== current.title) changes.title = title;
  }
  if (data.description !== undefined && fields.includes("description")) {
    const description = (data.description ?? "").slice(0, DESCRIPTION_MAX);
    if (description !== current.description) changes.description = description;
  }
  if (data.priority !== undefined && fields.includes("priority")) {
    const priority = priorityFromLinear(data.priority, current.priority);
    if (priority && priority !== current.priority) changes.priority = priority;
  }
  const state = data.state;
  if (state && fields.includes("status") && state.id !== current.linearStateId) {
    const status = statusFromLinearState(state, stateMap);
    const move = status ? inboundStatusMove(current.status, status) : null;
    if (move) changes.status = move;
  }
  return changes;
}

/** Our status and priority for an issue imported from Linear. */
export function importedFields(
  data: LinearIssueData,
  stateMap: LinearStateMap,
): { title: string; description: string; status: Status; priority: Priority } {
  return {
    title: (data.title ?? "").trim().slice(0, TITLE_MAX) || "Untitled Linear issue",
    description: (data.description ?? "").slice(0, DESCRIPTION_MAX),
    status: (data.state && statusFromLinearState(data.state, stateMap)) || "open",
    priority: priorityFromLinear(data.priority ?? 0, "medium") ?? "medium",
  };
}

// ---------------------------------------------------------------------------
// Failures: what the SDK reports, reduced to what the sync does next.

export interface LinearFailureFacts {
  /** The SDK's error type (`"ratelimited"`, `"authentication error"`, …), if it made one. */
  type?: string | undefined;
  /** HTTP status of the answer, if there was one. */
  status?: number | undefined;
  /** `errors[].extensions.code` of the answer. */
  codes?: readonly string[] | undefined;
  /** `retry-after`, as sent (seconds or an HTTP date). */
  retryAfter?: string | number | null | undefined;
  /** Our own timeout fired, or the connection failed. */
  timedOut?: boolean | undefined;
  network?: boolean | undefined;
}

export type LinearFailure =
  | { kind: "rate_limited"; retryAfterMs: number | null }
  | { kind: "transient"; code: string }
  | { kind: "permanent"; code: "authentication" | "forbidden" | "invalid_input" | "rejected" };

/** `retry-after` in milliseconds: delta-seconds or an HTTP date. */
export function retryAfterMs(value: string | number | null | undefined, now: number): number | null {
  if (value === null || value === undefined || value === "") return null;
  const seconds = typeof value === "number" ? value : Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.round(seconds * 1000));
  const date = Date.parse(String(value));
  return Number.isFinite(date) ? Math.max(0, date - now) : null;
}

/**
 * Rate limits first, by any of their three signals: a rate limit must never be
 * mistaken for a bad request ("team not found"). Then what a retry can cure
 * (timeouts, 5xx, Linear's own internal errors), then what it cannot.
 */
export function classifyLinearFailure(facts: LinearFailureFacts, now: number = Date.now()): LinearFailure {
  // The wire says "invalid input", the SDK's enum "InvalidInput": one spelling for both.
  const type = facts.type?.toLowerCase().replace(/[^a-z]/g, "");
  const codes = (facts.codes ?? []).map((code) => code.toUpperCase());
  if (type === "ratelimited" || codes.includes("RATELIMITED") || facts.status === 429) {
    return { kind: "rate_limited", retryAfterMs: retryAfterMs(facts.retryAfter, now) };
  }
  if (facts.timedOut) return { kind: "transient", code: "timeout" };
  if (facts.network) return { kind: "transient", code: "network" };
  if (facts.status !== undefined && facts.status >= 500) return { kind: "transient", code: `http_${facts.status}` };
  switch (type) {
    case "authenticationerror":
      return { kind: "permanent", code: "authentication" };
    case "forbidden":
    case "featurenotaccessible":
      return { kind: "permanent", code: "forbidden" };
    case "invalidinput":
    case "usererror":
    case "graphqlerror":
    case "usagelimitexceeded":
      return { kind: "permanent", code: "invalid_input" };
    case "networkerror":
    case "internalerror":
    case "locktimeout":
    case "bootstraperror":
      return { kind: "transient", code: type };
    default:
      // An unknown error with a 4xx answer will not change by asking again.
      return facts.status !== undefined && facts.status >= 400
        ? { kind: "permanent", code: "rejected" }
        : { kind: "transient", code: "unknown" };
  }
}
