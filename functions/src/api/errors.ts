/**
 * Typed errors and their one mapping to RFC 9457 problem+json. Handlers throw;
 * only `problemHandler` writes an error response, and it never reveals an
 * internal message or a stack. Domain errors are answered through one table,
 * `DOMAIN_PROBLEMS`, which the compiler holds to every kind the domain has.
 */
import type { ErrorRequestHandler, Response } from "express";
import { ZodError } from "zod";
import { logger } from "firebase-functions/logger";
import { isDomainError, type DomainErrorKind } from "../domain";

export const PROBLEM_KINDS = {
  bad_request: { status: 400, title: "Bad request" },
  unauthenticated: { status: 401, title: "Authentication required" },
  forbidden: { status: 403, title: "Forbidden" },
  not_found: { status: 404, title: "Not found" },
  method_not_allowed: { status: 405, title: "Method not allowed" },
  conflict: { status: 409, title: "Conflict" },
  payload_too_large: { status: 413, title: "Payload too large" },
  unsupported_media_type: { status: 415, title: "Unsupported media type" },
  validation: { status: 422, title: "Validation failed" },
  rate_limited: { status: 429, title: "Too many requests" },
  internal: { status: 500, title: "Internal error" },
} as const satisfies Record<string, { status: number; title: string }>;
export type ProblemKind = keyof typeof PROBLEM_KINDS;

export interface FieldError {
  path: string;
  code: string;
  message: string;
}

export class ApiError extends Error {
  readonly kind: ProblemKind;
  readonly status: number;
  readonly errors: FieldError[] | undefined;
  readonly extensions: Record<string, unknown>;

  constructor(
    kind: ProblemKind,
    detail: string,
    options: { errors?: FieldError[]; extensions?: Record<string, unknown> } = {},
  ) {
    super(detail);
    this.kind = kind;
    this.status = PROBLEM_KINDS[kind].status;
    this.errors = options.errors;
    this.extensions = options.extensions ?? {};
  }
}

export const badRequest = (detail: string) => new ApiError("bad_request", detail);
export const unauthenticated = (detail = "A valid bearer token is required.") =>
  new ApiError("unauthenticated", detail);
export const forbidden = (detail = "Your role does not allow this.") => new ApiError("forbidden", detail);
/** An account whose address Auth has not verified may read GET /me, and nothing else (docs/security.md). */
export const emailNotVerified = () =>
  new ApiError("forbidden", "Verify your email address first: follow the link we sent you, then sign in again.", {
    extensions: { code: "email_not_verified" },
  });
export const notFound = (what = "The resource") => new ApiError("not_found", `${what} was not found.`);

export function fieldErrors(error: ZodError, prefix = ""): FieldError[] {
  return error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join("."),
    code: issue.code,
    message: issue.message,
  }));
}

export function validationError(error: ZodError, where: "body" | "query" | "params" = "body"): ApiError {
  return new ApiError("validation", `The request ${where} is not valid.`, {
    errors: fieldErrors(error, where === "body" ? "" : where),
  });
}

/** What each refusal of the domain and the store answers. */
export const DOMAIN_PROBLEMS: Record<DomainErrorKind, { kind: ProblemKind; detail: string }> = {
  issue_not_found: { kind: "not_found", detail: "The issue was not found." },
  cursor_invalid: { kind: "bad_request", detail: "The cursor is not one this API gave out." },
  cursor_other_query: {
    kind: "bad_request",
    detail: "The cursor was made for another query: send the filters and sort of the page it came from.",
  },
  last_admin: { kind: "conflict", detail: "An organisation must keep at least one admin." },
  already_member: { kind: "conflict", detail: "That account is already a member; change its role instead." },
  invitee_is_member: {
    kind: "conflict",
    detail: "That address belongs to a member already; change their role instead.",
  },
  invite_expired: { kind: "conflict", detail: "This invitation has expired; ask for a new one." },
  invite_accepted: {
    kind: "conflict",
    detail: "This invitation was accepted already; remove the member instead of revoking it.",
  },
  linear_team_not_bound: {
    kind: "conflict",
    detail:
      "This Linear team is not bound to this organisation. Ask the operator of this Firetrack deployment to bind it; until then the sync stays off.",
  },
  invite_throttled: {
    kind: "rate_limited",
    detail: "Too many invitations from this organisation or to this address lately; try again later.",
  },
  too_many_pending_invites: {
    kind: "conflict",
    detail: "This organisation has too many pending invitations; revoke some first.",
  },
  outside_staff_domains: {
    kind: "forbidden",
    detail:
      "This organisation takes staff only with a verified address of its own email domains; ask its admin to invite another address.",
  },
  slug_taken: { kind: "conflict", detail: "Another organisation already uses this slug; choose another." },
};

