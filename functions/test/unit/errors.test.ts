import type { Request, Response } from "express";
import { logger } from "firebase-functions/logger";
import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { ApiError, DOMAIN_PROBLEMS, forbidden, problemHandler } from "../../src/api/errors";
import { DOMAIN_ERROR_KINDS, DomainError } from "../../src/domain";

/** Runs the error handler on `err` and returns what it answered. */
function answer(err: unknown) {
  const sent: { status?: number; type?: string; body?: Record<string, unknown>; headers: Record<string, string> } = {
    headers: {},
  };
  const res = {
    locals: { requestId: "req-12345678" },
    setHeader: (name: string, value: string) => (sent.headers[name] = value),
    status(code: number) {
      sent.status = code;
      return this;
    },
    type(type: string) {
      sent.type = type;
      return this;
    },
    json(body: Record<string, unknown>) {
      sent.body = body;
      return this;
    },
  } as unknown as Response;
  problemHandler(err, { method: "GET", path: "/x" } as Request, res, () => undefined);
  return sent;
}

describe("problemHandler", () => {
  afterEach(() => vi.restoreAllMocks());

  it.each(DOMAIN_ERROR_KINDS)("answers the domain error %s through the table, as problem+json", (kind) => {
    const sent = answer(new DomainError(kind));
    expect(sent.status).toBeGreaterThanOrEqual(400);
    expect(sent.status).toBeLessThan(500);
    expect(sent.type).toBe("application/problem+json");
    expect(sent.body).toMatchObject({
      status: sent.status,
      detail: DOMAIN_PROBLEMS[kind].detail,
      requestId: "req-12345678",
    });
  });

  it("answers the kinds with the statuses the contract names", () => {
    expect(answer(new DomainError("issue_not_found")).status).toBe(404);
    expect(answer(new DomainError("cursor_invalid")).status).toBe(400);
    expect(answer(new DomainError("cursor_other_query")).status).toBe(400);
    expect(answer(new DomainError("last_admin")).status).toBe(409);
    expect(answer(new DomainError("already_member")).status).toBe(409);
  });

  it("answers an ApiError and a ZodError as they are", () => {
    expect(answer(forbidden()).status).toBe(403);
    const zod = z.object({ a: z.string() }).safeParse({ a: 1 }).error!;
    const sent = answer(zod);
    expect(sent.status).toBe(422);
    expect(sent.body?.errors).toEqual([expect.objectContaining({ path: "a" })]);
  });

  it("answers anything else with a 500 that reveals nothing of the cause, and logs the cause", () => {
    const logged = vi.spyOn(logger, "error").mockImplementation(() => undefined);
    const sent = answer(new Error("secret internals at /srv/db"));
    expect(sent.status).toBe(500);
    expect(JSON.stringify(sent.body)).not.toContain("secret");
    expect(logged).toHaveBeenCalledWith(
      "api.unhandled_error",
      expect.objectContaining({
        requestId: "req-12345678",
        error: expect.objectContaining({ message: "secret internals at /srv/db" }),
      }),
    );
    expect(answer(null).status).toBe(500);
    expect(answer("a string").status).toBe(500);
    expect(logged).toHaveBeenCalledTimes(3);
  });

  it("keeps extensions an ApiError carries", () => {
    const sent = answer(new ApiError("conflict", "moved", { extensions: { currentVersion: 3 } }));
    expect(sent.body).toMatchObject({ status: 409, currentVersion: 3 });
  });
});
