// Where an operator script acts: the running emulators (the default), or a real Firebase
// project named with `--project <id>`, reached with Application Default Credentials
// (`gcloud auth application-default login`, or GOOGLE_APPLICATION_CREDENTIALS).
import { getApps, initializeApp } from "firebase-admin/app";
import { emulatorPorts, PROJECT_ID } from "./emulatorEnv.mjs";

/**
 * Splits `--project <id>` off the arguments and initialises the Admin SDK for it.
 * Without it, the emulators of this checkout (FIRETRACK_PORT_OFFSET shifts them).
 * @param {string[]} argv
 * @returns {{ args: string[], projectId: string, emulated: boolean }}
 */
export function operatorTarget(argv) {
  const args = [...argv];
  const at = args.indexOf("--project");
  const projectId = at >= 0 ? args.splice(at, 2)[1] : undefined;
  if (at >= 0 && !projectId) throw new Error("--project needs a project id");
  const emulated = !projectId || Boolean(process.env.FIRESTORE_EMULATOR_HOST);
  if (emulated) {
    const ports = emulatorPorts();
    process.env.FIRESTORE_EMULATOR_HOST ??= `127.0.0.1:${ports.firestore}`;
    process.env.FIREBASE_AUTH_EMULATOR_HOST ??= `127.0.0.1:${ports.auth}`;
  }
  const target = projectId ?? process.env.GCLOUD_PROJECT ?? PROJECT_ID;
  if (getApps().length === 0) initializeApp({ projectId: target });
  return { args, projectId: target, emulated };
}

/** Runs an operator command and exits with its outcome: 0 done, 2 bad usage, 1 anything else. */
export function runOperatorCommand(usage, main) {
  main().then(
    (message) => {
      console.log(message);
    },
    (err) => {
      if (err instanceof UsageError) {
        console.error(`${err.message}\n\n${usage}`);
        process.exit(2);
      }
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}

export class UsageError extends Error {}
