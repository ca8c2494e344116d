/**
 * Who sees which fields of an issue (docs/product.md): one classification, and the
 * views every edge builds from it. Views pick what an audience may read; they
 * never copy a document and strip what it may not, so a field added to the
 * document stays hidden until someone decides who sees it.
 * - Customers: CUSTOMER_ISSUE_FIELDS. The portal projection (users/{uid}/portalIssues),
 *   the API's answers to customers, public activities and what notifications and
 *   mail tell customers all come from it.
 * - Staff: every field of the description except SERVER_ONLY_ISSUE_FIELDS.
 */
import { z } from "zod";
import { issueShape, ISSUE_FIELDS, type IssueField } from "./issue";

/**
 * What a customer may see of an issue they raised: `true` for a whole field, or the
 * parts of it they may see (the assignee's display name, not their uid; the resolution's
 * notes and time, not who wrote them). Never: tags, watchers, lastActor, fingerprint,
 * occurrences, linear, sla, metrics, searchTokens, and everything else not listed.
 */
export const CUSTOMER_ISSUE_FIELDS = {
  orgId: true,
  number: true,
  title: true,
  description: true,
  status: true,
  priority: true,
  category: true,
  type: true,
  vendor: true,
  order: true,
  createdAt: true,
  updatedAt: true,
  resolvedAt: true,
  closedAt: true,
  resolution: { notes: true, at: true },
  assignee: { name: true },
  publicCommentCount: true,
} as const satisfies { [K in IssueField]?: true | Record<string, true> };
export type CustomerIssueField = keyof typeof CUSTOMER_ISSUE_FIELDS;

/** The server's own bookkeeping: nobody is answered with it. */
export const SERVER_ONLY_ISSUE_FIELDS: readonly IssueField[] = ["searchTokens", "priorityRank"];
export const STAFF_ISSUE_FIELDS: readonly IssueField[] = ISSUE_FIELDS.filter(
  (field) => !SERVER_ONLY_ISSUE_FIELDS.includes(field),
);

export function isCustomerVisible(field: string): field is CustomerIssueField {
  return Object.hasOwn(CUSTOMER_ISSUE_FIELDS, field);
}

type Mask = true | Readonly<Record<string, true>>;
type Projected<V, M> = M extends true ? V : V extends object ? { [K in keyof M & keyof V]: V[K] } : V;

/**
 * What a customer may see of one field's value. Parts the value lacks are left out,
 * so it also projects a value an activity recorded in part (a resolution without `at`).
 */
export function customerValue<F extends CustomerIssueField, V>(
  field: F,
  value: V,
): Projected<V, (typeof CUSTOMER_ISSUE_FIELDS)[F]> {
  const mask: Mask = CUSTOMER_ISSUE_FIELDS[field];
  if (mask === true || value === null || typeof value !== "object")
    return value as Projected<V, (typeof CUSTOMER_ISSUE_FIELDS)[F]>;
  const picked = Object.keys(mask)
    .filter((key) => Object.hasOwn(value, key))
    .map((key) => [key, (value as Record<string, unknown>)[key]]);
  return Object.fromEntries(picked) as Projected<V, (typeof CUSTOMER_ISSUE_FIELDS)[F]>;
}

/** Which issue a customer view is of; the org's name comes from the org document. */
export interface CustomerIssueContext {
  orgId: string;
  orgName: string;
  issueId: string;
}

export type CustomerIssueView<I extends Record<CustomerIssueField, unknown>> = {
  -readonly [K in CustomerIssueField]: Projected<I[K], (typeof CUSTOMER_ISSUE_FIELDS)[K]>;
} & { orgName: string; issueId: string };

/**
 * The customer's view of an issue, whatever form its times take (epoch ms in the
 * event core, Timestamps for the portal document, ISO strings in the API).
 */
export function customerIssueView<I extends Record<CustomerIssueField, unknown>>(
  issue: I,
  context: CustomerIssueContext,
): CustomerIssueView<I> {
  const view: Record<string, unknown> = {};
  for (const field of Object.keys(CUSTOMER_ISSUE_FIELDS) as CustomerIssueField[])
    view[field] = customerValue(field, issue[field]);
  // The path is the truth about where the issue lives; the document's orgId could be anything.
  return { ...view, orgId: context.orgId, orgName: context.orgName, issueId: context.issueId } as CustomerIssueView<I>;
}

/** The staff's view: every described field but the server's own, and nothing undescribed. */
export function staffIssueView<I extends Record<IssueField, unknown>>(
  issue: I,
): Omit<I, "searchTokens" | "priorityRank"> {
  return Object.fromEntries(STAFF_ISSUE_FIELDS.map((field) => [field, issue[field]])) as Omit<
    I,
    "searchTokens" | "priorityRank"
  >;
}

/** The customer's view as a schema (the OpenAPI shows it), picked from the description by the same classification. */
export function customerIssueSchema<T extends z.ZodType>(time: T) {
  const shape = issueShape(time) as Record<IssueField, z.ZodType>;
  const picked: Record<string, z.ZodType> = {};
  for (const [field, mask] of Object.entries(CUSTOMER_ISSUE_FIELDS) as [CustomerIssueField, Mask][]) {
    const schema = shape[field];
    picked[field] = mask === true ? schema : (schema as z.ZodNullable<z.ZodObject>).unwrap().pick(mask).nullable();
  }
  return z.object({
    ...picked,
    orgName: z.string(),
    issueId: z.string().describe("The issue's document id"),
  });
}

/** The staff's view as a schema, plus the document id and the dedupe flag a service's log gets. */
export function staffIssueSchema<T extends z.ZodType>(time: T) {
  const mask = Object.fromEntries(SERVER_ONLY_ISSUE_FIELDS.map((field) => [field, true])) as Record<
    "searchTokens" | "priorityRank",
    true
  >;
  return z
    .object(issueShape(time))
    .omit(mask)
    .extend({
      id: z.string(),
      deduplicated: z
        .boolean()
        .optional()
        .describe("Only on a service's log with a fingerprint: true when it joined an open issue"),
    });
}

/** An issue document with its times as `Time` (the web app passes its SDK's Timestamp). */
export type IssueDocument<Time> = z.output<z.ZodObject<ReturnType<typeof issueShape<z.ZodType<Time>>>>>;
/** A customer's portal document, users/{uid}/portalIssues/{orgId}_{issueId}, with its times as `Time`. */
export type PortalIssue<Time> = CustomerIssueView<IssueDocument<Time>>;
