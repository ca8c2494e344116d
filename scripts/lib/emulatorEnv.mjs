// Makes the Firebase emulators start on machines that cannot download them.
//
// firebase-tools normally downloads the Firestore emulator jar. Where the Cloud
// SDK's emulator is installed (package google-cloud-cli-firestore-emulator), we
// point firebase-tools at it through FIRESTORE_EMULATOR_BINARY_PATH. That jar has
// no Main-Class, and firebase-tools starts it with `java -jar`, so we build a
// two-line manifest jar next to it in a git-ignored cache. Without the Cloud SDK
// jar we leave the variable unset and firebase-tools downloads its own.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { testFunctionsSource } from "./testFunctions.mjs";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const PROJECT_ID = "demo-firetrack";
const CACHE = join(ROOT, ".cache", "emulators");
const MAIN_CLASS = "com.google.cloud.datastore.emulator.firestore.CloudFirestore";
const KNOWN_JAR = "/usr/lib/google-cloud-sdk/platform/cloud-firestore-emulator/cloud-firestore-emulator.jar";

function cloudSdkFirestoreJar() {
  if (process.env.FIRETRACK_FIRESTORE_JAR) return process.env.FIRETRACK_FIRESTORE_JAR;
  if (existsSync(KNOWN_JAR)) return KNOWN_JAR;
  try {
    const files = execFileSync("dpkg", ["-L", "google-cloud-cli-firestore-emulator"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    });
    return files.split("\n").find((line) => line.endsWith(".jar")) ?? null;
  } catch {
    return null;
  }
}

function launcherJar(sdkJar) {
  const launcher = join(CACHE, "firestore-emulator-launcher.jar");
  const manifestPath = join(CACHE, "MANIFEST.MF");
  const manifest = `Main-Class: ${MAIN_CLASS}\nClass-Path: ${sdkJar}\n`;
  const upToDate = existsSync(launcher) && existsSync(manifestPath) && readFileSync(manifestPath, "utf8") === manifest;
  if (!upToDate) {
    mkdirSync(CACHE, { recursive: true });
    writeFileSync(manifestPath, manifest);
    execFileSync("jar", ["cfm", launcher, manifestPath], { stdio: "inherit" });
  }
  return launcher;
}

/** The environment firebase-tools should run with on this machine. */
export function emulatorEnv(base = process.env) {
  // Test suites started by `emulators:exec` find every port here (hosting has no variable of its own).
  // METADATA_SERVER_DETECTION: a function bound to a secret that functions/.secret.local lacks makes
  // firebase-tools ask Secret Manager for it; this keeps Google's auth library from first probing for a
  // GCE metadata server. The request simply fails, and the secret reads as empty (the Linear sync is off).
  const env = {
    METADATA_SERVER_DETECTION: "none",
    ...base,
    GCLOUD_PROJECT: PROJECT_ID,
    FIRETRACK_EMULATOR_PORTS: JSON.stringify(emulatorPorts(Number(base.FIRETRACK_PORT_OFFSET ?? 0))),
  };
  env.FUNCTIONS_EMULATOR_PARALLEL = functionsParallelism(base);
  if (!env.FIRESTORE_EMULATOR_BINARY_PATH) {
    const sdkJar = cloudSdkFirestoreJar();
    if (sdkJar) env.FIRESTORE_EMULATOR_BINARY_PATH = launcherJar(sdkJar);
  }
  return env;
}

/**
 * How many function invocations the Functions emulator runs at once. Each runs in a worker process of its
 * own that loads the functions code (about 1 s of CPU and 90 MB), and firebase-tools' default of 50 lets a
 * cold burst of requests start dozens of workers at once: on 2 cores, 100 concurrent creates started 85
 * workers and part of the burst never answered. Three per core keeps a burst queued behind warm workers
 * (all 100 answered in 12 s with 6). A developer overrides it with FUNCTIONS_EMULATOR_PARALLEL.
 */
export function functionsParallelism(base = process.env) {
  const given = base.FUNCTIONS_EMULATOR_PARALLEL;
  if (given !== undefined && given !== "") {
    if (!/^[1-9]\d*$/.test(given)) throw new Error(`FUNCTIONS_EMULATOR_PARALLEL must be a positive whole number, not "${given}"`);
    return given;
  }
  return String(Math.max(2, availableParallelism() * 3));
}

export const FIREBASE_BIN = join(ROOT, "node_modules", ".bin", "firebase");

