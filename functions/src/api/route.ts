/**
 * One declaration per route: method, path, who may call it, its zod schemas
 * and its responses. The Express router and the OpenAPI document are both
 * generated from the same list (routes/index.ts), so they cannot drift apart.
 */
import type { Request, Response } from "express";
import type { z } from "zod";
import type { Caller } from "./auth";
import type { OrgAccess } from "./orgAccess";

export type Method = "get" | "post" | "patch" | "delete";

export interface RouteContext<Body, Query> {
  req: Request;
  res: Response;
  caller: Caller;
  /** Set when the route names an org (`{orgId}`) and `org` is not "none". */
  access: OrgAccess;
  body: Body;
  query: Query;
  params: Record<string, string>;
}

export interface RouteResult {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A streaming handler (the CSV export) answers through `res` itself and returns nothing. */
// biome-ignore lint/suspicious/noConfusingVoidType: "nothing" is what such a handler's body returns.
type HandlerAnswer = RouteResult | void;

export interface ResponseDoc {
  description: string;
  schema?: z.ZodType;
  contentType?: string;
}

export interface RouteDef<B extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined> {
  method: Method;
  /** OpenAPI form: `/orgs/{orgId}/issues/{id}`. */
  path: string;
  summary: string;
  tag: string;
  /** Default true. */
  auth?: boolean;
  /**
   * How the org in the path is checked: "member" (default when the path has
   * {orgId}) needs a role there; "intake" lets a signed-in non-member through to
   * raise an issue when the org takes public intake; "none" checks nothing.
   */
  org?: "member" | "intake" | "none";
  /** Fields of the success answer that are secrets: an Idempotency-Key replay leaves them out, so none is stored. */
  secretFields?: readonly string[];
  /** A signed-in person whose address is not verified may call this route (GET /me only); default false. */
  unverified?: boolean;
  body?: B;
  query?: Q;
  success: ResponseDoc & { status: number };
  /** Further success answers, for the OpenAPI document (a handler that answers differently by query). */
  otherSuccess?: (ResponseDoc & { status: number })[];
  /** The problem statuses this route can answer, for the OpenAPI document. */
  problems: number[];
  handler(
    ctx: RouteContext<B extends z.ZodType ? z.infer<B> : undefined, Q extends z.ZodType ? z.infer<Q> : undefined>,
  ): Promise<HandlerAnswer>;
}

// A list of routes with different schemas: the handler's parameter types are checked where each is defined, and the
// router hands each handler the value its own schema parsed.
export type AnyRoute = RouteDef<z.ZodType | undefined, z.ZodType | undefined>;

export function route<B extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined>(
  def: RouteDef<B, Q>,
): AnyRoute {
  return def as AnyRoute;
}

/** `/orgs/{orgId}/issues:bulk` → `/orgs/:orgId/issues\:bulk` (Express 5 path syntax). */
export function expressPath(openApiPath: string): string {
  return openApiPath.replace(/:/g, "\\:").replace(/\{(\w+)\}/g, ":$1");
}
