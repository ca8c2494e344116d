/**
 * Linear → Firetrack: the HTTPS function `linearWebhook` (also at
 * /webhooks/linear through hosting). It verifies, records and answers; the
 * slow work happens in the trigger on the record (applyDelivery.ts), because
 * Linear counts anything but a 200 within 5 s as a failure.
 *
 * 1. The signature (`Linear-Signature`, HMAC-SHA256 of the raw bytes) is
 *    checked before anything is parsed, by the SDK's LinearWebhookClient, which
 *    also requires `webhookTimestamp` within 60 s: a bad or missing signature or
 *    a stale timestamp is 401, even when the body is not JSON.
 * 2. A validly signed body that is not JSON, or not a webhook payload, is 400.
 * 3. `webhookDeliveries/{Linear-Delivery}` is created with create(): a delivery
 *    seen before answers 200 and does nothing more.
 */
import type { Request, Response } from "express";
import { logger } from "firebase-functions/logger";
import { onRequest } from "firebase-functions/v2/https";
import { linearWebhookPayloadSchema } from "../../domain";
import { LINEAR_WEBHOOK_SECRET, linearWebhookSecret, REGION } from "../../config";
import { db } from "../../store/db";
import { recordDelivery } from "../../store/linear";

type Webhooks = typeof import("@linear/sdk/webhooks", { with: { "resolution-mode": "import" }});
let webhooks: Promise<Webhooks> | null = null;
const loadWebhooks = (): Promise<Webhooks> => (webhooks ??= import("@linear/sdk/webhooks"));

/** Linear's payloads are a few kilobytes; a record must fit a Firestore document. */
export const MAX_WEBHOOK_BYTES = 256 * 1024;
const DELIVERY_ID = /^[A-Za-z0-9_-]{1,128}$/;

function problem(res: Response, status: number, title: string, detail: string): void {
  res.status(status).type("application/problem+json").json({ type: "about:blank", title, status, detail });
}

export async function handleLinearWebhook(req: Request & { rawBody?: Buffer }, res: Response): Promise<void> {
  if (req.method !== "POST") {
    res.setHeader("Allow", "POST");
    return problem(res, 405, "Method not allowed", "Linear delivers webhooks with POST.");
  }
  const secret = linearWebhookSecret();
  if (!secret) {
    logger.warn("linear.webhook_unconfigured", {});
    return problem(res, 401, "Authentication required", "This deployment has no Linear webhook secret.");
  }
  const raw = req.rawBody;
  if (!raw || raw.length === 0) return problem(res, 400, "Bad request", "The delivery has no body.");
  if (raw.length > MAX_WEBHOOK_BYTES)
    return problem(res, 413, "Payload too large", "The delivery is larger than a webhook payload can be.");
  const signature = req.get("linear-signature");
  if (!signature) return problem(res, 401, "Authentication required", "The delivery is not signed.");

  const { LinearWebhookClient } = await loadWebhooks();
  let parsed: unknown;
  try {
    parsed = new LinearWebhookClient(secret).parseData(raw, signature);
  } catch (err) {
    // The signature is checked first; JSON.parse runs only on a body signed with our secret.
    if (err instanceof SyntaxError) return problem(res, 400, "Bad request", "The delivery is not JSON.");
    logger.warn("linear.webhook_refused", { reason: "signature_or_timestamp" });
    return problem(res, 401, "Authentication required", "The signature or its timestamp is not valid.");
  }
  const payload = linearWebhookPayloadSchema.safeParse(parsed);
  if (!payload.success) return problem(res, 400, "Bad request", "The delivery is not a Linear webhook payload.");
  const deliveryId = req.get("linear-delivery") ?? "";
  if (!DELIVERY_ID.test(deliveryId)) return problem(res, 400, "Bad request", "Linear-Delivery must name the delivery.");

  const recorded = await recordDelivery(db(), deliveryId, {
    payload: raw.toString("utf8"),
    type: payload.data.type,
    action: payload.data.action,
    linearIssueId: linearIssueOf(payload.data),
    now: Date.now(),
  });
  logger.info("linear.webhook_received", {
    deliveryId,
    type: payload.data.type,
    action: payload.data.action,
    duplicate: !recorded,
  });
  res.status(200).json({ received: true, duplicate: !recorded });
}

/** The Linear issue a delivery is about (an issue's own id, a comment's issueId), so erasing our issue can find it. */
function linearIssueOf(payload: { type: string; data: Record<string, unknown> }): string | null {
  const id = payload.type === "Issue" ? payload.data.id : payload.data.issueId;
  return typeof id === "string" && id.length > 0 && id.length <= 200 ? id : null;
}

export const linearWebhook = onRequest(
  { region: REGION, secrets: [LINEAR_WEBHOOK_SECRET], concurrency: 80, maxInstances: 10, timeoutSeconds: 30 },
  handleLinearWebhook,
);
