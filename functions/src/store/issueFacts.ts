/**
 * Reads an issue document into domain IssueFacts (times as epoch ms) and
 * writes derived fields back (times as Timestamps). Parsing is lenient on
 * purpose: triggers see every document under `issues`, including imports and
 * half-written ones, and a malformed field must become null rather than crash
 * the handler (a crash would be retried forever).
 */
import { Timestamp, type DocumentSnapshot } from "firebase-admin/firestore";
import { z } from "zod";
import {
  ACTOR_KINDS,
  CATEGORIES,
  ISSUE_TYPES,
  PRIORITIES,
  SOURCES,
  STATUSES,
  type DerivedPatch,
  type IssueFacts,
  type SlaState,
} from "../domain";

/** Duck-typed so that a second copy of firebase-admin (tests, bundlers) still parses. */
const timestamp = z.custom<{ toMillis(): number }>(
  (value) => typeof (value as { toMillis?: unknown } | null)?.toMillis === "function",
).transform((t) => t.toMillis());
const time = timestamp.nullable().catch(null);
const str = z.string().catch("");
const nullableStr = z.string().nullable().catch(null);
const actor = z.object({ uid: z.string(), name: z.string().catch(""), kind: z.enum(ACTOR_KINDS) }).nullable().catch(null);
const reporter = z
  .object({ uid: z.string(), name: z.string().catch(""), kind: z.enum(ACTOR_KINDS), service: z.string().optional().catch(undefined) })
  .nullable()
  .catch(null);
const strings = z.array(z.string()).catch([]);

const slaSchema = z
  .object({
    priority: z.enum(PRIORITIES),
    firstResponseMins: z.number(),
    resolutionMins: z.number(),
    firstResponseDueAt: timestamp,
    resolutionDueAt: timestamp,
    pausedAt: timestamp.nullable(),
    pausedMs: z.number(),
    firstResponseBreached: z.boolean(),
    resolutionBreached: z.boolean(),
    breached: z.boolean(),
    running: z.boolean(),
    firstResponsePending: z.boolean(),
    resolutionPending: z.boolean(),
  })
  .nullable()
  .catch(null);

const factsSchema = z.object({
  number: nullableStr.default(null),
  seq: z.number().nullable().catch(null).default(null),
  year: z.number().nullable().catch(null).default(null),
  title: str.default(""),
  description: str.default(""),
  type: z.enum(ISSUE_TYPES).nullable().catch(null).default(null),
  priority: z.enum(PRIORITIES).nullable().catch(null).default(null),
  category: z.enum(CATEGORIES).nullable().catch(null).default(null),
  status: z.enum(STATUSES).nullable().catch(null).default(null),
  source: z.enum(SOURCES).nullable().catch(null).default(null),
  tags: strings.default([]),
  reporter: reporter.default(null),
  raisedByCustomer: z.boolean().catch(false).default(false),
  assignee: z.object({ uid: z.string(), name: z.string().catch("") }).nullable().catch(null).default(null),
  watchers: strings.default([]),
  vendor: z.object({ id: z.string(), name: z.string() }).nullable().catch(null).default(null),
  order: z.object({ id: z.string(), ref: z.string() }).nullable().catch(null).default(null),
  resolution: z.object({ notes: z.string(), by: actor }).nullable().catch(null).default(null),
  createdAt: time.default(null),
  firstResponseAt: time.default(null),
  resolvedAt: time.default(null),
  closedAt: time.default(null),
  sla: slaSchema.default(null),
  metrics: z
    .object({ firstResponseMs: z.number().nullable().catch(null), resolutionMs: z.number().nullable().catch(null) })
    .catch({ firstResponseMs: null, resolutionMs: null })
    .default({ firstResponseMs: null, resolutionMs: null }),
  fingerprint: nullableStr.default(null),
  occurrences: z.number().nullable().catch(null).default(null),
  commentCount: z.number().catch(0).default(0),
  searchTokens: strings.default([]),
  deleted: z.boolean().nullable().catch(null).default(null),
  lastActor: actor.default(null),
});

export function factsFromData(data: Record<string, unknown> | undefined): IssueFacts | null {
  if (!data) return null;
  return factsSchema.parse(data) as IssueFacts;
}

export function factsOf(snapshot: DocumentSnapshot | undefined | null): IssueFacts | null {
  return snapshot?.exists ? factsFromData(snapshot.data()) : null;
}

const ts = (ms: number | null) => (ms === null ? null : Timestamp.fromMillis(ms));

export function slaToFirestore(sla: SlaState | null) {
  if (!sla) return null;
  return {
    ...sla,
    firstResponseDueAt: Timestamp.fromMillis(sla.firstResponseDueAt),
    resolutionDueAt: Timestamp.fromMillis(sla.resolutionDueAt),
    pausedAt: ts(sla.pausedAt),
  };
}

/** The Firestore update for a derived patch. */
export function patchToFirestore(patch: DerivedPatch): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if ("resolvedAt" in patch) out.resolvedAt = ts(patch.resolvedAt ?? null);
  if ("closedAt" in patch) out.closedAt = ts(patch.closedAt ?? null);
  if (patch.metrics) out.metrics = patch.metrics;
  if ("sla" in patch) out.sla = slaToFirestore(patch.sla ?? null);
  if (patch.searchTokens) out.searchTokens = patch.searchTokens;
  return out;
}
