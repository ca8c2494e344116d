/** Response shapes, for the OpenAPI document. Requests are described by the domain schemas. */
import { z } from "zod";
import {
  ASSIGNMENT_MODES,
  businessHoursSchema,
  customerIssueSchema,
  SLA_CLOCK_MODES,
  MEMBER_ROLES,
  MIRROR_COMMENTS,
  PRIORITIES,
  ROLES,
  SOURCES,
  staffIssueSchema,
  STATUSES,
} from "../domain";

const time = z.iso.datetime();
const actor = z.object({ uid: z.string(), name: z.string(), kind: z.string() });

/** Both picked from the one description of the issue document (domain/issue.ts) by the domain's classification. */
export const staffIssueResponse = staffIssueSchema(time).describe(
  "An issue as the team (admins, agents, reporters, viewers, services) sees it",
);
export const customerIssueResponse = customerIssueSchema(time).describe(
  "An issue as the customer who raised it sees it: the fields of their portal projection, nothing else",
);
export const issueResponse = z.union([staffIssueResponse, customerIssueResponse]);
export const issuePage = z.object({ data: z.array(issueResponse), nextCursor: z.string().nullable() });

export const commentResponse = z.object({
  id: z.string(),
  body: z.string(),
  author: actor,
  internal: z.boolean().describe("true: for the team only; customers never get it"),
  solution: z.boolean(),
  source: z.enum(SOURCES),
  createdAt: time,
  editedAt: time.nullable(),
});
export const activityResponse = z.object({
  id: z.string(),
  type: z.string(),
  actor,
  changes: z
    .record(z.string(), z.object({ from: z.unknown(), to: z.unknown() }))
    .describe("Field by field; for a customer only the fields (and parts of fields) customers may see of an issue"),
  internal: z.boolean(),
  at: time,
});
export const page = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), nextCursor: z.string().nullable() });

export const orgResponse = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  role: z.enum(ROLES).optional(),
});
export const intakeOrgResponse = z.object({
  orgId: z.string(),
  name: z.string(),
  slug: z.string(),
  role: z.enum(ROLES).nullable(),
});
const slaTargetAnswer = z.object({
  firstResponseMins: z.number(),
  resolutionMins: z.number(),
  clock: z.enum(SLA_CLOCK_MODES),
});
export const settingsResponse = z.object({
  publicIntake: z.boolean(),
  autoJoinDomains: z.array(z.string()),
  staffDomains: z
    .array(z.string())
    .describe(
      "Staff roles need a verified address of these domains (or their subdomains); empty: any verified address",
    ),
  // An object with every priority, not a record: the generated types then name each one (a record's keys are lost).
  sla: z.object(
    Object.fromEntries(PRIORITIES.map((p) => [p, slaTargetAnswer])) as Record<
      (typeof PRIORITIES)[number],
      typeof slaTargetAnswer
    >,
  ),
  businessHours: businessHoursSchema,
  linear: z.object({
    teamId: z.string().nullable(),
    enabled: z.boolean(),
    mirrorComments: z.enum(MIRROR_COMMENTS),
    stateMap: z.partialRecord(z.enum(STATUSES), z.string()),
  }),
  serviceAccounts: z.array(z.string()),
  automations: z.object({
    autoCloseAfterDays: z.number().int().nullable(),
    assignment: z.object({ mode: z.enum(ASSIGNMENT_MODES), pool: z.array(z.string()) }),
  }),
  email: z.object({
    enabled: z.boolean(),
    senderName: z.string().nullable(),
    autoAcknowledge: z.boolean(),
    signature: z.string(),
  }),
  /** Where customers write to open an issue: the org's slug at the inbound mail domain (read-only). */
  inboundAddress: z.string(),
});
const membership = z.object({ orgId: z.string(), orgName: z.string(), role: z.enum(ROLES) });
export const meResponse = z.object({
  uid: z.string(),
  kind: z.enum(["user", "apiKey", "serviceAccount"]),
  name: z.string(),
  email: z.string().nullable(),
  memberships: z.array(membership),
  invites: z
    .array(
      z.object({ id: z.string(), orgId: z.string(), orgName: z.string(), role: z.enum(MEMBER_ROLES), expiresAt: time }),
    )
    .describe("Pending invitations to the caller's address; empty unless Auth verified that address."),
});
export const memberResponse = z.object({
  uid: z.string(),
  role: z.enum(MEMBER_ROLES),
  displayName: z.string(),
  email: z.string().nullable(),
  createdAt: time,
});
/** The same shape whether or not the address has an account: an invitation never looks at accounts. */
export const inviteResponse = z.object({
  id: z.string(),
  email: z.string(),
  role: z.enum(MEMBER_ROLES),
  expiresAt: time,
});
export const inviteListItem = inviteResponse.extend({
  invitedBy: z.string(),
  createdAt: time.nullable(),
  acceptedAt: time.nullable(),
  status: z.enum(["pending", "expired", "accepted"]),
});
export const acceptResponse = membership.describe("The membership the invitation gave");
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
export const savedReplyResponse = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  internal: z.boolean().describe("true: meant as an internal note"),
  createdBy: z.string(),
  createdAt: time.nullable(),
  updatedBy: z.string(),
  updatedAt: time.nullable(),
});
export const macroResponse = z.object({
  id: z.string(),
  name: z.string(),
  reply: z.object({ body: z.string(), internal: z.boolean() }).nullable(),
  changes: z.object({
    status: z.enum(STATUSES).optional(),
    priority: z.enum(PRIORITIES).optional(),
    addTags: z.array(z.string()).optional(),
    assigneeUid: z.string().nullable().optional(),
  }),
  createdBy: z.string(),
  createdAt: time.nullable(),
  updatedBy: z.string(),
  updatedAt: time.nullable(),
});
/** A problem document as it appears inside a bulk result (the request's requestId is in the header). */
const itemProblem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number(),
    detail: z.string(),
    errors: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })).optional(),
  })
  .loose();
export const bulkResponse = z.object({
  results: z.array(
    z
      .object({ id: z.string(), status: z.number(), issue: issueResponse.optional(), problem: itemProblem.optional() })
      .describe(
        "status 200 with the issue as it now is, or the status and problem this id met; one id's failure never stops the others",
      ),
  ),
  summary: z.object({ succeeded: z.number(), failed: z.number() }),
});
const duration = z
  .object({ count: z.number(), averageMs: z.number().nullable(), medianMs: z.number().nullable() })
  .loose();
const perDay = z.array(z.object({ day: z.string(), count: z.number() }));
export const statsResponse = z.object({
  total: z.number(),
  open: z.number(),
  byStatus: z.record(z.string(), z.number()),
  byPriority: z.record(z.string(), z.number()),
  byCategory: z.record(z.string(), z.number()),
  byType: z.record(z.string(), z.number()),
  bySource: z.record(z.string(), z.number()),
  /** Live issues per service name (`reporter.service`). */
  byService: z.record(z.string(), z.number()),
  openByAssignee: z.record(z.string(), z.number()),
  openUnassigned: z.number(),
  createdPerDay: perDay,
  resolvedPerDay: perDay,
  firstResponse: duration,
  resolution: duration,
  sla: z.object({
    tracked: z.number(),
    breached: z.number(),
    firstResponseBreached: z.number(),
    resolutionBreached: z.number(),
    compliancePct: z.number().nullable(),
  }),
  reconciledAt: z.string().nullable(),
});
export const linearSyncResponse = z.object({
  queued: z.literal(true),
  issueId: z.string(),
});
