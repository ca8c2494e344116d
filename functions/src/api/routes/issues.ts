import { Router, type Response } from "express";
import type { DocumentSnapshot } from "firebase-admin/firestore";
import {
  actorKindForRole,
  issueCreateSchema,
  issueListQuerySchema,
  parseIssueNumber,
  sourceForRole,
  type Actor,
} from "../../domain";
import { db } from "../../store/db";
import { getIssueById, getIssueByNumber, insertIssue, InvalidCursorError, listIssues } from "../../store/issues";
import { ensureIssueNumbered } from "../../store/numberAllocator";
import { callerOf } from "../auth";
import { badRequest, notFound } from "../errors";
import { accessOf, loadOrgAccess, requirePermission, type OrgAccess } from "../orgAccess";
import { issueResource } from "../serialize";
import { parseWith } from "../validate";

function audienceOf(access: OrgAccess) {
  return access.role === "customer" ? "customer" : "member";
}

function ownsIssue(snapshot: DocumentSnapshot, uid: string): boolean {
  return snapshot.get("reporter.uid") === uid;
}

/**
 * Finds an issue the caller may see, by document id or by number. Anything the
 * caller may not see is a 404, never a 403, so its existence does not leak.
 */
async function findVisibleIssue(res: Response, idOrNumber: string): Promise<DocumentSnapshot> {
  const access = accessOf(res);
  const caller = callerOf(res);
  const number = parseIssueNumber(idOrNumber);
  const snapshot = number
    ? await getIssueByNumber(db(), access.orgId, number.year ?? new Date().getUTCFullYear(), number.seq)
    : await getIssueById(db(), access.orgId, idOrNumber);
  const visible =
    snapshot &&
    (!snapshot.get("deleted") || access.role === "admin") &&
    (access.role !== "customer" || ownsIssue(snapshot, caller.uid));
  if (!visible) throw notFound("The issue");
  return snapshot;
}

export function issueRoutes(): Router {
  const router = Router({ mergeParams: true });
  router.use("/orgs/:orgId/issues", loadOrgAccess);

  router.post("/orgs/:orgId/issues", async (req, res) => {
    const access = accessOf(res);
    requirePermission(access, "issue.create");
    const input = parseWith(issueCreateSchema, req.body);
    const caller = callerOf(res);
    const reporter: Actor = { uid: caller.uid, name: caller.name, kind: actorKindForRole(access.role) };
    const issueId = await insertIssue(db(), access.orgId, { input, source: sourceForRole(access.role), reporter });
    // Number it before answering, so the 201 already carries the number.
    const snapshot = await ensureIssueNumbered(db(), access.orgId, issueId);
    if (!snapshot) throw new Error(`issue ${issueId} vanished right after it was created`);
    res
      .status(201)
      .location(`${req.baseUrl}/orgs/${access.orgId}/issues/${issueId}`)
      .setHeader("ETag", `"${snapshot.get("version")}"`)
      .json(issueResource(snapshot, audienceOf(access)));
  });

  router.get("/orgs/:orgId/issues", async (req, res) => {
    const access = accessOf(res);
    requirePermission(access, "issue.view", true);
    const query = parseWith(issueListQuerySchema, req.query, "query");
    const caller = callerOf(res);
    try {
      const page = await listIssues(db(), access.orgId, query, {
        reporterUid: access.role === "customer" ? caller.uid : undefined,
      });
      res.json({ data: page.docs.map((doc) => issueResource(doc, audienceOf(access))), nextCursor: page.nextCursor });
    } catch (err) {
      if (err instanceof InvalidCursorError) throw badRequest("The cursor is not one this API gave out.");
      throw err;
    }
  });

  router.get("/orgs/:orgId/issues/:idOrNumber", async (req, res) => {
    const access = accessOf(res);
    requirePermission(access, "issue.view", true);
    const snapshot = await findVisibleIssue(res, req.params.idOrNumber);
    res.setHeader("ETag", `"${snapshot.get("version")}"`).json(issueResource(snapshot, audienceOf(access)));
  });

  return router;
}
