import {
  FieldPath,
  FieldValue,
  type DocumentSnapshot,
  type Firestore,
  type Query,
  type Transaction,
  type UpdateData,
} from "firebase-admin/firestore";
import { DomainError, isDocId, priorityRank, searchKeys, type Actor, type IssueCreateInput, type IssueFilter, type Source } from "../domain";
import { cursorQueryKey, decodeCursor, encodeCursor } from "./cursor";
import { ISSUE_LIST_ORDERS } from "./queryShapes";
import { issuesCol } from "./refs";

export interface NewIssue {
  input: IssueCreateInput;
  source: Source;
  reporter: Actor;
}

/** The fields of a fresh, not yet numbered issue; the allocator gives it its number. */
export function newIssueRecord(orgId: string, { input, source, reporter }: NewIssue) {
  const now = FieldValue.serverTimestamp();
  const { fingerprint, service, ...fields } = input;
  return {
    ...fields,
    priorityRank: priorityRank(input.priority),
    orgId,
    number: null,
    seq: null,
    year: null,
    status: "open",
    source,
    reporter: service === undefined ? reporter : { ...reporter, service },
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
  };
}

export async function insertIssue(db: Firestore, orgId: string, issue: NewIssue): Promise<string> {
  const ref = issuesCol(db, orgId).doc();
  await ref.create(newIssueRecord(orgId, issue));
  return ref.id;
}

export async function getIssueById(db: Firestore, orgId: string, id: string): Promise<DocumentSnapshot | null> {
  // Callers pass parsed ids; this keeps a stray one from addressing another path.
  if (!isDocId(id)) return null;
  const snapshot = await issuesCol(db, orgId).doc(id).get();
  return snapshot.exists ? snapshot : null;
}

export async function getIssueByNumber(db: Firestore, orgId: string, year: number, seq: number): Promise<DocumentSnapshot | null> {
  const result = await issuesCol(db, orgId).where("year", "==", year).where("seq", "==", seq).limit(1).get();
  return result.docs[0] ?? null;
}

/** Fields every server write to an issue sets: who acted, when, and the next version. */
export function stampWrite(actor: Actor): UpdateData<Record<string, unknown>> {
  return { updatedAt: FieldValue.serverTimestamp(), version: FieldValue.increment(1), lastActor: actor };
}

/**
 * Reads an issue in a transaction, lets `decide` compute the update (or throw
 * a domain error), and writes it with the version stamp. Returns the issue as
 * stored afterwards.
 */
export async function mutateIssue(
  db: Firestore,
  orgId: string,
  id: string,
  actor: Actor,
  decide: (current: DocumentSnapshot, tx: Transaction) => Record<string, unknown> | null | Promise<Record<string, unknown> | null>,
): Promise<DocumentSnapshot> {
  if (!isDocId(id)) throw new DomainError("issue_not_found");
  const ref = issuesCol(db, orgId).doc(id);
  await db.runTransaction(async (tx) => {
    const current = await tx.get(ref);
    if (!current.exists) throw new DomainError("issue_not_found");
    const update = await decide(current, tx);
    if (update) tx.update(ref, { ...update, ...stampWrite(actor) });
  });
  return ref.get();
}

interface SortField {
  path: string;
  direction: "asc" | "desc";
}

/** The list's orders come from the query catalogue, which the index test checks against firestore.indexes.json. */
export function sortFields(sort: IssueFilter["sort"]): SortField[] {
  return ISSUE_LIST_ORDERS[sort]!.map(({ field, direction }) => ({ path: field, direction }));
}

export interface IssueListScope {
  /** Customers see only the issues they raised. */
  reporterUid?: string;
}

interface PlannedQuery {
  query: Query;
  /** What a cursor of this query carries, so it is not replayed against another. */
  cursorKey: string;
  fields: SortField[];
  /** Conditions Firestore cannot combine with the rest, checked on each row. */
  residual: (doc: DocumentSnapshot) => boolean;
}

