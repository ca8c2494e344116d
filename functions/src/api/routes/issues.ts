import type { DocumentSnapshot } from "firebase-admin/firestore";
import { FieldValue } from "firebase-admin/firestore";
import type { z } from "zod";

import {
  assignSchema,
  bulkSchema,
  can,
  commentCreateSchema,
  emptyBodySchema,
  emptyQuerySchema,
  isCustomerVisible,
  issueCreateSchema,
  issueDeleteQuerySchema,
  issueFilterSchema,
  issueListQuerySchema,
  issueUpdateSchema,
  pageQuerySchema,
  reopenSchema,
  resolveSchema,
  sourceForActor,
  STAFF_ONLY_LIST_FILTERS,
  STAFF_ONLY_LIST_SORTS,
  transitionSchema,
  type BulkChange,
  type IssueFilter,
} from "../../domain";
import { addComment, listActivities, listComments } from "../../store/comments";
import { db } from "../../store/db";
import { logIssueWithFingerprint } from "../../store/fingerprints";
import { insertIssue, listIssues, scanIssues } from "../../store/issues";
import { ensureIssueNumbered } from "../../store/numberAllocator";
import { issuesCol } from "../../store/refs";
import { readOrgStats } from "../../store/stats";
import { forEachId } from "../bulk";
import { csvRow } from "../csv";
import { ApiError, badRequest, forbidden } from "../errors";
import {
  applyMacro,
  assigneeFor,
  assignIssue,
  closeIssue,
  findVisibleIssue,
  hardDeleteIssue,
  ownsIssue,
  parseIfMatch,
  patchIssue,
  reopenIssue,
  resolveIssue,
  restoreIssue,
  retagIssue,
  softDeleteIssue,
  transitionIssue,
} from "../issueCommands";
import { requirePermission, type OrgAccess } from "../orgAccess";
import { route, type RouteResult } from "../route";
import {
  activityResponse,
  bulkResponse,
  commentResponse,
  issuePage,
  issueResponse,
  page,
  statsResponse,
} from "../schemas";
import { activityResource, audienceOf, commentResource, issueSerializer, type Audience } from "../serialize";

/** The issue as this caller may see it; the ETag is for those who may edit. */
async function issueBody(snapshot: DocumentSnapshot, access: OrgAccess, extra: object = {}): Promise<RouteResult> {
  const audience = audienceOf(access.role);
  const serialize = await issueSerializer(access.orgId, audience);
  return {
    body: { ...serialize(snapshot), ...extra },
    headers: audience === "staff" ? { ETag: `"${snapshot.get("version")}"` } : {},
  };
}

function scopeFor(access: OrgAccess, filter: IssueFilter) {
  if (filter.deleted && !can(access.role, "issue.restore")) throw forbidden("Only admins list deleted issues.");
  if (audienceOf(access.role) === "customer") {
    const refused = STAFF_ONLY_LIST_FILTERS.filter((name) => filter[name] !== undefined);
    const sortRefused = filter.sort !== undefined && STAFF_ONLY_LIST_SORTS.includes(filter.sort);
    if (refused.length > 0 || sortRefused) {
      throw new ApiError("validation", "These filters are for the team.", {
        errors: [
          ...refused.map((name) => ({
            path: `query.${name}`,
            code: "not_allowed",
            message: "not a filter customers may use",
          })),
          ...(sortRefused
            ? [{ path: "query.sort", code: "not_allowed", message: "not an order customers may use" }]
            : []),
        ],
      });
    }
  }
  return { reporterUid: access.role === "customer" ? access.actor.uid : undefined };
}

const issueProblems = [400, 401, 403, 404, 409, 415, 422, 429];

/** The one change a bulk request applies to each issue, through the single-issue commands. */
function applyBulkChange(access: OrgAccess, id: string, change: BulkChange): Promise<DocumentSnapshot> {
  if ("status" in change) return transitionIssue(access, id, change.status, { note: change.note });
  if ("priority" in change) return patchIssue(access, id, { priority: change.priority }, null);
  if ("category" in change) return patchIssue(access, id, { category: change.category }, null);
  if ("assigneeUid" in change) return assignIssue(access, id, change.assigneeUid);
  if ("tags" in change) return retagIssue(access, id, change.tags);
  if ("macroId" in change) return applyMacro(access, id, change.macroId);
  if ("restore" in change) return restoreIssue(access, id);
  return softDeleteIssue(access, id);
}

