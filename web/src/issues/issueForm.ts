/**
 * The issue form's fields and the API's body. Validation is the domain's zod
 * schema (issueCreateSchema / issueUpdateSchema); its issue paths, and the
 * `errors[].path` of a server problem+json (the same zod paths), map back onto
 * the form's fields through one table.
 */
import { issueCreateSchema, type Category, type IssueType, type Priority } from "@firetrack/domain";
import type { FieldErrors, Resolver } from "react-hook-form";
import type { Issue } from "./issue";

export interface IssueFormValues {
  title: string;
  description: string;
  type: IssueType;
  priority: Priority;
  category: Category;
  /** Comma-separated. */
  tags: string;
  vendorId: string;
  vendorName: string;
  orderId: string;
  orderRef: string;
}

export const EMPTY_FORM: IssueFormValues = {
  title: "",
  description: "",
  type: "task",
  priority: "medium",
  category: "general",
  tags: "",
  vendorId: "",
  vendorName: "",
  orderId: "",
  orderRef: "",
};

const splitTags = (text: string) =>
  text
    .split(",")
    .map((tag) => tag.trim())
    .filter(Boolean);

/** A vendor or order reference: null when both parts are blank, else both (the schema says what is missing). */
function reference<K extends string, L extends string>(idKey: K, id: string, otherKey: L, other: string) {
  if (!id.trim() && !other.trim()) return null;
  return { [idKey]: id.trim(), [otherKey]: other.trim() } as Record<K | L, string>;
}

export function formToInput(values: IssueFormValues) {
  return {
    title: values.title,
    description: values.description,
    type: values.type,
    priority: values.priority,
    category: values.category,
    tags: splitTags(values.tags),
    vendor: reference("id", values.vendorId, "name", values.vendorName),
    order: reference("id", values.orderId, "ref", values.orderRef),
  };
}

export function issueToForm(issue: Issue): IssueFormValues {
  return {
    title: issue.title,
    description: issue.description,
    type: issue.type,
    priority: issue.priority,
    category: issue.category,
    tags: issue.tags.join(", "),
    vendorId: issue.vendor?.id ?? "",
    vendorName: issue.vendor?.name ?? "",
    orderId: issue.order?.id ?? "",
    orderRef: issue.order?.ref ?? "",
  };
}

const PATH_TO_FIELD: Record<string, keyof IssueFormValues> = {
  title: "title",
  description: "description",
  type: "type",
  priority: "priority",
  category: "category",
  tags: "tags",
  vendor: "vendorId",
  "vendor.id": "vendorId",
  "vendor.name": "vendorName",
  order: "orderId",
  "order.id": "orderId",
  "order.ref": "orderRef",
};

/** `vendor.name` → vendorName, `tags.3` → tags; null for a path no field shows. */
export function fieldForPath(path: string | readonly PropertyKey[]): keyof IssueFormValues | null {
  const parts = typeof path === "string" ? path.split(".") : path.map(String);
  return PATH_TO_FIELD[parts.slice(0, 2).join(".")] ?? PATH_TO_FIELD[parts[0] ?? ""] ?? null;
}

interface IssueLike {
  path: string | readonly PropertyKey[];
  message: string;
  code?: string;
  minimum?: unknown;
}

/** zod's wording for an empty required text ("Too small: expected string to have >=1 characters") as a person says it. */
function friendly(issue: IssueLike): string {
  if (issue.code === "too_small" && (issue.minimum === 1 || /\b>=?\s*1 character/.test(issue.message)))
    return "Required.";
  return issue.message;
}

/** Field messages from zod issues or problem+json errors (the same paths); the rest stays for a form-level message. */
export function fieldMessages(issues: readonly IssueLike[]) {
  const fields: Partial<Record<keyof IssueFormValues, string>> = {};
  const rest: string[] = [];
  for (const issue of issues) {
    const field = fieldForPath(issue.path);
    if (field) fields[field] ??= friendly(issue);
    else rest.push(issue.message);
  }
  return { fields, rest };
}

/** The API's own schema validates the form; its messages land on the fields they name. */
export const issueFormResolver: Resolver<IssueFormValues> = async (values) => {
  const parsed = issueCreateSchema.safeParse(formToInput(values));
  if (parsed.success) return { values, errors: {} };
  const { fields } = fieldMessages(parsed.error.issues);
  const errors: FieldErrors<IssueFormValues> = {};
  for (const [name, message] of Object.entries(fields))
    errors[name as keyof IssueFormValues] = { type: "validate", message };
  return { values: {}, errors };
};
