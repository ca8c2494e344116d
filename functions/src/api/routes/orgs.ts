import type { DocumentSnapshot } from "firebase-admin/firestore";
import {
  apiKeyCreateSchema,
  emptyQuerySchema,
  memberUpdateSchema,
  orgCreateSchema,
  orgUpdateSchema,
  settingsUpdateSchema,
  type MemberRole,
  type OrgSettings,
} from "../../domain";
import { inboundEmailDomain } from "../../config";
import { createApiKey, getApiKey, listApiKeys, revokeApiKey } from "../../store/apiKeys";
import { db } from "../../store/db";
import { invitesFor } from "../../store/invites";
import {
  changeMemberRole,
  getMember,
  getMemberEmail,
  listMembers,
  memberEmails,
  removeMember,
} from "../../store/members";
import {
  createOrg,
  getOrg,
  getOrgSettings,
  membershipsOf,
  orgNames,
  updateOrg,
  updateOrgSettings,
} from "../../store/orgs";
import { syncProfileFromToken } from "../../store/users";
import type { Caller } from "../auth";
import { forbidden, notFound } from "../errors";
import { requirePermission } from "../orgAccess";
import { route } from "../route";
import { requireStaffAddress } from "../staffPolicy";
import { apiKeyResponse, meResponse, memberResponse, orgResponse, page, settingsResponse } from "../schemas";
import { toJson } from "../serialize";

/** Members as admins see them: the member documents with the addresses kept apart (store/orgs.ts). */
async function membersJson(orgId: string, docs: DocumentSnapshot[]) {
  const emails = await memberEmails(
    db(),
    orgId,
    docs.map((doc) => doc.id),
  );
  return docs.map((doc) => ({
    uid: doc.id,
    role: doc.get("role"),
    displayName: doc.get("displayName"),
    email: emails.get(doc.id) ?? null,
    createdAt: toJson(doc.get("createdAt")),
  }));
}

/** Pending invitations to the caller's address, only once Auth has verified it is theirs. */
async function pendingInvitesOf(caller: Caller) {
  if (caller.kind !== "user" || !caller.emailVerified || !caller.email) return [];
  const pending = (await invitesFor(db(), caller.email)).filter((invite) => invite.status === "pending");
  const names = await orgNames(
    db(),
    pending.map((invite) => invite.orgId),
  );
  return pending
    .filter((invite) => names.has(invite.orgId))
    .map((invite) => ({
      id: invite.id,
      orgId: invite.orgId,
      orgName: names.get(invite.orgId)!,
      role: invite.role,
      expiresAt: invite.expiresAt.toISOString(),
    }));
}
const keyJson = (key: object) => toJson(key);

/** The settings as admins see them: with the address customers write to (the org's slug; docs/email.md). */
async function withInboundAddress(orgId: string, settings: OrgSettings) {
  const slug = ((await getOrg(db(), orgId))?.get("slug") as string | undefined) ?? "";
  return { ...settings, inboundAddress: `${slug}@${inboundEmailDomain()}` };
}

