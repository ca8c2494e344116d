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

/**
 * The server's own bookkeeping: nobody is answered with it. A customer's answers carry
 * `publicUpdatedAt` as their `updatedAt` (customerUpdatedAt); staff see the real one.
 */
export const SERVER_ONLY_ISSUE_FIELDS: readonly IssueField[] = [
  "searchTokens",
  "priorityRank",
  "publicUpdatedAt",
  "publicFingerprint",
];
type ServerOnlyField = "searchTokens" | "priorityRank" | "publicUpdatedAt" | "publicFingerprint";
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
  view.updatedAt = customerUpdatedAt(issue);
  // The path is the truth about where the issue lives; the document's orgId could be anything.
  return { ...view, orgId: context.orgId, orgName: context.orgName, issueId: context.issueId } as CustomerIssueView<I>;
}

/** Whatever form a time takes here (epoch ms, ISO string, Timestamp), as epoch ms. */
function timeMs(value: unknown): unknown {
  if (typeof value === "string") return Date.parse(value);
  if (value !== null && typeof value === "object" && typeof (value as { toMillis?: unknown }).toMillis === "function")
    return (value as { toMillis(): number }).toMillis();
  return value;
}

/** JSON with sorted keys, so a value's fingerprint does not depend on how its document ordered them. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value !== null && typeof value === "object")
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${stableJson((value as Record<string, unknown>)[key])}`)
      .join(",")}}`;
  return JSON.stringify(value ?? null);
}

/** cyrb53: a 53-bit string hash. A fingerprint for change detection, not a secret. */
function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/**
 * A fingerprint of everything a customer sees of an issue but its time of change,
 * the same whatever form the times take: it changes exactly when a customer could
 * see a change. Internal notes, tags, watchers, the SLA and the like leave it alone.
 */
export function customerFingerprint(issue: Record<CustomerIssueField, unknown>): string {
  const seen: Record<string, unknown> = {};
  for (const field of Object.keys(CUSTOMER_ISSUE_FIELDS) as CustomerIssueField[]) {
    if (field === "updatedAt" || field === "orgId") continue;
    const value = customerValue(field, issue[field]) as unknown;
    seen[field] =
      field === "resolution" && value !== null && typeof value === "object"
        ? { ...(value as Record<string, unknown>), at: timeMs((value as { at?: unknown }).at ?? null) }
        : field === "createdAt" || field === "resolvedAt" || field === "closedAt"
          ? timeMs(value)
          : value;
  }
  return hash53(stableJson(seen));
}

/**
 * The time of the last change a customer can see, which is what `updatedAt` means to
 * them (in the portal projection and in the API's answers alike). The event core keeps
 * `publicUpdatedAt` with the fingerprint of what it saw (domain/derivedFields.ts); while
 * the fingerprint still matches, nothing a customer sees has changed since. A write the
 * event core has not handled yet changed what they see when the fingerprint differs: then
 * it is that write's own `updatedAt`.
 */
export function customerUpdatedAt<T>(
  issue: Record<CustomerIssueField, unknown> & {
    updatedAt: T;
    publicUpdatedAt?: T | null;
    publicFingerprint?: unknown;
  },
): T {
  const { publicUpdatedAt, publicFingerprint } = issue;
  if (publicUpdatedAt === undefined || publicUpdatedAt === null || typeof publicFingerprint !== "string")
    return issue.updatedAt;
  return publicFingerprint === customerFingerprint(issue) ? publicUpdatedAt : issue.updatedAt;
}

/** The staff's view: every described field but the server's own, and nothing undescribed. */
export function staffIssueView<I extends Record<IssueField, unknown>>(issue: I): Omit<I, ServerOnlyField> {
  return Object.fromEntries(STAFF_ISSUE_FIELDS.map((field) => [field, issue[field]])) as Omit<I, ServerOnlyField>;
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
