#!/usr/bin/env node
// Writes openapi.json and src/generated/openapi.ts from the API's route declarations,
// through the built functions (no emulators): `npm run generate --workspace client`.
import { createRequire } from "node:module";
import { writeFile } from "node:fs/promises";
import { OPENAPI_FILE, TYPES_FILE, renderDocument, renderTypes } from "./openapiTypes.mjs";

const require = createRequire(import.meta.url);
const { allRoutes } = require("../../functions/lib/api/app.js");
const { buildOpenApi } = require("../../functions/lib/api/openapi.js");

const document = buildOpenApi(allRoutes());
await writeFile(OPENAPI_FILE, renderDocument(document));
await writeFile(TYPES_FILE, await renderTypes(document));
console.log(`wrote ${OPENAPI_FILE.pathname} and ${TYPES_FILE.pathname}`);
