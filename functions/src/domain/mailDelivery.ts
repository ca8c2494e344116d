/**
 * Delivery of a mail document (docs/email.md), in the Trigger Email extension's states:
 * PENDING → PROCESSING (leased) → SUCCESS | ERROR, with RETRY between attempts after a
 * transient failure. Pure: which failure is worth another try, and when.
 */

export const DELIVERY_STATES = ["PENDING", "PROCESSING", "RETRY", "SUCCESS", "ERROR"] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

/** Attempts in all, the first included; then the failure is recorded as final. */
export const MAX_DELIVERY_ATTEMPTS = 5;
/** How long a claim on a document holds: a sender that died lets go after this. */
export const DELIVERY_LEASE_MS = 60_000;

/** Whether a trigger event finds the document waiting for a sender. */
export const awaitsDelivery = (state: unknown): boolean => state === undefined || state === null || state === "PENDING";

/** The wait before attempt `attempts + 1`: 1, 4, 16, 64 minutes. */
export const retryDelayMs = (attempts: number): number => 60_000 * 4 ** Math.max(0, attempts - 1);

export interface SmtpFailure {
  code?: unknown;
  responseCode?: unknown;
}

/**
 * Transient: the server said "try later" (4xx) or could not be reached. Permanent: it
 * refused the mail (5xx), the login, or the envelope. Unknown faults get another try.
 */
export function failureKind(err: SmtpFailure): "transient" | "permanent" {
  const status = typeof err.responseCode === "number" ? err.responseCode : null;
  if (status !== null) return status >= 400 && status < 500 ? "transient" : "permanent";
  if (err.code === "EAUTH" || err.code === "EENVELOPE" || err.code === "EMESSAGE") return "permanent";
  return "transient";
}

/** What to record after a failed attempt. */
export function afterFailure(
  err: SmtpFailure,
  attempts: number,
  nowMs: number,
): { state: "RETRY" | "ERROR"; retryAtMs: number | null } {
  if (failureKind(err) === "permanent" || attempts >= MAX_DELIVERY_ATTEMPTS) return { state: "ERROR", retryAtMs: null };
  return { state: "RETRY", retryAtMs: nowMs + retryDelayMs(attempts) };
}
