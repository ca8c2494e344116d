/**
 * Input schemas at the HTTP boundary (DESIGN.md §3 limits). Strict objects:
 * an unknown field is an error, never silently dropped.
 */
import { z } from "zod";
import { linearStateMapSchema, MIRROR_COMMENTS } from "./linear";
import { CATEGORIES, ISSUE_TYPES, MEMBER_ROLES, PRIORITIES, SOURCES, STATUSES } from "./vocabulary";

export const LIMITS = {
  titleMax: 200,
  descriptionMax: 20_000,
  tagsMax: 20,
  tagMax: 50,
  refMax: 200,
  fingerprintMax: 200,
  orgNameMax: 100,
  listLimitMax: 100,
} as const;

const text = (max: number) => z.string().trim().min(1).max(max);

export const statusSchema = z.enum(STATUSES);
export const prioritySchema = z.enum(PRIORITIES);
export const categorySchema = z.enum(CATEGORIES);
export const issueTypeSchema = z.enum(ISSUE_TYPES);

export const tagsSchema = z
  .array(text(LIMITS.tagMax).transform((tag) => tag.toLowerCase()))
  .max(LIMITS.tagsMax)
  .transform((tags) => [...new Set(tags)]);

export const vendorRefSchema = z.strictObject({ id: text(LIMITS.refMax), name: text(LIMITS.refMax) });
export const orderRefSchema = z.strictObject({ id: text(LIMITS.refMax), ref: text(LIMITS.refMax) });

const editableIssueFields = {
  title: text(LIMITS.titleMax),
  description: z.string().max(LIMITS.descriptionMax),
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
  /** Services send one to fold repeats of the same problem into one issue. */
  fingerprint: text(LIMITS.fingerprintMax).optional(),
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
  slug: z
    .string()
    .regex(/^[a-z0-9](?:[a-z0-9-]{0,48}[a-z0-9])?$/, "lowercase letters, digits and inner dashes, 1–50 characters")
    .optional(),
});
export type OrgCreateInput = z.infer<typeof orgCreateSchema>;

/** Sort keys the list accepts; a leading `-` reverses. `number` is the default. */
export const ISSUE_SORTS = ["number", "-number", "createdAt", "-createdAt", "updatedAt", "-updatedAt", "priority", "-priority"] as const;
export type IssueSort = (typeof ISSUE_SORTS)[number];

const commaList = <T extends z.ZodType<unknown, string>>(item: T, max: number) =>
  z
    .string()
    .max(500)
    .transform((value) => value.split(",").map((part) => part.trim()).filter(Boolean))
    .pipe(z.array(item).min(1).max(max));

/** What filters the list and the CSV export share. */
export const issueFilterSchema = z.strictObject({
  status: commaList(statusSchema, 7).optional(),
  priority: prioritySchema.optional(),
  category: categorySchema.optional(),
  type: issueTypeSchema.optional(),
  source: z.enum(SOURCES).optional(),
  /** A member uid, or `none` for unassigned issues. */
  assignee: z.string().min(1).max(128).optional(),
  tag: z.string().trim().min(1).max(LIMITS.tagMax).transform((tag) => tag.toLowerCase()).optional(),
  vendor: z.string().min(1).max(LIMITS.refMax).optional(),
  order: z.string().min(1).max(LIMITS.refMax).optional(),
  q: z.string().trim().min(1).max(200).optional(),
  /** Admins only: list the soft-deleted issues instead. */
  deleted: z.enum(["true", "false"]).transform((value) => value === "true").optional(),
  sort: z.enum(ISSUE_SORTS).default("number"),
});
export type IssueFilter = z.infer<typeof issueFilterSchema>;

export const issueListQuerySchema = issueFilterSchema.extend({
  limit: z.coerce.number().int().min(1).max(LIMITS.listLimitMax).default(25),
  cursor: z.string().max(1000).optional(),
});
export type IssueListQuery = z.infer<typeof issueListQuerySchema>;

export const pageQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(LIMITS.listLimitMax).default(50),
  cursor: z.string().max(1000).optional(),
});
export type PageQuery = z.infer<typeof pageQuerySchema>;

export const emptyQuerySchema = z.strictObject({});
/** Commands without parameters still refuse unknown fields. */
export const emptyBodySchema = z.strictObject({}).optional();