function planIssueQuery(db: Firestore, orgId: string, filter: IssueFilter, scope: IssueListScope): PlannedQuery {
  let q: Query = issuesCol(db, orgId).where("deleted", "==", filter.deleted ?? false);
  if (scope.reporterUid) q = q.where("reporter.uid", "==", scope.reporterUid);
  if (filter.status) q = filter.status.length === 1 ? q.where("status", "==", filter.status[0]) : q.where("status", "in", filter.status);
  if (filter.priority) q = q.where("priority", "==", filter.priority);
  if (filter.category) q = q.where("category", "==", filter.category);
  if (filter.type) q = q.where("type", "==", filter.type);
  if (filter.source) q = q.where("source", "==", filter.source);
  if (filter.assignee) q = filter.assignee === "none" ? q.where("assignee", "==", null) : q.where("assignee.uid", "==", filter.assignee);
  if (filter.vendor) q = q.where("vendor.id", "==", filter.vendor);
  if (filter.order) q = q.where("order.id", "==", filter.order);
  if (filter.service) q = q.where("reporter.service", "==", filter.service);

  // Firestore allows one array-contains per query: the longest search word goes
  // to the index, the other words and the tag are checked row by row.
  const words = filter.q ? [...searchKeys(filter.q)].sort((a, b) => b.length - a.length) : [];
  const residualWords: string[] = [];
  let tagInQuery = false;
  if (words.length > 0) {
    q = q.where("searchTokens", "array-contains", words[0]);
    residualWords.push(...words.slice(1));
  } else if (filter.tag) {
    q = q.where("tags", "array-contains", filter.tag);
    tagInQuery = true;
  }
  const residual = (doc: DocumentSnapshot) => {
    const tokens = (doc.get("searchTokens") as string[] | undefined) ?? [];
    if (!residualWords.every((word) => tokens.includes(word))) return false;
    if (filter.tag && !tagInQuery && !((doc.get("tags") as string[] | undefined) ?? []).includes(filter.tag)) return false;
    return true;
  };

  const fields = sortFields(filter.sort);
  for (const field of fields) q = q.orderBy(field.path, field.direction);
  q = q.orderBy(FieldPath.documentId(), fields[fields.length - 1]!.direction);
  const cursorKey = cursorQueryKey({ list: "issues", orgId, ...filter, status: filter.status && [...filter.status].sort() });
  return { query: q, cursorKey, fields, residual };
}

export interface IssuePage {
  docs: DocumentSnapshot[];
  nextCursor: string | null;
}

/** Rows read per round while filling a page with residual conditions. */
const MAX_SCAN_ROUNDS = 5;

/**
 * One page. The cursor names the last row examined (not necessarily returned),
 * so a page that had to skip rows still resumes exactly where it stopped.
 */
export async function listIssues(
  db: Firestore,
  orgId: string,
  filter: IssueFilter,
  page: { limit: number; cursor?: string | undefined },
  scope: IssueListScope,
): Promise<IssuePage> {
  if (filter.q !== undefined && searchKeys(filter.q).length === 0) return { docs: [], nextCursor: null };
  const plan = planIssueQuery(db, orgId, filter, scope);
  let after = page.cursor ? decodeCursor(page.cursor, plan.cursorKey, plan.fields.length) : null;

  const docs: DocumentSnapshot[] = [];
  let lastExamined: DocumentSnapshot | null = null;
  for (let round = 0; round < MAX_SCAN_ROUNDS; round++) {
    let q = plan.query;
    if (after) q = q.startAfter(...after.values, after.id);
    const batch = await q.limit(page.limit + 1).get();
    for (const doc of batch.docs) {
      if (docs.length === page.limit) {
        // One more matching-or-not row exists beyond the page: there is a next page.
        return { docs, nextCursor: cursorOf(plan, docs[docs.length - 1]!) };
      }
      lastExamined = doc;
      if (plan.residual(doc)) docs.push(doc);
    }
    if (batch.docs.length <= page.limit) return { docs, nextCursor: null };
    after = { values: plan.fields.map((field) => lastExamined!.get(field.path)), id: lastExamined!.id };
  }
  return { docs, nextCursor: lastExamined ? cursorOf(plan, lastExamined) : null };
}

function cursorOf(plan: PlannedQuery, doc: DocumentSnapshot): string {
  return encodeCursor(plan.cursorKey, plan.fields.map((field) => doc.get(field.path)), doc.id);
}

/** Every issue matching the filter, page by page, for streaming exports. */
export async function* scanIssues(
  db: Firestore,
  orgId: string,
  filter: IssueFilter,
  scope: IssueListScope,
  pageSize = 500,
): AsyncGenerator<DocumentSnapshot> {
  // A search with no usable word matches nothing.
  if (filter.q !== undefined && searchKeys(filter.q).length === 0) return;
  const plan = planIssueQuery(db, orgId, filter, scope);
  let last: DocumentSnapshot | null = null;
  for (;;) {
    let q = plan.query;
    if (last) q = q.startAfter(...plan.fields.map((field) => last!.get(field.path)), last.id);
    const batch = await q.limit(pageSize).get();
    for (const doc of batch.docs) if (plan.residual(doc)) yield doc;
    if (batch.docs.length < pageSize) return;
    last = batch.docs[batch.docs.length - 1]!;
  }
}
