/**
 * What the API answers with, per audience. Every answer picks the fields its
 * response schema names from the domain's classification (domain/issueViews.ts);
 * nothing goes out as a raw document with fields stripped.
 */
import { Timestamp, type DocumentSnapshot } from "firebase-admin/firestore";
import {
  customerIssueView,
  customerValue,
  isCustomerVisible,
  isoTime,
  lenientIssueSchema,
  staffIssueView,
  type Role,
} from "../domain";
import { db } from "../store/db";
import { getOrg } from "../store/orgs";
import { activityResponse, commentResponse } from "./schemas";

/** Firestore values to JSON: timestamps become ISO-8601 strings. */
export function toJson(value: unknown): unknown {
  if (value instanceof Timestamp) return value.toDate().toISOString();
  if (Array.isArray(value)) return value.map(toJson);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, toJson(inner)]));
  }
  return value;
}

export type Audience = "staff" | "customer";
export const audienceOf = (role: Role): Audience => (role === "customer" ? "customer" : "staff");

/** Issues as the API reads them: the lenient reading of the one description, times as ISO strings. */
const issueForApi = lenientIssueSchema(isoTime);

export function staffIssue(snapshot: DocumentSnapshot): Record<string, unknown> {
  return { id: snapshot.id, ...staffIssueView(issueForApi.parse(snapshot.data() ?? {})) };
}

/** The customer's view: the same domain function that writes their portal projection. */
export function customerIssue(snapshot: DocumentSnapshot, orgId: string, orgName: string): Record<string, unknown> {
  return customerIssueView(issueForApi.parse(snapshot.data() ?? {}), { orgId, orgName, issueId: snapshot.id });
}

export type IssueSerializer = (snapshot: DocumentSnapshot) => Record<string, unknown>;

/** How one request answers with issues; for a customer it reads the org's name once. */
export async function issueSerializer(orgId: string, audience: Audience): Promise<IssueSerializer> {
  if (audience === "staff") return staffIssue;
  const orgName = ((await getOrg(db(), orgId))?.get("name") as string | undefined) ?? "";
  return (snapshot) => customerIssue(snapshot, orgId, orgName);
}

/** The fields a response schema names, and only those; absent ones as null. */
function pick(keys: readonly string[], data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(keys.map((key) => [key, data[key] ?? null]));
}

const COMMENT_KEYS = Object.keys(commentResponse.shape).filter((key) => key !== "id");
const ACTIVITY_KEYS = Object.keys(activityResponse.shape).filter((key) => key !== "id");

export function commentResource(doc: DocumentSnapshot): Record<string, unknown> {
  return { id: doc.id, ...pick(COMMENT_KEYS, toJson(doc.data() ?? {}) as Record<string, unknown>) };
}

/**
 * An activity. Public activities already record only what customers may see; for a
 * customer the changes are picked through the classification once more, so an entry
 * written before a field became internal does not show it either.
 */
export function activityResource(doc: DocumentSnapshot, audience: Audience): Record<string, unknown> {
  const activity = pick(ACTIVITY_KEYS, toJson(doc.data() ?? {}) as Record<string, unknown>);
  if (audience === "customer") {
    const shown: Record<string, unknown> = {};
    for (const [field, change] of Object.entries(
      (activity.changes ?? {}) as Record<string, { from?: unknown; to?: unknown } | null>,
    )) {
      if (isCustomerVisible(field))
        shown[field] = {
          from: customerValue(field, change?.from ?? null),
          to: customerValue(field, change?.to ?? null),
        };
    }
    activity.changes = shown;
  }
  return { id: doc.id, ...activity };
}