const domainName = z.string().trim().toLowerCase().regex(/^(?=.{1,253}$)([a-z0-9-]{1,63}\.)+[a-z]{2,63}$/, "a domain name");
const slaTargetSchema = z.strictObject({
  firstResponseMins: z.number().int().min(1).max(525_600),
  resolutionMins: z.number().int().min(1).max(525_600),
});

export const orgUpdateSchema = z
  .strictObject({ name: text(LIMITS.orgNameMax).optional(), slug: orgCreateSchema.shape.slug })
  .refine((input) => input.name !== undefined || input.slug !== undefined, { message: "at least one field must be given" });
export type OrgUpdateInput = z.infer<typeof orgUpdateSchema>;

export const settingsUpdateSchema = z
  .strictObject({
    publicIntake: z.boolean().optional(),
    autoJoinDomains: z.array(domainName).max(20).optional(),
    sla: z.strictObject(Object.fromEntries(PRIORITIES.map((p) => [p, slaTargetSchema.optional()])) as Record<(typeof PRIORITIES)[number], z.ZodOptional<typeof slaTargetSchema>>).optional(),
    linear: z
      .strictObject({
        teamId: z.string().min(1).max(100).nullable().optional(),
        enabled: z.boolean().optional(),
        mirrorComments: z.enum(MIRROR_COMMENTS).optional(),
        /** Replaces the whole map: statuses left out map by Linear state type. */
        stateMap: linearStateMapSchema.optional(),
      })
      .optional(),
    serviceAccounts: z.array(z.email().toLowerCase()).max(20).optional(),
  })
  .refine((input) => Object.values(input).some((value) => value !== undefined), { message: "at least one field must be given" });
export type SettingsUpdateInput = z.infer<typeof settingsUpdateSchema>;

export const memberAddSchema = z
  .strictObject({
    email: z.email().toLowerCase().optional(),
    uid: z.string().min(1).max(128).optional(),
    role: z.enum(MEMBER_ROLES),
  })
  .refine((input) => (input.email === undefined) !== (input.uid === undefined), {
    message: "give exactly one of email and uid",
  });
export const memberUpdateSchema = z.strictObject({ role: z.enum(MEMBER_ROLES) });

export const apiKeyCreateSchema = z.strictObject({
  name: text(100),
  role: z.enum(["service", "agent", "reporter", "viewer"]).default("service"),
});

export const transitionSchema = z.strictObject({ status: statusSchema, note: z.string().trim().min(1).max(LIMITS.descriptionMax).optional() });
export const resolveSchema = z.strictObject({ notes: text(LIMITS.descriptionMax) });
export const reopenSchema = z.strictObject({ reason: z.string().trim().min(1).max(LIMITS.descriptionMax).optional() }).optional();
export const assignSchema = z.strictObject({ assigneeUid: z.string().min(1).max(128).nullable() });

export const COMMENT_MAX = 10_000;
export const commentCreateSchema = z.strictObject({
  body: text(COMMENT_MAX),
  internal: z.boolean().default(false),
  solution: z.boolean().default(false),
});
export type CommentCreateInput = z.infer<typeof commentCreateSchema>;

export const BULK_MAX = 500;
export const bulkChangeSchema = z.union([
  z.strictObject({ status: statusSchema, note: z.string().trim().min(1).max(LIMITS.descriptionMax).optional() }),
  z.strictObject({ priority: prioritySchema }),
  z.strictObject({ assigneeUid: z.string().min(1).max(128).nullable() }),
  z.strictObject({
    tags: z
      .strictObject({ add: tagsSchema.optional(), remove: tagsSchema.optional() })
      .refine((tags) => tags.add !== undefined || tags.remove !== undefined, { message: "add or remove tags" }),
  }),
  z.strictObject({ category: categorySchema }),
  z.strictObject({ delete: z.literal(true) }),
]);
export type BulkChange = z.infer<typeof bulkChangeSchema>;
export const bulkSchema = z.strictObject({
  ids: z
    .array(z.string().min(1).max(200))
    .min(1)
    .max(BULK_MAX)
    .refine((ids) => new Set(ids).size === ids.length, { message: "ids must be unique" }),
  change: bulkChangeSchema,
});
