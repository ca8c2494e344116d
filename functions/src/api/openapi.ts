/** OpenAPI 3.1, generated from the route list and its zod schemas (zod 4 writes JSON Schema). */
import { z } from "zod";
import { PROBLEM_KINDS } from "./errors";
import type { AnyRoute } from "./route";

const problemSchema = {
  type: "object",
  required: ["type", "title", "status", "detail", "requestId"],
  properties: {
    type: { type: "string" },
    title: { type: "string" },
    status: { type: "integer" },
    detail: { type: "string" },
    requestId: { type: "string" },
    errors: {
      type: "array",
      items: {
        type: "object",
        properties: { path: { type: "string" }, code: { type: "string" }, message: { type: "string" } },
      },
    },
  },
};

const jsonSchema = (schema: z.ZodType, io: "input" | "output") => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as Record<
    string,
    unknown
  >;
  return rest;
};

function queryParameters(schema: z.ZodType | undefined) {
  if (!schema) return [];
  const json = jsonSchema(schema, "input") as { properties?: Record<string, object>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: "query",
    required: json.required?.includes(name) ?? false,
    schema: property,
  }));
}

export function buildOpenApi(routes: AnyRoute[], serverUrl = "/api/v1"): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const pathParams = [...route.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
      name,
      in: "path",
      required: true,
      // Anything else is a 404: no such document can exist.
      description: "A document id: 1–1,500 bytes of valid Unicode, no '/', not '.', '..' or '__…__'",
      schema: { type: "string", minLength: 1 },
    }));
    const responses: Record<string, unknown> = {};
    for (const success of [route.success, ...(route.otherSuccess ?? [])]) {
      responses[success.status] = {
        description: success.description,
        ...(success.schema
          ? { content: { "application/json": { schema: jsonSchema(success.schema, "output") } } }
          : success.contentType
            ? { content: { [success.contentType]: { schema: { type: "string" } } } }
            : {}),
      };
    }
    for (const status of route.problems) {
      const kind = Object.values(PROBLEM_KINDS).find((problem) => problem.status === status);
      responses[status] = {
        description: kind?.title ?? "Problem",
        content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
      };
    }
    const operations = paths[route.path] ?? {};
    paths[route.path] = operations;
    operations[route.method] = {
      summary: route.summary,
      tags: [route.tag],
      operationId: `${route.method}${route.path.replace(/[{}:]/g, "").replace(/[/.-](\w)/g, (_, c: string) => c.toUpperCase())}`,
      ...(route.auth === false ? { security: [] } : {}),
      parameters: [
        ...pathParams,
        ...queryParameters(route.query),
        ...(route.method === "post"
          ? [{ name: "Idempotency-Key", in: "header", required: false, schema: { type: "string", maxLength: 255 } }]
          : []),
      ],
      ...(route.body
        ? {
            requestBody: {
              required: true,
              content: { "application/json": { schema: jsonSchema(route.body, "input") } },
            },
          }
        : {}),
      responses,
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Firetrack API",
      version: "1.0.0",
      description: "Issues and support tickets. Errors are RFC 9457 problem+json.",
    },
    servers: [{ url: serverUrl }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: {
        bearer: {
          type: "http",
          scheme: "bearer",
          description:
            "A Firebase ID token, an API key ftk_<keyId>_<secret>, or a Google-signed ID token of a listed service account.",
        },
      },
      schemas: { Problem: problemSchema },
    },
    paths,
  };
}
