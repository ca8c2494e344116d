// How busy the Functions emulator is, read from its own log lines, for test suites that must
// start on a quiet emulator. A suite that writes hundreds of documents leaves a backlog of
// trigger runs behind it (numbering, activities, notifications, mail), and the emulator works it
// off while the next suite has already begun: that suite's first waits then measured the
// backlog, not its own work. The harness (scripts/emulators.mjs --test-env) passes the
// emulator's output through `watch`, serves the figures on 127.0.0.1, and names the address in
// FIRETRACK_FUNCTIONS_ACTIVITY; `waitForQuiet` is what the suites call (docs/testing.md).
import { createServer } from "node:http";

const BEGAN = /Beginning execution of "/g;
const FINISHED = /Finished "[^"]+" in /g;

/** Counts runs begun and finished in the emulator's output, which passes on unchanged. */
export function activityMonitor() {
  let running = 0;
  let lastActivity = Date.now();
  let tail = "";
  return {
    /** @param {Buffer} chunk */
    watch(chunk) {
      // Lines can straddle chunks: scan each complete line once.
      const text = tail + chunk.toString("utf8");
      const end = text.lastIndexOf("\n");
      tail = text.slice(end + 1);
      const lines = text.slice(0, end + 1);
      const began = lines.match(BEGAN)?.length ?? 0;
      const finished = lines.match(FINISHED)?.length ?? 0;
      if (began + finished > 0) {
        running = Math.max(0, running + began - finished);
        lastActivity = Date.now();
      }
    },
    state: () => ({ running, idleMs: Date.now() - lastActivity }),
  };
}

/**
 * Serves a monitor's state as JSON on a free port of 127.0.0.1.
 * @param {{ state: () => { running: number, idleMs: number } }} monitor
 * @returns {Promise<{ url: string, close: () => void }>}
 */
export async function serveActivity(monitor) {
  const server = createServer((_request, response) => {
    response.setHeader("content-type", "application/json");
    response.end(JSON.stringify(monitor.state()));
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(undefined)));
  const address = /** @type {import("node:net").AddressInfo} */ (server.address());
  server.unref();
  return { url: `http://127.0.0.1:${address.port}`, close: () => server.close() };
}

/**
 * Waits until no function runs and none began or finished for `quietMs` (or for `silentMs`,
 * should a crashed run never print its end), counted from the call at the earliest: the triggers
 * of writes made just before it (a seed) start a moment later, and an emulator quiet before
 * them is not quiet. Gives up after `deadlineMs` with a warning, not a failure: the suite's own
 * assertions decide. Without the harness's monitor it returns at once.
 */
export async function waitForQuiet({ quietMs = 1_000, silentMs = 5_000, deadlineMs = 300_000 } = {}) {
  const url = process.env.FIRETRACK_FUNCTIONS_ACTIVITY;
  if (!url) return;
  const started = Date.now();
  for (;;) {
    const { running, idleMs } = /** @type {{ running: number, idleMs: number }} */ (await (await fetch(url)).json());
    const quietFor = Math.min(idleMs, Date.now() - started);
    if ((running === 0 && quietFor >= quietMs) || quietFor >= silentMs) return;
    if (Date.now() - started > deadlineMs) {
      console.warn(`[harness] the Functions emulator was still busy after ${deadlineMs} ms (${running} running)`);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * Waits until the Firestore emulator has delivered every trigger event written before the call, then for a
 * quiet Functions emulator. Quiet alone is not enough: the Firestore emulator delivers events one by one, and
 * it delivers those of writes made while triggers were paused too (the Functions emulator drops them, about
 * 15 ms each, without a line in its log). A suite that wrote 1,000 issues paused left minutes of silent
 * deliveries, and the next suite's triggers queued behind them. So this writes a canary `mail` document,
 * whose trigger claims it (an empty recipient list: nothing is sent), and waits for that claim. The canary
 * goes through the emulator's REST API with the owner token, so the harness needs no SDK.
 * @param {{ quietMs?: number, silentMs?: number, deadlineMs?: number }} [options]
 */
export async function waitForTriggersDrained(options = {}) {
  const host = process.env.FIRESTORE_EMULATOR_HOST;
  if (!process.env.FIRETRACK_FUNCTIONS_ACTIVITY || !host) return;
  const project = process.env.GCLOUD_PROJECT ?? "demo-firetrack";
  const id = `harness-canary-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const url = `http://${host}/v1/projects/${project}/databases/(default)/documents/mail/${id}`;
  const headers = { authorization: "Bearer owner", "content-type": "application/json" };
  const body = JSON.stringify({
    fields: { to: { arrayValue: {} }, message: { mapValue: { fields: { subject: { stringValue: "harness canary" } } } } },
  });
  const written = await fetch(url, { method: "PATCH", headers, body });
  if (!written.ok) throw new Error(`could not write the harness canary: ${written.status} ${await written.text()}`);
  const started = Date.now();
  const deadlineMs = options.deadlineMs ?? 300_000;
  for (;;) {
    const read = await fetch(url, { headers });
    const doc = /** @type {{ fields?: Record<string, unknown> }} */ (await read.json());
    if (doc.fields?.delivery) break;
    if (Date.now() - started > deadlineMs) {
      console.warn(`[harness] the Firestore emulator had not delivered the canary's event after ${deadlineMs} ms`);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const waited = Date.now() - started;
  if (waited > 5_000) console.log(`[harness] waited ${Math.round(waited / 1000)} s for the trigger events before this suite`);
  await waitForQuiet(options);
}
