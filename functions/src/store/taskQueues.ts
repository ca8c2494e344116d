/**
 * Queueing on Cloud Tasks, shared by the queues that the triggers feed
 * (Linear sync, SLA timers).
 */
import { createHash } from "node:crypto";
import { getApp, getApps, initializeApp, type App } from "firebase-admin/app";
import { getFunctions, type TaskOptions } from "firebase-admin/functions";
import { REGION } from "../config";

/** Task ids must be letters, digits, `-` and `_`; a hash also spreads them, as Cloud Tasks prefers. */
export const taskId = (kind: string, key: string) =>
  `${kind}-${createHash("sha256").update(key).digest("hex").slice(0, 40)}`;

/**
 * The app that queues tasks. Deployed, the default app: Cloud Tasks signs each
 * task as the runtime's service account. In the emulator, firebase-admin would
 * ask a GCE metadata server (169.254.169.254) for that account before falling
 * back; naming one stops the request from going out (the Tasks emulator checks none).
 */
export function taskApp(): App {
  if (!process.env.CLOUD_TASKS_EMULATOR_HOST) return getApp();
  const name = "linear-tasks-emulator";
  return (
    getApps().find((app) => app.name === name) ??
    initializeApp(
      {
        projectId: getApp().options.projectId ?? process.env.GCLOUD_PROJECT,
        serviceAccountId: "emulated-service-acct@email.com",
      },
      name,
    )
  );
}

/** Queues a task on the function `queue`; returns false when a task of that id was queued before. */
export async function enqueueTask<T extends Record<string, unknown>>(
  queue: string,
  data: T,
  options: TaskOptions,
): Promise<boolean> {
  try {
    await getFunctions(taskApp()).taskQueue<T>(`locations/${REGION}/functions/${queue}`).enqueue(data, options);
    return true;
  } catch (err) {
    if ((err as { code?: string }).code === "functions/task-already-exists") return false;
    throw err;
  }
}
