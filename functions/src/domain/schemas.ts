/**
 * Input schemas at the HTTP boundary (limits in docs/product.md). Strict objects:
 * an unknown field is an error, never silently dropped.
 */
import { z } from "zod";
import { automationsUpdateSchema } from "./automations";
import { businessHoursSchema, SLA_CLOCK_MODES } from "./businessHours";
import { linearStateMapSchema, LINEAR_TEAM_ID, MIRROR_COMMENTS } from "./linear";
import { docIdSchema, wellFormedString } from "./ids";
import { emailSettingsSchema } from "./emailSettings";
import { ORG_SLUG_PATTERN } from "./orgSlug";
import { LIMITS } from "./limits";
import { CATEGORIES, ISSUE_TYPES, MEMBER_ROLES, PRIORITIES, SERVICE_NAME, SOURCES, STATUSES } from "./vocabulary";

export { LIMITS } from "./limits";

const text = (max: number) => wellFormedString().trim().min(1).max(max);

export const statusSchema = z.enum(STATUSES);
export const prioritySchema = z.enum(PRIORITIES);
export const categorySchema = z.enum(CATEGORIES);
export const issueTypeSchema = z.enum(ISSUE_TYPES);

export const serviceNameSchema = z.string().regex(SERVICE_NAME, "1–64 characters of a-z, 0-9, '.', '_' and '-'");

export const tagsSchema = z
  .array(text(LIMITS.tagMax).transform((tag) => tag.toLowerCase()))
  .max(LIMITS.tagsMax)
  .transform((tags) => [...new Set(tags)]);

export const vendorRefSchema = z.strictObject({ id: text(LIMITS.refMax), name: text(LIMITS.refMax) });
export const orderRefSchema = z.strictObject({ id: text(LIMITS.refMax), ref: text(LIMITS.refMax) });

const editableIssueFields = {
  title: text(LIMITS.titleMax),
  description: wellFormedString().max(LIMITS.descriptionMax),
  type: issueTypeSchema,
  priority: prioritySchema,
  category: categorySchema,
  tags: tagsSchema,
  vendor: vendorRefSchema.nullable(),
  order: orderRefSchema.nullable(),
};

export const issueCreateSchema = z.strictObject({
  ...editableIssueFields,
  description: editableIssueFields.description.default(""),
  type: editableIssueFields.type.default("task"),
  priority: editableIssueFields.priority.default("medium"),
  category: editableIssueFields.category.default("general"),
  tags: editableIssueFields.tags.default([]),
  vendor: editableIssueFields.vendor.default(null),
  order: editableIssueFields.order.default(null),
  fingerprint: text(LIMITS.fingerprintMax)
    .optional()
    .describe(
      "Services only (API keys and service accounts); from anyone else a 422. Folds repeats of one problem into its open issue",
    ),
  /** The calling service's own name, stored as `reporter.service`; API keys and service accounts only. */
  service: serviceNameSchema.optional(),
  /** Staff only, checked as POST …/assign checks it: an admin or agent of the org. */
  assigneeUid: docIdSchema
    .optional()
    .describe("Staff only: assign the new issue at once to an admin or agent of the org"),
});
export type IssueCreateInput = z.infer<typeof issueCreateSchema>;

export const issueUpdateSchema = z
  .strictObject({
    title: editableIssueFields.title.optional(),
    description: editableIssueFields.description.optional(),
    type: editableIssueFields.type.optional(),
    priority: editableIssueFields.priority.optional(),
    category: editableIssueFields.category.optional(),
    tags: editableIssueFields.tags.optional(),
    vendor: editableIssueFields.vendor.optional(),
    order: editableIssueFields.order.optional(),
  })
  .refine((input) => Object.values(input).some((value) => value !== undefined), {
    message: "at least one field must be given",
  });
export type IssueUpdateInput = z.infer<typeof issueUpdateSchema>;

export const orgCreateSchema = z.strictObject({
  name: text(LIMITS.orgNameMax),
  slug: wellFormedString()
    .regex(ORG_SLUG_PATTERN, "lowercase letters, digits and inner dashes, 1–50 characters")
    .optional(),
});
export type OrgCreateInput = z.infer<typeof orgCreateSchema>;

