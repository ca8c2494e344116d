import {
  FieldPath,
  FieldValue,
  Timestamp,
  type DocumentSnapshot,
  type Firestore,
  type Query,
  type Transaction,
  type UpdateData,
} from "firebase-admin/firestore";
import {
  clockChangeFor,
  DomainError,
  isDocId,
  listOrder,
  matchesResidual,
  planIssueList,
  priorityRank,
  searchTokens,
  type Actor,
  type IssueCreateInput,
  type IssueField,
  type IssueFilter,
  type IssueListScope,
  type Source,
  type Status,
  channelForSource,
  type Channel,
} from "../domain";
import { cursorQueryKey, decodeCursor, encodeCursor } from "./cursor";
import { clockStopsToFirestore, factsOf } from "./issueFacts";
import { issuesCol } from "./refs";

export interface NewIssue {
  input: IssueCreateInput;
  source: Source;
  reporter: Actor;
  /** Set by staff on create (checked like POST …/assign); otherwise the org's round robin may pick one. */
  assignee?: { uid: string; name: string } | null;
  /** How it arrived; by default what the source implies (channelForSource). */
  channel?: Channel;
}

/** The fields of a fresh, not yet numbered issue (every field of domain/issue.ts); the allocator gives it its number. */
export function newIssueRecord(orgId: string, { input, source, reporter, assignee = null, channel }: NewIssue) {
  const now = FieldValue.serverTimestamp();
  return {
    orgId,
    number: null,
    seq: null,
    year: null,
    title: input.title,
    description: input.description,
    type: input.type,
    priority: input.priority,
    priorityRank: priorityRank(input.priority),
    category: input.category,
    status: "open",
    tags: input.tags,
    source,
    channel: channel ?? channelForSource(source),
    reporter: input.service === undefined ? reporter : { ...reporter, service: input.service },
    raisedByCustomer: source === "client",
    assignee,
    watchers: [reporter.uid],
    vendor: input.vendor,
    order: input.order,
    resolution: null,
    createdAt: now,
    updatedAt: now,
    // A new issue is news to its customer; the event core fingerprints what they see (domain/issueViews.ts).
    publicUpdatedAt: now,
    publicFingerprint: null,
    firstResponseAt: null,
    resolvedAt: null,
    closedAt: null,
    statusChangedAt: now,
    // Created open: the SLA clock runs from the start.
    clockStops: [],
    sla: null,
    metrics: { firstResponseMs: null, resolutionMs: null },
    linear: null,
    fingerprint: input.fingerprint ?? null,
    occurrences: 1,
    lastSeenAt: now,
    commentCount: 0,
    publicCommentCount: 0,
    // Words are searchable from the first write; the trigger adds the number's forms once it has one.
    searchTokens: searchTokens({ title: input.title, description: input.description, year: null, seq: null }),
    deleted: false,
    deletedAt: null,
    deletedBy: null,
    version: 1,
    lastActor: reporter,
  } satisfies Record<IssueField, unknown>;
}

/** `id`: a fixed id makes a repeated insert (a redelivered inbound mail) fail with ALREADY_EXISTS instead of a twin. */
export async function insertIssue(db: Firestore, orgId: string, issue: NewIssue, id?: string): Promise<string> {
  const ref = id ? issuesCol(db, orgId).doc(id) : issuesCol(db, orgId).doc();
  await ref.create(newIssueRecord(orgId, issue));
  return ref.id;
}

