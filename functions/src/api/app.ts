/**
 * Builds the Express app behind function `api`. Tests drive this same app; the
 * function wrapper lives in api/function.ts.
 */
import { randomUUID } from "node:crypto";
import express, { Router, type Request, type RequestHandler, type Response } from "express";
import { logger } from "firebase-functions";
import { db } from "../store/db";
import { getOrgSettings } from "../store/orgs";
import { addMember, AlreadyMemberError } from "../store/members";
import { claimIdempotencyKey } from "../store/idempotency";
import { authenticate, callerOf, type Caller, type Verifiers } from "./auth";
import { ApiError, badRequest, notFound, problemHandler, validationError } from "./errors";
import { buildOpenApi } from "./openapi";
import { isDocId, resolveOrgAccess, requireOrgAccess, type OrgAccess } from "./orgAccess";
import { DEFAULT_RATE_LIMITS, rateLimiter, type RateLimits } from "./rateLimit";
import { expressPath, type AnyRoute } from "./route";
import { issueRoutes } from "./routes/issues";
import { linearRoutes } from "./routes/linear";
import { metaRoutes } from "./routes/meta";
import { orgRoutes } from "./routes/orgs";

const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

const assignRequestId: RequestHandler = (req, res, next) => {
  const given = req.get("x-request-id");
  const requestId = given && REQUEST_ID.test(given) ? given : randomUUID();
  res.locals.requestId = requestId;
  res.setHeader("X-Request-Id", requestId);
  const started = Date.now();
  res.on("finish", () => {
    // No bodies, tokens or emails: the route pattern, the status and the time.
    logger.info("api.request", {
      requestId,
      method: req.method,
      route: (req.route?.path as string | undefined) ?? "unmatched",
      status: res.statusCode,
      ms: Date.now() - started,
    });
  });
  next();
};

const BODY_METHODS = new Set(["POST", "PUT", "PATCH"]);

/** A body we would have to guess at is refused rather than misread. */
const requireJsonBody: RequestHandler = (req, _res, next) => {
  const hasBody = Number(req.get("content-length") ?? 0) > 0 || req.get("transfer-encoding") !== undefined;
  if (BODY_METHODS.has(req.method) && hasBody && !req.is("application/json")) {
    throw new ApiError("unsupported_media_type", "Send the request body as application/json.");
  }
  next();
};

/** A signed-in person who is not a member may raise an issue where the org takes public intake. */
async function intakeAccess(caller: Caller, orgId: string): Promise<OrgAccess> {
  const access = await resolveOrgAccess(caller, orgId);
  if (access) return access;
  if (caller.kind === "user") {
    const settings = await getOrgSettings(db(), orgId);
    const domain = caller.email?.split("@")[1];
    const autoJoin = caller.emailVerified && domain !== undefined && settings?.autoJoinDomains.includes(domain);
    if (settings && (settings.publicIntake || autoJoin)) {
      await addMember(db(), orgId, { uid: caller.uid, displayName: caller.name, email: caller.email }, "customer").catch((err: unknown) => {
        // A concurrent first request already made them a customer.
        if (!(err instanceof AlreadyMemberError)) throw err;
      });
      return requireOrgAccess(caller, orgId);
    }
  }
  throw notFound("The organisation");
}

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/**
 * Every POST honours Idempotency-Key: the first successful answer is replayed
 * for 24 h. It runs after parsing, and only successes are kept (as Stripe
 * does), so a refused request leaves nothing behind and may be retried fixed.
 * Returns true when it answered (a replay) and the handler must not run.
 */
