import { emptyQuerySchema } from "../../domain";
import { route, type AnyRoute } from "../route";

/** Health and the API's own description; `routes` is the full list, for the document. */
export function metaRoutes(openApi: () => Record<string, unknown>): AnyRoute[] {
  return [
    route({
      method: "get",
      path: "/health",
      summary: "Liveness",
      tag: "meta",
      auth: false,
      org: "none",
      query: emptyQuerySchema,
      success: { status: 200, description: "Up" },
      problems: [422],
      async handler() {
        return { body: { status: "ok", time: new Date().toISOString() } };
      },
    }),
    route({
      method: "get",
      path: "/openapi.json",
      summary: "This API as OpenAPI 3.1",
      tag: "meta",
      auth: false,
      org: "none",
      query: emptyQuerySchema,
      success: { status: 200, description: "The OpenAPI document" },
      problems: [422],
      async handler() {
        return { body: openApi() };
      },
    }),
  ];
}
