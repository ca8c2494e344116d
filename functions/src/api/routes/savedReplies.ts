/**
 * Saved replies: admins keep them, admins and agents read them (to insert one into a
 * reply). Anyone else in the org gets 403; anyone outside it 404.
 */
import { emptyQuerySchema, savedReplyCreateSchema, savedReplyUpdateSchema } from "../../domain";
import { db } from "../../store/db";
import {
  createSavedReply,
  deleteSavedReply,
  getSavedReply,
  listSavedReplies,
  updateSavedReply,
  type SavedReply,
} from "../../store/savedReplies";
import { notFound } from "../errors";
import { requirePermission } from "../orgAccess";
import { route } from "../route";
import { page, savedReplyResponse } from "../schemas";

/** Picks the response's fields from the stored reply. */
const savedReplyJson = (reply: SavedReply) => ({
  id: reply.id,
  title: reply.title,
  body: reply.body,
  internal: reply.internal,
  createdBy: reply.createdBy,
  createdAt: reply.createdAt?.toISOString() ?? null,
  updatedBy: reply.updatedBy,
  updatedAt: reply.updatedAt?.toISOString() ?? null,
});

export const savedReplyRoutes = [
  route({
    method: "get",
    path: "/orgs/{orgId}/saved-replies",
    summary: "The org's saved replies, by title (admins and agents)",
    tag: "saved-replies",
    query: emptyQuerySchema,
    success: { status: 200, description: "Saved replies", schema: page(savedReplyResponse) },
    problems: [401, 403, 404, 422, 429],
    async handler({ access }) {
      requirePermission(access, "savedReplies.read");
      return { body: { data: (await listSavedReplies(db(), access.orgId)).map(savedReplyJson), nextCursor: null } };
    },
  }),
  route({
    method: "post",
    path: "/orgs/{orgId}/saved-replies",
    summary: "Save a reply for the team (admins)",
    tag: "saved-replies",
    body: savedReplyCreateSchema,
    success: { status: 201, description: "The saved reply", schema: savedReplyResponse },
    problems: [400, 401, 403, 404, 415, 422, 429],
    async handler({ access, body, caller, req }) {
      requirePermission(access, "savedReplies.manage");
      const reply = await createSavedReply(db(), access.orgId, body, caller.uid);
      return {
        status: 201,
        body: savedReplyJson(reply),
        headers: { Location: `${req.baseUrl}/orgs/${access.orgId}/saved-replies/${reply.id}` },
      };
    },
  }),
  route({
    method: "get",
    path: "/orgs/{orgId}/saved-replies/{replyId}",
    summary: "One saved reply (admins and agents)",
    tag: "saved-replies",
    query: emptyQuerySchema,
    success: { status: 200, description: "The saved reply", schema: savedReplyResponse },
    problems: [401, 403, 404, 422, 429],
    async handler({ access, params }) {
      requirePermission(access, "savedReplies.read");
      const reply = await getSavedReply(db(), access.orgId, params.replyId!);
      if (!reply) throw notFound("The saved reply");
      return { body: savedReplyJson(reply) };
    },
  }),
  route({
    method: "patch",
    path: "/orgs/{orgId}/saved-replies/{replyId}",
    summary: "Change a saved reply's title, text or internal flag (admins)",
    tag: "saved-replies",
    body: savedReplyUpdateSchema,
    success: { status: 200, description: "The saved reply", schema: savedReplyResponse },
    problems: [400, 401, 403, 404, 415, 422, 429],
    async handler({ access, body, caller, params }) {
      requirePermission(access, "savedReplies.manage");
      const reply = await updateSavedReply(db(), access.orgId, params.replyId!, body, caller.uid);
      if (!reply) throw notFound("The saved reply");
      return { body: savedReplyJson(reply) };
    },
  }),
  route({
    method: "delete",
    path: "/orgs/{orgId}/saved-replies/{replyId}",
    summary: "Delete a saved reply (admins); replies already sent keep their text",
    tag: "saved-replies",
    query: emptyQuerySchema,
    success: { status: 204, description: "Deleted" },
    problems: [401, 403, 404, 422, 429],
    async handler({ access, params }) {
      requirePermission(access, "savedReplies.manage");
      if (!(await deleteSavedReply(db(), access.orgId, params.replyId!))) throw notFound("The saved reply");
      return { status: 204 };
    },
  }),
];