async function honourIdempotencyKey(req: Request, res: Response, body: unknown): Promise<boolean> {
  const key = req.get("idempotency-key");
  if (key === undefined) return false;
  if (!IDEMPOTENCY_KEY.test(key)) throw badRequest("Idempotency-Key must be 1–255 visible ASCII characters.");
  const claim = await claimIdempotencyKey(db(), { callerUid: callerOf(res).uid, method: req.method, path: req.path, key }, body);
  switch (claim.kind) {
    case "replay": {
      const { status, body: stored, location } = claim.response;
      res.setHeader("Idempotent-Replayed", "true");
      if (location) res.setHeader("Location", location);
      res.status(status).json(stored);
      return true;
    }
    case "mismatch":
      throw new ApiError("validation", "This Idempotency-Key was used with a different request body.");
    case "busy":
      throw new ApiError("conflict", "A request with this Idempotency-Key is still in progress; retry shortly.");
    case "owner": {
      const send = res.json.bind(res);
      res.json = (responseBody: unknown) => {
        const finish = () => send(responseBody);
        const stored =
          res.statusCode >= 400
            ? claim.abandon()
            : claim.complete({ status: res.statusCode, body: responseBody, location: (res.getHeader("Location") as string | undefined) ?? null });
        stored.then(finish, finish);
        return res;
      };
      res.on("close", () => {
        if (!res.writableFinished) void claim.abandon().catch(() => undefined);
      });
      return false;
    }
  }
}

export interface AppOptions {
  verifiers: Verifiers;
  rateLimits?: RateLimits;
}

export function allRoutes(): AnyRoute[] {
  const documented: AnyRoute[] = [...orgRoutes, ...issueRoutes, ...linearRoutes];
  let document: Record<string, unknown> | null = null;
  const routes: AnyRoute[] = [...metaRoutes((): Record<string, unknown> => (document ??= buildOpenApi(routes))), ...documented];
  return routes;
}

function mount(router: Router, routes: AnyRoute[], options: AppOptions): void {
  const auth = authenticate(options.verifiers);
  const limit = rateLimiter(options.rateLimits ?? DEFAULT_RATE_LIMITS);
  for (const route of routes) {
    const chain: RequestHandler[] = [];
    if (route.auth !== false) chain.push(auth, limit);
    chain.push(async (req, res) => {
      const params = req.params as Record<string, string>;
      // Ids come decoded: `%2F` would otherwise address another Firestore path.
      if (!Object.values(params).every(isDocId)) throw notFound("The resource");
      const caller = route.auth === false ? undefined : callerOf(res);
      const orgMode = route.org ?? (params.orgId !== undefined ? "member" : "none");
      const access =
        caller && orgMode === "member" ? await requireOrgAccess(caller, params.orgId!) : caller && orgMode === "intake" ? await intakeAccess(caller, params.orgId!) : undefined;
      const query = route.query ? route.query.safeParse(req.query) : { success: true as const, data: undefined };
      if (!query.success) throw validationError(query.error, "query");
      const body = route.body ? route.body.safeParse(req.body) : { success: true as const, data: undefined };
      if (!body.success) throw validationError(body.error, "body");
      if (route.method === "post" && caller && (await honourIdempotencyKey(req, res, req.body))) return;
      const result = await route.handler({ req, res, caller: caller!, access: access!, body: body.data, query: query.data, params });
      if (res.headersSent) return;
      for (const [name, value] of Object.entries(result?.headers ?? {})) res.setHeader(name, value);
      res.status(result?.status ?? route.success.status);
      if (result?.body === undefined) res.end();
      else res.json(result.body);
    });
    router[route.method](expressPath(route.path), ...chain);
  }
}

export function buildApp(options: AppOptions): express.Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("query parser", "simple");
  app.use(assignRequestId);
  app.use(requireJsonBody);
  // In Cloud Functions the body arrives parsed already and this is skipped.
  app.use(express.json({ limit: "256kb" }));
  const v1 = Router();
  mount(v1, allRoutes(), options);
  // Called directly the function sees /v1/...; through the hosting rewrite it sees /api/v1/...
  app.use("/v1", v1);
  app.use("/api/v1", v1);
  app.use((req) => {
    throw new ApiError("not_found", `There is no route ${req.method} ${req.path}.`);
  });
  app.use(problemHandler);
  return app;
}
