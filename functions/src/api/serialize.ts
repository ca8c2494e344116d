import { Timestamp, type DocumentSnapshot } from "firebase-admin/firestore";

/** Firestore values to JSON: timestamps become ISO-8601 strings. */
export function toJson(value: unknown): unknown {
  if (value instanceof Timestamp) return value.toDate().toISOString();
  if (Array.isArray(value)) return value.map(toJson);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, toJson(inner)]));
  }
  return value;
}

/** Fields the server keeps for itself. */
const SERVER_ONLY_ISSUE_FIELDS = ["searchTokens"] as const;
/** Fields about the team's work that a customer has no business reading. */
const MEMBER_ONLY_ISSUE_FIELDS = ["watchers", "lastActor", "fingerprint", "viewCount", "linear"] as const;

export function issueResource(snapshot: DocumentSnapshot, audience: "member" | "customer"): Record<string, unknown> {
  const data = { ...snapshot.data() } as Record<string, unknown>;
  for (const field of SERVER_ONLY_ISSUE_FIELDS) delete data[field];
  if (audience === "customer") for (const field of MEMBER_ONLY_ISSUE_FIELDS) delete data[field];
  return { id: snapshot.id, ...(toJson(data) as Record<string, unknown>) };
}
