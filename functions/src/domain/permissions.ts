/**
 * Who may do what (docs/product.md). `own` means only on issues the caller raised,
 * which is how customers are scoped.
 */
import type { Role } from "./vocabulary";

export const ACTIONS = [
  "issue.view",
  "issue.create",
  /** Edit fields, assign, transition, resolve, close. */
  "issue.edit",
  "issue.reopen",
  "comment.public",
  "comment.internal",
  /** See internal comments and internal activities. */
  "internal.read",
  "issue.softDelete",
  "issue.restore",
  "issue.hardDelete",
  "members.manage",
  "settings.manage",
  "apiKeys.manage",
  "integrations.manage",
  /** Read the org's saved replies, to insert one into a reply. */
  "savedReplies.read",
  /** Create, edit and delete saved replies. */
  "savedReplies.manage",
  /** Read the org's macros (the whole team; applying one is an edit). */
  "macros.read",
  /** Create, edit and delete macros. */
  "macros.manage",
] as const;
export type Action = (typeof ACTIONS)[number];

export type Grant = "all" | "own" | "none";

const ADMIN_ONLY = [
  "issue.restore",
  "issue.hardDelete",
  "members.manage",
  "settings.manage",
  "apiKeys.manage",
  "integrations.manage",
  "savedReplies.manage",
  "macros.manage",
] as const;

function grants(all: readonly Action[], own: readonly Action[] = []): Readonly<Record<Action, Grant>> {
  return Object.fromEntries(
    ACTIONS.map((action) => [action, all.includes(action) ? "all" : own.includes(action) ? "own" : "none"]),
  ) as Record<Action, Grant>;
}

export const PERMISSIONS: Readonly<Record<Role, Readonly<Record<Action, Grant>>>> = {
  admin: grants(ACTIONS),
  agent: grants(ACTIONS.filter((a) => !(ADMIN_ONLY as readonly Action[]).includes(a))),
  reporter: grants([
    "issue.view",
    "issue.create",
    "comment.public",
    "comment.internal",
    "internal.read",
    "macros.read",
  ]),
  viewer: grants(["issue.view", "internal.read", "macros.read"]),
  customer: grants(["issue.create"], ["issue.view", "issue.reopen", "comment.public"]),
  service: grants([
    "issue.view",
    "issue.create",
    "issue.edit",
    "issue.reopen",
    "comment.public",
    "comment.internal",
    "internal.read",
    "macros.read",
  ]),
};

export function grantFor(role: Role, action: Action): Grant {
  return PERMISSIONS[role][action];
}

/**
 * `ownsIssue` matters only for `own` grants; leave it out for actions that are
 * not about one issue (creating, managing members).
 */
export function can(role: Role, action: Action, ownsIssue = false): boolean {
  const grant = grantFor(role, action);
  return grant === "all" || (grant === "own" && ownsIssue);
}

/** Everything an edit covers includes reopening. */
export function canReopen(role: Role, ownsIssue: boolean): boolean {
  return can(role, "issue.edit", ownsIssue) || can(role, "issue.reopen", ownsIssue);
}

/**
 * A command's note (a transition's note, a reopen's reason) is internal when its writer may
 * write internal notes at all: the team's notes stay with the team, a customer's are public
 * (a customer writing "internal" notes would only be talking to themselves).
 */
export function commandNoteIsInternal(role: Role): boolean {
  return can(role, "comment.internal");
}
