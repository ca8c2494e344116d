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
  // A function bound to a secret that functions/.secret.local lacks makes firebase-tools ask
  // Secret Manager for it; without this, Google's auth library would first probe for a GCE
  // metadata server. Here the request simply fails, and the secret reads as empty (sync off).
  const env = { METADATA_SERVER_DETECTION: "none", ...base, GCLOUD_PROJECT: PROJECT_ID };
  if (!env.FIRESTORE_EMULATOR_BINARY_PATH) {
    const sdkJar = cloudSdkFirestoreJar();
    if (sdkJar) env.FIRESTORE_EMULATOR_BINARY_PATH = launcherJar(sdkJar);
  }
  return env;
}

export const FIREBASE_BIN = join(ROOT, "node_modules", ".bin", "firebase");

/**
 * `FIRETRACK_PORT_OFFSET=N` shifts every emulator port by N, so two checkouts can
 * run their suites side by side. `testEnv` runs the functions with the test
 * environment (testFunctions.mjs). Either writes a git-ignored copy of
 * firebase.json at the root (firebase-tools resolves paths from the config's
 * folder) and returns the `--config` arguments for it. Neither: the defaults.
 */
export function configArgs(offset = Number(process.env.FIRETRACK_PORT_OFFSET ?? 0), { testEnv = false } = {}) {
  if (!offset && !testEnv) return [];
  const config = JSON.parse(readFileSync(join(ROOT, "firebase.json"), "utf8"));
  if (offset) shiftPorts(config.emulators, offset);
  if (testEnv) config.functions[0].source = testFunctionsSource(offset);
  const path = join(ROOT, testEnv ? `firebase.test-${offset}.json` : `firebase.port-offset-${offset}.json`);
  writeFileSync(path, JSON.stringify(config, null, 2));
  return ["--config", path];
}

export const portOffsetArgs = (offset) => configArgs(offset);

function shiftPorts(emulators, offset) {
  // Shifted ports must also miss every default port: with the usual offset of 100 the
  // hub (4400) would land on the logging emulator (4500) of a checkout on the defaults.
  const defaults = new Set(Object.values(emulators).map((settings) => settings?.port).filter(Number.isInteger));
  const shift = (port) => {
    let shifted = port + offset;
    while (defaults.has(shifted)) shifted += 1;
    return shifted;
  };
  for (const [name, settings] of Object.entries(emulators)) {
    if (settings && typeof settings.port === "number") settings.port = shift(settings.port);
    if (name === "firestore") settings.websocketPort = shift(9150);
  }
  emulators.eventarc = { host: "127.0.0.1", port: shift(9299) };
}
