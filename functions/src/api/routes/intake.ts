/**
 * The intake link `/raise/{slug}`: which org a slug leads a signed-in person to, so
 * the web can show its name and raise the issue with its id. Only orgs the caller
 * belongs to or may raise an issue with (public intake, an auto-join domain) answer;
 * every other slug is a 404, exactly like one that names nothing.
 */
import { emptyQuerySchema, intakeTarget, isOrgSlug } from "../../domain";
import { db } from "../../store/db";
import { orgNames, slugTarget } from "../../store/orgs";
import { notFound } from "../errors";
import { route } from "../route";
import { intakeOrgResponse } from "../schemas";

export const intakeRoutes = [
  route({
    method: "get",
    path: "/intake/{slug}",
    summary: "The org an intake link names, if the caller may raise an issue there",
    tag: "orgs",
    org: "none",
    query: emptyQuerySchema,
    success: {
      status: 200,
      description: "The org, and the caller's role there (null: raising an issue makes them its customer)",
      schema: intakeOrgResponse,
    },
    problems: [401, 404, 422, 429],
    async handler({ caller, params }) {
      const slug = params.slug!;
      // Services raise issues in their own org by id; the link is for people.
      if (caller.kind !== "user" || !isOrgSlug(slug)) throw notFound("The organisation");
      const target = intakeTarget(await slugTarget(db(), slug, caller.uid), caller);
      if (!target) throw notFound("The organisation");
      const name = (await orgNames(db(), [target.orgId])).get(target.orgId) ?? "";
      return { body: { orgId: target.orgId, name, slug, role: target.role } };
    },
  }),
];