/** The port offset of this run: `FIRETRACK_PORT_OFFSET=N` shifts every emulator port by N. */
export const portOffset = () => Number(process.env.FIRETRACK_PORT_OFFSET ?? 0);

/**
 * Where the web build for an offset goes, relative to the repo's root. The build bakes in the emulators' ports, so
 * each offset has its own: a run at another offset (a second checkout, the e2e lane of `npm test`) leaves the
 * default build that `npm start` serves alone.
 */
export const webDist = (offset = portOffset()) => (offset ? `web/dist-offset-${offset}` : "web/dist");

/**
 * Every emulator's port for an offset. Checkouts run side by side with offsets in
 * steps of 100, so a shifted port must miss every port another emulator has at any
 * such offset: with an offset of 100 the hub (4400) would land on the logging
 * emulator (4500) of a checkout on the defaults, and the logging emulator (4600)
 * on the hub of a checkout at 200. Such a port moves one further until it is free,
 * and so does one that fetch() and browsers block.
 * The web build (web/vite.config.ts) reads the same table to find the emulators.
 */
/**
 * Ports that fetch() and browsers refuse to connect to (the WHATWG fetch spec's "bad ports", those at
 * 4000 and above): Node's fetch fails with "bad port" and Chromium with ERR_UNSAFE_PORT, so with an
 * offset of 2000 the Firestore emulator at 10080 was out of reach of the rules setup and the web app.
 */
const BLOCKED_PORTS = new Set([4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080]);

export function emulatorPorts(offset = portOffset()) {
  const config = JSON.parse(readFileSync(join(ROOT, "firebase.json"), "utf8"));
  const defaults = {
    ...Object.fromEntries(
      Object.entries(config.emulators).filter(([, settings]) => Number.isInteger(settings?.port)).map(([name, settings]) => [name, settings.port]),
    ),
    firestoreWebsocket: 9150,
    eventarc: 9299,
  };
  if (!offset) return defaults;
  const othersAt = (own) =>
    new Set(Object.entries(defaults).filter(([name]) => name !== own).flatMap(([, port]) => Array.from({ length: 100 }, (_, k) => port + k * 100)));
  return Object.fromEntries(
    Object.entries(defaults).map(([name, port]) => {
      const taken = othersAt(name);
      let shifted = port + offset;
      while (taken.has(shifted) || BLOCKED_PORTS.has(shifted)) shifted += 1;
      return [name, shifted];
    }),
  );
}

/**
 * The web app served by the hosting emulator talks to the Auth and Firestore
 * emulators, which production's Content-Security-Policy (firebase.json) rightly
 * does not name. The emulators' config adds exactly those origins to connect-src.
 */
function withEmulatorOrigins(hosting, ports) {
  const origins = [`http://127.0.0.1:${ports.auth}`, `http://127.0.0.1:${ports.firestore}`, `ws://127.0.0.1:${ports.firestore}`];
  for (const rule of hosting?.headers ?? []) {
    for (const header of rule.headers) {
      if (header.key !== "Content-Security-Policy") continue;
      header.value = header.value.replace(/connect-src ([^;]*)/, (_, sources) => `connect-src ${sources} ${origins.join(" ")}`);
    }
  }
}

/**
 * The firebase.json the emulators run with: ports shifted by FIRETRACK_PORT_OFFSET
 * (so two checkouts can run their suites side by side) and the hosting CSP opened
 * to the local emulators; with `testEnv`, the functions run with the test
 * environment (testFunctions.mjs). It is a git-ignored copy at the root
 * (firebase-tools resolves paths from the config's folder); returns the `--config` arguments.
 */
export function portOffsetArgs(offset = portOffset(), { testEnv = false } = {}) {
  const config = JSON.parse(readFileSync(join(ROOT, "firebase.json"), "utf8"));
  const ports = emulatorPorts(offset);
  for (const [name, settings] of Object.entries(config.emulators)) {
    if (settings && typeof settings.port === "number") settings.port = ports[name];
    if (name === "firestore") settings.websocketPort = ports.firestoreWebsocket;
  }
  if (offset) config.emulators.eventarc = { host: "127.0.0.1", port: ports.eventarc };
  withEmulatorOrigins(config.hosting, ports);
  config.hosting.public = webDist(offset);
  if (testEnv) config.functions[0].source = testFunctionsSource(offset);
  const path = join(ROOT, testEnv ? `firebase.test-${offset}.json` : `firebase.port-offset-${offset}.json`);
  writeFileSync(path, JSON.stringify(config, null, 2));
  return ["--config", path];
}