const BULK_CONCURRENCY = 10;

/** A command on one issue: POST …/{id}/{name} with its body, answered with the issue as it now is. */
function commandRoute<B extends z.ZodType>(
  name: string,
  summary: string,
  body: B,
  run: (access: OrgAccess, id: string, body: z.infer<B>) => Promise<DocumentSnapshot>,
) {
  return route({
    method: "post",
    path: `/orgs/{orgId}/issues/{id}/${name}`,
    summary,
    tag: "commands",
    body,
    success: { status: 200, description: "The issue", schema: issueResponse },
    problems: issueProblems,
    async handler({ access, body: parsed, params }) {
      return issueBody(await run(access, params.id!, parsed as z.infer<B>), access);
    },
  });
}

/** Comments and activities list alike: a visible issue, then only public entries for those who may not read internal ones. */
function threadRoute(
  kind: "comments" | "activities",
  summary: string,
  item: z.ZodType,
  list: typeof listComments,
  serialize: (doc: DocumentSnapshot, audience: Audience) => Record<string, unknown>,
) {
  return route({
    method: "get",
    path: `/orgs/{orgId}/issues/{id}/${kind}`,
    summary,
    tag: "comments",
    query: pageQuerySchema,
    success: { status: 200, description: `A page of ${kind}`, schema: page(item) },
    problems: [400, 401, 404, 422, 429],
    async handler({ access, params, query }) {
      const issue = await findVisibleIssue(access, params.id!);
      const publicOnly = !can(access.role, "internal.read");
      const result = await list(db(), access.orgId, issue.id, publicOnly, query.limit, query.cursor);
      return {
        body: {
          data: result.docs.map((doc) => serialize(doc, audienceOf(access.role))),
          nextCursor: result.nextCursor,
        },
      };
    },
  });
}

type IssueJson = Record<string, unknown>;
const nameOf = (value: unknown) => (value as { name?: string } | null)?.name ?? "";

/** Columns of the export, read from the caller's view of each issue; a customer gets only columns of fields they may see. */
const CSV_COLUMNS: readonly (readonly [string, (issue: IssueJson) => unknown])[] = [
  ["number", (issue) => issue.number],
  ["title", (issue) => issue.title],
  ["status", (issue) => issue.status],
  ["priority", (issue) => issue.priority],
  ["category", (issue) => issue.category],
  ["type", (issue) => issue.type],
  ["source", (issue) => issue.source],
  ["tags", (issue) => ((issue.tags as string[] | null) ?? []).join(" ")],
  ["reporter", (issue) => nameOf(issue.reporter)],
  ["assignee", (issue) => nameOf(issue.assignee)],
  ["createdAt", (issue) => issue.createdAt],
  ["updatedAt", (issue) => issue.updatedAt],
  ["resolvedAt", (issue) => issue.resolvedAt ?? ""],
  ["description", (issue) => issue.description],
  ["vendor", (issue) => (issue.vendor as { name?: string } | null)?.name ?? ""],
  ["order", (issue) => (issue.order as { ref?: string } | null)?.ref ?? ""],
  ["closedAt", (issue) => issue.closedAt ?? ""],
  // Not a field of the issue, so customers never get it: the SLA is the team's.
  ["slaDue", slaDue],
];

/** The next SLA deadline still running: the first response until there is one, then the resolution. */
function slaDue(issue: IssueJson): unknown {
  const sla = issue.sla as { firstResponseDueAt?: unknown; resolutionDueAt?: unknown } | null | undefined;
  if (!sla || issue.resolvedAt || issue.closedAt) return "";
  return (issue.firstResponseAt ? sla.resolutionDueAt : sla.firstResponseDueAt) ?? "";
}
const csvColumns = (audience: Audience) =>
  audience === "staff" ? CSV_COLUMNS : CSV_COLUMNS.filter(([name]) => isCustomerVisible(name));

