/**
 * What the domain and the store refuse, by kind. They throw a DomainError; the
 * API answers it through one table (api/errors.ts) that must name every kind.
 */
export const DOMAIN_ERROR_KINDS = [
  "issue_not_found",
  "cursor_invalid",
  "cursor_other_query",
  "last_admin",
  "already_member",
  "invitee_is_member",
  "invite_expired",
  "invite_accepted",
  "linear_team_not_bound",
  "outside_staff_domains",
  "invite_throttled",
  "too_many_pending_invites",
  "slug_taken",
] as const;
export type DomainErrorKind = (typeof DOMAIN_ERROR_KINDS)[number];

export class DomainError extends Error {
  /** `details`: facts the answer may show (a taken slug's free alternative), never internals. */
  constructor(
    readonly kind: DomainErrorKind,
    readonly details: Record<string, string> = {},
  ) {
    super(kind);
    this.name = "DomainError";
  }
}

export const isDomainError = (err: unknown, kind?: DomainErrorKind): err is DomainError =>
  err instanceof DomainError && (kind === undefined || err.kind === kind);