/** The problem document of an error, without the requestId (bulk results carry one per item). */
export function problemBody(error: ApiError): Record<string, unknown> {
  return {
    type: `https://firetrack.dev/problems/${error.kind.replace(/_/g, "-")}`,
    title: PROBLEM_KINDS[error.kind].title,
    status: error.status,
    detail: error.message,
    ...(error.errors ? { errors: error.errors } : {}),
    ...error.extensions,
  };
}

export function sendProblem(res: Response, error: ApiError): void {
  if (error.status === 401) res.setHeader("WWW-Authenticate", 'Bearer realm="firetrack"');
  res
    .status(error.status)
    .type("application/problem+json")
    .json({ ...problemBody(error), requestId: res.locals.requestId as string });
}

/** What body-parser throws carries a `type` and a 4xx `status`; map those to our kinds. */
function fromBodyParser(err: { type?: string; status?: number }): ApiError | null {
  switch (err.type) {
    case "entity.parse.failed":
      return badRequest("The request body is not valid JSON.");
    case "entity.too.large":
      return new ApiError("payload_too_large", "The request body is too large.");
    case "encoding.unsupported":
    case "charset.unsupported":
      return new ApiError("unsupported_media_type", "The request body's encoding is not supported.");
    default:
      return typeof err.status === "number" && err.status >= 400 && err.status < 500
        ? badRequest("The request could not be read.")
        : null;
  }
}

/** The answer for anything thrown: a known error as its problem, null for a fault of ours. */
export function knownProblem(err: unknown): ApiError | null {
  if (err instanceof ApiError) return err;
  if (isDomainError(err)) {
    const { kind, detail } = DOMAIN_PROBLEMS[err.kind];
    if (err.kind === "slug_taken") {
      // On the field, so a form can show it there, with a free alternative to offer.
      const suggestion = err.details.suggestion ?? null;
      const message = suggestion ? `This slug is taken; "${suggestion}" is free.` : "This slug is taken.";
      return new ApiError(kind, detail, {
        errors: [{ path: "slug", code: "taken", message }],
        extensions: { suggestion },
      });
    }
    if (err.kind === "linear_team_not_bound")
      // On the field, so the settings form shows it beside the team id.
      return new ApiError(kind, detail, {
        errors: [
          {
            path: "linear.teamId",
            code: "not_bound",
            message: "This team is not bound to this organisation: ask the deployment's operator to bind it.",
          },
        ],
      });
    return new ApiError(kind, detail);
  }
  if (err instanceof ZodError) return validationError(err);
  return err !== null && typeof err === "object" ? fromBodyParser(err) : null;
}

export const internalProblem = () =>
  new ApiError("internal", "Something went wrong on our side. Quote the requestId if you report it.");

/** Logs the cause for us; the caller answers with nothing that reveals it. */
export function logFault(event: string, data: Record<string, unknown>, err: unknown): void {
  logger.error(event, {
    ...data,
    error: err instanceof Error ? { name: err.name, message: err.message, stack: err.stack } : String(err),
  });
}

export const problemHandler: ErrorRequestHandler = (err, req, res, _next) => {
  const known = knownProblem(err);
  if (known) {
    sendProblem(res, known);
    return;
  }
  logFault(
    "api.unhandled_error",
    { requestId: res.locals.requestId, method: req.method, route: req.route?.path ?? req.path },
    err,
  );
  sendProblem(res, internalProblem());
};
