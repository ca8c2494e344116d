// @ts-check
// One cold function instance, in a fresh process: `node coldStartChild.cjs <function> lazy|eager [token]`
// (`node coldStartChild.cjs - list` prints the deployed functions' names).
// `lazy` loads what production loads now: the manifest, then the one function named (FUNCTION_TARGET).
// `eager` loads what every instance loaded before the manifest became lazy: every function's module, and the root
// of firebase-functions, which 16 modules imported for its logger (it loads every v1 and v2 provider).
// For the API it then serves one authenticated request (GET /v1/me) and prints both times as JSON.
// `floor` loads only the platform packages that every API request needs, and none of our code: the least any
// arrangement of our modules could load.
const { createServer } = require("node:http");
const { join } = require("node:path");

const [name, mode, token] = process.argv.slice(2);
const functionsDir = join(__dirname, "..", "..", "functions");
/** @param {string} id */
const fromFunctions = (id) => require(require.resolve(id, { paths: [functionsDir] }));

/**
 * What the API cannot start without: its HTTP trigger (which itself loads firebase-admin/auth and app-check), the
 * Admin SDK's app (with google-auth-library) and Firestore, Express and zod.
 */
const API_PLATFORM_PACKAGES = ["firebase-functions/v2/https", "firebase-admin/firestore", "express", "zod"];

const started = performance.now();
if (mode === "floor") {
  fromFunctions("firebase-admin/app").initializeApp();
  for (const id of API_PLATFORM_PACKAGES) fromFunctions(id);
  const loadMs = performance.now() - started;
  console.log(JSON.stringify({ loadMs, packages: ["firebase-admin/app", ...API_PLATFORM_PACKAGES] }));
  process.exit(0);
}
/** @type {Record<string, any>} */
const functions = require(join(functionsDir, "lib", "index.js"));
if (mode === "eager") {
  for (const other of Object.keys(functions)) void functions[other];
  fromFunctions("firebase-functions");
}
const handler = functions[/** @type {string} */ (name)];
const loadMs = performance.now() - started;

if (mode === "list") {
  console.log(JSON.stringify(Object.keys(functions)));
} else if (name !== "api") {
  console.log(JSON.stringify({ loadMs }));
} else {
  const server = createServer(handler);
  server.listen(0, "127.0.0.1", async () => {
    const address = /** @type {import("node:net").AddressInfo} */ (server.address());
    const response = await fetch(`http://127.0.0.1:${address.port}/v1/me`, { headers: { authorization: `Bearer ${token}` } });
    await response.arrayBuffer();
    const firstRequestMs = performance.now() - started;
    server.close();
    if (response.status !== 200) {
      console.error(`GET /v1/me answered ${response.status}`);
      process.exit(1);
    }
    console.log(JSON.stringify({ loadMs, firstRequestMs }));
    process.exit(0);
  });
}
