/**
 * Invitations replace adding people by address: an admin invites an address with a role,
 * and the owner of that address (a verified sign-in) accepts. Nothing here looks at
 * accounts, so the answers are the same whether or not the address has one.
 */
import { emptyBodySchema, emptyQuerySchema, inviteCreateSchema } from "../../domain";
import { requireStaffAddress } from "../staffPolicy";
import { db } from "../../store/db";
import { acceptInvite, createInvite, listInvites, revokeInvite } from "../../store/invites";
import { notFound } from "../errors";
import { requirePermission } from "../orgAccess";
import { route } from "../route";
import { acceptResponse, inviteListItem, inviteResponse, page } from "../schemas";

const iso = (date: Date | null) => date?.toISOString() ?? null;

export const inviteRoutes = [
  route({
    method: "post",
    path: "/orgs/{orgId}/invites",
    summary: "Invite an address with a role; inviting it again renews the invitation and mails it again",
    tag: "members",
    body: inviteCreateSchema,
    success: {
      status: 201,
      description: "The invitation (the same shape whether or not the address has an account)",
      schema: inviteResponse,
    },
    problems: [400, 401, 403, 404, 409, 415, 422, 429],
    async handler({ access, body, caller, req }) {
      requirePermission(access, "members.manage");
      // Refused here rather than at acceptance, so no mail goes to an address that could never join as staff.
      await requireStaffAddress(access.orgId, body.role, { email: body.email, emailVerified: true }, "email");
      const invite = await createInvite(db(), access.orgId, body, caller.uid);
      return {
        status: 201,
        body: { id: invite.id, email: invite.email, role: invite.role, expiresAt: iso(invite.expiresAt) },
        headers: { Location: `${req.baseUrl}/orgs/${access.orgId}/invites/${invite.id}` },
      };
    },
  }),
  route({
    method: "get",
    path: "/orgs/{orgId}/invites",
    summary: "The org's invitations, newest first: pending, expired and accepted",
    tag: "members",
    query: emptyQuerySchema,
    success: { status: 200, description: "Invitations", schema: page(inviteListItem) },
    problems: [401, 403, 404, 422, 429],
    async handler({ access }) {
      requirePermission(access, "members.manage");
      const invites = await listInvites(db(), access.orgId);
      return {
        body: {
          data: invites.map((invite) => ({
            id: invite.id,
            email: invite.email,
            role: invite.role,
            expiresAt: iso(invite.expiresAt),
            invitedBy: invite.invitedBy,
            createdAt: iso(invite.createdAt),
            acceptedAt: iso(invite.acceptedAt),
            status: invite.status,
          })),
          nextCursor: null,
        },
      };
    },
  }),
  route({
    method: "delete",
    path: "/orgs/{orgId}/invites/{inviteId}",
    summary: "Revoke an invitation; its link stops working",
    tag: "members",
    query: emptyQuerySchema,
    success: { status: 204, description: "Revoked" },
    problems: [401, 403, 404, 409, 422, 429],
    async handler({ access, params }) {
      requirePermission(access, "members.manage");
      if (!(await revokeInvite(db(), access.orgId, params.inviteId!))) throw notFound("The invitation");
      return { status: 204 };
    },
  }),
  route({
    method: "post",
    path: "/invites/{inviteId}/accept",
    summary: "Accept an invitation to your verified address; you become a member with its role",
    tag: "members",
    org: "none",
    body: emptyBodySchema,
    success: { status: 200, description: "The membership", schema: acceptResponse },
    problems: [400, 401, 404, 409, 415, 422, 429],
    async handler({ caller, params }) {
      // Only the addressee learns the invitation exists: anyone else, services and unverified addresses included, gets 404.
      if (caller.kind !== "user" || !caller.emailVerified || !caller.email) throw notFound("The invitation");
      const accepted = await acceptInvite(db(), params.inviteId!, {
        uid: caller.uid,
        name: caller.name,
        email: caller.email,
      });
      if (!accepted) throw notFound("The invitation");
      return { body: accepted };
    },
  }),
];