/** Sort keys the list accepts; a leading `-` reverses. `number` is the default. */
export const ISSUE_SORTS = [
  "number",
  "-number",
  "createdAt",
  "-createdAt",
  "updatedAt",
  "-updatedAt",
  "priority",
  "-priority",
  "due",
  "-due",
] as const;
export type IssueSort = (typeof ISSUE_SORTS)[number];
export const SLA_FILTERS = ["at_risk", "breached"] as const;

const commaList = <T extends z.ZodType<unknown, string>>(item: T, max: number) =>
  wellFormedString()
    .max(500)
    .transform((value) =>
      value
        .split(",")
        .map((part) => part.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).min(1).max(max));

/** What filters the list and the CSV export share. */
export const issueFilterSchema = z.strictObject({
  status: commaList(statusSchema, 7).optional(),
  priority: prioritySchema.optional(),
  category: categorySchema.optional(),
  type: issueTypeSchema.optional(),
  source: z.enum(SOURCES).optional(),
  /** A member uid, or `none` for unassigned issues. */
  assignee: docIdSchema.optional(),
  tag: wellFormedString()
    .trim()
    .min(1)
    .max(LIMITS.tagMax)
    .transform((tag) => tag.toLowerCase())
    .optional(),
  vendor: wellFormedString().min(1).max(LIMITS.refMax).optional(),
  order: wellFormedString().min(1).max(LIMITS.refMax).optional(),
  /** Issues a service logged under this name (`reporter.service`). */
  service: serviceNameSchema.optional(),
  q: wellFormedString().trim().min(1).max(200).optional(),
  /** Admins only: list the soft-deleted issues instead. */
  deleted: z
    .enum(["true", "false"])
    .transform((value) => value === "true")
    .optional(),
  /** `at_risk`: warned and not breached; `breached`: a target missed (docs/sla.md). */
  sla: z.enum(SLA_FILTERS).optional(),
  sort: z.enum(ISSUE_SORTS).default("number"),
});
export type IssueFilter = z.infer<typeof issueFilterSchema>;

/** Cursors name the query they were made for; store/cursor.ts refuses one replayed against another (400). */
const cursorSchema = wellFormedString()
  .max(1000)
  .optional()
  .describe(
    "nextCursor of the previous page, sent with the same filters and sort (the limit may change); another query's cursor is a 400",
  );

export const issueListQuerySchema = issueFilterSchema.extend({
  limit: z.coerce.number().int().min(1).max(LIMITS.listLimitMax).default(25),
  cursor: cursorSchema,
});
export type IssueListQuery = z.infer<typeof issueListQuerySchema>;

export const pageQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(LIMITS.listLimitMax).default(50),
  cursor: cursorSchema,
});
export type PageQuery = z.infer<typeof pageQuerySchema>;

export const emptyQuerySchema = z.strictObject({});
/** DELETE of an issue: a soft delete, or with permanent=true (admins) an erasure. */
export const issueDeleteQuerySchema = z.strictObject({
  permanent: z
    .enum(["true", "false"])
    .transform((value) => value === "true")
    .optional(),
});
/** Commands without parameters still refuse unknown fields. */
export const emptyBodySchema = z.strictObject({}).optional();

const domainName = wellFormedString()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)([a-z0-9-]{1,63}\.)+[a-z]{2,63}$/, "a domain name");
const slaTargetSchema = z.strictObject({
  firstResponseMins: z.number().int().min(1).max(525_600),
  resolutionMins: z.number().int().min(1).max(525_600),
  clock: z.enum(SLA_CLOCK_MODES).optional(),
});

export const orgUpdateSchema = z
  .strictObject({ name: text(LIMITS.orgNameMax).optional(), slug: orgCreateSchema.shape.slug })
  .refine((input) => input.name !== undefined || input.slug !== undefined, {
    message: "at least one field must be given",
  });
export type OrgUpdateInput = z.infer<typeof orgUpdateSchema>;