export async function getIssueById(db: Firestore, orgId: string, id: string): Promise<DocumentSnapshot | null> {
  // Callers pass parsed ids; this keeps a stray one from addressing another path.
  if (!isDocId(id)) return null;
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

/** Fields every server write to an issue sets: who acted, when, and the next version. */
export function stampWrite(actor: Actor): UpdateData<Record<string, unknown>> {
  return { updatedAt: FieldValue.serverTimestamp(), version: FieldValue.increment(1), lastActor: actor };
}

/**
 * The SLA clock record a change of status or of `deleted` brings with it
 * (domain/slaClock.ts `clockChangeFor`): `statusChangedAt` and `clockStops`,
 * to be written in the same transaction as the change, at its time `at`.
 * Nothing for a change that touches neither.
 */
export function clockStamp(
  current: DocumentSnapshot,
  update: Record<string, unknown>,
  at: number,
): Record<string, unknown> {
  const facts = factsOf(current);
  if (!facts?.status || facts.deleted === null) return {};
  const status = (typeof update.status === "string" ? update.status : facts.status) as Status;
  const deleted = typeof update.deleted === "boolean" ? update.deleted : facts.deleted;
  if (status === facts.status && deleted === facts.deleted) return {};
  const change = clockChangeFor(facts, { status, deleted }, at);
  const stamp: Record<string, unknown> = {};
  if (change.statusChangedAt !== undefined) stamp.statusChangedAt = Timestamp.fromMillis(change.statusChangedAt);
  if (change.clockStops) stamp.clockStops = clockStopsToFirestore(change.clockStops);
  return stamp;
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
  decide: (
    current: DocumentSnapshot,
    tx: Transaction,
  ) => Record<string, unknown> | null | Promise<Record<string, unknown> | null>,
): Promise<DocumentSnapshot> {
  if (!isDocId(id)) throw new DomainError("issue_not_found");
  const ref = issuesCol(db, orgId).doc(id);
  await db.runTransaction(async (tx) => {
    const current = await tx.get(ref);
    if (!current.exists) throw new DomainError("issue_not_found");
    const update = await decide(current, tx);
    // The clock record is stamped here, on the write itself, so every command (bulk included) carries it.
    if (update) tx.update(ref, { ...update, ...clockStamp(current, update, Date.now()), ...stampWrite(actor) });
  });
  return ref.get();
}

interface SortField {
  path: string;
  direction: "asc" | "desc";
}

/** The list's orders come from the shared plan; the query catalogue checks their indexes. */
export function sortFields(sort: IssueFilter["sort"], scope: IssueListScope = {}): SortField[] {
  return listOrder(sort, scope).map(({ field, direction }) => ({ path: field, direction }));
}

export type { IssueListScope };

interface PlannedQuery {
  query: Query;
  /** What a cursor of this query carries, so it is not replayed against another. */
  cursorKey: string;
  fields: SortField[];
  /** Conditions Firestore cannot combine with the rest, checked on each row. */
  residual: (doc: DocumentSnapshot) => boolean;
  /** Nothing can match (a search without a usable word). */
  empty: boolean;
}

/** The Admin SDK query for the plan the web app's live list also runs (domain/issueListPlan.ts). */
function planIssueQuery(db: Firestore, orgId: string, filter: IssueFilter, scope: IssueListScope): PlannedQuery {
  const plan = planIssueList(filter, scope);
  let q: Query = issuesCol(db, orgId);
  for (const { field, op, value } of plan.equals) q = q.where(field, op, value);
  if (plan.arrayContains) q = q.where(plan.arrayContains.field, "array-contains", plan.arrayContains.value);
  const fields = sortFields(filter.sort, scope);
  for (const field of fields) q = q.orderBy(field.path, field.direction);
  q = q.orderBy(FieldPath.documentId(), fields[fields.length - 1]!.direction);
  return {
    query: q,
    cursorKey: cursorQueryKey({ list: "issues", orgId, ...filter, status: filter.status && [...filter.status].sort() }),
    fields,
    residual: (doc) => matchesResidual(plan, { searchTokens: doc.get("searchTokens"), tags: doc.get("tags") }),
    empty: plan.empty,
  };
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
  const plan = planIssueQuery(db, orgId, filter, scope);
  if (plan.empty) return { docs: [], nextCursor: null };
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
  return encodeCursor(
    plan.cursorKey,
    plan.fields.map((field) => doc.get(field.path)),
    doc.id,
  );
}

/** Every issue matching the filter, page by page, for streaming exports. */
export async function* scanIssues(
  db: Firestore,
  orgId: string,
  filter: IssueFilter,
  scope: IssueListScope,
  pageSize = 500,
): AsyncGenerator<DocumentSnapshot> {
  const plan = planIssueQuery(db, orgId, filter, scope);
  if (plan.empty) return;
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
