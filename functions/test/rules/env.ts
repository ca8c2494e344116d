/**
 * The rules suites run in a Firestore project of their own, `demo-firetrack-rules`:
 * clearing it cannot touch the data of the other emulator suites (project
 * demo-firetrack), no function trigger fires on the seed data, and the emulator's
 * coverage report counts only what this matrix evaluated. firebase.json keeps
 * `singleProjectMode`, which only warns about a second project id.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { initializeTestEnvironment, type RulesTestEnvironment } from "@firebase/rules-unit-testing";

export const RULES_PROJECT_ID = "demo-firetrack-rules";
export const RULES_PATH = resolve(__dirname, "../../../firestore.rules");

/** host:port of this checkout's Firestore emulator, set by `firebase emulators:exec`. */
export function firestoreHost(): { host: string; port: number } {
  const value = process.env.FIRESTORE_EMULATOR_HOST;
  if (!value) {
    throw new Error(
      "FIRESTORE_EMULATOR_HOST is not set: run the rules suites through `npm run test:rules` at the root.",
    );
  }
  const separator = value.lastIndexOf(":");
  return { host: value.slice(0, separator), port: Number(value.slice(separator + 1)) };
}

export function rulesSource(): string {
  return readFileSync(RULES_PATH, "utf8");
}

/**
 * Each suite gets an environment on the same project. The rules were loaded once by
 * globalSetup.ts; loading them again here would restart the coverage counts.
 */
export async function testEnvironment(): Promise<RulesTestEnvironment> {
  return initializeTestEnvironment({ projectId: RULES_PROJECT_ID, firestore: firestoreHost() });
}

export function emulatorUrl(path: string): string {
  const { host, port } = firestoreHost();
  return `http://${host}:${port}${path}`;
}
