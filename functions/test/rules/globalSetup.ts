/** Loads firestore.rules into the rules project once and starts from an empty database. */
import { rmSync } from "node:fs";
import { emulatorUrl, RULES_PROJECT_ID, rulesSource } from "./env";
import { MATRIX_DIR } from "./matrix";

async function check(response: Response, what: string): Promise<void> {
  if (!response.ok) throw new Error(`${what} failed: ${response.status} ${await response.text()}`);
}

export default async function setup(): Promise<void> {
  // Each suite writes the size of its matrix here; stale files would inflate the totals.
  rmSync(MATRIX_DIR, { recursive: true, force: true });
  await check(
    await fetch(emulatorUrl(`/emulator/v1/projects/${RULES_PROJECT_ID}/databases/(default)/documents`), {
      method: "DELETE",
    }),
    "clearing the rules project",
  );
  await check(
    await fetch(emulatorUrl(`/emulator/v1/projects/${RULES_PROJECT_ID}:securityRules`), {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ rules: { files: [{ name: "firestore.rules", content: rulesSource() }] } }),
    }),
    "loading firestore.rules",
  );
}
