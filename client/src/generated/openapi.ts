/**
 * Generated from openapi.json by `npm run generate --workspace client`. Do not edit:
 * test/unit/generated.test.ts fails when this file no longer matches the API.
 */
export interface paths {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/intake/{slug}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The org an intake link names, if the caller may raise an issue there */
        get: operations["getIntakeSlug"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/invites/{inviteId}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept an invitation to your verified address; you become a member with its role */
        post: operations["postInvitesInviteIdAccept"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller, its memberships across orgs and the invitations to its verified address */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This API as OpenAPI 3.1 */
        get: operations["getOpenapiJson"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create an org; the caller becomes its admin */
        post: operations["postOrgs"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{orgId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The org */
        get: operations["getOrgsOrgId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename the org or change its slug */
        patch: operations["patchOrgsOrgId"];
        trace?: never;
    };
    "/orgs/{orgId}/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The org's keys (metadata only) */
        get: operations["getOrgsOrgIdApiKeys"];
        put?: never;
        /** Create a service key; the whole key is in this response only (an Idempotency-Key replay leaves it out) */
        post: operations["postOrgsOrgIdApiKeys"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{orgId}/api-keys/{keyId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One key's metadata */
        get: operations["getOrgsOrgIdApiKeysKeyId"];
        put?: never;
        post?: never;
        /** Revoke a key; it stops working at once */
        delete: operations["deleteOrgsOrgIdApiKeysKeyId"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{orgId}/invites": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The org's invitations, newest first: pending, expired and accepted */
        get: operations["getOrgsOrgIdInvites"];
        put?: never;
        /** Invite an address with a role; inviting it again renews the invitation and mails it again */
        post: operations["postOrgsOrgIdInvites"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{orgId}/invites/{inviteId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an invitation; its link stops working */
        delete: operations["deleteOrgsOrgIdInvitesInviteId"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{orgId}/issues": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List issues: filters (service: what a service logged under its name), search, sort and cursor pagination */
        get: operations["getOrgsOrgIdIssues"];
        put?: never;
        /** Create an issue (or, with a fingerprint, add an occurrence to its open twin) */
        post: operations["postOrgsOrgIdIssues"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{orgId}/issues:bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Apply one change to up to 500 issues; a result per id */
        post: operations["postOrgsOrgIdIssuesbulk"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{orgId}/issues/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Soft delete: the issue leaves every list and keeps its number. With permanent=true (admins), erase it for good with its comments, activities and the customer's copy; its number stays used */
        delete: operations["deleteOrgsOrgIdIssuesId"];
        options?: never;
        head?: never;
        /** Edit fields; send If-Match with the version you read to refuse lost updates */
        patch: operations["patchOrgsOrgIdIssuesId"];
        trace?: never;
    };
    "/orgs/{orgId}/issues/{id}/activities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit trail, oldest first; customers see only public activities, with only what they may see of each change */
        get: operations["getOrgsOrgIdIssuesIdActivities"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{orgId}/issues/{id}/assign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Assign to an admin or agent, or unassign with null */
        post: operations["postOrgsOrgIdIssuesIdAssign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{orgId}/issues/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close */
        post: operations["postOrgsOrgIdIssuesIdClose"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{orgId}/issues/{id}/comments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The thread, oldest first; customers see only public comments */
        get: operations["getOrgsOrgIdIssuesIdComments"];
        put?: never;
        /** Comment, publicly or for the team only */
        post: operations["postOrgsOrgIdIssuesIdComments"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{orgId}/issues/{id}/linear:sync": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Push the issue to Linear again (admin); the push runs on the linearSync queue */
        post: operations["postOrgsOrgIdIssuesIdLinearsync"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{orgId}/issues/{id}/macros/{macroId}:apply": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Apply a macro: its reply is posted first, then its changes go through the status machine; a refused move is 409 and nothing is applied */
        post: operations["postOrgsOrgIdIssuesIdMacrosMacroIdapply"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{orgId}/issues/{id}/reopen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reopen a resolved or closed issue (customers: their own); the reason is a comment, public from the customer, internal from the team */
        post: operations["postOrgsOrgIdIssuesIdReopen"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{orgId}/issues/{id}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resolve with notes; the notes are the public resolution the customer reads */
        post: operations["postOrgsOrgIdIssuesIdResolve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{orgId}/issues/{id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Restore a soft-deleted issue (admin) */
        post: operations["postOrgsOrgIdIssuesIdRestore"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{orgId}/issues/{id}/transition": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move the status; a refused move is 409 with the allowed targets. The note is an internal comment, for every target; resolving goes through …/resolve (422 here) */
        post: operations["postOrgsOrgIdIssuesIdTransition"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{orgId}/issues/{id}/watch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Watch an issue: its status changes and comments notify you */
        post: operations["postOrgsOrgIdIssuesIdWatch"];
        /** Stop watching an issue */
        delete: operations["deleteOrgsOrgIdIssuesIdWatch"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{orgId}/issues/{idOrNumber}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One issue, by document id or by number (ISS-2026-0042, 0042, 42) */
        get: operations["getOrgsOrgIdIssuesIdOrNumber"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{orgId}/issues/export.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The filtered list as CSV, streamed */
        get: operations["getOrgsOrgIdIssuesExportCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{orgId}/macros": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The org's macros, by name (the team) */
        get: operations["getOrgsOrgIdMacros"];
        put?: never;
        /** Create a macro: a name, an optional reply and changes (admins) */
        post: operations["postOrgsOrgIdMacros"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{orgId}/macros/{macroId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One macro (the team) */
        get: operations["getOrgsOrgIdMacrosMacroId"];
        put?: never;
        post?: never;
        /** Delete a macro (admins); issues it was applied to keep what it did */
        delete: operations["deleteOrgsOrgIdMacrosMacroId"];
        options?: never;
        head?: never;
        /** Change a macro's name, reply or changes (admins); changes replace the stored ones */
        patch: operations["patchOrgsOrgIdMacrosMacroId"];
        trace?: never;
    };
    "/orgs/{orgId}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The org's members */
        get: operations["getOrgsOrgIdMembers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{orgId}/members/{uid}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a member; the last admin cannot be removed */
        delete: operations["deleteOrgsOrgIdMembersUid"];
        options?: never;
        head?: never;
        /** Change a member's role; the last admin cannot be demoted */
        patch: operations["patchOrgsOrgIdMembersUid"];
        trace?: never;
    };
    "/orgs/{orgId}/saved-replies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The org's saved replies, by title (admins and agents) */
        get: operations["getOrgsOrgIdSavedReplies"];
        put?: never;
        /** Save a reply for the team (admins) */
        post: operations["postOrgsOrgIdSavedReplies"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{orgId}/saved-replies/{replyId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One saved reply (admins and agents) */
        get: operations["getOrgsOrgIdSavedRepliesReplyId"];
        put?: never;
        post?: never;
        /** Delete a saved reply (admins); replies already sent keep their text */
        delete: operations["deleteOrgsOrgIdSavedRepliesReplyId"];
        options?: never;
        head?: never;
        /** Change a saved reply's title, text or internal flag (admins) */
        patch: operations["patchOrgsOrgIdSavedRepliesReplyId"];
        trace?: never;
    };
    "/orgs/{orgId}/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The org's settings */
        get: operations["getOrgsOrgIdSettings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change settings; SLA targets and Linear settings merge field by field; a Linear team syncs with one org only (409) */
        patch: operations["patchOrgsOrgIdSettings"];
        trace?: never;
    };
    "/orgs/{orgId}/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Counts by status, priority, category, type, source and service; open per assignee; per day; response and resolution times; SLA compliance */
        get: operations["getOrgsOrgIdStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Problem: {
            detail: string;
            errors?: {
                code?: string;
                message?: string;
                path?: string;
            }[];
            requestId: string;
            status: number;
            title: string;
            type: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Up */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getIntakeSlug: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A document id: 1–1,500 bytes of valid Unicode, no '/', not '.', '..' or '__…__' */
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The org, and the caller's role there (null: raising an issue makes them its customer) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        name: string;
                        orgId: string;
                        role: ("admin" | "agent" | "reporter" | "viewer" | "customer" | "service") | null;
                        slug: string;
                    };
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postInvitesInviteIdAccept: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description A document id: 1–1,500 bytes of valid Unicode, no '/', not '.', '..' or '__…__' */
                inviteId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description The membership */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        orgId: string;
                        orgName: string;
                        /** @enum {string} */
                        role: "admin" | "agent" | "reporter" | "viewer" | "customer" | "service";
                    };
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        email: string | null;
                        /** @description Pending invitations to the caller's address; empty unless Auth verified that address. */
                        invites: {
                            /** Format: date-time */
                            expiresAt: string;
                            id: string;
                            orgId: string;
                            orgName: string;
                            /** @enum {string} */
                            role: "admin" | "agent" | "reporter" | "viewer" | "customer";
                        }[];
                        /** @enum {string} */
                        kind: "user" | "apiKey" | "serviceAccount";
                        memberships: {
                            orgId: string;
                            orgName: string;
                            /** @enum {string} */
                            role: "admin" | "agent" | "reporter" | "viewer" | "customer" | "service";
                        }[];
                        name: string;
                        uid: string;
                    };
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOpenapiJson: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The OpenAPI document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postOrgs: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    slug?: string;
                };
            };
        };
        responses: {
            /** @description The new org */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        /** @enum {string} */
                        role?: "admin" | "agent" | "reporter" | "viewer" | "customer" | "service";
                        slug: string;
                    };
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOrgsOrgId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A document id: 1–1,500 bytes of valid Unicode, no '/', not '.', '..' or '__…__' */
                orgId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The org */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        /** @enum {string} */
                        role?: "admin" | "agent" | "reporter" | "viewer" | "customer" | "service";
                        slug: string;
                    };
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patchOrgsOrgId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A document id: 1–1,500 bytes of valid Unicode, no '/', not '.', '..' or '__…__' */
                orgId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    slug?: string;
                };
            };
        };
        responses: {
            /** @description The org */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        /** @enum {string} */
                        role?: "admin" | "agent" | "reporter" | "viewer" | "customer" | "service";
                        slug: string;
                    };
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOrgsOrgIdApiKeys: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A document id: 1–1,500 bytes of valid Unicode, no '/', not '.', '..' or '__…__' */
                orgId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Keys */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: string;
                            id: string;
                            /** @description The whole key: shown once, when the key is created. */
                            key?: string;
                            lastUsedAt: string | null;
                            name: string;
                            prefix: string;
                            revokedAt: string | null;
                            /** @enum {string} */
                            role: "admin" | "agent" | "reporter" | "viewer" | "customer" | "service";
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postOrgsOrgIdApiKeys: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description A document id: 1–1,500 bytes of valid Unicode, no '/', not '.', '..' or '__…__' */
                orgId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    /**
                     * @default service
                     * @enum {string}
                     */
                    role?: "service" | "agent" | "reporter" | "viewer";
                };
            };
        };
        responses: {
            /** @description The key, with its secret */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        createdAt: string;
                        createdBy: string;
                        id: string;
                        /** @description The whole key: shown once, when the key is created. */
                        key?: string;
                        lastUsedAt: string | null;
                        name: string;
                        prefix: string;
                        revokedAt: string | null;
                        /** @enum {string} */
                        role: "admin" | "agent" | "reporter" | "viewer" | "customer" | "service";
                    };
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOrgsOrgIdApiKeysKeyId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A document id: 1–1,500 bytes of valid Unicode, no '/', not '.', '..' or '__…__' */
                keyId: string;
                /** @description A document id: 1–1,500 bytes of valid Unicode, no '/', not '.', '..' or '__…__' */
                orgId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The key */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        createdAt: string;
                        createdBy: string;
                        id: string;
                        /** @description The whole key: shown once, when the key is created. */
                        key?: string;
                        lastUsedAt: string | null;
                        name: string;
                        prefix: string;
                        revokedAt: string | null;
                        /** @enum {string} */
                        role: "admin" | "agent" | "reporter" | "viewer" | "customer" | "service";
                    };
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteOrgsOrgIdApiKeysKeyId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A document id: 1–1,500 bytes of valid Unicode, no '/', not '.', '..' or '__…__' */
                keyId: string;
                /** @description A document id: 1–1,500 bytes of valid Unicode, no '/', not '.', '..' or '__…__' */
                orgId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The revoked key */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        createdAt: string;
                        createdBy: string;
                        id: string;
                        /** @description The whole key: shown once, when the key is created. */
                        key?: string;
                        lastUsedAt: string | null;
                        name: string;
                        prefix: string;
                        revokedAt: string | null;
                        /** @enum {string} */
                        role: "admin" | "agent" | "reporter" | "viewer" | "customer" | "service";
                    };
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOrgsOrgIdInvites: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A document id: 1–1,500 bytes of valid Unicode, no '/', not '.', '..' or '__…__' */
                orgId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Invitations */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            acceptedAt: string | null;
                            createdAt: string | null;
                            email: string;
                            /** Format: date-time */
                            expiresAt: string;
                            id: string;
                            invitedBy: string;
                            /** @enum {string} */
                            role: "admin" | "agent" | "reporter" | "viewer" | "customer";
                            /** @enum {string} */
                            status: "pending" | "expired" | "accepted";
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postOrgsOrgIdInvites: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description A document id: 1–1,500 bytes of valid Unicode, no '/', not '.', '..' or '__…__' */
                orgId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                    /** @enum {string} */
                    role: "admin" | "agent" | "reporter" | "viewer" | "customer";
                };
            };
        };
        responses: {
            /** @description The invitation (the same shape whether or not the address has an account) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        email: string;
                        /** Format: date-time */
                        expiresAt: string;
                        id: string;
                        /** @enum {string} */
                        role: "admin" | "agent" | "reporter" | "viewer" | "customer";
                    };
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteOrgsOrgIdInvitesInviteId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A document id: 1–1,500 bytes of valid Unicode, no '/', not '.', '..' or '__…__' */
                inviteId: string;
                /** @description A document id: 1–1,500 bytes of valid Unicode, no '/', not '.', '..' or '__…__' */
                orgId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Authentication required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOrgsOrgIdIssues: {
        parameters: {
            query?: {
                assignee?: string;
                category?: "general" | "quality" | "delivery" | "billing" | "communication" | "technical" | "other";
                cursor?: string;
                deleted?: "true" | "false";
                limit?: number;
                order?: string;
                priority?: "low" | "medium" | "high" | "urgent" | "critical";
                q?: string;
                service?: string;
                sla?: "at_risk" | "breached";
                sort?: "number" | "-number" | "createdAt" | "-createdAt" | "updatedAt" | "-updatedAt" | "priority" | "-priority" | "due" | "-due";
                source?: "internal" | "client" | "service" | "linear";
                status?: string;
                tag?: string;
                type?: "bug" | "feature" | "task" | "enhancement";
                vendor?: string;
            };
            header?: never;
            path: {
                /** @description A document id: 1–1,500 bytes of valid Unicode, no '/', not '.', '..' or '__…__' */
                orgId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of issues */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: ({
                            assignee: {
                                name: string;
                                uid: string;
                            } | null;
                            /** @enum {string} */
                            category: "general" | "quality" | "delivery" | "billing" | "communication" | "technical" | "other";
                            channel: ("web" | "portal" | "email" | "api" | "linear") | null;
                            clockStops: {
                                /** Format: date-time */
                                from: string;
                                to: string | null;
                            }[] | null;
                            closedAt: string | null;
                            commentCount: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description Only on a service's log with a fingerprint: true when it joined an open issue */
                            deduplicated?: boolean;
                            deleted: boolean;
                            deletedAt: string | null;
                            deletedBy: {
                                /** @enum {string} */
                                kind: "member" | "customer" | "service" | "linear" | "system";
                                name: string;
                                uid: string;
                                via?: {
                                    /** @enum {string} */
                                    kind: "macro" | "round_robin" | "auto_close";
                                    name: string;
                                };
                            } | null;
                            /** @description Markdown */
                            description: string;
                            fingerprint: string | null;
                            firstResponseAt: string | null;
                            id: string;
                            lastActor: {
                                /** @enum {string} */
                                kind: "member" | "customer" | "service" | "linear" | "system";
                                name: string;
                                uid: string;
                                via?: {
                                    /** @enum {string} */
                                    kind: "macro" | "round_robin" | "auto_close";
                                    name: string;
                                };
                            };
                            /** Format: date-time */
                            lastSeenAt: string;
                            linear: {
                                /** @description Why the last push failed; cleared by a push that succeeds */
                                error: {
                                    /** Format: date-time */
                                    at: string;
                                    attempts: number;
                                    code: string;
                                    message: string;
                                } | null;
                                id: string;
                                /** @description ENG-123; null until Linear has the issue */
                                identifier: string | null;
                                remoteFieldAt: {
                                    [key: string]: number;
                                } | null;
                                remoteUpdatedAt: string | null;
                                /** @description The Linear state's type; `pending` before the issue exists there, `deleted` once removed there */
                                state: string;
                                stateId: string | null;
                                stateName: string | null;
                                syncedAt: string | null;
                                syncedFields: {
                                    [key: string]: string;
                                } | null;
                                syncedVersion: number;
                                url: string | null;
                            } | null;
                            metrics: {
                                firstResponseMs: number | null;
                                resolutionMs: number | null;
                            };
                            /** @description ISS-{YYYY}-{NNNN}; null until the allocator numbers the issue */
                            number: string | null;
                            occurrences: number;
                            order: {
                                id: string;
                                ref: string;
                            } | null;
                            orgId: string;
                            /** @enum {string} */
                            priority: "low" | "medium" | "high" | "urgent" | "critical";
                            publicCommentCount: number;
                            raisedByCustomer: boolean;
                            reporter: {
                                /** @enum {string} */
                                kind: "member" | "customer" | "service" | "linear" | "system";
                                name: string;
                                service?: string;
                                uid: string;
                                via?: {
                                    /** @enum {string} */
                                    kind: "macro" | "round_robin" | "auto_close";
                                    name: string;
                                };
                            };
                            resolution: {
                                /** Format: date-time */
                                at: string;
                                by: {
                                    /** @enum {string} */
                                    kind: "member" | "customer" | "service" | "linear" | "system";
                                    name: string;
                                    uid: string;
                                    via?: {
                                        /** @enum {string} */
                                        kind: "macro" | "round_robin" | "auto_close";
                                        name: string;
                                    };
                                };
                                /** @description Public: the customer reads them */
                                notes: string;
                            } | null;
                            resolvedAt: string | null;
                            seq: number | null;
                            sla: {
                                /** @default false */
                                atRisk: boolean;
                                /** @default null */
                                atRiskAt: string | null;
                                /** @default false */
                                atRiskPending: boolean;
                                breached: boolean;
                                /**
                                 * @default calendar
                                 * @enum {string}
                                 */
                                clock: "business" | "calendar";
                                /** @default false */
                                firstResponseAtRisk: boolean;
                                firstResponseBreached: boolean;
                                /** Format: date-time */
                                firstResponseDueAt: string;
                                firstResponseMins: number;
                                firstResponsePending: boolean;
                                /** @default null */
                                hours: {
                                    holidays: string[];
                                    timezone: string;
                                    week: {
                                        fri: [
                                            string,
                                            string
                                        ][];
                                        mon: [
                                            string,
                                            string
                                        ][];
                                        sat: [
                                            string,
                                            string
                                        ][];
                                        sun: [
                                            string,
                                            string
                                        ][];
                                        thu: [
                                            string,
                                            string
                                        ][];
                                        tue: [
                                            string,
                                            string
                                        ][];
                                        wed: [
                                            string,
                                            string
                                        ][];
                                    };
                                } | null;
                                /** @default null */
                                nextDueAt: string | null;
                                pausedAt: string | null;
                                pausedMs: number;
                                /** @enum {string} */
                                priority: "low" | "medium" | "high" | "urgent" | "critical";
                                /** @default false */
                                resolutionAtRisk: boolean;
                                resolutionBreached: boolean;
                                /** Format: date-time */
                                resolutionDueAt: string;
                                resolutionMins: number;
                                resolutionPending: boolean;
                                running: boolean;
                            } | null;
                            /** @enum {string} */
                            source: "internal" | "client" | "service" | "linear";
                            /** @enum {string} */
                            status: "open" | "answered" | "in_progress" | "on_hold" | "waiting_for_response" | "resolved" | "closed";
                            statusChangedAt: string | null;
                            tags: string[];
                            title: string;
                            /** @enum {string} */
                            type: "bug" | "feature" | "task" | "enhancement";
                            /** Format: date-time */
                            updatedAt: string;
                            vendor: {
                                id: string;
                                name: string;
                            } | null;
                            version: number;
                            watchers: string[];
                            year: number | null;
                        } | {
                            assignee: {
                                name: string;
                            } | null;
                            /** @enum {string} */
                            category: "general" | "quality" | "delivery" | "billing" | "communication" | "technical" | "other";
                            closedAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description Markdown */
                            description: string;
                            /** @description The issue's document id */
                            issueId: string;
                            /** @description ISS-{YYYY}-{NNNN}; null until the allocator numbers the issue */
                            number: string | null;
                            order: {
                                id: string;
                                ref: string;
                            } | null;
                            orgId: string;
                            orgName: string;
                            /** @enum {string} */
                            priority: "low" | "medium" | "high" | "urgent" | "critical";
                            publicCommentCount: number;
                            resolution: {
                                /** Format: date-time */
                                at: string;
                                /** @description Public: the customer reads them */
                                notes: string;
                            } | null;
                            resolvedAt: string | null;
                            /** @enum {string} */
                            status: "open" | "answered" | "in_progress" | "on_hold" | "waiting_for_response" | "resolved" | "closed";
                            title: string;
                            /** @enum {string} */
                            type: "bug" | "feature" | "task" | "enhancement";
                            /** Format: date-time */
                            updatedAt: string;
                            vendor: {
                                id: string;
                                name: string;
                            } | null;
                        })[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postOrgsOrgIdIssues: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description A document id: 1–1,500 bytes of valid Unicode, no '/', not '.', '..' or '__…__' */
                orgId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Staff only: assign the new issue at once to an admin or agent of the org */
                    assigneeUid?: string;
                    /**
                     * @default general
                     * @enum {string}
                     */
                    category?: "general" | "quality" | "delivery" | "billing" | "communication" | "technical" | "other";
                    /** @default  */
                    description?: string;
                    /** @description Services only (API keys and service accounts); from anyone else a 422. Folds repeats of one problem into its open issue */
                    fingerprint?: string;
                    /** @default null */
                    order?: {
                        id: string;
                        ref: string;
                    } | null;
                    /**
                     * @default medium
                     * @enum {string}
                     */
                    priority?: "low" | "medium" | "high" | "urgent" | "critical";
                    service?: string;
                    tags?: string[];
                    title: string;
                    /**
                     * @default task
                     * @enum {string}
                     */
                    type?: "bug" | "feature" | "task" | "enhancement";
                    /** @default null */
                    vendor?: {
                        id: string;
                        name: string;
                    } | null;
                };
            };
        };
        responses: {
            /** @description The new issue, numbered; 200 with deduplicated: true for a repeat */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        assignee: {
                            name: string;
                            uid: string;
                        } | null;
                        /** @enum {string} */
                        category: "general" | "quality" | "delivery" | "billing" | "communication" | "technical" | "other";
                        channel: ("web" | "portal" | "email" | "api" | "linear") | null;
                        clockStops: {
                            /** Format: date-time */
                            from: string;
                            to: string | null;
                        }[] | null;
                        closedAt: string | null;
                        commentCount: number;
                        /** Format: date-time */
                        createdAt: string;
                        /** @description Only on a service's log with a fingerprint: true when it joined an open issue */
                        deduplicated?: boolean;
                        deleted: boolean;
                        deletedAt: string | null;
                        deletedBy: {
                            /** @enum {string} */
                            kind: "member" | "customer" | "service" | "linear" | "system";
                            name: string;
                            uid: string;
                            via?: {
                                /** @enum {string} */
                                kind: "macro" | "round_robin" | "auto_close";
                                name: string;
                            };
                        } | null;
                        /** @description Markdown */
                        description: string;
                        fingerprint: string | null;
                        firstResponseAt: string | null;
                        id: string;
                        lastActor: {
                            /** @enum {string} */
                            kind: "member" | "customer" | "service" | "linear" | "system";
                            name: string;
                            uid: string;
                            via?: {
                                /** @enum {string} */
                                kind: "macro" | "round_robin" | "auto_close";
                                name: string;
                            };
                        };
                        /** Format: date-time */
                        lastSeenAt: string;
                        linear: {
                            /** @description Why the last push failed; cleared by a push that succeeds */
                            error: {
                                /** Format: date-time */
                                at: string;
                                attempts: number;
                                code: string;
                                message: string;
                            } | null;
                            id: string;
                            /** @description ENG-123; null until Linear has the issue */
                            identifier: string | null;
                            remoteFieldAt: {
                                [key: string]: number;
                            } | null;
                            remoteUpdatedAt: string | null;
                            /** @description The Linear state's type; `pending` before the issue exists there, `deleted` once removed there */
                            state: string;
                            stateId: string | null;
                            stateName: string | null;
                            syncedAt: string | null;
                            syncedFields: {
                                [key: string]: string;
                            } | null;
                            syncedVersion: number;
                            url: string | null;
                        } | null;
                        metrics: {
                            firstResponseMs: number | null;
                            resolutionMs: number | null;
                        };
                        /** @description ISS-{YYYY}-{NNNN}; null until the allocator numbers the issue */
                        number: string | null;
                        occurrences: number;
                        order: {
                            id: string;
                            ref: string;
                        } | null;
                        orgId: string;
                        /** @enum {string} */
                        priority: "low" | "medium" | "high" | "urgent" | "critical";
                        publicCommentCount: number;
                        raisedByCustomer: boolean;
                        reporter: {
                            /** @enum {string} */
                            kind: "member" | "customer" | "service" | "linear" | "system";
                            name: string;
                            service?: string;
                            uid: string;
                            via?: {
                                /** @enum {string} */
                                kind: "macro" | "round_robin" | "auto_close";
                                name: string;
                            };
                        };
                        resolution: {
                            /** Format: date-time */
                            at: string;
                            by: {
                                /** @enum {string} */
                                kind: "member" | "customer" | "service" | "linear" | "system";
                                name: string;
                                uid: string;
                                via?: {
                                    /** @enum {string} */
                                    kind: "macro" | "round_robin" | "auto_close";
                                    name: string;
                                };
                            };
                            /** @description Public: the customer reads them */
                            notes: string;
                        } | null;
                        resolvedAt: string | null;
                        seq: number | null;
                        sla: {
                            /** @default false */
                            atRisk: boolean;
                            /** @default null */
                            atRiskAt: string | null;
                            /** @default false */
                            atRiskPending: boolean;
                            breached: boolean;
                            /**
                             * @default calendar
                             * @enum {string}
                             */
                            clock: "business" | "calendar";
                            /** @default false */
                            firstResponseAtRisk: boolean;
                            firstResponseBreached: boolean;
                            /** Format: date-time */
                            firstResponseDueAt: string;
                            firstResponseMins: number;
                            firstResponsePending: boolean;
                            /** @default null */
                            hours: {
                                holidays: string[];
                                timezone: string;
                                week: {
                                    fri: [
                                        string,
                                        string
                                    ][];
                                    mon: [
                                        string,
                                        string
                                    ][];
                                    sat: [
                                        string,
                                        string
                                    ][];
                                    sun: [
                                        string,
                                        string
                                    ][];
                                    thu: [
                                        string,
                                        string
                                    ][];
                                    tue: [
                                        string,
                                        string
                                    ][];
                                    wed: [
                                        string,
                                        string
                                    ][];
                                };
                            } | null;
                            /** @default null */
                            nextDueAt: string | null;
                            pausedAt: string | null;
                            pausedMs: number;
                            /** @enum {string} */
                            priority: "low" | "medium" | "high" | "urgent" | "critical";
                            /** @default false */
                            resolutionAtRisk: boolean;
                            resolutionBreached: boolean;
                            /** Format: date-time */
                            resolutionDueAt: string;
                            resolutionMins: number;
                            resolutionPending: boolean;
                            running: boolean;
                        } | null;
                        /** @enum {string} */
                        source: "internal" | "client" | "service" | "linear";
                        /** @enum {string} */
                        status: "open" | "answered" | "in_progress" | "on_hold" | "waiting_for_response" | "resolved" | "closed";
                        statusChangedAt: string | null;
                        tags: string[];
                        title: string;
                        /** @enum {string} */
                        type: "bug" | "feature" | "task" | "enhancement";
                        /** Format: date-time */
                        updatedAt: string;
                        vendor: {
                            id: string;
                            name: string;
                        } | null;
                        version: number;
                        watchers: string[];
                        year: number | null;
                    } | {
                        assignee: {
                            name: string;
                        } | null;
                        /** @enum {string} */
                        category: "general" | "quality" | "delivery" | "billing" | "communication" | "technical" | "other";
                        closedAt: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** @description Markdown */
                        description: string;
                        /** @description The issue's document id */
                        issueId: string;
                        /** @description ISS-{YYYY}-{NNNN}; null until the allocator numbers the issue */
                        number: string | null;
                        order: {
                            id: string;
                            ref: string;
                        } | null;
                        orgId: string;
                        orgName: string;
                        /** @enum {string} */
                        priority: "low" | "medium" | "high" | "urgent" | "critical";
                        publicCommentCount: number;
                        resolution: {
                            /** Format: date-time */
                            at: string;
                            /** @description Public: the customer reads them */
                            notes: string;
                        } | null;
                        resolvedAt: string | null;
                        /** @enum {string} */
                        status: "open" | "answered" | "in_progress" | "on_hold" | "waiting_for_response" | "resolved" | "closed";
                        title: string;
                        /** @enum {string} */
                        type: "bug" | "feature" | "task" | "enhancement";
                        /** Format: date-time */
                        updatedAt: string;
                        vendor: {
                            id: string;
                            name: string;
                        } | null;
                    };
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postOrgsOrgIdIssuesbulk: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description A document id: 1–1,500 bytes of valid Unicode, no '/', not '.', '..' or '__…__' */
                orgId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    change: {
                        /** @description A comment: internal when the team writes it (the customer never reads it, whatever the target status); public when a customer does */
                        note?: string;
                        /**
                         * @description The target; `resolved` goes through POST …/resolve with public notes instead
                         * @enum {string}
                         */
                        status: "open" | "answered" | "in_progress" | "on_hold" | "waiting_for_response" | "resolved" | "closed";
                    } | {
                        /** @enum {string} */
                        priority: "low" | "medium" | "high" | "urgent" | "critical";
                    } | {
                        assigneeUid: string | null;
                    } | {
                        tags: {
                            add?: string[];
                            remove?: string[];
                        };
                    } | {
                        /** @enum {string} */
                        category: "general" | "quality" | "delivery" | "billing" | "communication" | "technical" | "other";
                    } | {
                        /** @constant */
                        delete: true;
                    } | {
                        /** @constant */
                        restore: true;
                    } | {
                        /** @description A Firestore document id */
                        macroId: string;
                    };
                    ids: string[];
                };
            };
        };
        responses: {
            /** @description One result per id, in the order given */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        results: {
                            id: string;
                            issue?: {
                                assignee: {
                                    name: string;
                                    uid: string;
                                } | null;
                                /** @enum {string} */
                                category: "general" | "quality" | "delivery" | "billing" | "communication" | "technical" | "other";
                                channel: ("web" | "portal" | "email" | "api" | "linear") | null;
                                clockStops: {
                                    /** Format: date-time */
                                    from: string;
                                    to: string | null;
                                }[] | null;
                                closedAt: string | null;
                                commentCount: number;
                                /** Format: date-time */
                                createdAt: string;
                                /** @description Only on a service's log with a fingerprint: true when it joined an open issue */
                                deduplicated?: boolean;
                                deleted: boolean;
                                deletedAt: string | null;
                                deletedBy: {
                                    /** @enum {string} */
                                    kind: "member" | "customer" | "service" | "linear" | "system";
                                    name: string;
                                    uid: string;
                                    via?: {
                                        /** @enum {string} */
                                        kind: "macro" | "round_robin" | "auto_close";
                                        name: string;
                                    };
                                } | null;
                                /** @description Markdown */
                                description: string;
                                fingerprint: string | null;
                                firstResponseAt: string | null;
                                id: string;
                                lastActor: {
                                    /** @enum {string} */
                                    kind: "member" | "customer" | "service" | "linear" | "system";
                                    name: string;
                                    uid: string;
                                    via?: {
                                        /** @enum {string} */
                                        kind: "macro" | "round_robin" | "auto_close";
                                        name: string;
                                    };
                                };
                                /** Format: date-time */
                                lastSeenAt: string;
                                linear: {
                                    /** @description Why the last push failed; cleared by a push that succeeds */
                                    error: {
                                        /** Format: date-time */
                                        at: string;
                                        attempts: number;
                                        code: string;
                                        message: string;
                                    } | null;
                                    id: string;
                                    /** @description ENG-123; null until Linear has the issue */
                                    identifier: string | null;
                                    remoteFieldAt: {
                                        [key: string]: number;
                                    } | null;
                                    remoteUpdatedAt: string | null;
                                    /** @description The Linear state's type; `pending` before the issue exists there, `deleted` once removed there */
                                    state: string;
                                    stateId: string | null;
                                    stateName: string | null;
                                    syncedAt: string | null;
                                    syncedFields: {
                                        [key: string]: string;
                                    } | null;
                                    syncedVersion: number;
                                    url: string | null;
                                } | null;
                                metrics: {
                                    firstResponseMs: number | null;
                                    resolutionMs: number | null;
                                };
                                /** @description ISS-{YYYY}-{NNNN}; null until the allocator numbers the issue */
                                number: string | null;
                                occurrences: number;
                                order: {
                                    id: string;
                                    ref: string;
                                } | null;
                                orgId: string;
                                /** @enum {string} */
                                priority: "low" | "medium" | "high" | "urgent" | "critical";
                                publicCommentCount: number;
                                raisedByCustomer: boolean;
                                reporter: {
                                    /** @enum {string} */
                                    kind: "member" | "customer" | "service" | "linear" | "system";
                                    name: string;
                                    service?: string;
                                    uid: string;
                                    via?: {
                                        /** @enum {string} */
                                        kind: "macro" | "round_robin" | "auto_close";
                                        name: string;
                                    };
                                };
                                resolution: {
                                    /** Format: date-time */
                                    at: string;
                                    by: {
                                        /** @enum {string} */
                                        kind: "member" | "customer" | "service" | "linear" | "system";
                                        name: string;
                                        uid: string;
                                        via?: {
                                            /** @enum {string} */
                                            kind: "macro" | "round_robin" | "auto_close";
                                            name: string;
                                        };
                                    };
                                    /** @description Public: the customer reads them */
                                    notes: string;
                                } | null;
                                resolvedAt: string | null;
                                seq: number | null;
                                sla: {
                                    /** @default false */
                                    atRisk: boolean;
                                    /** @default null */
                                    atRiskAt: string | null;
                                    /** @default false */
                                    atRiskPending: boolean;
                                    breached: boolean;
                                    /**
                                     * @default calendar
                                     * @enum {string}
                                     */
                                    clock: "business" | "calendar";
                                    /** @default false */
                                    firstResponseAtRisk: boolean;
                                    firstResponseBreached: boolean;
                                    /** Format: date-time */
                                    firstResponseDueAt: string;
                                    firstResponseMins: number;
                                    firstResponsePending: boolean;
                                    /** @default null */
                                    hours: {
                                        holidays: string[];
                                        timezone: string;
                                        week: {
                                            fri: [
                                                string,
                                                string
                                            ][];
                                            mon: [
                                                string,
                                                string
                                            ][];
                                            sat: [
                                                string,
                                                string
                                            ][];
                                            sun: [
                                                string,
                                                string
                                            ][];
                                            thu: [
                                                string,
                                                string
                                            ][];
                                            tue: [
                                                string,
                                                string
                                            ][];
                                            wed: [
                                                string,
                                                string
                                            ][];
                                        };
                                    } | null;
                                    /** @default null */
                                    nextDueAt: string | null;
                                    pausedAt: string | null;
                                    pausedMs: number;
                                    /** @enum {string} */
                                    priority: "low" | "medium" | "high" | "urgent" | "critical";
                                    /** @default false */
                                    resolutionAtRisk: boolean;
                                    resolutionBreached: boolean;
                                    /** Format: date-time */
                                    resolutionDueAt: string;
                                    resolutionMins: number;
                                    resolutionPending: boolean;
                                    running: boolean;
                                } | null;
                                /** @enum {string} */
                                source: "internal" | "client" | "service" | "linear";
                                /** @enum {string} */
                                status: "open" | "answered" | "in_progress" | "on_hold" | "waiting_for_response" | "resolved" | "closed";
                                statusChangedAt: string | null;
                                tags: string[];
                                title: string;
                                /** @enum {string} */
                                type: "bug" | "feature" | "task" | "enhancement";
                                /** Format: date-time */
                                updatedAt: string;
                                vendor: {
                                    id: string;
                                    name: string;
                                } | null;
                                version: number;
                                watchers: string[];
                                year: number | null;
                            } | {
                                assignee: {
                                    name: string;
                                } | null;
                                /** @enum {string} */
                                category: "general" | "quality" | "delivery" | "billing" | "communication" | "technical" | "other";
                                closedAt: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** @description Markdown */
                                description: string;
                                /** @description The issue's document id */
                                issueId: string;
                                /** @description ISS-{YYYY}-{NNNN}; null until the allocator numbers the issue */
                                number: string | null;
                                order: {
                                    id: string;
                                    ref: string;
                                } | null;
                                orgId: string;
                                orgName: string;
                                /** @enum {string} */
                                priority: "low" | "medium" | "high" | "urgent" | "critical";
                                publicCommentCount: number;
                                resolution: {
                                    /** Format: date-time */
                                    at: string;
                                    /** @description Public: the customer reads them */
                                    notes: string;
                                } | null;
                                resolvedAt: string | null;
                                /** @enum {string} */
                                status: "open" | "answered" | "in_progress" | "on_hold" | "waiting_for_response" | "resolved" | "closed";
                                title: string;
                                /** @enum {string} */
                                type: "bug" | "feature" | "task" | "enhancement";
                                /** Format: date-time */
                                updatedAt: string;
                                vendor: {
                                    id: string;
                                    name: string;
                                } | null;
                            };
                            problem?: {
                                detail: string;
                                errors?: {
                                    code: string;
                                    message: string;
                                    path: string;
                                }[];
                                status: number;
                                title: string;
                                type: string;
                            } & {
                                [key: string]: unknown;
                            };
                            status: number;
                        }[];
                        summary: {
                            failed: number;
                            succeeded: number;
                        };
                    };
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteOrgsOrgIdIssuesId: {
        parameters: {
            query?: {
                permanent?: "true" | "false";
            };
            header?: never;
            path: {
                /** @description A document id: 1–1,500 bytes of valid Unicode, no '/', not '.', '..' or '__…__' */
                id: string;
                /** @description A document id: 1–1,500 bytes of valid Unicode, no '/', not '.', '..' or '__…__' */
                orgId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The soft-deleted issue */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        assignee: {
                            name: string;
                            uid: string;
                        } | null;
                        /** @enum {string} */
                        category: "general" | "quality" | "delivery" | "billing" | "communication" | "technical" | "other";
                        channel: ("web" | "portal" | "email" | "api" | "linear") | null;
                        clockStops: {
                            /** Format: date-time */
                            from: string;
                            to: string | null;
                        }[] | null;
                        closedAt: string | null;
                        commentCount: number;
                        /** Format: date-time */
                        createdAt: string;
                        /** @description Only on a service's log with a fingerprint: true when it joined an open issue */
                        deduplicated?: boolean;
                        deleted: boolean;
                        deletedAt: string | null;
                        deletedBy: {
                            /** @enum {string} */
                            kind: "member" | "customer" | "service" | "linear" | "system";
                            name: string;
                            uid: string;
                            via?: {
                                /** @enum {string} */
                                kind: "macro" | "round_robin" | "auto_close";
                                name: string;
                            };
                        } | null;
                        /** @description Markdown */
                        description: string;
                        fingerprint: string | null;
                        firstResponseAt: string | null;
                        id: string;
                        lastActor: {
                            /** @enum {string} */
                            kind: "member" | "customer" | "service" | "linear" | "system";
                            name: string;
                            uid: string;
                            via?: {
                                /** @enum {string} */
                                kind: "macro" | "round_robin" | "auto_close";
                                name: string;
                            };
                        };
                        /** Format: date-time */
                        lastSeenAt: string;
                        linear: {
                            /** @description Why the last push failed; cleared by a push that succeeds */
                            error: {
                                /** Format: date-time */
                                at: string;
                                attempts: number;
                                code: string;
                                message: string;
                            } | null;
                            id: string;
                            /** @description ENG-123; null until Linear has the issue */
                            identifier: string | null;
                            remoteFieldAt: {
                                [key: string]: number;
                            } | null;
                            remoteUpdatedAt: string | null;
                            /** @description The Linear state's type; `pending` before the issue exists there, `deleted` once removed there */
                            state: string;
                            stateId: string | null;
                            stateName: string | null;
                            syncedAt: string | null;
                            syncedFields: {
                                [key: string]: string;
                            } | null;
                            syncedVersion: number;
                            url: string | null;
                        } | null;
                        metrics: {
                            firstResponseMs: number | null;
                            resolutionMs: number | null;
                        };
                        /** @description ISS-{YYYY}-{NNNN}; null until the allocator numbers the issue */
                        number: string | null;
                        occurrences: number;
                        order: {
                            id: string;
                            ref: string;
                        } | null;
                        orgId: string;
                        /** @enum {string} */
                        priority: "low" | "medium" | "high" | "urgent" | "critical";
                        publicCommentCount: number;
                        raisedByCustomer: boolean;
                        reporter: {
                            /** @enum {string} */
                            kind: "member" | "customer" | "service" | "linear" | "system";
                            name: string;
                            service?: string;
                            uid: string;
                            via?: {
                                /** @enum {string} */
                                kind: "macro" | "round_robin" | "auto_close";
                                name: string;
                            };
                        };
                        resolution: {
                            /** Format: date-time */
                            at: string;
                            by: {
                                /** @enum {string} */
                                kind: "member" | "customer" | "service" | "linear" | "system";
                                name: string;
                                uid: string;
                                via?: {
                                    /** @enum {string} */
                                    kind: "macro" | "round_robin" | "auto_close";
                                    name: string;
                                };
                            };
                            /** @description Public: the customer reads them */
                            notes: string;
                        } | null;
                        resolvedAt: string | null;
                        seq: number | null;
                        sla: {
                            /** @default false */
                            atRisk: boolean;
                            /** @default null */
                            atRiskAt: string | null;
                            /** @default false */
                            atRiskPending: boolean;
                            breached: boolean;
                            /**
                             * @default calendar
                             * @enum {string}
                             */
                            clock: "business" | "calendar";
                            /** @default false */
                            firstResponseAtRisk: boolean;
                            firstResponseBreached: boolean;
                            /** Format: date-time */
                            firstResponseDueAt: string;
                            firstResponseMins: number;
                            firstResponsePending: boolean;
                            /** @default null */
                            hours: {
                                holidays: string[];
                                timezone: string;
                                week: {
                                    fri: [
                                        string,
                                        string
                                    ][];
                                    mon: [
                                        string,
                                        string
                                    ][];
                                    sat: [
                                        string,
                                        string
                                    ][];
                                    sun: [
                                        string,
                                        string
                                    ][];
                                    thu: [
                                        string,
                                        string
                                    ][];
                                    tue: [
                                        string,
                                        string
                                    ][];
                                    wed: [
                                        string,
                                        string
                                    ][];
                                };
                            } | null;
                            /** @default null */
                            nextDueAt: string | null;
                            pausedAt: string | null;
                            pausedMs: number;
                            /** @enum {string} */
                            priority: "low" | "medium" | "high" | "urgent" | "critical";
                            /** @default false */
                            resolutionAtRisk: boolean;
                            resolutionBreached: boolean;
                            /** Format: date-time */
                            resolutionDueAt: string;
                            resolutionMins: number;
                            resolutionPending: boolean;
                            running: boolean;
                        } | null;
                        /** @enum {string} */
                        source: "internal" | "client" | "service" | "linear";
                        /** @enum {string} */
                        status: "open" | "answered" | "in_progress" | "on_hold" | "waiting_for_response" | "resolved" | "closed";
                        statusChangedAt: string | null;
                        tags: string[];
                        title: string;
                        /** @enum {string} */
                        type: "bug" | "feature" | "task" | "enhancement";
                        /** Format: date-time */
                        updatedAt: string;
                        vendor: {
                            id: string;
                            name: string;
                        } | null;
                        version: number;
                        watchers: string[];
                        year: number | null;
                    } | {
                        assignee: {
                            name: string;
                        } | null;
                        /** @enum {string} */
                        category: "general" | "quality" | "delivery" | "billing" | "communication" | "technical" | "other";
                        closedAt: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** @description Markdown */
                        description: string;
                        /** @description The issue's document id */
                        issueId: string;
                        /** @description ISS-{YYYY}-{NNNN}; null until the allocator numbers the issue */
                        number: string | null;
                        order: {
                            id: string;
                            ref: string;
                        } | null;
                        orgId: string;
                        orgName: string;
                        /** @enum {string} */
                        priority: "low" | "medium" | "high" | "urgent" | "critical";
                        publicCommentCount: number;
                        resolution: {
                            /** Format: date-time */
                            at: string;
                            /** @description Public: the customer reads them */
                            notes: string;
                        } | null;
                        resolvedAt: string | null;
                        /** @enum {string} */
                        status: "open" | "answered" | "in_progress" | "on_hold" | "waiting_for_response" | "resolved" | "closed";
                        title: string;
                        /** @enum {string} */
                        type: "bug" | "feature" | "task" | "enhancement";
                        /** Format: date-time */
                        updatedAt: string;
                        vendor: {
                            id: string;
                            name: string;
                        } | null;
                    };
                };
            };
            /** @description Erased (permanent=true) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Authentication required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patchOrgsOrgIdIssuesId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A document id: 1–1,500 bytes of valid Unicode, no '/', not '.', '..' or '__…__' */
                id: string;
                /** @description A document id: 1–1,500 bytes of valid Unicode, no '/', not '.', '..' or '__…__' */
                orgId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    category?: "general" | "quality" | "delivery" | "billing" | "communication" | "technical" | "other";
                    description?: string;
                    order?: {
                        id: string;
                        ref: string;
                    } | null;
                    /** @enum {string} */
                    priority?: "low" | "medium" | "high" | "urgent" | "critical";
                    tags?: string[];
                    title?: string;
                    /** @enum {string} */
                    type?: "bug" | "feature" | "task" | "enhancement";
                    vendor?: {
                        id: string;
                        name: string;
                    } | null;
                };
            };
        };
        responses: {
            /** @description The issue */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        assignee: {
                            name: string;
                            uid: string;
                        } | null;
                        /** @enum {string} */
                        category: "general" | "quality" | "delivery" | "billing" | "communication" | "technical" | "other";
                        channel: ("web" | "portal" | "email" | "api" | "linear") | null;
                        clockStops: {
                            /** Format: date-time */
                            from: string;
                            to: string | null;
                        }[] | null;
                        closedAt: string | null;
                        commentCount: number;
                        /** Format: date-time */
                        createdAt: string;
                        /** @description Only on a service's log with a fingerprint: true when it joined an open issue */
                        deduplicated?: boolean;
                        deleted: boolean;
                        deletedAt: string | null;
                        deletedBy: {
                            /** @enum {string} */
                            kind: "member" | "customer" | "service" | "linear" | "system";
                            name: string;
                            uid: string;
                            via?: {
                                /** @enum {string} */
                                kind: "macro" | "round_robin" | "auto_close";
                                name: string;
                            };
                        } | null;
                        /** @description Markdown */
                        description: string;
                        fingerprint: string | null;
                        firstResponseAt: string | null;
                        id: string;
                        lastActor: {
                            /** @enum {string} */
                            kind: "member" | "customer" | "service" | "linear" | "system";
                            name: string;
                            uid: string;
                            via?: {
                                /** @enum {string} */
                                kind: "macro" | "round_robin" | "auto_close";
                                name: string;
                            };
                        };
                        /** Format: date-time */
                        lastSeenAt: string;
                        linear: {
                            /** @description Why the last push failed; cleared by a push that succeeds */
                            error: {
                                /** Format: date-time */
                                at: string;
                                attempts: number;
                                code: string;
                                message: string;
                            } | null;
                            id: string;
                            /** @description ENG-123; null until Linear has the issue */
                            identifier: string | null;
                            remoteFieldAt: {
                                [key: string]: number;
                            } | null;
                            remoteUpdatedAt: string | null;
                            /** @description The Linear state's type; `pending` before the issue exists there, `deleted` once removed there */
                            state: string;
                            stateId: string | null;
                            stateName: string | null;
                            syncedAt: string | null;
                            syncedFields: {
                                [key: string]: string;
                            } | null;
                            syncedVersion: number;
                            url: string | null;
                        } | null;
                        metrics: {
                            firstResponseMs: number | null;
                            resolutionMs: number | null;
                        };
                        /** @description ISS-{YYYY}-{NNNN}; null until the allocator numbers the issue */
                        number: string | null;
                        occurrences: number;
                        order: {
                            id: string;
                            ref: string;
                        } | null;
                        orgId: string;
                        /** @enum {string} */
                        priority: "low" | "medium" | "high" | "urgent" | "critical";
                        publicCommentCount: number;
                        raisedByCustomer: boolean;
                        reporter: {
                            /** @enum {string} */
                            kind: "member" | "customer" | "service" | "linear" | "system";
                            name: string;
                            service?: string;
                            uid: string;
                            via?: {
                                /** @enum {string} */
                                kind: "macro" | "round_robin" | "auto_close";
                                name: string;
                            };
                        };
                        resolution: {
                            /** Format: date-time */
                            at: string;
                            by: {
                                /** @enum {string} */
                                kind: "member" | "customer" | "service" | "linear" | "system";
                                name: string;
                                uid: string;
                                via?: {
                                    /** @enum {string} */
                                    kind: "macro" | "round_robin" | "auto_close";
                                    name: string;
                                };
                            };
                            /** @description Public: the customer reads them */
                            notes: string;
                        } | null;
                        resolvedAt: string | null;
                        seq: number | null;
                        sla: {
                            /** @default false */
                            atRisk: boolean;
                            /** @default null */
                            atRiskAt: string | null;
                            /** @default false */
                            atRiskPending: boolean;
                            breached: boolean;
                            /**
                             * @default calendar
                             * @enum {string}
                             */
                            clock: "business" | "calendar";
                            /** @default false */
                            firstResponseAtRisk: boolean;
                            firstResponseBreached: boolean;
                            /** Format: date-time */
                            firstResponseDueAt: string;
                            firstResponseMins: number;
                            firstResponsePending: boolean;
                            /** @default null */
                            hours: {
                                holidays: string[];
                                timezone: string;
                                week: {
                                    fri: [
                                        string,
                                        string
                                    ][];
                                    mon: [
                                        string,
                                        string
                                    ][];
                                    sat: [
                                        string,
                                        string
                                    ][];
                                    sun: [
                                        string,
                                        string
                                    ][];
                                    thu: [
                                        string,
                                        string
                                    ][];
                                    tue: [
                                        string,
                                        string
                                    ][];
                                    wed: [
                                        string,
                                        string
                                    ][];
                                };
                            } | null;
                            /** @default null */
                            nextDueAt: string | null;
                            pausedAt: string | null;
                            pausedMs: number;
                            /** @enum {string} */
                            priority: "low" | "medium" | "high" | "urgent" | "critical";
                            /** @default false */
                            resolutionAtRisk: boolean;
                            resolutionBreached: boolean;
                            /** Format: date-time */
                            resolutionDueAt: string;
                            resolutionMins: number;
                            resolutionPending: boolean;
                            running: boolean;
                        } | null;
                        /** @enum {string} */
                        source: "internal" | "client" | "service" | "linear";
                        /** @enum {string} */
                        status: "open" | "answered" | "in_progress" | "on_hold" | "waiting_for_response" | "resolved" | "closed";
                        statusChangedAt: string | null;
                        tags: string[];
                        title: string;
                        /** @enum {string} */
                        type: "bug" | "feature" | "task" | "enhancement";
                        /** Format: date-time */
                        updatedAt: string;
                        vendor: {
                            id: string;
                            name: string;
                        } | null;
                        version: number;
                        watchers: string[];
                        year: number | null;
                    } | {
                        assignee: {
                            name: string;
                        } | null;
                        /** @enum {string} */
                        category: "general" | "quality" | "delivery" | "billing" | "communication" | "technical" | "other";
                        closedAt: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** @description Markdown */
                        description: string;
                        /** @description The issue's document id */
                        issueId: string;
                        /** @description ISS-{YYYY}-{NNNN}; null until the allocator numbers the issue */
                        number: string | null;
                        order: {
                            id: string;
                            ref: string;
                        } | null;
                        orgId: string;
                        orgName: string;
                        /** @enum {string} */
                        priority: "low" | "medium" | "high" | "urgent" | "critical";
                        publicCommentCount: number;
                        resolution: {
                            /** Format: date-time */
                            at: string;
                            /** @description Public: the customer reads them */
                            notes: string;
                        } | null;
                        resolvedAt: string | null;
                        /** @enum {string} */
                        status: "open" | "answered" | "in_progress" | "on_hold" | "waiting_for_response" | "resolved" | "closed";
                        title: string;
                        /** @enum {string} */
                        type: "bug" | "feature" | "task" | "enhancement";
                        /** Format: date-time */
                        updatedAt: string;
                        vendor: {
                            id: string;
                            name: string;
                        } | null;
                    };
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOrgsOrgIdIssuesIdActivities: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                /** @description A document id: 1–1,500 bytes of valid Unicode, no '/', not '.', '..' or '__…__' */
                id: string;
                /** @description A document id: 1–1,500 bytes of valid Unicode, no '/', not '.', '..' or '__…__' */
                orgId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of activities */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            actor: {
                                kind: string;
                                name: string;
                                uid: string;
                            };
                            /** Format: date-time */
                            at: string;
                            /** @description Field by field; for a customer only the fields (and parts of fields) customers may see of an issue */
                            changes: {
                                [key: string]: {
                                    from: unknown;
                                    to: unknown;
                                };
                            };
                            id: string;
                            internal: boolean;
                            type: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postOrgsOrgIdIssuesIdAssign: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description A document id: 1–1,500 bytes of valid Unicode, no '/', not '.', '..' or '__…__' */
                id: string;
                /** @description A document id: 1–1,500 bytes of valid Unicode, no '/', not '.', '..' or '__…__' */
                orgId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    assigneeUid: string | null;
                };
            };
        };
        responses: {
            /** @description The issue */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        assignee: {
                            name: string;
                            uid: string;
                        } | null;
                        /** @enum {string} */
                        category: "general" | "quality" | "delivery" | "billing" | "communication" | "technical" | "other";
                        channel: ("web" | "portal" | "email" | "api" | "linear") | null;
                        clockStops: {
                            /** Format: date-time */
                            from: string;
                            to: string | null;
                        }[] | null;
                        closedAt: string | null;
                        commentCount: number;
                        /** Format: date-time */
                        createdAt: string;
                        /** @description Only on a service's log with a fingerprint: true when it joined an open issue */
                        deduplicated?: boolean;
                        deleted: boolean;
                        deletedAt: string | null;
                        deletedBy: {
                            /** @enum {string} */
                            kind: "member" | "customer" | "service" | "linear" | "system";
                            name: string;
                            uid: string;
                            via?: {
                                /** @enum {string} */
                                kind: "macro" | "round_robin" | "auto_close";
                                name: string;
                            };
                        } | null;
                        /** @description Markdown */
                        description: string;
                        fingerprint: string | null;
                        firstResponseAt: string | null;
                        id: string;
                        lastActor: {
                            /** @enum {string} */
                            kind: "member" | "customer" | "service" | "linear" | "system";
                            name: string;
                            uid: string;
                            via?: {
                                /** @enum {string} */
                                kind: "macro" | "round_robin" | "auto_close";
                                name: string;
                            };
                        };
                        /** Format: date-time */
                        lastSeenAt: string;
                        linear: {
                            /** @description Why the last push failed; cleared by a push that succeeds */
                            error: {
                                /** Format: date-time */
                                at: string;
                                attempts: number;
                                code: string;
                                message: string;
                            } | null;
                            id: string;
                            /** @description ENG-123; null until Linear has the issue */
                            identifier: string | null;
                            remoteFieldAt: {
                                [key: string]: number;
                            } | null;
                            remoteUpdatedAt: string | null;
                            /** @description The Linear state's type; `pending` before the issue exists there, `deleted` once removed there */
                            state: string;
                            stateId: string | null;
                            stateName: string | null;
                            syncedAt: string | null;
                            syncedFields: {
                                [key: string]: string;
                            } | null;
                            syncedVersion: number;
                            url: string | null;
                        } | null;
                        metrics: {
                            firstResponseMs: number | null;
                            resolutionMs: number | null;
                        };
                        /** @description ISS-{YYYY}-{NNNN}; null until the allocator numbers the issue */
                        number: string | null;
                        occurrences: number;
                        order: {
                            id: string;
                            ref: string;
                        } | null;
                        orgId: string;
                        /** @enum {string} */
                        priority: "low" | "medium" | "high" | "urgent" | "critical";
                        publicCommentCount: number;
                        raisedByCustomer: boolean;
                        reporter: {
                            /** @enum {string} */
                            kind: "member" | "customer" | "service" | "linear" | "system";
                            name: string;
                            service?: string;
                            uid: string;
                            via?: {
                                /** @enum {string} */
                                kind: "macro" | "round_robin" | "auto_close";
                                name: string;
                            };
                        };
                        resolution: {
                            /** Format: date-time */
                            at: string;
                            by: {
                                /** @enum {string} */
                                kind: "member" | "customer" | "service" | "linear" | "system";
                                name: string;
                                uid: string;
                                via?: {
                                    /** @enum {string} */
                                    kind: "macro" | "round_robin" | "auto_close";
                                    name: string;
                                };
                            };
                            /** @description Public: the customer reads them */
                            notes: string;
                        } | null;
                        resolvedAt: string | null;
                        seq: number | null;
                        sla: {
                            /** @default false */
                            atRisk: boolean;
                            /** @default null */
                            atRiskAt: string | null;
                            /** @default false */
                            atRiskPending: boolean;
                            breached: boolean;
                            /**
                             * @default calendar
                             * @enum {string}
                             */
                            clock: "business" | "calendar";
                            /** @default false */
                            firstResponseAtRisk: boolean;
                            firstResponseBreached: boolean;
                            /** Format: date-time */
                            firstResponseDueAt: string;
                            firstResponseMins: number;
                            firstResponsePending: boolean;
                            /** @default null */
                            hours: {
                                holidays: string[];
                                timezone: string;
                                week: {
                                    fri: [
                                        string,
                                        string
                                    ][];
                                    mon: [
                                        string,
                                        string
                                    ][];
                                    sat: [
                                        string,
                                        string
                                    ][];
                                    sun: [
                                        string,
                                        string
                                    ][];
                                    thu: [
                                        string,
                                        string
                                    ][];
                                    tue: [
                                        string,
                                        string
                                    ][];
                                    wed: [
                                        string,
                                        string
                                    ][];
                                };
                            } | null;
                            /** @default null */
                            nextDueAt: string | null;
                            pausedAt: string | null;
                            pausedMs: number;
                            /** @enum {string} */
                            priority: "low" | "medium" | "high" | "urgent" | "critical";
                            /** @default false */
                            resolutionAtRisk: boolean;
                            resolutionBreached: boolean;
                            /** Format: date-time */
                            resolutionDueAt: string;
                            resolutionMins: number;
                            resolutionPending: boolean;
                            running: boolean;
                        } | null;
                        /** @enum {string} */
                        source: "internal" | "client" | "service" | "linear";
                        /** @enum {string} */
                        status: "open" | "answered" | "in_progress" | "on_hold" | "waiting_for_response" | "resolved" | "closed";
                        statusChangedAt: string | null;
                        tags: string[];
                        title: string;
                        /** @enum {string} */
                        type: "bug" | "feature" | "task" | "enhancement";
                        /** Format: date-time */
                        updatedAt: string;
                        vendor: {
                            id: string;
                            name: string;
                        } | null;
                        version: number;
                        watchers: string[];
                        year: number | null;
                    } | {
                        assignee: {
                            name: string;
                        } | null;
                        /** @enum {string} */
                        category: "general" | "quality" | "delivery" | "billing" | "communication" | "technical" | "other";
                        closedAt: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** @description Markdown */
                        description: string;
                        /** @description The issue's document id */
                        issueId: string;
                        /** @description ISS-{YYYY}-{NNNN}; null until the allocator numbers the issue */
                        number: string | null;
                        order: {
                            id: string;
                            ref: string;
                        } | null;
                        orgId: string;
                        orgName: string;
                        /** @enum {string} */
                        priority: "low" | "medium" | "high" | "urgent" | "critical";
                        publicCommentCount: number;
                        resolution: {
                            /** Format: date-time */
                            at: string;
                            /** @description Public: the customer reads them */
                            notes: string;
                        } | null;
                        resolvedAt: string | null;
                        /** @enum {string} */
                        status: "open" | "answered" | "in_progress" | "on_hold" | "waiting_for_response" | "resolved" | "closed";
                        title: string;
                        /** @enum {string} */
                        type: "bug" | "feature" | "task" | "enhancement";
                        /** Format: date-time */
                        updatedAt: string;
                        vendor: {
                            id: string;
                            name: string;
                        } | null;
                    };
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postOrgsOrgIdIssuesIdClose: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description A document id: 1–1,500 bytes of valid Unicode, no '/', not '.', '..' or '__…__' */
                id: string;
                /** @description A document id: 1–1,500 bytes of valid Unicode, no '/', not '.', '..' or '__…__' */
                orgId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description The issue */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        assignee: {
                            name: string;
                            uid: string;
                        } | null;
                        /** @enum {string} */
                        category: "general" | "quality" | "delivery" | "billing" | "communication" | "technical" | "other";
                        channel: ("web" | "portal" | "email" | "api" | "linear") | null;
                        clockStops: {
                            /** Format: date-time */
                            from: string;
                            to: string | null;
                        }[] | null;
                        closedAt: string | null;
                        commentCount: number;
                        /** Format: date-time */
                        createdAt: string;
                        /** @description Only on a service's log with a fingerprint: true when it joined an open issue */
                        deduplicated?: boolean;
                        deleted: boolean;
                        deletedAt: string | null;
                        deletedBy: {
                            /** @enum {string} */
                            kind: "member" | "customer" | "service" | "linear" | "system";
                            name: string;
                            uid: string;
                            via?: {
                                /** @enum {string} */
                                kind: "macro" | "round_robin" | "auto_close";
                                name: string;
                            };
                        } | null;
                        /** @description Markdown */
                        description: string;
                        fingerprint: string | null;
                        firstResponseAt: string | null;
                        id: string;
                        lastActor: {
                            /** @enum {string} */
                            kind: "member" | "customer" | "service" | "linear" | "system";
                            name: string;
                            uid: string;
                            via?: {
                                /** @enum {string} */
                                kind: "macro" | "round_robin" | "auto_close";
                                name: string;
                            };
                        };
                        /** Format: date-time */
                        lastSeenAt: string;
                        linear: {
                            /** @description Why the last push failed; cleared by a push that succeeds */
                            error: {
                                /** Format: date-time */
                                at: string;
                                attempts: number;
                                code: string;
                                message: string;
                            } | null;
                            id: string;
                            /** @description ENG-123; null until Linear has the issue */
                            identifier: string | null;
                            remoteFieldAt: {
                                [key: string]: number;
                            } | null;
                            remoteUpdatedAt: string | null;
                            /** @description The Linear state's type; `pending` before the issue exists there, `deleted` once removed there */
                            state: string;
                            stateId: string | null;
                            stateName: string | null;
                            syncedAt: string | null;
                            syncedFields: {
                                [key: string]: string;
                            } | null;
                            syncedVersion: number;
                            url: string | null;
                        } | null;
                        metrics: {
                            firstResponseMs: number | null;
                            resolutionMs: number | null;
                        };
                        /** @description ISS-{YYYY}-{NNNN}; null until the allocator numbers the issue */
                        number: string | null;
                        occurrences: number;
                        order: {
                            id: string;
                            ref: string;
                        } | null;
                        orgId: string;
                        /** @enum {string} */
                        priority: "low" | "medium" | "high" | "urgent" | "critical";
                        publicCommentCount: number;
                        raisedByCustomer: boolean;
                        reporter: {
                            /** @enum {string} */
                            kind: "member" | "customer" | "service" | "linear" | "system";
                            name: string;
                            service?: string;
                            uid: string;
                            via?: {
                                /** @enum {string} */
                                kind: "macro" | "round_robin" | "auto_close";
                                name: string;
                            };
                        };
                        resolution: {
                            /** Format: date-time */
                            at: string;
                            by: {
                                /** @enum {string} */
                                kind: "member" | "customer" | "service" | "linear" | "system";
                                name: string;
                                uid: string;
                                via?: {
                                    /** @enum {string} */
                                    kind: "macro" | "round_robin" | "auto_close";
                                    name: string;
                                };
                            };
                            /** @description Public: the customer reads them */
                            notes: string;
                        } | null;
                        resolvedAt: string | null;
                        seq: number | null;
                        sla: {
                            /** @default false */
                            atRisk: boolean;
                            /** @default null */
                            atRiskAt: string | null;
                            /** @default false */
                            atRiskPending: boolean;
                            breached: boolean;
                            /**
                             * @default calendar
                             * @enum {string}
                             */
                            clock: "business" | "calendar";
                            /** @default false */
                            firstResponseAtRisk: boolean;
                            firstResponseBreached: boolean;
                            /** Format: date-time */
                            firstResponseDueAt: string;
                            firstResponseMins: number;
                            firstResponsePending: boolean;
                            /** @default null */
                            hours: {
                                holidays: string[];
                                timezone: string;
                                week: {
                                    fri: [
                                        string,
                                        string
                                    ][];
                                    mon: [
                                        string,
                                        string
                                    ][];
                                    sat: [
                                        string,
                                        string
                                    ][];
                                    sun: [
                                        string,
                                        string
                                    ][];
                                    thu: [
                                        string,
                                        string
                                    ][];
                                    tue: [
                                        string,
                                        string
                                    ][];
                                    wed: [
                                        string,
                                        string
                                    ][];
                                };
                            } | null;
                            /** @default null */
                            nextDueAt: string | null;
                            pausedAt: string | null;
                            pausedMs: number;
                            /** @enum {string} */
                            priority: "low" | "medium" | "high" | "urgent" | "critical";
                            /** @default false */
                            resolutionAtRisk: boolean;
                            resolutionBreached: boolean;
                            /** Format: date-time */
                            resolutionDueAt: string;
                            resolutionMins: number;
                            resolutionPending: boolean;
                            running: boolean;
                        } | null;
                        /** @enum {string} */
                        source: "internal" | "client" | "service" | "linear";
                        /** @enum {string} */
                        status: "open" | "answered" | "in_progress" | "on_hold" | "waiting_for_response" | "resolved" | "closed";
                        statusChangedAt: string | null;
                        tags: string[];
                        title: string;
                        /** @enum {string} */
                        type: "bug" | "feature" | "task" | "enhancement";
                        /** Format: date-time */
                        updatedAt: string;
                        vendor: {
                            id: string;
                            name: string;
                        } | null;
                        version: number;
                        watchers: string[];
                        year: number | null;
                    } | {
                        assignee: {
                            name: string;
                        } | null;
                        /** @enum {string} */
                        category: "general" | "quality" | "delivery" | "billing" | "communication" | "technical" | "other";
                        closedAt: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** @description Markdown */
                        description: string;
                        /** @description The issue's document id */
                        issueId: string;
                        /** @description ISS-{YYYY}-{NNNN}; null until the allocator numbers the issue */
                        number: string | null;
                        order: {
                            id: string;
                            ref: string;
                        } | null;
                        orgId: string;
                        orgName: string;
                        /** @enum {string} */
                        priority: "low" | "medium" | "high" | "urgent" | "critical";
                        publicCommentCount: number;
                        resolution: {
                            /** Format: date-time */
                            at: string;
                            /** @description Public: the customer reads them */
                            notes: string;
                        } | null;
                        resolvedAt: string | null;
                        /** @enum {string} */
                        status: "open" | "answered" | "in_progress" | "on_hold" | "waiting_for_response" | "resolved" | "closed";
                        title: string;
                        /** @enum {string} */
                        type: "bug" | "feature" | "task" | "enhancement";
                        /** Format: date-time */
                        updatedAt: string;
                        vendor: {
                            id: string;
                            name: string;
                        } | null;
                    };
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOrgsOrgIdIssuesIdComments: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                /** @description A document id: 1–1,500 bytes of valid Unicode, no '/', not '.', '..' or '__…__' */
                id: string;
                /** @description A document id: 1–1,500 bytes of valid Unicode, no '/', not '.', '..' or '__…__' */
                orgId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of comments */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            author: {
                                kind: string;
                                name: string;
                                uid: string;
                            };
                            body: string;
                            /** Format: date-time */
                            createdAt: string;
                            editedAt: string | null;
                            id: string;
                            /** @description true: for the team only; customers never get it */
                            internal: boolean;
                            solution: boolean;
                            /** @enum {string} */
                            source: "internal" | "client" | "service" | "linear";
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postOrgsOrgIdIssuesIdComments: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description A document id: 1–1,500 bytes of valid Unicode, no '/', not '.', '..' or '__…__' */
                id: string;
                /** @description A document id: 1–1,500 bytes of valid Unicode, no '/', not '.', '..' or '__…__' */
                orgId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    body: string;
                    /**
                     * @description true: for the team only; customers never read it
                     * @default false
                     */
                    internal?: boolean;
                    /** @default false */
                    solution?: boolean;
                };
            };
        };
        responses: {
            /** @description The comment */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        author: {
                            kind: string;
                            name: string;
                            uid: string;
                        };
                        body: string;
                        /** Format: date-time */
                        createdAt: string;
                        editedAt: string | null;
                        id: string;
                        /** @description true: for the team only; customers never get it */
                        internal: boolean;
                        solution: boolean;
                        /** @enum {string} */
                        source: "internal" | "client" | "service" | "linear";
                    };
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postOrgsOrgIdIssuesIdLinearsync: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description A document id: 1–1,500 bytes of valid Unicode, no '/', not '.', '..' or '__…__' */
                id: string;
                /** @description A document id: 1–1,500 bytes of valid Unicode, no '/', not '.', '..' or '__…__' */
                orgId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description The push is queued */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        issueId: string;
                        /** @constant */
                        queued: true;
                    };
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postOrgsOrgIdIssuesIdMacrosMacroIdapply: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description A document id: 1–1,500 bytes of valid Unicode, no '/', not '.', '..' or '__…__' */
                id: string;
                /** @description A document id: 1–1,500 bytes of valid Unicode, no '/', not '.', '..' or '__…__' */
                macroId: string;
                /** @description A document id: 1–1,500 bytes of valid Unicode, no '/', not '.', '..' or '__…__' */
                orgId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description The issue */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        assignee: {
                            name: string;
                            uid: string;
                        } | null;
                        /** @enum {string} */
                        category: "general" | "quality" | "delivery" | "billing" | "communication" | "technical" | "other";
                        channel: ("web" | "portal" | "email" | "api" | "linear") | null;
                        clockStops: {
                            /** Format: date-time */
                            from: string;
                            to: string | null;
                        }[] | null;
                        closedAt: string | null;
                        commentCount: number;
                        /** Format: date-time */
                        createdAt: string;
                        /** @description Only on a service's log with a fingerprint: true when it joined an open issue */
                        deduplicated?: boolean;
                        deleted: boolean;
                        deletedAt: string | null;
                        deletedBy: {
                            /** @enum {string} */
                            kind: "member" | "customer" | "service" | "linear" | "system";
                            name: string;
                            uid: string;
                            via?: {
                                /** @enum {string} */
                                kind: "macro" | "round_robin" | "auto_close";
                                name: string;
                            };
                        } | null;
                        /** @description Markdown */
                        description: string;
                        fingerprint: string | null;
                        firstResponseAt: string | null;
                        id: string;
                        lastActor: {
                            /** @enum {string} */
                            kind: "member" | "customer" | "service" | "linear" | "system";
                            name: string;
                            uid: string;
                            via?: {
                                /** @enum {string} */
                                kind: "macro" | "round_robin" | "auto_close";
                                name: string;
                            };
                        };
                        /** Format: date-time */
                        lastSeenAt: string;
                        linear: {
                            /** @description Why the last push failed; cleared by a push that succeeds */
                            error: {
                                /** Format: date-time */
                                at: string;
                                attempts: number;
                                code: string;
                                message: string;
                            } | null;
                            id: string;
                            /** @description ENG-123; null until Linear has the issue */
                            identifier: string | null;
                            remoteFieldAt: {
                                [key: string]: number;
                            } | null;
                            remoteUpdatedAt: string | null;
                            /** @description The Linear state's type; `pending` before the issue exists there, `deleted` once removed there */
                            state: string;
                            stateId: string | null;
                            stateName: string | null;
                            syncedAt: string | null;
                            syncedFields: {
                                [key: string]: string;
                            } | null;
                            syncedVersion: number;
                            url: string | null;
                        } | null;
                        metrics: {
                            firstResponseMs: number | null;
                            resolutionMs: number | null;
                        };
                        /** @description ISS-{YYYY}-{NNNN}; null until the allocator numbers the issue */
                        number: string | null;
                        occurrences: number;
                        order: {
                            id: string;
                            ref: string;
                        } | null;
                        orgId: string;
                        /** @enum {string} */
                        priority: "low" | "medium" | "high" | "urgent" | "critical";
                        publicCommentCount: number;
                        raisedByCustomer: boolean;
                        reporter: {
                            /** @enum {string} */
                            kind: "member" | "customer" | "service" | "linear" | "system";
                            name: string;
                            service?: string;
                            uid: string;
                            via?: {
                                /** @enum {string} */
                                kind: "macro" | "round_robin" | "auto_close";
                                name: string;
                            };
                        };
                        resolution: {
                            /** Format: date-time */
                            at: string;
                            by: {
                                /** @enum {string} */
                                kind: "member" | "customer" | "service" | "linear" | "system";
                                name: string;
                                uid: string;
                                via?: {
                                    /** @enum {string} */
                                    kind: "macro" | "round_robin" | "auto_close";
                                    name: string;
                                };
                            };
                            /** @description Public: the customer reads them */
                            notes: string;
                        } | null;
                        resolvedAt: string | null;
                        seq: number | null;
                        sla: {
                            /** @default false */
                            atRisk: boolean;
                            /** @default null */
                            atRiskAt: string | null;
                            /** @default false */
                            atRiskPending: boolean;
                            breached: boolean;
                            /**
                             * @default calendar
                             * @enum {string}
                             */
                            clock: "business" | "calendar";
                            /** @default false */
                            firstResponseAtRisk: boolean;
                            firstResponseBreached: boolean;
                            /** Format: date-time */
                            firstResponseDueAt: string;
                            firstResponseMins: number;
                            firstResponsePending: boolean;
                            /** @default null */
                            hours: {
                                holidays: string[];
                                timezone: string;
                                week: {
                                    fri: [
                                        string,
                                        string
                                    ][];
                                    mon: [
                                        string,
                                        string
                                    ][];
                                    sat: [
                                        string,
                                        string
                                    ][];
                                    sun: [
                                        string,
                                        string
                                    ][];
                                    thu: [
                                        string,
                                        string
                                    ][];
                                    tue: [
                                        string,
                                        string
                                    ][];
                                    wed: [
                                        string,
                                        string
                                    ][];
                                };
                            } | null;
                            /** @default null */
                            nextDueAt: string | null;
                            pausedAt: string | null;
                            pausedMs: number;
                            /** @enum {string} */
                            priority: "low" | "medium" | "high" | "urgent" | "critical";
                            /** @default false */
                            resolutionAtRisk: boolean;
                            resolutionBreached: boolean;
                            /** Format: date-time */
                            resolutionDueAt: string;
                            resolutionMins: number;
                            resolutionPending: boolean;
                            running: boolean;
                        } | null;
                        /** @enum {string} */
                        source: "internal" | "client" | "service" | "linear";
                        /** @enum {string} */
                        status: "open" | "answered" | "in_progress" | "on_hold" | "waiting_for_response" | "resolved" | "closed";
                        statusChangedAt: string | null;
                        tags: string[];
                        title: string;
                        /** @enum {string} */
                        type: "bug" | "feature" | "task" | "enhancement";
                        /** Format: date-time */
                        updatedAt: string;
                        vendor: {
                            id: string;
                            name: string;
                        } | null;
                        version: number;
                        watchers: string[];
                        year: number | null;
                    } | {
                        assignee: {
                            name: string;
                        } | null;
                        /** @enum {string} */
                        category: "general" | "quality" | "delivery" | "billing" | "communication" | "technical" | "other";
                        closedAt: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** @description Markdown */
                        description: string;
                        /** @description The issue's document id */
                        issueId: string;
                        /** @description ISS-{YYYY}-{NNNN}; null until the allocator numbers the issue */
                        number: string | null;
                        order: {
                            id: string;
                            ref: string;
                        } | null;
                        orgId: string;
                        orgName: string;
                        /** @enum {string} */
                        priority: "low" | "medium" | "high" | "urgent" | "critical";
                        publicCommentCount: number;
                        resolution: {
                            /** Format: date-time */
                            at: string;
                            /** @description Public: the customer reads them */
                            notes: string;
                        } | null;
                        resolvedAt: string | null;
                        /** @enum {string} */
                        status: "open" | "answered" | "in_progress" | "on_hold" | "waiting_for_response" | "resolved" | "closed";
                        title: string;
                        /** @enum {string} */
                        type: "bug" | "feature" | "task" | "enhancement";
                        /** Format: date-time */
                        updatedAt: string;
                        vendor: {
                            id: string;
                            name: string;
                        } | null;
                    };
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postOrgsOrgIdIssuesIdReopen: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description A document id: 1–1,500 bytes of valid Unicode, no '/', not '.', '..' or '__…__' */
                id: string;
                /** @description A document id: 1–1,500 bytes of valid Unicode, no '/', not '.', '..' or '__…__' */
                orgId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Becomes a comment: public when the customer who raised the issue reopens it, internal when the team does */
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description The issue */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        assignee: {
                            name: string;
                            uid: string;
                        } | null;
                        /** @enum {string} */
                        category: "general" | "quality" | "delivery" | "billing" | "communication" | "technical" | "other";
                        channel: ("web" | "portal" | "email" | "api" | "linear") | null;
                        clockStops: {
                            /** Format: date-time */
                            from: string;
                            to: string | null;
                        }[] | null;
                        closedAt: string | null;
                        commentCount: number;
                        /** Format: date-time */
                        createdAt: string;
                        /** @description Only on a service's log with a fingerprint: true when it joined an open issue */
                        deduplicated?: boolean;
                        deleted: boolean;
                        deletedAt: string | null;
                        deletedBy: {
                            /** @enum {string} */
                            kind: "member" | "customer" | "service" | "linear" | "system";
                            name: string;
                            uid: string;
                            via?: {
                                /** @enum {string} */
                                kind: "macro" | "round_robin" | "auto_close";
                                name: string;
                            };
                        } | null;
                        /** @description Markdown */
                        description: string;
                        fingerprint: string | null;
                        firstResponseAt: string | null;
                        id: string;
                        lastActor: {
                            /** @enum {string} */
                            kind: "member" | "customer" | "service" | "linear" | "system";
                            name: string;
                            uid: string;
                            via?: {
                                /** @enum {string} */
                                kind: "macro" | "round_robin" | "auto_close";
                                name: string;
                            };
                        };
                        /** Format: date-time */
                        lastSeenAt: string;
                        linear: {
                            /** @description Why the last push failed; cleared by a push that succeeds */
                            error: {
                                /** Format: date-time */
                                at: string;
                                attempts: number;
                                code: string;
                                message: string;
                            } | null;
                            id: string;
                            /** @description ENG-123; null until Linear has the issue */
                            identifier: string | null;
                            remoteFieldAt: {
                                [key: string]: number;
                            } | null;
                            remoteUpdatedAt: string | null;
                            /** @description The Linear state's type; `pending` before the issue exists there, `deleted` once removed there */
                            state: string;
                            stateId: string | null;
                            stateName: string | null;
                            syncedAt: string | null;
                            syncedFields: {
                                [key: string]: string;
                            } | null;
                            syncedVersion: number;
                            url: string | null;
                        } | null;
                        metrics: {
                            firstResponseMs: number | null;
                            resolutionMs: number | null;
                        };
                        /** @description ISS-{YYYY}-{NNNN}; null until the allocator numbers the issue */
                        number: string | null;
                        occurrences: number;
                        order: {
                            id: string;
                            ref: string;
                        } | null;
                        orgId: string;
                        /** @enum {string} */
                        priority: "low" | "medium" | "high" | "urgent" | "critical";
                        publicCommentCount: number;
                        raisedByCustomer: boolean;
                        reporter: {
                            /** @enum {string} */
                            kind: "member" | "customer" | "service" | "linear" | "system";
                            name: string;
                            service?: string;
                            uid: string;
                            via?: {
                                /** @enum {string} */
                                kind: "macro" | "round_robin" | "auto_close";
                                name: string;
                            };
                        };
                        resolution: {
                            /** Format: date-time */
                            at: string;
                            by: {
                                /** @enum {string} */
                                kind: "member" | "customer" | "service" | "linear" | "system";
                                name: string;
                                uid: string;
                                via?: {
                                    /** @enum {string} */
                                    kind: "macro" | "round_robin" | "auto_close";
                                    name: string;
                                };
                            };
                            /** @description Public: the customer reads them */
                            notes: string;
                        } | null;
                        resolvedAt: string | null;
                        seq: number | null;
                        sla: {
                            /** @default false */
                            atRisk: boolean;
                            /** @default null */
                            atRiskAt: string | null;
                            /** @default false */
                            atRiskPending: boolean;
                            breached: boolean;
                            /**
                             * @default calendar
                             * @enum {string}
                             */
                            clock: "business" | "calendar";
                            /** @default false */
                            firstResponseAtRisk: boolean;
                            firstResponseBreached: boolean;
                            /** Format: date-time */
                            firstResponseDueAt: string;
                            firstResponseMins: number;
                            firstResponsePending: boolean;
                            /** @default null */
                            hours: {
                                holidays: string[];
                                timezone: string;
                                week: {
                                    fri: [
                                        string,
                                        string
                                    ][];
                                    mon: [
                                        string,
                                        string
                                    ][];
                                    sat: [
                                        string,
                                        string
                                    ][];
                                    sun: [
                                        string,
                                        string
                                    ][];
                                    thu: [
                                        string,
                                        string
                                    ][];
                                    tue: [
                                        string,
                                        string
                                    ][];
                                    wed: [
                                        string,
                                        string
                                    ][];
                                };
                            } | null;
                            /** @default null */
                            nextDueAt: string | null;
                            pausedAt: string | null;
                            pausedMs: number;
                            /** @enum {string} */
                            priority: "low" | "medium" | "high" | "urgent" | "critical";
                            /** @default false */
                            resolutionAtRisk: boolean;
                            resolutionBreached: boolean;
                            /** Format: date-time */
                            resolutionDueAt: string;
                            resolutionMins: number;
                            resolutionPending: boolean;
                            running: boolean;
                        } | null;
                        /** @enum {string} */
                        source: "internal" | "client" | "service" | "linear";
                        /** @enum {string} */
                        status: "open" | "answered" | "in_progress" | "on_hold" | "waiting_for_response" | "resolved" | "closed";
                        statusChangedAt: string | null;
                        tags: string[];
                        title: string;
                        /** @enum {string} */
                        type: "bug" | "feature" | "task" | "enhancement";
                        /** Format: date-time */
                        updatedAt: string;
                        vendor: {
                            id: string;
                            name: string;
                        } | null;
                        version: number;
                        watchers: string[];
                        year: number | null;
                    } | {
                        assignee: {
                            name: string;
                        } | null;
                        /** @enum {string} */
                        category: "general" | "quality" | "delivery" | "billing" | "communication" | "technical" | "other";
                        closedAt: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** @description Markdown */
                        description: string;
                        /** @description The issue's document id */
                        issueId: string;
                        /** @description ISS-{YYYY}-{NNNN}; null until the allocator numbers the issue */
                        number: string | null;
                        order: {
                            id: string;
                            ref: string;
                        } | null;
                        orgId: string;
                        orgName: string;
                        /** @enum {string} */
                        priority: "low" | "medium" | "high" | "urgent" | "critical";
                        publicCommentCount: number;
                        resolution: {
                            /** Format: date-time */
                            at: string;
                            /** @description Public: the customer reads them */
                            notes: string;
                        } | null;
                        resolvedAt: string | null;
                        /** @enum {string} */
                        status: "open" | "answered" | "in_progress" | "on_hold" | "waiting_for_response" | "resolved" | "closed";
                        title: string;
                        /** @enum {string} */
                        type: "bug" | "feature" | "task" | "enhancement";
                        /** Format: date-time */
                        updatedAt: string;
                        vendor: {
                            id: string;
                            name: string;
                        } | null;
                    };
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postOrgsOrgIdIssuesIdResolve: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description A document id: 1–1,500 bytes of valid Unicode, no '/', not '.', '..' or '__…__' */
                id: string;
                /** @description A document id: 1–1,500 bytes of valid Unicode, no '/', not '.', '..' or '__…__' */
                orgId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Public: the resolution the customer reads */
                    notes: string;
                };
            };
        };
        responses: {
            /** @description The issue */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        assignee: {
                            name: string;
                            uid: string;
                        } | null;
                        /** @enum {string} */
                        category: "general" | "quality" | "delivery" | "billing" | "communication" | "technical" | "other";
                        channel: ("web" | "portal" | "email" | "api" | "linear") | null;
                        clockStops: {
                            /** Format: date-time */
                            from: string;
                            to: string | null;
                        }[] | null;
                        closedAt: string | null;
                        commentCount: number;
                        /** Format: date-time */
                        createdAt: string;
                        /** @description Only on a service's log with a fingerprint: true when it joined an open issue */
                        deduplicated?: boolean;
                        deleted: boolean;
                        deletedAt: string | null;
                        deletedBy: {
                            /** @enum {string} */
                            kind: "member" | "customer" | "service" | "linear" | "system";
                            name: string;
                            uid: string;
                            via?: {
                                /** @enum {string} */
                                kind: "macro" | "round_robin" | "auto_close";
                                name: string;
                            };
                        } | null;
                        /** @description Markdown */
                        description: string;
                        fingerprint: string | null;
                        firstResponseAt: string | null;
                        id: string;
                        lastActor: {
                            /** @enum {string} */
                            kind: "member" | "customer" | "service" | "linear" | "system";
                            name: string;
                            uid: string;
                            via?: {
                                /** @enum {string} */
                                kind: "macro" | "round_robin" | "auto_close";
                                name: string;
                            };
                        };
                        /** Format: date-time */
                        lastSeenAt: string;
                        linear: {
                            /** @description Why the last push failed; cleared by a push that succeeds */
                            error: {
                                /** Format: date-time */
                                at: string;
                                attempts: number;
                                code: string;
                                message: string;
                            } | null;
                            id: string;
                            /** @description ENG-123; null until Linear has the issue */
                            identifier: string | null;
                            remoteFieldAt: {
                                [key: string]: number;
                            } | null;
                            remoteUpdatedAt: string | null;
                            /** @description The Linear state's type; `pending` before the issue exists there, `deleted` once removed there */
                            state: string;
                            stateId: string | null;
                            stateName: string | null;
                            syncedAt: string | null;
                            syncedFields: {
                                [key: string]: string;
                            } | null;
                            syncedVersion: number;
                            url: string | null;
                        } | null;
                        metrics: {
                            firstResponseMs: number | null;
                            resolutionMs: number | null;
                        };
                        /** @description ISS-{YYYY}-{NNNN}; null until the allocator numbers the issue */
                        number: string | null;
                        occurrences: number;
                        order: {
                            id: string;
                            ref: string;
                        } | null;
                        orgId: string;
                        /** @enum {string} */
                        priority: "low" | "medium" | "high" | "urgent" | "critical";
                        publicCommentCount: number;
                        raisedByCustomer: boolean;
                        reporter: {
                            /** @enum {string} */
                            kind: "member" | "customer" | "service" | "linear" | "system";
                            name: string;
                            service?: string;
                            uid: string;
                            via?: {
                                /** @enum {string} */
                                kind: "macro" | "round_robin" | "auto_close";
                                name: string;
                            };
                        };
                        resolution: {
                            /** Format: date-time */
                            at: string;
                            by: {
                                /** @enum {string} */
                                kind: "member" | "customer" | "service" | "linear" | "system";
                                name: string;
                                uid: string;
                                via?: {
                                    /** @enum {string} */
                                    kind: "macro" | "round_robin" | "auto_close";
                                    name: string;
                                };
                            };
                            /** @description Public: the customer reads them */
                            notes: string;
                        } | null;
                        resolvedAt: string | null;
                        seq: number | null;
                        sla: {
                            /** @default false */
                            atRisk: boolean;
                            /** @default null */
                            atRiskAt: string | null;
                            /** @default false */
                            atRiskPending: boolean;
                            breached: boolean;
                            /**
                             * @default calendar
                             * @enum {string}
                             */
                            clock: "business" | "calendar";
                            /** @default false */
                            firstResponseAtRisk: boolean;
                            firstResponseBreached: boolean;
                            /** Format: date-time */
                            firstResponseDueAt: string;
                            firstResponseMins: number;
                            firstResponsePending: boolean;
                            /** @default null */
                            hours: {
                                holidays: string[];
                                timezone: string;
                                week: {
                                    fri: [
                                        string,
                                        string
                                    ][];
                                    mon: [
                                        string,
                                        string
                                    ][];
                                    sat: [
                                        string,
                                        string
                                    ][];
                                    sun: [
                                        string,
                                        string
                                    ][];
                                    thu: [
                                        string,
                                        string
                                    ][];
                                    tue: [
                                        string,
                                        string
                                    ][];
                                    wed: [
                                        string,
                                        string
                                    ][];
                                };
                            } | null;
                            /** @default null */
                            nextDueAt: string | null;
                            pausedAt: string | null;
                            pausedMs: number;
                            /** @enum {string} */
                            priority: "low" | "medium" | "high" | "urgent" | "critical";
                            /** @default false */
                            resolutionAtRisk: boolean;
                            resolutionBreached: boolean;
                            /** Format: date-time */
                            resolutionDueAt: string;
                            resolutionMins: number;
                            resolutionPending: boolean;
                            running: boolean;
                        } | null;
                        /** @enum {string} */
                        source: "internal" | "client" | "service" | "linear";
                        /** @enum {string} */
                        status: "open" | "answered" | "in_progress" | "on_hold" | "waiting_for_response" | "resolved" | "closed";
                        statusChangedAt: string | null;
                        tags: string[];
                        title: string;
                        /** @enum {string} */
                        type: "bug" | "feature" | "task" | "enhancement";
                        /** Format: date-time */
                        updatedAt: string;
                        vendor: {
                            id: string;
                            name: string;
                        } | null;
                        version: number;
                        watchers: string[];
                        year: number | null;
                    } | {
                        assignee: {
                            name: string;
                        } | null;
                        /** @enum {string} */
                        category: "general" | "quality" | "delivery" | "billing" | "communication" | "technical" | "other";
                        closedAt: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** @description Markdown */
                        description: string;
                        /** @description The issue's document id */
                        issueId: string;
                        /** @description ISS-{YYYY}-{NNNN}; null until the allocator numbers the issue */
                        number: string | null;
                        order: {
                            id: string;
                            ref: string;
                        } | null;
                        orgId: string;
                        orgName: string;
                        /** @enum {string} */
                        priority: "low" | "medium" | "high" | "urgent" | "critical";
                        publicCommentCount: number;
                        resolution: {
                            /** Format: date-time */
                            at: string;
                            /** @description Public: the customer reads them */
                            notes: string;
                        } | null;
                        resolvedAt: string | null;
                        /** @enum {string} */
                        status: "open" | "answered" | "in_progress" | "on_hold" | "waiting_for_response" | "resolved" | "closed";
                        title: string;
                        /** @enum {string} */
                        type: "bug" | "feature" | "task" | "enhancement";
                        /** Format: date-time */
                        updatedAt: string;
                        vendor: {
                            id: string;
                            name: string;
                        } | null;
                    };
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postOrgsOrgIdIssuesIdRestore: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description A document id: 1–1,500 bytes of valid Unicode, no '/', not '.', '..' or '__…__' */
                id: string;
                /** @description A document id: 1–1,500 bytes of valid Unicode, no '/', not '.', '..' or '__…__' */
                orgId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description The issue */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        assignee: {
                            name: string;
                            uid: string;
                        } | null;
                        /** @enum {string} */
                        category: "general" | "quality" | "delivery" | "billing" | "communication" | "technical" | "other";
                        channel: ("web" | "portal" | "email" | "api" | "linear") | null;
                        clockStops: {
                            /** Format: date-time */
                            from: string;
                            to: string | null;
                        }[] | null;
                        closedAt: string | null;
                        commentCount: number;
                        /** Format: date-time */
                        createdAt: string;
                        /** @description Only on a service's log with a fingerprint: true when it joined an open issue */
                        deduplicated?: boolean;
                        deleted: boolean;
                        deletedAt: string | null;
                        deletedBy: {
                            /** @enum {string} */
                            kind: "member" | "customer" | "service" | "linear" | "system";
                            name: string;
                            uid: string;
                            via?: {
                                /** @enum {string} */
                                kind: "macro" | "round_robin" | "auto_close";
                                name: string;
                            };
                        } | null;
                        /** @description Markdown */
                        description: string;
                        fingerprint: string | null;
                        firstResponseAt: string | null;
                        id: string;
                        lastActor: {
                            /** @enum {string} */
                            kind: "member" | "customer" | "service" | "linear" | "system";
                            name: string;
                            uid: string;
                            via?: {
                                /** @enum {string} */
                                kind: "macro" | "round_robin" | "auto_close";
                                name: string;
                            };
                        };
                        /** Format: date-time */
                        lastSeenAt: string;
                        linear: {
                            /** @description Why the last push failed; cleared by a push that succeeds */
                            error: {
                                /** Format: date-time */
                                at: string;
                                attempts: number;
                                code: string;
                                message: string;
                            } | null;
                            id: string;
                            /** @description ENG-123; null until Linear has the issue */
                            identifier: string | null;
                            remoteFieldAt: {
                                [key: string]: number;
                            } | null;
                            remoteUpdatedAt: string | null;
                            /** @description The Linear state's type; `pending` before the issue exists there, `deleted` once removed there */
                            state: string;
                            stateId: string | null;
                            stateName: string | null;
                            syncedAt: string | null;
                            syncedFields: {
                                [key: string]: string;
                            } | null;
                            syncedVersion: number;
                            url: string | null;
                        } | null;
                        metrics: {
                            firstResponseMs: number | null;
                            resolutionMs: number | null;
                        };
                        /** @description ISS-{YYYY}-{NNNN}; null until the allocator numbers the issue */
                        number: string | null;
                        occurrences: number;
                        order: {
                            id: string;
                            ref: string;
                        } | null;
                        orgId: string;
                        /** @enum {string} */
                        priority: "low" | "medium" | "high" | "urgent" | "critical";
                        publicCommentCount: number;
                        raisedByCustomer: boolean;
                        reporter: {
                            /** @enum {string} */
                            kind: "member" | "customer" | "service" | "linear" | "system";
                            name: string;
                            service?: string;
                            uid: string;
                            via?: {
                                /** @enum {string} */
                                kind: "macro" | "round_robin" | "auto_close";
                                name: string;
                            };
                        };
                        resolution: {
                            /** Format: date-time */
                            at: string;
                            by: {
                                /** @enum {string} */
                                kind: "member" | "customer" | "service" | "linear" | "system";
                                name: string;
                                uid: string;
                                via?: {
                                    /** @enum {string} */
                                    kind: "macro" | "round_robin" | "auto_close";
                                    name: string;
                                };
                            };
                            /** @description Public: the customer reads them */
                            notes: string;
                        } | null;
                        resolvedAt: string | null;
                        seq: number | null;
                        sla: {
                            /** @default false */
                            atRisk: boolean;
                            /** @default null */
                            atRiskAt: string | null;
                            /** @default false */
                            atRiskPending: boolean;
                            breached: boolean;
                            /**
                             * @default calendar
                             * @enum {string}
                             */
                            clock: "business" | "calendar";
                            /** @default false */
                            firstResponseAtRisk: boolean;
                            firstResponseBreached: boolean;
                            /** Format: date-time */
                            firstResponseDueAt: string;
                            firstResponseMins: number;
                            firstResponsePending: boolean;
                            /** @default null */
                            hours: {
                                holidays: string[];
                                timezone: string;
                                week: {
                                    fri: [
                                        string,
                                        string
                                    ][];
                                    mon: [
                                        string,
                                        string
                                    ][];
                                    sat: [
                                        string,
                                        string
                                    ][];
                                    sun: [
                                        string,
                                        string
                                    ][];
                                    thu: [
                                        string,
                                        string
                                    ][];
                                    tue: [
                                        string,
                                        string
                                    ][];
                                    wed: [
                                        string,
                                        string
                                    ][];
                                };
                            } | null;
                            /** @default null */
                            nextDueAt: string | null;
                            pausedAt: string | null;
                            pausedMs: number;
                            /** @enum {string} */
                            priority: "low" | "medium" | "high" | "urgent" | "critical";
                            /** @default false */
                            resolutionAtRisk: boolean;
                            resolutionBreached: boolean;
                            /** Format: date-time */
                            resolutionDueAt: string;
                            resolutionMins: number;
                            resolutionPending: boolean;
                            running: boolean;
                        } | null;
                        /** @enum {string} */
                        source: "internal" | "client" | "service" | "linear";
                        /** @enum {string} */
                        status: "open" | "answered" | "in_progress" | "on_hold" | "waiting_for_response" | "resolved" | "closed";
                        statusChangedAt: string | null;
                        tags: string[];
                        title: string;
                        /** @enum {string} */
                        type: "bug" | "feature" | "task" | "enhancement";
                        /** Format: date-time */
                        updatedAt: string;
                        vendor: {
                            id: string;
                            name: string;
                        } | null;
                        version: number;
                        watchers: string[];
                        year: number | null;
                    } | {
                        assignee: {
                            name: string;
                        } | null;
                        /** @enum {string} */
                        category: "general" | "quality" | "delivery" | "billing" | "communication" | "technical" | "other";
                        closedAt: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** @description Markdown */
                        description: string;
                        /** @description The issue's document id */
                        issueId: string;
                        /** @description ISS-{YYYY}-{NNNN}; null until the allocator numbers the issue */
                        number: string | null;
                        order: {
                            id: string;
                            ref: string;
                        } | null;
                        orgId: string;
                        orgName: string;
                        /** @enum {string} */
                        priority: "low" | "medium" | "high" | "urgent" | "critical";
                        publicCommentCount: number;
                        resolution: {
                            /** Format: date-time */
                            at: string;
                            /** @description Public: the customer reads them */
                            notes: string;
                        } | null;
                        resolvedAt: string | null;
                        /** @enum {string} */
                        status: "open" | "answered" | "in_progress" | "on_hold" | "waiting_for_response" | "resolved" | "closed";
                        title: string;
                        /** @enum {string} */
                        type: "bug" | "feature" | "task" | "enhancement";
                        /** Format: date-time */
                        updatedAt: string;
                        vendor: {
                            id: string;
                            name: string;
                        } | null;
                    };
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postOrgsOrgIdIssuesIdTransition: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description A document id: 1–1,500 bytes of valid Unicode, no '/', not '.', '..' or '__…__' */
                id: string;
                /** @description A document id: 1–1,500 bytes of valid Unicode, no '/', not '.', '..' or '__…__' */
                orgId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description A comment: internal when the team writes it (the customer never reads it, whatever the target status); public when a customer does */
                    note?: string;
                    /**
                     * @description The target; `resolved` goes through POST …/resolve with public notes instead
                     * @enum {string}
                     */
                    status: "open" | "answered" | "in_progress" | "on_hold" | "waiting_for_response" | "resolved" | "closed";
                };
            };
        };
        responses: {
            /** @description The issue */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        assignee: {
                            name: string;
                            uid: string;
                        } | null;
                        /** @enum {string} */
                        category: "general" | "quality" | "delivery" | "billing" | "communication" | "technical" | "other";
                        channel: ("web" | "portal" | "email" | "api" | "linear") | null;
                        clockStops: {
                            /** Format: date-time */
                            from: string;
                            to: string | null;
                        }[] | null;
                        closedAt: string | null;
                        commentCount: number;
                        /** Format: date-time */
                        createdAt: string;
                        /** @description Only on a service's log with a fingerprint: true when it joined an open issue */
                        deduplicated?: boolean;
                        deleted: boolean;
                        deletedAt: string | null;
                        deletedBy: {
                            /** @enum {string} */
                            kind: "member" | "customer" | "service" | "linear" | "system";
                            name: string;
                            uid: string;
                            via?: {
                                /** @enum {string} */
                                kind: "macro" | "round_robin" | "auto_close";
                                name: string;
                            };
                        } | null;
                        /** @description Markdown */
                        description: string;
                        fingerprint: string | null;
                        firstResponseAt: string | null;
                        id: string;
                        lastActor: {
                            /** @enum {string} */
                            kind: "member" | "customer" | "service" | "linear" | "system";
                            name: string;
                            uid: string;
                            via?: {
                                /** @enum {string} */
                                kind: "macro" | "round_robin" | "auto_close";
                                name: string;
                            };
                        };
                        /** Format: date-time */
                        lastSeenAt: string;
                        linear: {
                            /** @description Why the last push failed; cleared by a push that succeeds */
                            error: {
                                /** Format: date-time */
                                at: string;
                                attempts: number;
                                code: string;
                                message: string;
                            } | null;
                            id: string;
                            /** @description ENG-123; null until Linear has the issue */
                            identifier: string | null;
                            remoteFieldAt: {
                                [key: string]: number;
                            } | null;
                            remoteUpdatedAt: string | null;
                            /** @description The Linear state's type; `pending` before the issue exists there, `deleted` once removed there */
                            state: string;
                            stateId: string | null;
                            stateName: string | null;
                            syncedAt: string | null;
                            syncedFields: {
                                [key: string]: string;
                            } | null;
                            syncedVersion: number;
                            url: string | null;
                        } | null;
                        metrics: {
                            firstResponseMs: number | null;
                            resolutionMs: number | null;
                        };
                        /** @description ISS-{YYYY}-{NNNN}; null until the allocator numbers the issue */
                        number: string | null;
                        occurrences: number;
                        order: {
                            id: string;
                            ref: string;
                        } | null;
                        orgId: string;
                        /** @enum {string} */
                        priority: "low" | "medium" | "high" | "urgent" | "critical";
                        publicCommentCount: number;
                        raisedByCustomer: boolean;
                        reporter: {
                            /** @enum {string} */
                            kind: "member" | "customer" | "service" | "linear" | "system";
                            name: string;
                            service?: string;
                            uid: string;
                            via?: {
                                /** @enum {string} */
                                kind: "macro" | "round_robin" | "auto_close";
                                name: string;
                            };
                        };
                        resolution: {
                            /** Format: date-time */
                            at: string;
                            by: {
                                /** @enum {string} */
                                kind: "member" | "customer" | "service" | "linear" | "system";
                                name: string;
                                uid: string;
                                via?: {
                                    /** @enum {string} */
                                    kind: "macro" | "round_robin" | "auto_close";
                                    name: string;
                                };
                            };
                            /** @description Public: the customer reads them */
                            notes: string;
                        } | null;
                        resolvedAt: string | null;
                        seq: number | null;
                        sla: {
                            /** @default false */
                            atRisk: boolean;
                            /** @default null */
                            atRiskAt: string | null;
                            /** @default false */
                            atRiskPending: boolean;
                            breached: boolean;
                            /**
                             * @default calendar
                             * @enum {string}
                             */
                            clock: "business" | "calendar";
                            /** @default false */
                            firstResponseAtRisk: boolean;
                            firstResponseBreached: boolean;
                            /** Format: date-time */
                            firstResponseDueAt: string;
                            firstResponseMins: number;
                            firstResponsePending: boolean;
                            /** @default null */
                            hours: {
                                holidays: string[];
                                timezone: string;
                                week: {
                                    fri: [
                                        string,
                                        string
                                    ][];
                                    mon: [
                                        string,
                                        string
                                    ][];
                                    sat: [
                                        string,
                                        string
                                    ][];
                                    sun: [
                                        string,
                                        string
                                    ][];
                                    thu: [
                                        string,
                                        string
                                    ][];
                                    tue: [
                                        string,
                                        string
                                    ][];
                                    wed: [
                                        string,
                                        string
                                    ][];
                                };
                            } | null;
                            /** @default null */
                            nextDueAt: string | null;
                            pausedAt: string | null;
                            pausedMs: number;
                            /** @enum {string} */
                            priority: "low" | "medium" | "high" | "urgent" | "critical";
                            /** @default false */
                            resolutionAtRisk: boolean;
                            resolutionBreached: boolean;
                            /** Format: date-time */
                            resolutionDueAt: string;
                            resolutionMins: number;
                            resolutionPending: boolean;
                            running: boolean;
                        } | null;
                        /** @enum {string} */
                        source: "internal" | "client" | "service" | "linear";
                        /** @enum {string} */
                        status: "open" | "answered" | "in_progress" | "on_hold" | "waiting_for_response" | "resolved" | "closed";
                        statusChangedAt: string | null;
                        tags: string[];
                        title: string;
                        /** @enum {string} */
                        type: "bug" | "feature" | "task" | "enhancement";
                        /** Format: date-time */
                        updatedAt: string;
                        vendor: {
                            id: string;
                            name: string;
                        } | null;
                        version: number;
                        watchers: string[];
                        year: number | null;
                    } | {
                        assignee: {
                            name: string;
                        } | null;
                        /** @enum {string} */
                        category: "general" | "quality" | "delivery" | "billing" | "communication" | "technical" | "other";
                        closedAt: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** @description Markdown */
                        description: string;
                        /** @description The issue's document id */
                        issueId: string;
                        /** @description ISS-{YYYY}-{NNNN}; null until the allocator numbers the issue */
                        number: string | null;
                        order: {
                            id: string;
                            ref: string;
                        } | null;
                        orgId: string;
                        orgName: string;
                        /** @enum {string} */
                        priority: "low" | "medium" | "high" | "urgent" | "critical";
                        publicCommentCount: number;
                        resolution: {
                            /** Format: date-time */
                            at: string;
                            /** @description Public: the customer reads them */
                            notes: string;
                        } | null;
                        resolvedAt: string | null;
                        /** @enum {string} */
                        status: "open" | "answered" | "in_progress" | "on_hold" | "waiting_for_response" | "resolved" | "closed";
                        title: string;
                        /** @enum {string} */
                        type: "bug" | "feature" | "task" | "enhancement";
                        /** Format: date-time */
                        updatedAt: string;
                        vendor: {
                            id: string;
                            name: string;
                        } | null;
                    };
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postOrgsOrgIdIssuesIdWatch: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description A document id: 1–1,500 bytes of valid Unicode, no '/', not '.', '..' or '__…__' */
                id: string;
                /** @description A document id: 1–1,500 bytes of valid Unicode, no '/', not '.', '..' or '__…__' */
                orgId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description The issue */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        assignee: {
                            name: string;
                            uid: string;
                        } | null;
                        /** @enum {string} */
                        category: "general" | "quality" | "delivery" | "billing" | "communication" | "technical" | "other";
                        channel: ("web" | "portal" | "email" | "api" | "linear") | null;
                        clockStops: {
                            /** Format: date-time */
                            from: string;
                            to: string | null;
                        }[] | null;
                        closedAt: string | null;
                        commentCount: number;
                        /** Format: date-time */
                        createdAt: string;
                        /** @description Only on a service's log with a fingerprint: true when it joined an open issue */
                        deduplicated?: boolean;
                        deleted: boolean;
                        deletedAt: string | null;
                        deletedBy: {
                            /** @enum {string} */
                            kind: "member" | "customer" | "service" | "linear" | "system";
                            name: string;
                            uid: string;
                            via?: {
                                /** @enum {string} */
                                kind: "macro" | "round_robin" | "auto_close";
                                name: string;
                            };
                        } | null;
                        /** @description Markdown */
                        description: string;
                        fingerprint: string | null;
                        firstResponseAt: string | null;
                        id: string;
                        lastActor: {
                            /** @enum {string} */
                            kind: "member" | "customer" | "service" | "linear" | "system";
                            name: string;
                            uid: string;
                            via?: {
                                /** @enum {string} */
                                kind: "macro" | "round_robin" | "auto_close";
                                name: string;
                            };
                        };
                        /** Format: date-time */
                        lastSeenAt: string;
                        linear: {
                            /** @description Why the last push failed; cleared by a push that succeeds */
                            error: {
                                /** Format: date-time */
                                at: string;
                                attempts: number;
                                code: string;
                                message: string;
                            } | null;
                            id: string;
                            /** @description ENG-123; null until Linear has the issue */
                            identifier: string | null;
                            remoteFieldAt: {
                                [key: string]: number;
                            } | null;
                            remoteUpdatedAt: string | null;
                            /** @description The Linear state's type; `pending` before the issue exists there, `deleted` once removed there */
                            state: string;
                            stateId: string | null;
                            stateName: string | null;
                            syncedAt: string | null;
                            syncedFields: {
                                [key: string]: string;
                            } | null;
                            syncedVersion: number;
                            url: string | null;
                        } | null;
                        metrics: {
                            firstResponseMs: number | null;
                            resolutionMs: number | null;
                        };
                        /** @description ISS-{YYYY}-{NNNN}; null until the allocator numbers the issue */
                        number: string | null;
                        occurrences: number;
                        order: {
                            id: string;
                            ref: string;
                        } | null;
                        orgId: string;
                        /** @enum {string} */
                        priority: "low" | "medium" | "high" | "urgent" | "critical";
                        publicCommentCount: number;
                        raisedByCustomer: boolean;
                        reporter: {
                            /** @enum {string} */
                            kind: "member" | "customer" | "service" | "linear" | "system";
                            name: string;
                            service?: string;
                            uid: string;
                            via?: {
                                /** @enum {string} */
                                kind: "macro" | "round_robin" | "auto_close";
                                name: string;
                            };
                        };
                        resolution: {
                            /** Format: date-time */
                            at: string;
                            by: {
                                /** @enum {string} */
                                kind: "member" | "customer" | "service" | "linear" | "system";
                                name: string;
                                uid: string;
                                via?: {
                                    /** @enum {string} */
                                    kind: "macro" | "round_robin" | "auto_close";
                                    name: string;
                                };
                            };
                            /** @description Public: the customer reads them */
                            notes: string;
                        } | null;
                        resolvedAt: string | null;
                        seq: number | null;
                        sla: {
                            /** @default false */
                            atRisk: boolean;
                            /** @default null */
                            atRiskAt: string | null;
                            /** @default false */
                            atRiskPending: boolean;
                            breached: boolean;
                            /**
                             * @default calendar
                             * @enum {string}
                             */
                            clock: "business" | "calendar";
                            /** @default false */
                            firstResponseAtRisk: boolean;
                            firstResponseBreached: boolean;
                            /** Format: date-time */
                            firstResponseDueAt: string;
                            firstResponseMins: number;
                            firstResponsePending: boolean;
                            /** @default null */
                            hours: {
                                holidays: string[];
                                timezone: string;
                                week: {
                                    fri: [
                                        string,
                                        string
                                    ][];
                                    mon: [
                                        string,
                                        string
                                    ][];
                                    sat: [
                                        string,
                                        string
                                    ][];
                                    sun: [
                                        string,
                                        string
                                    ][];
                                    thu: [
                                        string,
                                        string
                                    ][];
                                    tue: [
                                        string,
                                        string
                                    ][];
                                    wed: [
                                        string,
                                        string
                                    ][];
                                };
                            } | null;
                            /** @default null */
                            nextDueAt: string | null;
                            pausedAt: string | null;
                            pausedMs: number;
                            /** @enum {string} */
                            priority: "low" | "medium" | "high" | "urgent" | "critical";
                            /** @default false */
                            resolutionAtRisk: boolean;
                            resolutionBreached: boolean;
                            /** Format: date-time */
                            resolutionDueAt: string;
                            resolutionMins: number;
                            resolutionPending: boolean;
                            running: boolean;
                        } | null;
                        /** @enum {string} */
                        source: "internal" | "client" | "service" | "linear";
                        /** @enum {string} */
                        status: "open" | "answered" | "in_progress" | "on_hold" | "waiting_for_response" | "resolved" | "closed";
                        statusChangedAt: string | null;
                        tags: string[];
                        title: string;
                        /** @enum {string} */
                        type: "bug" | "feature" | "task" | "enhancement";
                        /** Format: date-time */
                        updatedAt: string;
                        vendor: {
                            id: string;
                            name: string;
                        } | null;
                        version: number;
                        watchers: string[];
                        year: number | null;
                    } | {
                        assignee: {
                            name: string;
                        } | null;
                        /** @enum {string} */
                        category: "general" | "quality" | "delivery" | "billing" | "communication" | "technical" | "other";
                        closedAt: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** @description Markdown */
                        description: string;
                        /** @description The issue's document id */
                        issueId: string;
                        /** @description ISS-{YYYY}-{NNNN}; null until the allocator numbers the issue */
                        number: string | null;
                        order: {
                            id: string;
                            ref: string;
                        } | null;
                        orgId: string;
                        orgName: string;
                        /** @enum {string} */
                        priority: "low" | "medium" | "high" | "urgent" | "critical";
                        publicCommentCount: number;
                        resolution: {
                            /** Format: date-time */
                            at: string;
                            /** @description Public: the customer reads them */
                            notes: string;
                        } | null;
                        resolvedAt: string | null;
                        /** @enum {string} */
                        status: "open" | "answered" | "in_progress" | "on_hold" | "waiting_for_response" | "resolved" | "closed";
                        title: string;
                        /** @enum {string} */
                        type: "bug" | "feature" | "task" | "enhancement";
                        /** Format: date-time */
                        updatedAt: string;
                        vendor: {
                            id: string;
                            name: string;
                        } | null;
                    };
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteOrgsOrgIdIssuesIdWatch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A document id: 1–1,500 bytes of valid Unicode, no '/', not '.', '..' or '__…__' */
                id: string;
                /** @description A document id: 1–1,500 bytes of valid Unicode, no '/', not '.', '..' or '__…__' */
                orgId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The issue */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        assignee: {
                            name: string;
                            uid: string;
                        } | null;
                        /** @enum {string} */
                        category: "general" | "quality" | "delivery" | "billing" | "communication" | "technical" | "other";
                        channel: ("web" | "portal" | "email" | "api" | "linear") | null;
                        clockStops: {
                            /** Format: date-time */
                            from: string;
                            to: string | null;
                        }[] | null;
                        closedAt: string | null;
                        commentCount: number;
                        /** Format: date-time */
                        createdAt: string;
                        /** @description Only on a service's log with a fingerprint: true when it joined an open issue */
                        deduplicated?: boolean;
                        deleted: boolean;
                        deletedAt: string | null;
                        deletedBy: {
                            /** @enum {string} */
                            kind: "member" | "customer" | "service" | "linear" | "system";
                            name: string;
                            uid: string;
                            via?: {
                                /** @enum {string} */
                                kind: "macro" | "round_robin" | "auto_close";
                                name: string;
                            };
                        } | null;
                        /** @description Markdown */
                        description: string;
                        fingerprint: string | null;
                        firstResponseAt: string | null;
                        id: string;
                        lastActor: {
                            /** @enum {string} */
                            kind: "member" | "customer" | "service" | "linear" | "system";
                            name: string;
                            uid: string;
                            via?: {
                                /** @enum {string} */
                                kind: "macro" | "round_robin" | "auto_close";
                                name: string;
                            };
                        };
                        /** Format: date-time */
                        lastSeenAt: string;
                        linear: {
                            /** @description Why the last push failed; cleared by a push that succeeds */
                            error: {
                                /** Format: date-time */
                                at: string;
                                attempts: number;
                                code: string;
                                message: string;
                            } | null;
                            id: string;
                            /** @description ENG-123; null until Linear has the issue */
                            identifier: string | null;
                            remoteFieldAt: {
                                [key: string]: number;
                            } | null;
                            remoteUpdatedAt: string | null;
                            /** @description The Linear state's type; `pending` before the issue exists there, `deleted` once removed there */
                            state: string;
                            stateId: string | null;
                            stateName: string | null;
                            syncedAt: string | null;
                            syncedFields: {
                                [key: string]: string;
                            } | null;
                            syncedVersion: number;
                            url: string | null;
                        } | null;
                        metrics: {
                            firstResponseMs: number | null;
                            resolutionMs: number | null;
                        };
                        /** @description ISS-{YYYY}-{NNNN}; null until the allocator numbers the issue */
                        number: string | null;
                        occurrences: number;
                        order: {
                            id: string;
                            ref: string;
                        } | null;
                        orgId: string;
                        /** @enum {string} */
                        priority: "low" | "medium" | "high" | "urgent" | "critical";
                        publicCommentCount: number;
                        raisedByCustomer: boolean;
                        reporter: {
                            /** @enum {string} */
                            kind: "member" | "customer" | "service" | "linear" | "system";
                            name: string;
                            service?: string;
                            uid: string;
                            via?: {
                                /** @enum {string} */
                                kind: "macro" | "round_robin" | "auto_close";
                                name: string;
                            };
                        };
                        resolution: {
                            /** Format: date-time */
                            at: string;
                            by: {
                                /** @enum {string} */
                                kind: "member" | "customer" | "service" | "linear" | "system";
                                name: string;
                                uid: string;
                                via?: {
                                    /** @enum {string} */
                                    kind: "macro" | "round_robin" | "auto_close";
                                    name: string;
                                };
                            };
                            /** @description Public: the customer reads them */
                            notes: string;
                        } | null;
                        resolvedAt: string | null;
                        seq: number | null;
                        sla: {
                            /** @default false */
                            atRisk: boolean;
                            /** @default null */
                            atRiskAt: string | null;
                            /** @default false */
                            atRiskPending: boolean;
                            breached: boolean;
                            /**
                             * @default calendar
                             * @enum {string}
                             */
                            clock: "business" | "calendar";
                            /** @default false */
                            firstResponseAtRisk: boolean;
                            firstResponseBreached: boolean;
                            /** Format: date-time */
                            firstResponseDueAt: string;
                            firstResponseMins: number;
                            firstResponsePending: boolean;
                            /** @default null */
                            hours: {
                                holidays: string[];
                                timezone: string;
                                week: {
                                    fri: [
                                        string,
                                        string
                                    ][];
                                    mon: [
                                        string,
                                        string
                                    ][];
                                    sat: [
                                        string,
                                        string
                                    ][];
                                    sun: [
                                        string,
                                        string
                                    ][];
                                    thu: [
                                        string,
                                        string
                                    ][];
                                    tue: [
                                        string,
                                        string
                                    ][];
                                    wed: [
                                        string,
                                        string
                                    ][];
                                };
                            } | null;
                            /** @default null */
                            nextDueAt: string | null;
                            pausedAt: string | null;
                            pausedMs: number;
                            /** @enum {string} */
                            priority: "low" | "medium" | "high" | "urgent" | "critical";
                            /** @default false */
                            resolutionAtRisk: boolean;
                            resolutionBreached: boolean;
                            /** Format: date-time */
                            resolutionDueAt: string;
                            resolutionMins: number;
                            resolutionPending: boolean;
                            running: boolean;
                        } | null;
                        /** @enum {string} */
                        source: "internal" | "client" | "service" | "linear";
                        /** @enum {string} */
                        status: "open" | "answered" | "in_progress" | "on_hold" | "waiting_for_response" | "resolved" | "closed";
                        statusChangedAt: string | null;
                        tags: string[];
                        title: string;
                        /** @enum {string} */
                        type: "bug" | "feature" | "task" | "enhancement";
                        /** Format: date-time */
                        updatedAt: string;
                        vendor: {
                            id: string;
                            name: string;
                        } | null;
                        version: number;
                        watchers: string[];
                        year: number | null;
                    } | {
                        assignee: {
                            name: string;
                        } | null;
                        /** @enum {string} */
                        category: "general" | "quality" | "delivery" | "billing" | "communication" | "technical" | "other";
                        closedAt: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** @description Markdown */
                        description: string;
                        /** @description The issue's document id */
                        issueId: string;
                        /** @description ISS-{YYYY}-{NNNN}; null until the allocator numbers the issue */
                        number: string | null;
                        order: {
                            id: string;
                            ref: string;
                        } | null;
                        orgId: string;
                        orgName: string;
                        /** @enum {string} */
                        priority: "low" | "medium" | "high" | "urgent" | "critical";
                        publicCommentCount: number;
                        resolution: {
                            /** Format: date-time */
                            at: string;
                            /** @description Public: the customer reads them */
                            notes: string;
                        } | null;
                        resolvedAt: string | null;
                        /** @enum {string} */
                        status: "open" | "answered" | "in_progress" | "on_hold" | "waiting_for_response" | "resolved" | "closed";
                        title: string;
                        /** @enum {string} */
                        type: "bug" | "feature" | "task" | "enhancement";
                        /** Format: date-time */
                        updatedAt: string;
                        vendor: {
                            id: string;
                            name: string;
                        } | null;
                    };
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOrgsOrgIdIssuesIdOrNumber: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A document id: 1–1,500 bytes of valid Unicode, no '/', not '.', '..' or '__…__' */
                idOrNumber: string;
                /** @description A document id: 1–1,500 bytes of valid Unicode, no '/', not '.', '..' or '__…__' */
                orgId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The issue */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        assignee: {
                            name: string;
                            uid: string;
                        } | null;
                        /** @enum {string} */
                        category: "general" | "quality" | "delivery" | "billing" | "communication" | "technical" | "other";
                        channel: ("web" | "portal" | "email" | "api" | "linear") | null;
                        clockStops: {
                            /** Format: date-time */
                            from: string;
                            to: string | null;
                        }[] | null;
                        closedAt: string | null;
                        commentCount: number;
                        /** Format: date-time */
                        createdAt: string;
                        /** @description Only on a service's log with a fingerprint: true when it joined an open issue */
                        deduplicated?: boolean;
                        deleted: boolean;
                        deletedAt: string | null;
                        deletedBy: {
                            /** @enum {string} */
                            kind: "member" | "customer" | "service" | "linear" | "system";
                            name: string;
                            uid: string;
                            via?: {
                                /** @enum {string} */
                                kind: "macro" | "round_robin" | "auto_close";
                                name: string;
                            };
                        } | null;
                        /** @description Markdown */
                        description: string;
                        fingerprint: string | null;
                        firstResponseAt: string | null;
                        id: string;
                        lastActor: {
                            /** @enum {string} */
                            kind: "member" | "customer" | "service" | "linear" | "system";
                            name: string;
                            uid: string;
                            via?: {
                                /** @enum {string} */
                                kind: "macro" | "round_robin" | "auto_close";
                                name: string;
                            };
                        };
                        /** Format: date-time */
                        lastSeenAt: string;
                        linear: {
                            /** @description Why the last push failed; cleared by a push that succeeds */
                            error: {
                                /** Format: date-time */
                                at: string;
                                attempts: number;
                                code: string;
                                message: string;
                            } | null;
                            id: string;
                            /** @description ENG-123; null until Linear has the issue */
                            identifier: string | null;
                            remoteFieldAt: {
                                [key: string]: number;
                            } | null;
                            remoteUpdatedAt: string | null;
                            /** @description The Linear state's type; `pending` before the issue exists there, `deleted` once removed there */
                            state: string;
                            stateId: string | null;
                            stateName: string | null;
                            syncedAt: string | null;
                            syncedFields: {
                                [key: string]: string;
                            } | null;
                            syncedVersion: number;
                            url: string | null;
                        } | null;
                        metrics: {
                            firstResponseMs: number | null;
                            resolutionMs: number | null;
                        };
                        /** @description ISS-{YYYY}-{NNNN}; null until the allocator numbers the issue */
                        number: string | null;
                        occurrences: number;
                        order: {
                            id: string;
                            ref: string;
                        } | null;
                        orgId: string;
                        /** @enum {string} */
                        priority: "low" | "medium" | "high" | "urgent" | "critical";
                        publicCommentCount: number;
                        raisedByCustomer: boolean;
                        reporter: {
                            /** @enum {string} */
                            kind: "member" | "customer" | "service" | "linear" | "system";
                            name: string;
                            service?: string;
                            uid: string;
                            via?: {
                                /** @enum {string} */
                                kind: "macro" | "round_robin" | "auto_close";
                                name: string;
                            };
                        };
                        resolution: {
                            /** Format: date-time */
                            at: string;
                            by: {
                                /** @enum {string} */
                                kind: "member" | "customer" | "service" | "linear" | "system";
                                name: string;
                                uid: string;
                                via?: {
                                    /** @enum {string} */
                                    kind: "macro" | "round_robin" | "auto_close";
                                    name: string;
                                };
                            };
                            /** @description Public: the customer reads them */
                            notes: string;
                        } | null;
                        resolvedAt: string | null;
                        seq: number | null;
                        sla: {
                            /** @default false */
                            atRisk: boolean;
                            /** @default null */
                            atRiskAt: string | null;
                            /** @default false */
                            atRiskPending: boolean;
                            breached: boolean;
                            /**
                             * @default calendar
                             * @enum {string}
                             */
                            clock: "business" | "calendar";
                            /** @default false */
                            firstResponseAtRisk: boolean;
                            firstResponseBreached: boolean;
                            /** Format: date-time */
                            firstResponseDueAt: string;
                            firstResponseMins: number;
                            firstResponsePending: boolean;
                            /** @default null */
                            hours: {
                                holidays: string[];
                                timezone: string;
                                week: {
                                    fri: [
                                        string,
                                        string
                                    ][];
                                    mon: [
                                        string,
                                        string
                                    ][];
                                    sat: [
                                        string,
                                        string
                                    ][];
                                    sun: [
                                        string,
                                        string
                                    ][];
                                    thu: [
                                        string,
                                        string
                                    ][];
                                    tue: [
                                        string,
                                        string
                                    ][];
                                    wed: [
                                        string,
                                        string
                                    ][];
                                };
                            } | null;
                            /** @default null */
                            nextDueAt: string | null;
                            pausedAt: string | null;
                            pausedMs: number;
                            /** @enum {string} */
                            priority: "low" | "medium" | "high" | "urgent" | "critical";
                            /** @default false */
                            resolutionAtRisk: boolean;
                            resolutionBreached: boolean;
                            /** Format: date-time */
                            resolutionDueAt: string;
                            resolutionMins: number;
                            resolutionPending: boolean;
                            running: boolean;
                        } | null;
                        /** @enum {string} */
                        source: "internal" | "client" | "service" | "linear";
                        /** @enum {string} */
                        status: "open" | "answered" | "in_progress" | "on_hold" | "waiting_for_response" | "resolved" | "closed";
                        statusChangedAt: string | null;
                        tags: string[];
                        title: string;
                        /** @enum {string} */
                        type: "bug" | "feature" | "task" | "enhancement";
                        /** Format: date-time */
                        updatedAt: string;
                        vendor: {
                            id: string;
                            name: string;
                        } | null;
                        version: number;
                        watchers: string[];
                        year: number | null;
                    } | {
                        assignee: {
                            name: string;
                        } | null;
                        /** @enum {string} */
                        category: "general" | "quality" | "delivery" | "billing" | "communication" | "technical" | "other";
                        closedAt: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** @description Markdown */
                        description: string;
                        /** @description The issue's document id */
                        issueId: string;
                        /** @description ISS-{YYYY}-{NNNN}; null until the allocator numbers the issue */
                        number: string | null;
                        order: {
                            id: string;
                            ref: string;
                        } | null;
                        orgId: string;
                        orgName: string;
                        /** @enum {string} */
                        priority: "low" | "medium" | "high" | "urgent" | "critical";
                        publicCommentCount: number;
                        resolution: {
                            /** Format: date-time */
                            at: string;
                            /** @description Public: the customer reads them */
                            notes: string;
                        } | null;
                        resolvedAt: string | null;
                        /** @enum {string} */
                        status: "open" | "answered" | "in_progress" | "on_hold" | "waiting_for_response" | "resolved" | "closed";
                        title: string;
                        /** @enum {string} */
                        type: "bug" | "feature" | "task" | "enhancement";
                        /** Format: date-time */
                        updatedAt: string;
                        vendor: {
                            id: string;
                            name: string;
                        } | null;
                    };
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOrgsOrgIdIssuesExportCsv: {
        parameters: {
            query?: {
                assignee?: string;
                category?: "general" | "quality" | "delivery" | "billing" | "communication" | "technical" | "other";
                deleted?: "true" | "false";
                order?: string;
                priority?: "low" | "medium" | "high" | "urgent" | "critical";
                q?: string;
                service?: string;
                sla?: "at_risk" | "breached";
                sort?: "number" | "-number" | "createdAt" | "-createdAt" | "updatedAt" | "-updatedAt" | "priority" | "-priority" | "due" | "-due";
                source?: "internal" | "client" | "service" | "linear";
                status?: string;
                tag?: string;
                type?: "bug" | "feature" | "task" | "enhancement";
                vendor?: string;
            };
            header?: never;
            path: {
                /** @description A document id: 1–1,500 bytes of valid Unicode, no '/', not '.', '..' or '__…__' */
                orgId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 4180 CSV */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOrgsOrgIdMacros: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A document id: 1–1,500 bytes of valid Unicode, no '/', not '.', '..' or '__…__' */
                orgId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Macros */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            changes: {
                                addTags?: string[];
                                assigneeUid?: string | null;
                                /** @enum {string} */
                                priority?: "low" | "medium" | "high" | "urgent" | "critical";
                                /** @enum {string} */
                                status?: "open" | "answered" | "in_progress" | "on_hold" | "waiting_for_response" | "resolved" | "closed";
                            };
                            createdAt: string | null;
                            createdBy: string;
                            id: string;
                            name: string;
                            reply: {
                                body: string;
                                internal: boolean;
                            } | null;
                            updatedAt: string | null;
                            updatedBy: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postOrgsOrgIdMacros: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description A document id: 1–1,500 bytes of valid Unicode, no '/', not '.', '..' or '__…__' */
                orgId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    changes?: {
                        addTags?: string[];
                        assigneeUid?: string | null;
                        /** @enum {string} */
                        priority?: "low" | "medium" | "high" | "urgent" | "critical";
                        /**
                         * @description Moved to after the reply, through the status machine; resolved takes the public reply as resolution notes
                         * @enum {string}
                         */
                        status?: "open" | "answered" | "in_progress" | "on_hold" | "waiting_for_response" | "resolved" | "closed";
                    };
                    name: string;
                    /** @default null */
                    reply?: {
                        body: string;
                        /**
                         * @description true: an internal note; false: a public reply the customer reads
                         * @default false
                         */
                        internal?: boolean;
                    } | null;
                };
            };
        };
        responses: {
            /** @description The macro */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        changes: {
                            addTags?: string[];
                            assigneeUid?: string | null;
                            /** @enum {string} */
                            priority?: "low" | "medium" | "high" | "urgent" | "critical";
                            /** @enum {string} */
                            status?: "open" | "answered" | "in_progress" | "on_hold" | "waiting_for_response" | "resolved" | "closed";
                        };
                        createdAt: string | null;
                        createdBy: string;
                        id: string;
                        name: string;
                        reply: {
                            body: string;
                            internal: boolean;
                        } | null;
                        updatedAt: string | null;
                        updatedBy: string;
                    };
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOrgsOrgIdMacrosMacroId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A document id: 1–1,500 bytes of valid Unicode, no '/', not '.', '..' or '__…__' */
                macroId: string;
                /** @description A document id: 1–1,500 bytes of valid Unicode, no '/', not '.', '..' or '__…__' */
                orgId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The macro */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        changes: {
                            addTags?: string[];
                            assigneeUid?: string | null;
                            /** @enum {string} */
                            priority?: "low" | "medium" | "high" | "urgent" | "critical";
                            /** @enum {string} */
                            status?: "open" | "answered" | "in_progress" | "on_hold" | "waiting_for_response" | "resolved" | "closed";
                        };
                        createdAt: string | null;
                        createdBy: string;
                        id: string;
                        name: string;
                        reply: {
                            body: string;
                            internal: boolean;
                        } | null;
                        updatedAt: string | null;
                        updatedBy: string;
                    };
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteOrgsOrgIdMacrosMacroId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A document id: 1–1,500 bytes of valid Unicode, no '/', not '.', '..' or '__…__' */
                macroId: string;
                /** @description A document id: 1–1,500 bytes of valid Unicode, no '/', not '.', '..' or '__…__' */
                orgId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Authentication required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patchOrgsOrgIdMacrosMacroId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A document id: 1–1,500 bytes of valid Unicode, no '/', not '.', '..' or '__…__' */
                macroId: string;
                /** @description A document id: 1–1,500 bytes of valid Unicode, no '/', not '.', '..' or '__…__' */
                orgId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    changes?: {
                        addTags?: string[];
                        assigneeUid?: string | null;
                        /** @enum {string} */
                        priority?: "low" | "medium" | "high" | "urgent" | "critical";
                        /**
                         * @description Moved to after the reply, through the status machine; resolved takes the public reply as resolution notes
                         * @enum {string}
                         */
                        status?: "open" | "answered" | "in_progress" | "on_hold" | "waiting_for_response" | "resolved" | "closed";
                    };
                    name?: string;
                    reply?: {
                        body: string;
                        /**
                         * @description true: an internal note; false: a public reply the customer reads
                         * @default false
                         */
                        internal?: boolean;
                    } | null;
                };
            };
        };
        responses: {
            /** @description The macro */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        changes: {
                            addTags?: string[];
                            assigneeUid?: string | null;
                            /** @enum {string} */
                            priority?: "low" | "medium" | "high" | "urgent" | "critical";
                            /** @enum {string} */
                            status?: "open" | "answered" | "in_progress" | "on_hold" | "waiting_for_response" | "resolved" | "closed";
                        };
                        createdAt: string | null;
                        createdBy: string;
                        id: string;
                        name: string;
                        reply: {
                            body: string;
                            internal: boolean;
                        } | null;
                        updatedAt: string | null;
                        updatedBy: string;
                    };
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOrgsOrgIdMembers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A document id: 1–1,500 bytes of valid Unicode, no '/', not '.', '..' or '__…__' */
                orgId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Members */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** Format: date-time */
                            createdAt: string;
                            displayName: string;
                            email: string | null;
                            /** @enum {string} */
                            role: "admin" | "agent" | "reporter" | "viewer" | "customer";
                            uid: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteOrgsOrgIdMembersUid: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A document id: 1–1,500 bytes of valid Unicode, no '/', not '.', '..' or '__…__' */
                orgId: string;
                /** @description A document id: 1–1,500 bytes of valid Unicode, no '/', not '.', '..' or '__…__' */
                uid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Authentication required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patchOrgsOrgIdMembersUid: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A document id: 1–1,500 bytes of valid Unicode, no '/', not '.', '..' or '__…__' */
                orgId: string;
                /** @description A document id: 1–1,500 bytes of valid Unicode, no '/', not '.', '..' or '__…__' */
                uid: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    role: "admin" | "agent" | "reporter" | "viewer" | "customer";
                };
            };
        };
        responses: {
            /** @description The member */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        createdAt: string;
                        displayName: string;
                        email: string | null;
                        /** @enum {string} */
                        role: "admin" | "agent" | "reporter" | "viewer" | "customer";
                        uid: string;
                    };
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOrgsOrgIdSavedReplies: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A document id: 1–1,500 bytes of valid Unicode, no '/', not '.', '..' or '__…__' */
                orgId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Saved replies */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            body: string;
                            createdAt: string | null;
                            createdBy: string;
                            id: string;
                            /** @description true: meant as an internal note */
                            internal: boolean;
                            title: string;
                            updatedAt: string | null;
                            updatedBy: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postOrgsOrgIdSavedReplies: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description A document id: 1–1,500 bytes of valid Unicode, no '/', not '.', '..' or '__…__' */
                orgId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The reply's text; inserted into the reply box, where the agent edits it before sending */
                    body: string;
                    /**
                     * @description true: meant as an internal note; the reply box switches to internal when it is inserted
                     * @default false
                     */
                    internal?: boolean;
                    title: string;
                };
            };
        };
        responses: {
            /** @description The saved reply */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        body: string;
                        createdAt: string | null;
                        createdBy: string;
                        id: string;
                        /** @description true: meant as an internal note */
                        internal: boolean;
                        title: string;
                        updatedAt: string | null;
                        updatedBy: string;
                    };
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOrgsOrgIdSavedRepliesReplyId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A document id: 1–1,500 bytes of valid Unicode, no '/', not '.', '..' or '__…__' */
                orgId: string;
                /** @description A document id: 1–1,500 bytes of valid Unicode, no '/', not '.', '..' or '__…__' */
                replyId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The saved reply */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        body: string;
                        createdAt: string | null;
                        createdBy: string;
                        id: string;
                        /** @description true: meant as an internal note */
                        internal: boolean;
                        title: string;
                        updatedAt: string | null;
                        updatedBy: string;
                    };
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteOrgsOrgIdSavedRepliesReplyId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A document id: 1–1,500 bytes of valid Unicode, no '/', not '.', '..' or '__…__' */
                orgId: string;
                /** @description A document id: 1–1,500 bytes of valid Unicode, no '/', not '.', '..' or '__…__' */
                replyId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Authentication required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patchOrgsOrgIdSavedRepliesReplyId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A document id: 1–1,500 bytes of valid Unicode, no '/', not '.', '..' or '__…__' */
                orgId: string;
                /** @description A document id: 1–1,500 bytes of valid Unicode, no '/', not '.', '..' or '__…__' */
                replyId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    body?: string;
                    internal?: boolean;
                    title?: string;
                };
            };
        };
        responses: {
            /** @description The saved reply */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        body: string;
                        createdAt: string | null;
                        createdBy: string;
                        id: string;
                        /** @description true: meant as an internal note */
                        internal: boolean;
                        title: string;
                        updatedAt: string | null;
                        updatedBy: string;
                    };
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOrgsOrgIdSettings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A document id: 1–1,500 bytes of valid Unicode, no '/', not '.', '..' or '__…__' */
                orgId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Settings */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        autoJoinDomains: string[];
                        automations: {
                            assignment: {
                                /** @enum {string} */
                                mode: "none" | "round_robin";
                                pool: string[];
                            };
                            autoCloseAfterDays: number | null;
                        };
                        businessHours: {
                            holidays: string[];
                            timezone: string;
                            week: {
                                fri: [
                                    string,
                                    string
                                ][];
                                mon: [
                                    string,
                                    string
                                ][];
                                sat: [
                                    string,
                                    string
                                ][];
                                sun: [
                                    string,
                                    string
                                ][];
                                thu: [
                                    string,
                                    string
                                ][];
                                tue: [
                                    string,
                                    string
                                ][];
                                wed: [
                                    string,
                                    string
                                ][];
                            };
                        };
                        email: {
                            autoAcknowledge: boolean;
                            enabled: boolean;
                            senderName: string | null;
                            signature: string;
                        };
                        inboundAddress: string;
                        linear: {
                            enabled: boolean;
                            /** @enum {string} */
                            mirrorComments: "none" | "public" | "all";
                            stateMap: {
                                [key: string]: string;
                            };
                            teamId: string | null;
                        };
                        publicIntake: boolean;
                        serviceAccounts: string[];
                        sla: {
                            critical: {
                                /** @enum {string} */
                                clock: "business" | "calendar";
                                firstResponseMins: number;
                                resolutionMins: number;
                            };
                            high: {
                                /** @enum {string} */
                                clock: "business" | "calendar";
                                firstResponseMins: number;
                                resolutionMins: number;
                            };
                            low: {
                                /** @enum {string} */
                                clock: "business" | "calendar";
                                firstResponseMins: number;
                                resolutionMins: number;
                            };
                            medium: {
                                /** @enum {string} */
                                clock: "business" | "calendar";
                                firstResponseMins: number;
                                resolutionMins: number;
                            };
                            urgent: {
                                /** @enum {string} */
                                clock: "business" | "calendar";
                                firstResponseMins: number;
                                resolutionMins: number;
                            };
                        };
                        /** @description Staff roles need a verified address of these domains (or their subdomains); empty: any verified address */
                        staffDomains: string[];
                    };
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patchOrgsOrgIdSettings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A document id: 1–1,500 bytes of valid Unicode, no '/', not '.', '..' or '__…__' */
                orgId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    autoJoinDomains?: string[];
                    automations?: {
                        assignment?: {
                            /** @enum {string} */
                            mode: "none" | "round_robin";
                            /** @description Member uids, in turn order; members who are no longer admins or agents are skipped */
                            pool: string[];
                        };
                        autoCloseAfterDays?: number | null;
                    };
                    businessHours?: {
                        holidays: string[];
                        timezone: string;
                        week: {
                            fri: [
                                string,
                                string
                            ][];
                            mon: [
                                string,
                                string
                            ][];
                            sat: [
                                string,
                                string
                            ][];
                            sun: [
                                string,
                                string
                            ][];
                            thu: [
                                string,
                                string
                            ][];
                            tue: [
                                string,
                                string
                            ][];
                            wed: [
                                string,
                                string
                            ][];
                        };
                    };
                    email?: {
                        autoAcknowledge?: boolean;
                        enabled?: boolean;
                        senderName?: string | null;
                        signature?: string;
                    };
                    linear?: {
                        enabled?: boolean;
                        /** @enum {string} */
                        mirrorComments?: "none" | "public" | "all";
                        stateMap?: {
                            [key: string]: string;
                        };
                        teamId?: string | null;
                    };
                    publicIntake?: boolean;
                    serviceAccounts?: string[];
                    sla?: {
                        critical?: {
                            /** @enum {string} */
                            clock?: "business" | "calendar";
                            firstResponseMins: number;
                            resolutionMins: number;
                        };
                        high?: {
                            /** @enum {string} */
                            clock?: "business" | "calendar";
                            firstResponseMins: number;
                            resolutionMins: number;
                        };
                        low?: {
                            /** @enum {string} */
                            clock?: "business" | "calendar";
                            firstResponseMins: number;
                            resolutionMins: number;
                        };
                        medium?: {
                            /** @enum {string} */
                            clock?: "business" | "calendar";
                            firstResponseMins: number;
                            resolutionMins: number;
                        };
                        urgent?: {
                            /** @enum {string} */
                            clock?: "business" | "calendar";
                            firstResponseMins: number;
                            resolutionMins: number;
                        };
                    };
                    staffDomains?: string[];
                };
            };
        };
        responses: {
            /** @description Settings */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        autoJoinDomains: string[];
                        automations: {
                            assignment: {
                                /** @enum {string} */
                                mode: "none" | "round_robin";
                                pool: string[];
                            };
                            autoCloseAfterDays: number | null;
                        };
                        businessHours: {
                            holidays: string[];
                            timezone: string;
                            week: {
                                fri: [
                                    string,
                                    string
                                ][];
                                mon: [
                                    string,
                                    string
                                ][];
                                sat: [
                                    string,
                                    string
                                ][];
                                sun: [
                                    string,
                                    string
                                ][];
                                thu: [
                                    string,
                                    string
                                ][];
                                tue: [
                                    string,
                                    string
                                ][];
                                wed: [
                                    string,
                                    string
                                ][];
                            };
                        };
                        email: {
                            autoAcknowledge: boolean;
                            enabled: boolean;
                            senderName: string | null;
                            signature: string;
                        };
                        inboundAddress: string;
                        linear: {
                            enabled: boolean;
                            /** @enum {string} */
                            mirrorComments: "none" | "public" | "all";
                            stateMap: {
                                [key: string]: string;
                            };
                            teamId: string | null;
                        };
                        publicIntake: boolean;
                        serviceAccounts: string[];
                        sla: {
                            critical: {
                                /** @enum {string} */
                                clock: "business" | "calendar";
                                firstResponseMins: number;
                                resolutionMins: number;
                            };
                            high: {
                                /** @enum {string} */
                                clock: "business" | "calendar";
                                firstResponseMins: number;
                                resolutionMins: number;
                            };
                            low: {
                                /** @enum {string} */
                                clock: "business" | "calendar";
                                firstResponseMins: number;
                                resolutionMins: number;
                            };
                            medium: {
                                /** @enum {string} */
                                clock: "business" | "calendar";
                                firstResponseMins: number;
                                resolutionMins: number;
                            };
                            urgent: {
                                /** @enum {string} */
                                clock: "business" | "calendar";
                                firstResponseMins: number;
                                resolutionMins: number;
                            };
                        };
                        /** @description Staff roles need a verified address of these domains (or their subdomains); empty: any verified address */
                        staffDomains: string[];
                    };
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOrgsOrgIdStats: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A document id: 1–1,500 bytes of valid Unicode, no '/', not '.', '..' or '__…__' */
                orgId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Statistics */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        byCategory: {
                            [key: string]: number;
                        };
                        byPriority: {
                            [key: string]: number;
                        };
                        byService: {
                            [key: string]: number;
                        };
                        bySource: {
                            [key: string]: number;
                        };
                        byStatus: {
                            [key: string]: number;
                        };
                        byType: {
                            [key: string]: number;
                        };
                        createdPerDay: {
                            count: number;
                            day: string;
                        }[];
                        firstResponse: {
                            averageMs: number | null;
                            count: number;
                            medianMs: number | null;
                        } & {
                            [key: string]: unknown;
                        };
                        open: number;
                        openByAssignee: {
                            [key: string]: number;
                        };
                        openUnassigned: number;
                        reconciledAt: string | null;
                        resolution: {
                            averageMs: number | null;
                            count: number;
                            medianMs: number | null;
                        } & {
                            [key: string]: unknown;
                        };
                        resolvedPerDay: {
                            count: number;
                            day: string;
                        }[];
                        sla: {
                            breached: number;
                            compliancePct: number | null;
                            firstResponseBreached: number;
                            resolutionBreached: number;
                            tracked: number;
                        };
                        total: number;
                    };
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
