import {
  FieldPath,
  FieldValue,
  type DocumentSnapshot,
  type Firestore,
  type Query,
} from "firebase-admin/firestore";
import type { Actor, IssueCreateInput, IssueListQuery, Source } from "../domain";
import { decodeCursor, encodeCursor } from "./cursor";
import { issuesCol } from "./refs";

export interface NewIssue {
  input: IssueCreateInput;
  source: Source;
  reporter: Actor;
}

/** Writes a new, not yet numbered issue; the allocator gives it its number. */
export async function insertIssue(db: Firestore, orgId: string, { input, source, reporter }: NewIssue): Promise<string> {
  const ref = issuesCol(db, orgId).doc();
  const now = FieldValue.serverTimestamp();
  const { fingerprint, ...fields } = input;
  await ref.create({
    ...fields,
    orgId,
    number: null,
    seq: null,
    year: null,
    status: "open",
    source,
    reporter,
    raisedByCustomer: source === "client",
    assignee: null,
    watchers: [reporter.uid],
    resolution: null,
    createdAt: now,
    updatedAt: now,
    firstResponseAt: null,
    resolvedAt: null,
    closedAt: null,
    sla: null,
    linear: null,
    fingerprint: fingerprint ?? null,
    occurrences: 1,
    lastSeenAt: now,
    commentCount: 0,
    viewCount: 0,
    searchTokens: [],
    deleted: false,
    deletedAt: null,
    deletedBy: null,
    version: 1,
    lastActor: reporter,
  });
  return ref.id;
}

export async function getIssueById(db: Firestore, orgId: string, id: string): Promise<DocumentSnapshot | null> {
  // Firestore ids cannot contain slashes; refuse them here rather than address another path.
  if (id.includes("/") || id.length > 200) return null;
  const snapshot = await issuesCol(db, orgId).doc(id).get();
  return snapshot.exists ? snapshot : null;
}

export async function getIssueByNumber(
  db: Firestore,
  orgId: string,
  year: number,
  seq: number,
): Promise<DocumentSnapshot | null> {
  const result = await issuesCol(db, orgId).where("year", "==", year).where("seq", "==", seq).limit(1).get();
  return result.docs[0] ?? null;
}

interface SortPlan {
  fields: { path: string; direction: "asc" | "desc" }[];
}

const SORTS: Record<IssueListQuery["sort"], SortPlan> = {
  number: { fields: [{ path: "year", direction: "asc" }, { path: "seq", direction: "asc" }] },
  createdAt: { fields: [{ path: "createdAt", direction: "desc" }] },
};

export interface IssueListScope {
  /** Customers see only the issues they raised. */
  reporterUid?: string;
}

export interface IssuePage {
  docs: DocumentSnapshot[];
  nextCursor: string | null;
}

export class InvalidCursorError extends Error {}

export async function listIssues(
  db: Firestore,
  orgId: string,
  query: IssueListQuery,
  scope: IssueListScope,
): Promise<IssuePage> {
  const plan = SORTS[query.sort];
  let q: Query = issuesCol(db, orgId).where("deleted", "==", false);
  if (scope.reporterUid) q = q.where("reporter.uid", "==", scope.reporterUid);
  for (const field of plan.fields) q = q.orderBy(field.path, field.direction);
  const lastDirection = plan.fields[plan.fields.length - 1]!.direction;
  q = q.orderBy(FieldPath.documentId(), lastDirection);

  if (query.cursor) {
    const cursor = decodeCursor(query.cursor, plan.fields.length);
    if (!cursor) throw new InvalidCursorError();
    q = q.startAfter(...cursor.values, cursor.id);
  }
  const result = await q.limit(query.limit + 1).get();
  const docs = result.docs.slice(0, query.limit);
  const last = docs[docs.length - 1];
  const nextCursor =
    result.docs.length > query.limit && last
      ? encodeCursor(plan.fields.map((field) => last.get(field.path)), last.id)
      : null;
  return { docs, nextCursor };
}
