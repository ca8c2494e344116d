/** Response shapes, for the OpenAPI document. Requests are described by the domain schemas. */
import { z } from "zod";
import { CATEGORIES, ISSUE_TYPES, MEMBER_ROLES, MIRROR_COMMENTS, PRIORITIES, ROLES, SOURCES, STATUSES } from "../domain";

const time = z.iso.datetime();
const actor = z.object({ uid: z.string(), name: z.string(), kind: z.string() });

export const issueResponse = z.object({
  id: z.string(),
  orgId: z.string(),
  number: z.string().nullable(),
  seq: z.number().nullable(),
  year: z.number().nullable(),
  title: z.string(),
  description: z.string(),
  type: z.enum(ISSUE_TYPES),
  priority: z.enum(PRIORITIES),
  category: z.enum(CATEGORIES),
  status: z.enum(STATUSES),
  tags: z.array(z.string()),
  source: z.enum(SOURCES),
  reporter: actor,
  raisedByCustomer: z.boolean(),
  assignee: z.object({ uid: z.string(), name: z.string() }).nullable(),
  vendor: z.object({ id: z.string(), name: z.string() }).nullable(),
  order: z.object({ id: z.string(), ref: z.string() }).nullable(),
  resolution: z.object({ notes: z.string(), by: actor, at: time }).nullable(),
  createdAt: time,
  updatedAt: time,
  resolvedAt: time.nullable(),
  closedAt: time.nullable(),
  occurrences: z.number(),
  commentCount: z.number(),
  deleted: z.boolean(),
  version: z.number(),
  deduplicated: z.boolean().optional(),
  linear: z
    .object({
      id: z.string(),
      identifier: z.string().nullable(),
      url: z.string().nullable(),
      state: z.string().describe("The Linear state's type; `pending` before the issue exists there, `deleted` once removed there"),
      stateName: z.string().nullable().optional(),
      syncedAt: time.nullable(),
      syncedVersion: z.number(),
      error: z.object({ code: z.string(), message: z.string(), at: time, attempts: z.number() }).nullable(),
    })
    .loose()
    .nullable()
    .optional()
    .describe("The link to Linear; members only, never in a customer's answer"),
});
export const issuePage = z.object({ data: z.array(issueResponse), nextCursor: z.string().nullable() });

export const commentResponse = z.object({
  id: z.string(),
  body: z.string(),
  author: actor,
  internal: z.boolean(),
  solution: z.boolean(),
  source: z.enum(SOURCES),
  createdAt: time,
  editedAt: time.nullable(),
});
export const activityResponse = z.object({
  id: z.string(),
  type: z.string(),
  actor,
  changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })),
  internal: z.boolean(),
  at: time,
});
export const page = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item), nextCursor: z.string().nullable() });

export const orgResponse = z.object({ id: z.string(), name: z.string(), slug: z.string(), role: z.enum(ROLES).optional() });
export const settingsResponse = z.object({
  publicIntake: z.boolean(),
  autoJoinDomains: z.array(z.string()),
  sla: z.record(z.enum(PRIORITIES), z.object({ firstResponseMins: z.number(), resolutionMins: z.number() })),
  linear: z.object({
    teamId: z.string().nullable(),
    enabled: z.boolean(),
    mirrorComments: z.enum(MIRROR_COMMENTS),
    stateMap: z.partialRecord(z.enum(STATUSES), z.string()),
  }),
  serviceAccounts: z.array(z.string()),
});
export const meResponse = z.object({
  uid: z.string(),
  kind: z.enum(["user", "apiKey", "serviceAccount"]),
  name: z.string(),
  email: z.string().nullable(),
  memberships: z.array(z.object({ orgId: z.string(), orgName: z.string(), role: z.enum(ROLES) })),
});
export const memberResponse = z.object({
  uid: z.string(),
  role: z.enum(MEMBER_ROLES),
  displayName: z.string(),
  email: z.string().nullable(),
  createdAt: time,
});
export const apiKeyResponse = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  role: z.enum(ROLES),
  createdBy: z.string(),
  createdAt: time,
  lastUsedAt: time.nullable(),
  revokedAt: time.nullable(),
  key: z.string().optional().describe("The whole key: shown once, when the key is created."),
});
export const bulkResponse = z.object({
  results: z.array(
    z.object({ id: z.string(), status: z.number(), issue: issueResponse.optional(), error: z.object({ title: z.string(), detail: z.string() }).optional() }),
  ),
  summary: z.object({ succeeded: z.number(), failed: z.number() }),
});
const duration = z.object({ count: z.number(), averageMs: z.number().nullable(), medianMs: z.number().nullable() }).loose();
const perDay = z.array(z.object({ day: z.string(), count: z.number() }));
export const statsResponse = z.object({
  total: z.number(),
  open: z.number(),
  byStatus: z.record(z.string(), z.number()),
  byPriority: z.record(z.string(), z.number()),
  byCategory: z.record(z.string(), z.number()),
  byType: z.record(z.string(), z.number()),
  bySource: z.record(z.string(), z.number()),
  openByAssignee: z.record(z.string(), z.number()),
  openUnassigned: z.number(),
  createdPerDay: perDay,
  resolvedPerDay: perDay,
  firstResponse: duration,
  resolution: duration,
  sla: z.object({ tracked: z.number(), breached: z.number(), firstResponseBreached: z.number(), resolutionBreached: z.number(), compliancePct: z.number().nullable() }),
  reconciledAt: z.string().nullable(),
});
export const linearSyncResponse = z.object({
  queued: z.literal(true),
  issueId: z.string(),
});
