/**
 * Macros (docs/automations.md): admins keep them, the team reads them, and whoever may
 * edit an issue applies one. Anyone else in the org gets 403; anyone outside it 404.
 */
import { emptyBodySchema, emptyQuerySchema, macroCreateSchema, macroUpdateSchema } from "../../domain";
import { db } from "../../store/db";
import { createMacro, deleteMacro, getMacro, listMacros, updateMacro, type Macro } from "../../store/macros";
import { ApiError, notFound } from "../errors";
import { applyMacro } from "../issueCommands";
import { requirePermission } from "../orgAccess";
import { route } from "../route";
import { issueResponse, macroResponse, page } from "../schemas";
import { audienceOf, issueSerializer } from "../serialize";

/** Picks the response's fields from the stored macro. */
const macroJson = (macro: Macro) => ({
  id: macro.id,
  name: macro.name,
  reply: macro.reply,
  changes: macro.changes,
  createdBy: macro.createdBy,
  createdAt: macro.createdAt?.toISOString() ?? null,
  updatedBy: macro.updatedBy,
  updatedAt: macro.updatedAt?.toISOString() ?? null,
});

export const macroRoutes = [
  route({
    method: "get",
    path: "/orgs/{orgId}/macros",
    summary: "The org's macros, by name (the team)",
    tag: "macros",
    query: emptyQuerySchema,
    success: { status: 200, description: "Macros", schema: page(macroResponse) },
    problems: [401, 403, 404, 422, 429],
    async handler({ access }) {
      requirePermission(access, "macros.read");
      return { body: { data: (await listMacros(db(), access.orgId)).map(macroJson), nextCursor: null } };
    },
  }),
  route({
    method: "post",
    path: "/orgs/{orgId}/macros",
    summary: "Create a macro: a name, an optional reply and changes (admins)",
    tag: "macros",
    body: macroCreateSchema,
    success: { status: 201, description: "The macro", schema: macroResponse },
    problems: [400, 401, 403, 404, 415, 422, 429],
    async handler({ access, body, caller, req }) {
      requirePermission(access, "macros.manage");
      const macro = await createMacro(db(), access.orgId, body, caller.uid);
      return {
        status: 201,
        body: macroJson(macro),
        headers: { Location: `${req.baseUrl}/orgs/${access.orgId}/macros/${macro.id}` },
      };
    },
  }),
  route({
    method: "get",
    path: "/orgs/{orgId}/macros/{macroId}",
    summary: "One macro (the team)",
    tag: "macros",
    query: emptyQuerySchema,
    success: { status: 200, description: "The macro", schema: macroResponse },
    problems: [401, 403, 404, 422, 429],
    async handler({ access, params }) {
      requirePermission(access, "macros.read");
      const macro = await getMacro(db(), access.orgId, params.macroId!);
      if (!macro) throw notFound("The macro");
      return { body: macroJson(macro) };
    },
  }),
  route({
    method: "patch",
    path: "/orgs/{orgId}/macros/{macroId}",
    summary: "Change a macro's name, reply or changes (admins); changes replace the stored ones",
    tag: "macros",
    body: macroUpdateSchema,
    success: { status: 200, description: "The macro", schema: macroResponse },
    problems: [400, 401, 403, 404, 415, 422, 429],
    async handler({ access, body, caller, params }) {
      requirePermission(access, "macros.manage");
      const outcome = await updateMacro(db(), access.orgId, params.macroId!, body, caller.uid);
      if (outcome.kind === "missing") throw notFound("The macro");
      if (outcome.kind === "invalid") {
        throw new ApiError("validation", "The macro would not make sense after this change.", {
          errors: [{ path: "reply", code: "invalid_value", message: outcome.problem }],
        });
      }
      return { body: macroJson(outcome.macro) };
    },
  }),
  route({
    method: "delete",
    path: "/orgs/{orgId}/macros/{macroId}",
    summary: "Delete a macro (admins); issues it was applied to keep what it did",
    tag: "macros",
    query: emptyQuerySchema,
    success: { status: 204, description: "Deleted" },
    problems: [401, 403, 404, 422, 429],
    async handler({ access, params }) {
      requirePermission(access, "macros.manage");
      if (!(await deleteMacro(db(), access.orgId, params.macroId!))) throw notFound("The macro");
      return { status: 204 };
    },
  }),
  route({
    method: "post",
    path: "/orgs/{orgId}/issues/{id}/macros/{macroId}:apply",
    summary:
      "Apply a macro: its reply is posted first, then its changes go through the status machine; a refused move is 409 and nothing is applied",
    tag: "commands",
    body: emptyBodySchema,
    success: { status: 200, description: "The issue", schema: issueResponse },
    problems: [400, 401, 403, 404, 409, 415, 422, 429],
    async handler({ access, params }) {
      const snapshot = await applyMacro(access, params.id!, params.macroId!);
      const serialize = await issueSerializer(access.orgId, audienceOf(access.role));
      return { body: serialize(snapshot), headers: { ETag: `"${snapshot.get("version")}"` } };
    },
  }),
];
