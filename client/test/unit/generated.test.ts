/**
 * The committed openapi.json and src/generated/openapi.ts must be what the API's
 * route declarations produce now. When this fails, run `npm run generate --workspace client`.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { allRoutes } from "../../../functions/src/api/app.js";
import { buildOpenApi } from "../../../functions/src/api/openapi.js";
import { OPENAPI_FILE, TYPES_FILE, renderDocument, renderTypes } from "../../scripts/openapiTypes.mjs";

const STALE = "stale: run `npm run generate --workspace client` and commit the result";

describe("generated API types", () => {
  const document = buildOpenApi(allRoutes());

  it("openapi.json matches the route declarations", () => {
    expect(readFileSync(OPENAPI_FILE, "utf8"), STALE).toBe(renderDocument(document));
  });

  it("src/generated/openapi.ts matches openapi.json", async () => {
    expect(readFileSync(TYPES_FILE, "utf8"), STALE).toBe(await renderTypes(document));
  });

  it("would notice a change of the API", async () => {
    const changed = structuredClone(document) as { paths: Record<string, unknown> };
    changed.paths["/orgs/{orgId}/widgets"] = { get: { responses: { 200: { description: "Widgets" } } } };
    expect(await renderTypes(changed)).not.toBe(readFileSync(TYPES_FILE, "utf8"));
  });
});
