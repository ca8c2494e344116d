/**
 * Builds the Express app behind function `api`. Tests drive this same app; the
 * function wrapper lives in api/function.ts.
 */
import { randomUUID } from "node:crypto";
import express, { Router, type RequestHandler } from "express";
import { authenticate } from "./auth";
import { ApiError, problemHandler } from "./errors";
import { healthRoutes } from "./routes/health";
import { issueRoutes } from "./routes/issues";
import { orgRoutes } from "./routes/orgs";

const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

const assignRequestId: RequestHandler = (req, res, next) => {
  const given = req.get("x-request-id");
  const requestId = given && REQUEST_ID.test(given) ? given : randomUUID();
  res.locals.requestId = requestId;
  res.setHeader("X-Request-Id", requestId);
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

function v1(): Router {
  const router = Router();
  router.use(healthRoutes());
  router.use(authenticate());
  router.use(orgRoutes());
  router.use(issueRoutes());
  router.use((req) => {
    throw new ApiError("not_found", `There is no route ${req.method} ${req.path}.`);
  });
  return router;
}

export function buildApp(): express.Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("query parser", "simple");
  app.use(assignRequestId);
  app.use(requireJsonBody);
  // In Cloud Functions the body arrives parsed already and this is skipped.
  app.use(express.json({ limit: "256kb" }));
  const api = v1();
  // Called directly the function sees /v1/...; through the hosting rewrite it sees /api/v1/...
  app.use("/v1", api);
  app.use("/api/v1", api);
  app.use((req) => {
    throw new ApiError("not_found", `There is no route ${req.method} ${req.path}.`);
  });
  app.use(problemHandler);
  return app;
}
