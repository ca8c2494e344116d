/**
 * Names for what the API answers, taken from the generated OpenAPI types (`client/src/generated/openapi.ts`,
 * regenerated from the route declarations by `npm run generate --workspace client`), so no page restates a shape.
 */
import type { paths } from "@firetrack/openapi";
import type { ApiAnswer } from "./client";

/** The caller, from GET /me. */
export type Me = ApiAnswer<"GET", "/me">;
export type Membership = Me["memberships"][number];
/** A pending invitation for the caller's verified address (the welcome page accepts them). */
export type Invitation = Me["invites"][number];

/** The org's settings as admins see them, defaults filled in, and what PATCH …/settings takes. */
export type OrgSettingsAnswer = ApiAnswer<"GET", "/orgs/{orgId}/settings">;
export type OrgSettingsPatch = paths["/orgs/{orgId}/settings"]["patch"]["requestBody"]["content"]["application/json"];

/** The org an intake link names, and the caller's role there (null: raising makes them its customer). */
export type IntakeOrg = ApiAnswer<"GET", "/intake/{slug}">;

/** An issue as the API answers a create: a member's full view, or a customer's. */
export type CreatedIssue = ApiAnswer<"POST", "/orgs/{orgId}/issues">;

/** The outcome of a bulk change, per issue. */
export type BulkAnswer = ApiAnswer<"POST", "/orgs/{orgId}/issues:bulk">;

/** An org's invitations, newest first. */
export type OrgInvitation = ApiAnswer<"GET", "/orgs/{orgId}/invites">["data"][number];

/** The filter of the CSV export, as query parameters. */
export type ExportQuery = NonNullable<paths["/orgs/{orgId}/issues/export.csv"]["get"]["parameters"]["query"]>;
