/**
 * Builds the Express app behind function `api`. Tests drive this same app; the
 * function wrapper lives in api/function.ts.
 */
import { randomUUID } from "node:crypto";
import express, { Router, type RequestHandler } from "express";
import { logger } from "firebase-functions/logger";
import { isDocId } from "../domain";
import { authenticate, callerOf, type Verifiers } from "./auth";
import { ApiError, emailNotVerified, notFound, problemHandler, validationError } from "./errors";
import { firestoreIdempotencyStore, honourIdempotencyKey, type IdempotencyStore } from "./idempotency";
import { intakeAccess } from "./intakeAccess";
import { buildOpenApi } from "./openapi";
import { requireOrgAccess } from "./orgAccess";
import { apiKeyBucket, badApiKeyLimiter, DEFAULT_RATE_LIMITS, rateLimiter, type RateLimits } from "./rateLimit";
import { expressPath, type AnyRoute } from "./route";
import { intakeRoutes } from "./routes/intake";
import { inviteRoutes } from "./routes/invites";
import { issueRoutes } from "./routes/issues";
import { linearRoutes } from "./routes/linear";
import { metaRoutes } from "./routes/meta";
import { orgRoutes } from "./routes/orgs";
import { savedReplyRoutes } from "./routes/savedReplies";
import { macroRoutes } from "./routes/macros";

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

export interface AppOptions {
  verifiers: Verifiers;
  rateLimits?: RateLimits;
  /** Where Idempotency-Key claims are kept; Firestore unless a test hands in another. */
  idempotency?: IdempotencyStore;
}

export function allRoutes(): AnyRoute[] {
  const documented: AnyRoute[] = [
    ...orgRoutes,
    ...intakeRoutes,
    ...inviteRoutes,
    ...issueRoutes,
    ...linearRoutes,
    ...savedReplyRoutes,
    ...macroRoutes,
  ];
  let document: Record<string, unknown> | null = null;
  const routes: AnyRoute[] = [
    ...metaRoutes((): Record<string, unknown> => (document ??= buildOpenApi(routes))),
    ...documented,
  ];
  return routes;
}

function mount(router: Router, routes: AnyRoute[], options: AppOptions): void {
  const limits = options.rateLimits ?? DEFAULT_RATE_LIMITS;
  // API keys are limited before they are read (by the id they claim, and by failures per address); people after.
  const badKeys = badApiKeyLimiter(limits);
  const keyLimit = rateLimiter(limits, Date.now, apiKeyBucket(limits));
  const auth = authenticate(options.verifiers, badKeys.outcomes);
  const limit = rateLimiter(limits);
  const idempotency = options.idempotency ?? firestoreIdempotencyStore;
  for (const route of routes) {
    const chain: RequestHandler[] = [];
    if (route.auth !== false) chain.push(badKeys.guard, keyLimit, auth, limit);
    chain.push(async (req, res) => {
      const params = req.params as Record<string, string>;
      // Ids come decoded: `%2F` would otherwise address another Firestore path.
      if (!Object.values(params).every(isDocId)) throw notFound("The resource");
      const caller = route.auth === false ? undefined : callerOf(res);
      // Before anything is read: an unverified address has shown nobody it belongs to this person.
      if (caller?.kind === "user" && !caller.emailVerified && route.unverified !== true) throw emailNotVerified();
      const orgMode = route.org ?? (params.orgId !== undefined ? "member" : "none");
      const access =
        caller && orgMode === "member"
          ? await requireOrgAccess(caller, params.orgId!)
          : caller && orgMode === "intake"
            ? await intakeAccess(caller, params.orgId!)
            : undefined;
      const query = route.query ? route.query.safeParse(req.query) : { success: true as const, data: undefined };
      if (!query.success) throw validationError(query.error, "query");
      const body = route.body ? route.body.safeParse(req.body) : { success: true as const, data: undefined };
      if (!body.success) throw validationError(body.error, "body");
      if (
        route.method === "post" &&
        caller &&
        (await honourIdempotencyKey(req, res, req.body, idempotency, route.secretFields))
      )
        return;
      const result = await route.handler({
        req,
        res,
        caller: caller!,
        access: access!,
        body: body.data,
        query: query.data,
        params,
      });
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