export const issueRoutes = [
  route({
    method: "post",
    path: "/orgs/{orgId}/issues",
    summary: "Create an issue (or, with a fingerprint, add an occurrence to its open twin)",
    tag: "issues",
    org: "intake",
    body: issueCreateSchema,
    success: {
      status: 201,
      description: "The new issue, numbered; 200 with deduplicated: true for a repeat",
      schema: issueResponse,
    },
    problems: issueProblems,
    async handler({ access, body, caller, req }) {
      requirePermission(access, "issue.create");
      const isService = caller.kind === "apiKey" || caller.kind === "serviceAccount";
      // A person is never a service: the name is the calling program's, so it comes only with its key or token.
      if (body.service !== undefined && !isService) {
        throw new ApiError("validation", "Only API keys and service accounts name a service.", {
          errors: [
            {
              path: "service",
              code: "not_allowed",
              message: "only API-key and service-account callers may send service",
            },
          ],
        });
      }
      if (body.fingerprint !== undefined && !isService) {
        // Otherwise anyone who may create issues could join (and read) a service's open issue by guessing its fingerprint.
        throw new ApiError("validation", "Only services (API keys and service accounts) send a fingerprint.", {
          errors: [
            {
              path: "fingerprint",
              code: "not_allowed",
              message: "only services (API keys and service accounts) send a fingerprint",
            },
          ],
        });
      }
      if (audienceOf(access.role) === "customer" && body.tags.length > 0) {
        // Tags are the team's own words about an issue (`vip`): a customer neither sees nor sets them.
        throw new ApiError("validation", "Customers do not set tags.", {
          errors: [{ path: "tags", code: "not_allowed", message: "tags are set by the team" }],
        });
      }
      if (body.assigneeUid !== undefined && !can(access.role, "issue.edit"))
        throw forbidden("Only the team assigns issues.");
      // Read outside a transaction: a member demoted between this read and the insert is the same race …/assign has.
      const assignee = await assigneeFor(access, body.assigneeUid ?? null, (ref) => ref.get());
      const issue = { input: body, source: sourceForActor(access.actor), reporter: access.actor, assignee };
      // Every check is behind us: now a newcomer under client intake becomes a customer.
      await access.admit?.();
      let issueId: string;
      if (body.fingerprint) {
        const logged = await logIssueWithFingerprint(db(), access.orgId, body.fingerprint, issue, access.actor);
        if (logged.kind === "deduplicated") {
          const snapshot = (await issuesCol(db(), access.orgId).doc(logged.issueId).get())!;
          return { status: 200, ...(await issueBody(snapshot, access, { deduplicated: true })) };
        }
        issueId = logged.issueId;
      } else {
        issueId = await insertIssue(db(), access.orgId, issue);
      }
      // Numbered before answering, so the 201 already carries the number.
      const snapshot = await ensureIssueNumbered(db(), access.orgId, issueId);
      if (!snapshot) throw new Error("an issue vanished right after it was created");
      const result = await issueBody(snapshot, access, body.fingerprint ? { deduplicated: false } : {});
      return {
        status: 201,
        body: result.body,
        headers: { ...result.headers, Location: `${req.baseUrl}/orgs/${access.orgId}/issues/${issueId}` },
      };
    },
  }),
  route({
    method: "get",
    path: "/orgs/{orgId}/issues",
    summary: "List issues: filters (service: what a service logged under its name), search, sort and cursor pagination",
    tag: "issues",
    query: issueListQuerySchema,
    success: { status: 200, description: "A page of issues", schema: issuePage },
    problems: [400, 401, 403, 404, 422, 429],
    async handler({ access, query }) {
      requirePermission(access, "issue.view", true);
      const { limit, cursor, ...filter } = query;
      const scope = scopeFor(access, filter);
      const result = await listIssues(db(), access.orgId, filter, { limit, cursor }, scope);
      const serialize = await issueSerializer(access.orgId, audienceOf(access.role));
      return { body: { data: result.docs.map(serialize), nextCursor: result.nextCursor } };
    },
  }),
  route({
    method: "get",
    path: "/orgs/{orgId}/issues/export.csv",
    summary: "The filtered list as CSV, streamed",
    tag: "issues",
    query: issueFilterSchema,
    success: { status: 200, description: "RFC 4180 CSV", contentType: "text/csv" },
    problems: [401, 403, 404, 422, 429],
    async handler({ access, query, res }) {
      requirePermission(access, "issue.view", true);
      const scope = scopeFor(access, query);
      const audience = audienceOf(access.role);
      const serialize = await issueSerializer(access.orgId, audience);
      const columns = csvColumns(audience);
      res
        .status(200)
        .type("text/csv; charset=utf-8")
        .setHeader("Content-Disposition", `attachment; filename="issues-${access.orgId}.csv"`);
      res.write(csvRow(columns.map(([name]) => name)));
      for await (const doc of scanIssues(db(), access.orgId, query, scope)) {
        const issue = serialize(doc);
        if (!res.write(csvRow(columns.map(([, value]) => value(issue))))) {
          await new Promise((resolve) => res.once("drain", resolve));
        }
      }
      res.end();
    },
  }),
  route({
    method: "post",
    path: "/orgs/{orgId}/issues:bulk",
    summary: "Apply one change to up to 500 issues; a result per id",
    tag: "issues",
    body: bulkSchema,
    success: { status: 200, description: "One result per id, in the order given", schema: bulkResponse },
    problems: [400, 401, 403, 404, 415, 422, 429],
    async handler({ access, body, res }) {
      // A caller who could change none of them learns that at once, rather than 500 times. Bulk
      // works on the org's issues at large, so it takes a grant on all of them: customers, whose
      // grants cover only their own issues, have no bulk.
      const change = body.change;
      const needed =
        "delete" in change
          ? "issue.softDelete"
          : "restore" in change
            ? "issue.restore"
            : "status" in change
              ? "issue.view"
              : "issue.edit";
      requirePermission(access, needed);
      const serialize = await issueSerializer(access.orgId, audienceOf(access.role));
      const outcomes = await forEachId(
        body.ids,
        BULK_CONCURRENCY,
        async (id) => serialize(await applyBulkChange(access, id, body.change)),
        { requestId: res.locals.requestId, orgId: access.orgId },
      );
      const results = outcomes.map((outcome) =>
        "value" in outcome ? { id: outcome.id, status: outcome.status, issue: outcome.value } : outcome,
      );
      const succeeded = outcomes.filter((outcome) => outcome.status === 200).length;
      return { body: { results, summary: { succeeded, failed: results.length - succeeded } } };
    },
  }),
  route({
    method: "get",
    path: "/orgs/{orgId}/issues/{idOrNumber}",
    summary: "One issue, by document id or by number (ISS-2026-0042, 0042, 42)",
    tag: "issues",
    query: emptyQuerySchema,
    success: { status: 200, description: "The issue", schema: issueResponse },
    problems: [401, 404, 422, 429],
    async handler({ access, params }) {
      return issueBody(await findVisibleIssue(access, params.idOrNumber!, { includeDeleted: true }), access);
    },
  }),
  route({
    method: "patch",
    path: "/orgs/{orgId}/issues/{id}",
    summary: "Edit fields; send If-Match with the version you read to refuse lost updates",
    tag: "issues",
    body: issueUpdateSchema,
    success: { status: 200, description: "The issue", schema: issueResponse },
    problems: issueProblems,
    async handler({ access, body, params, req }) {
      const expected = parseIfMatch(req.get("if-match"));
      if (expected === "invalid") throw badRequest('If-Match must be the version the issue had, e.g. "3".');
      return issueBody(await patchIssue(access, params.id!, body, expected), access);
    },
  }),
  route({
    method: "delete",
    path: "/orgs/{orgId}/issues/{id}",
    summary:
      "Soft delete: the issue leaves every list and keeps its number. With permanent=true (admins), erase it for good " +
      "with its comments, activities and the customer's copy; its number stays used",
    tag: "issues",
    query: issueDeleteQuerySchema,
    success: { status: 200, description: "The soft-deleted issue", schema: issueResponse },
    otherSuccess: [{ status: 204, description: "Erased (permanent=true)" }],
    problems: [401, 403, 404, 422, 429],
    async handler({ access, params, query }) {
      if (query.permanent) {
        await hardDeleteIssue(access, params.id!);
        return { status: 204 };
      }
      return issueBody(await softDeleteIssue(access, params.id!), access);
    },
  }),
  route({
    method: "post",
    path: "/orgs/{orgId}/issues/{id}/restore",
    summary: "Restore a soft-deleted issue (admin)",
    tag: "issues",
    body: emptyBodySchema,
    success: { status: 200, description: "The issue", schema: issueResponse },
    problems: issueProblems,
    async handler({ access, params }) {
      return issueBody(await restoreIssue(access, params.id!), access);
    },
  }),
  commandRoute(
    "transition",
    "Move the status; a refused move is 409 with the allowed targets. The note is an internal comment, for every target; resolving goes through …/resolve (422 here)",
    transitionSchema,
    (access, id, body) => transitionIssue(access, id, body.status, { note: body.note }),
  ),
  commandRoute(
    "resolve",
    "Resolve with notes; the notes are the public resolution the customer reads",
    resolveSchema,
    (access, id, body) => resolveIssue(access, id, body.notes),
  ),
  commandRoute(
    "reopen",
    "Reopen a resolved or closed issue (customers: their own); the reason is a comment, public from the customer, internal from the team",
    reopenSchema,
    (access, id, body) => reopenIssue(access, id, body?.reason),
  ),
  commandRoute("close", "Close", emptyBodySchema, (access, id) => closeIssue(access, id)),
  commandRoute("assign", "Assign to an admin or agent, or unassign with null", assignSchema, (access, id, body) =>
    assignIssue(access, id, body.assigneeUid),
  ),
  route({
    method: "post",
    path: "/orgs/{orgId}/issues/{id}/watch",
    summary: "Watch an issue: its status changes and comments notify you",
    tag: "commands",
    body: emptyBodySchema,
    success: { status: 200, description: "The issue", schema: issueResponse },
    problems: issueProblems,
    async handler({ access, params }) {
      const issue = await findVisibleIssue(access, params.id!);
      if (access.actor.kind === "service") throw forbidden("Services do not watch issues.");
      await issue.ref.update({ watchers: FieldValue.arrayUnion(access.actor.uid) });
      return issueBody(await issue.ref.get(), access);
    },
  }),
  route({
    method: "delete",
    path: "/orgs/{orgId}/issues/{id}/watch",
    summary: "Stop watching an issue",
    tag: "commands",
    query: emptyQuerySchema,
    success: { status: 200, description: "The issue", schema: issueResponse },
    problems: [401, 403, 404, 422, 429],
    async handler({ access, params }) {
      const issue = await findVisibleIssue(access, params.id!);
      await issue.ref.update({ watchers: FieldValue.arrayRemove(access.actor.uid) });
      return issueBody(await issue.ref.get(), access);
    },
  }),
  threadRoute(
    "comments",
    "The thread, oldest first; customers see only public comments",
    commentResponse,
    listComments,
    commentResource,
  ),
  route({
    method: "post",
    path: "/orgs/{orgId}/issues/{id}/comments",
    summary: "Comment, publicly or for the team only",
    tag: "comments",
    body: commentCreateSchema,
    success: { status: 201, description: "The comment", schema: commentResponse },
    problems: issueProblems,
    async handler({ access, body, params, req }) {
      const issue = await findVisibleIssue(access, params.id!);
      requirePermission(access, body.internal ? "comment.internal" : "comment.public", ownsIssue(issue, access));
      if (body.solution && !can(access.role, "issue.edit")) throw forbidden("Only the team marks a solution.");
      const comment = await addComment(db(), access.orgId, issue.id, body, access.actor, sourceForActor(access.actor));
      return {
        status: 201,
        body: commentResource(await comment.get()),
        headers: { Location: `${req.baseUrl}/orgs/${access.orgId}/issues/${issue.id}/comments/${comment.id}` },
      };
    },
  }),
  threadRoute(
    "activities",
    "The audit trail, oldest first; customers see only public activities, with only what they may see of each change",
    activityResponse,
    listActivities,
    activityResource,
  ),
  route({
    method: "get",
    path: "/orgs/{orgId}/stats",
    summary:
      "Counts by status, priority, category, type, source and service; open per assignee; per day; response and resolution times; SLA compliance",
    tag: "stats",
    query: emptyQuerySchema,
    success: { status: 200, description: "Statistics", schema: statsResponse },
    problems: [401, 403, 404, 422, 429],
    async handler({ access }) {
      if (access.role === "customer") throw forbidden("Statistics are for the team.");
      return { body: await readOrgStats(db(), access.orgId) };
    },
  }),
];
