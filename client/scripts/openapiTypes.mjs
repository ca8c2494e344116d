/**
 * The one way the client's types are made from the API's OpenAPI document, shared
 * by `npm run generate` and the test that fails when the committed files are stale.
 */
import openapiTS, { astToString } from "openapi-typescript";

export const OPENAPI_FILE = new URL("../openapi.json", import.meta.url);
export const TYPES_FILE = new URL("../src/generated/openapi.ts", import.meta.url);

export const renderDocument = (document) => `${JSON.stringify(document, null, 2)}\n`;

export async function renderTypes(document) {
  const ast = await openapiTS(structuredClone(document), { alphabetize: true });
  return `/**\n * Generated from openapi.json by \`npm run generate --workspace client\`. Do not edit:\n * test/unit/generated.test.ts fails when this file no longer matches the API.\n */\n${astToString(ast)}`;
}