export const orgRoutes = [
  route({
    method: "get",
    path: "/me",
    summary: "The caller, its memberships across orgs and the invitations to its verified address",
    tag: "me",
    // The one route an unverified account may call: it learns here that it must verify.
    unverified: true,
    query: emptyQuerySchema,
    success: { status: 200, description: "The caller", schema: meResponse },
    problems: [401, 422, 429],
    async handler({ caller }) {
      // The web calls this at sign-in: the moment to record whether Auth verified the address (mail goes only there).
      if (caller.kind === "user") await syncProfileFromToken(db(), caller);
      const memberships =
        caller.kind === "user"
          ? await membershipsOf(db(), caller.uid)
          : caller.kind === "apiKey"
            ? [
                {
                  orgId: caller.orgId,
                  orgName: ((await getOrg(db(), caller.orgId))?.get("name") as string) ?? "",
                  role: caller.role,
                },
              ]
            : [];
      const email = caller.kind === "apiKey" ? null : caller.email;
      return {
        body: {
          uid: caller.uid,
          kind: caller.kind,
          name: caller.name,
          email,
          memberships,
          invites: await pendingInvitesOf(caller),
        },
      };
    },
  }),
  route({
    method: "post",
    path: "/orgs",
    summary: "Create an org; the caller becomes its admin",
    tag: "orgs",
    org: "none",
    body: orgCreateSchema,
    success: { status: 201, description: "The new org", schema: orgResponse },
    problems: [400, 401, 403, 415, 422, 429],
    async handler({ caller, body, req }) {
      if (caller.kind !== "user") throw forbidden("Only people create organisations.");
      const org = await createOrg(db(), body, caller);
      return { status: 201, body: { ...org, role: "admin" }, headers: { Location: `${req.baseUrl}/orgs/${org.id}` } };
    },
  }),
  route({
    method: "get",
    path: "/orgs/{orgId}",
    summary: "The org",
    tag: "orgs",
    query: emptyQuerySchema,
    success: { status: 200, description: "The org", schema: orgResponse },
    problems: [401, 404, 422, 429],
    async handler({ access }) {
      const org = (await getOrg(db(), access.orgId))!;
      return { body: { id: org.id, name: org.get("name"), slug: org.get("slug"), role: access.role } };
    },
  }),
  route({
    method: "patch",
    path: "/orgs/{orgId}",
    summary: "Rename the org or change its slug",
    tag: "orgs",
    body: orgUpdateSchema,
    success: { status: 200, description: "The org", schema: orgResponse },
    problems: [400, 401, 403, 404, 415, 422, 429],
    async handler({ access, body }) {
      requirePermission(access, "settings.manage");
      await updateOrg(db(), access.orgId, body);
      const org = (await getOrg(db(), access.orgId))!;
      return { body: { id: org.id, name: org.get("name"), slug: org.get("slug"), role: access.role } };
    },
  }),
  route({
    method: "get",
    path: "/orgs/{orgId}/settings",
    summary: "The org's settings",
    tag: "orgs",
    query: emptyQuerySchema,
    success: { status: 200, description: "Settings", schema: settingsResponse },
    problems: [401, 403, 404, 422, 429],
    async handler({ access }) {
      requirePermission(access, "settings.manage");
      return { body: await withInboundAddress(access.orgId, (await getOrgSettings(db(), access.orgId))!) };
    },
  }),
  route({
    method: "patch",
    path: "/orgs/{orgId}/settings",
    summary:
      "Change settings; SLA targets and Linear settings merge field by field; a Linear team syncs with one org only (409)",
    tag: "orgs",
    body: settingsUpdateSchema,
    success: { status: 200, description: "Settings", schema: settingsResponse },
    problems: [400, 401, 403, 404, 409, 415, 422, 429],
    async handler({ access, body }) {
      requirePermission(access, "settings.manage");
      return { body: await withInboundAddress(access.orgId, await updateOrgSettings(db(), access.orgId, body)) };
    },
  }),
  route({
    method: "get",
    path: "/orgs/{orgId}/members",
    summary: "The org's members",
    tag: "members",
    query: emptyQuerySchema,
    success: { status: 200, description: "Members", schema: page(memberResponse) },
    problems: [401, 403, 404, 422, 429],
    async handler({ access }) {
      requirePermission(access, "members.manage");
      const docs = await listMembers(db(), access.orgId);
      return { body: { data: await membersJson(access.orgId, docs), nextCursor: null } };
    },
  }),
  route({
    method: "patch",
    path: "/orgs/{orgId}/members/{uid}",
    summary: "Change a member's role; the last admin cannot be demoted",
    tag: "members",
    body: memberUpdateSchema,
    success: { status: 200, description: "The member", schema: memberResponse },
    problems: [400, 401, 403, 404, 409, 415, 422, 429],
    async handler({ access, body, params }) {
      requirePermission(access, "members.manage");
      const address = await getMemberEmail(db(), access.orgId, params.uid!);
      if (address) await requireStaffAddress(access.orgId, body.role, address, "role");
      if (!(await changeMemberRole(db(), access.orgId, params.uid!, body.role as MemberRole)))
        throw notFound("The member");
      return { body: (await membersJson(access.orgId, [(await getMember(db(), access.orgId, params.uid!))!]))[0] };
    },
  }),
  route({
    method: "delete",
    path: "/orgs/{orgId}/members/{uid}",
    summary: "Remove a member; the last admin cannot be removed",
    tag: "members",
    query: emptyQuerySchema,
    success: { status: 204, description: "Removed" },
    problems: [401, 403, 404, 409, 422, 429],
    async handler({ access, params }) {
      requirePermission(access, "members.manage");
      if (!(await removeMember(db(), access.orgId, params.uid!))) throw notFound("The member");
      return { status: 204 };
    },
  }),
  route({
    method: "post",
    path: "/orgs/{orgId}/api-keys",
    summary: "Create a service key; the whole key is in this response only (an Idempotency-Key replay leaves it out)",
    tag: "api-keys",
    secretFields: ["key"],
    body: apiKeyCreateSchema,
    success: { status: 201, description: "The key, with its secret", schema: apiKeyResponse },
    problems: [400, 401, 403, 404, 415, 422, 429],
    async handler({ access, body, caller, req }) {
      requirePermission(access, "apiKeys.manage");
      const { key, metadata } = await createApiKey(db(), access.orgId, body, caller.uid);
      return {
        status: 201,
        body: { ...(keyJson(metadata) as object), key },
        headers: {
          Location: `${req.baseUrl}/orgs/${access.orgId}/api-keys/${metadata.id}`,
          "Cache-Control": "no-store",
        },
      };
    },
  }),
  route({
    method: "get",
    path: "/orgs/{orgId}/api-keys",
    summary: "The org's keys (metadata only)",
    tag: "api-keys",
    query: emptyQuerySchema,
    success: { status: 200, description: "Keys", schema: page(apiKeyResponse) },
    problems: [401, 403, 404, 422, 429],
    async handler({ access }) {
      requirePermission(access, "apiKeys.manage");
      return { body: { data: (await listApiKeys(db(), access.orgId)).map(keyJson), nextCursor: null } };
    },
  }),
  route({
    method: "get",
    path: "/orgs/{orgId}/api-keys/{keyId}",
    summary: "One key's metadata",
    tag: "api-keys",
    query: emptyQuerySchema,
    success: { status: 200, description: "The key", schema: apiKeyResponse },
    problems: [401, 403, 404, 422, 429],
    async handler({ access, params }) {
      requirePermission(access, "apiKeys.manage");
      const key = await getApiKey(db(), access.orgId, params.keyId!);
      if (!key) throw notFound("The API key");
      return { body: keyJson(key) };
    },
  }),
  route({
    method: "delete",
    path: "/orgs/{orgId}/api-keys/{keyId}",
    summary: "Revoke a key; it stops working at once",
    tag: "api-keys",
    query: emptyQuerySchema,
    success: { status: 200, description: "The revoked key", schema: apiKeyResponse },
    problems: [401, 403, 404, 422, 429],
    async handler({ access, params }) {
      requirePermission(access, "apiKeys.manage");
      const key = await revokeApiKey(db(), access.orgId, params.keyId!);
      if (!key) throw notFound("The API key");
      return { body: keyJson(key) };
    },
  }),
];