export const settingsUpdateSchema = z
  .strictObject({
    publicIntake: z.boolean().optional(),
    autoJoinDomains: z.array(domainName).max(20).optional(),
    staffDomains: z.array(domainName).max(20).optional(),
    sla: z
      .strictObject(
        Object.fromEntries(PRIORITIES.map((p) => [p, slaTargetSchema.optional()])) as Record<
          (typeof PRIORITIES)[number],
          z.ZodOptional<typeof slaTargetSchema>
        >,
      )
      .optional(),
    /** Replaces the whole calendar: time zone, weekly windows and holidays. */
    businessHours: businessHoursSchema.optional(),
    linear: z
      .strictObject({
        /** A Linear team id (a UUID); it names the team's claim document. */
        teamId: z.string().regex(LINEAR_TEAM_ID, "a Linear team id").nullable().optional(),
        enabled: z.boolean().optional(),
        mirrorComments: z.enum(MIRROR_COMMENTS).optional(),
        /** Replaces the whole map: statuses left out map by Linear state type. */
        stateMap: linearStateMapSchema.optional(),
      })
      .optional(),
    serviceAccounts: z.array(z.email().toLowerCase()).max(20).optional(),
    /** Round-robin assignment and auto-close; each part replaces its stored part (docs/automations.md). */
    automations: automationsUpdateSchema.optional(),
    /** Merges field by field (domain/emailSettings.ts). */
    email: emailSettingsSchema.partial().optional(),
  })
  .refine((input) => Object.values(input).some((value) => value !== undefined), {
    message: "at least one field must be given",
  });
export type SettingsUpdateInput = z.infer<typeof settingsUpdateSchema>;

/** An invitation: an address and the role it will join with (services use API keys, not invitations). */
export const inviteCreateSchema = z.strictObject({
  email: z.email().max(254).toLowerCase(),
  role: z.enum(MEMBER_ROLES),
});
export type InviteCreateInput = z.infer<typeof inviteCreateSchema>;
export const memberUpdateSchema = z.strictObject({ role: z.enum(MEMBER_ROLES) });

export const apiKeyCreateSchema = z.strictObject({
  name: text(100),
  role: z.enum(["service", "agent", "reporter", "viewer"]).default("service"),
});

export const COMMENT_MAX = 10_000;
/** A comment's text; a command's note becomes a comment, so it is held to the same rules. */
const commentBody = text(COMMENT_MAX);
export const commentCreateSchema = z.strictObject({
  body: commentBody,
  internal: z.boolean().default(false).describe("true: for the team only; customers never read it"),
  solution: z.boolean().default(false),
});
export type CommentCreateInput = z.infer<typeof commentCreateSchema>;

const transitionNote = commentBody.describe(
  "A comment: internal when the team writes it (the customer never reads it, whatever the target status); public when a customer does",
);
export const transitionSchema = z.strictObject({
  status: statusSchema.describe("The target; `resolved` goes through POST …/resolve with public notes instead"),
  note: transitionNote.optional(),
});
export const resolveSchema = z.strictObject({
  notes: text(LIMITS.descriptionMax).describe("Public: the resolution the customer reads"),
});
export const reopenSchema = z
  .strictObject({
    reason: commentBody
      .describe(
        "Becomes a comment: public when the customer who raised the issue reopens it, internal when the team does",
      )
      .optional(),
  })
  .optional();
export const assignSchema = z.strictObject({ assigneeUid: docIdSchema.nullable() });

export const BULK_MAX = 500;
export const bulkChangeSchema = z.union([
  transitionSchema,
  z.strictObject({ priority: prioritySchema }),
  z.strictObject({ assigneeUid: docIdSchema.nullable() }),
  z.strictObject({
    tags: z
      .strictObject({ add: tagsSchema.optional(), remove: tagsSchema.optional() })
      .refine((tags) => tags.add !== undefined || tags.remove !== undefined, { message: "add or remove tags" }),
  }),
  z.strictObject({ category: categorySchema }),
  z.strictObject({ delete: z.literal(true) }),
  z.strictObject({ restore: z.literal(true) }).describe("Admins: bring soft-deleted issues back"),
  z.strictObject({ macroId: docIdSchema }).describe("Apply a macro to each issue: its reply, then its changes"),
]);
export type BulkChange = z.infer<typeof bulkChangeSchema>;
export const bulkSchema = z.strictObject({
  ids: z
    .array(docIdSchema)
    .min(1)
    .max(BULK_MAX)
    .refine((ids) => new Set(ids).size === ids.length, { message: "ids must be unique" }),
  change: bulkChangeSchema,
});
