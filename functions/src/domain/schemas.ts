/**
 * Input schemas at the HTTP boundary (DESIGN.md §3 limits). Strict objects:
 * an unknown field is an error, never silently dropped.
 */
import { z } from "zod";
import { CATEGORIES, ISSUE_TYPES, PRIORITIES, STATUSES } from "./vocabulary";

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

/** Sort keys the list accepts; `number` is the default. */
export const ISSUE_SORTS = ["number", "createdAt"] as const;

export const issueListQuerySchema = z.strictObject({
  sort: z.enum(ISSUE_SORTS).default("number"),
  limit: z.coerce.number().int().min(1).max(LIMITS.listLimitMax).default(25),
  cursor: z.string().max(500).optional(),
});
export type IssueListQuery = z.infer<typeof issueListQuerySchema>;
