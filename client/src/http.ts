/** One HTTP attempt against the API, and what its answer means for the report. */
import { parseRetryAfter } from "./retry.js";

export type Outcome<T> =
  | { kind: "delivered"; value: T }
  /** Worth another try: the network, a timeout, 408, 429, 5xx (retryAfterMs when the server said when). */
  | { kind: "retry"; error: string; retryAfterMs?: number }
  /** The API refused it: trying again would get the same answer. */
  | { kind: "rejected"; status: number; detail: string; errors: { path: string; message: string }[] };

export interface Transport {
  fetch: typeof fetch;
  baseUrl: string;
  /** The Authorization header value; may throw (a token source that is down). */
  authorization: () => Promise<string>;
}

export interface ApiRequest {
  method: "GET" | "POST";
  path: string;
  body?: unknown;
  idempotencyKey?: string;
}

const DETAIL_MAX = 300;

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text.slice(0, DETAIL_MAX);
  }
}

function problemDetail(body: unknown, status: number): string {
  if (body && typeof body === "object") {
    const { detail, title } = body as { detail?: unknown; title?: unknown };
    if (typeof detail === "string") return detail.slice(0, DETAIL_MAX);
    if (typeof title === "string") return title.slice(0, DETAIL_MAX);
  }
  return typeof body === "string" && body ? body : `HTTP ${status}`;
}

/**
 * 408 and 429 are the 4xx a retry can cure; 409 only when it carries Retry-After,
 * which the API sends when an earlier attempt with the same Idempotency-Key is
 * still running (that attempt's answer is then replayed, so nothing is lost).
 */
function fieldErrors(body: unknown): { path: string; message: string }[] {
  const errors = body && typeof body === "object" ? (body as { errors?: unknown }).errors : undefined;
  if (!Array.isArray(errors)) return [];
  return errors.slice(0, 20).map((error: unknown) => {
    const { path, message } = (error ?? {}) as { path?: unknown; message?: unknown };
    return {
      path: Array.isArray(path) ? path.join(".") : String(path ?? ""),
      message: String(message ?? "").slice(0, DETAIL_MAX),
    };
  });
}

function isRetryable(status: number, retryAfter: number | undefined): boolean {
  return status >= 500 || status === 408 || status === 429 || (status === 409 && retryAfter !== undefined);
}

export async function attempt(
  transport: Transport,
  request: ApiRequest,
  signal: AbortSignal,
): Promise<Outcome<unknown>> {
  let response: Response;
  try {
    const headers: Record<string, string> = {
      accept: "application/json",
      authorization: await untilAborted(transport.authorization(), signal),
    };
    if (request.idempotencyKey) headers["idempotency-key"] = request.idempotencyKey;
    if (request.body !== undefined) headers["content-type"] = "application/json";
    response = await transport.fetch(`${transport.baseUrl}${request.path}`, {
      method: request.method,
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal,
    });
  } catch (err) {
    return { kind: "retry", error: signal.aborted ? "timeout" : `network: ${errorText(err)}` };
  }
  let body: unknown;
  try {
    body = await readJson(response);
  } catch (err) {
    // The headers came and then the connection broke: whether it was applied is unknown, so retry
    // (the Idempotency-Key makes a second application impossible).
    return { kind: "retry", error: signal.aborted ? "timeout" : `network: ${errorText(err)}` };
  }
  if (response.ok) return { kind: "delivered", value: body };
  const retryAfterMs =
    response.status === 429 || response.status === 503 || response.status === 409
      ? parseRetryAfter(response.headers.get("retry-after"))
      : undefined;
  if (isRetryable(response.status, retryAfterMs)) {
    return { kind: "retry", error: `HTTP ${response.status}`, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) };
  }
  return {
    kind: "rejected",
    status: response.status,
    detail: problemDetail(body, response.status),
    errors: fieldErrors(body),
  };
}

/** A token source that hangs must not hold the attempt past its timeout. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (signal.aborted) return reject(new Error("aborted"));
    const onAbort = () => reject(new Error("aborted"));
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (err: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(err instanceof Error ? err : new Error(String(err)));
      },
    );
  });
}

export function errorText(err: unknown): string {
  try {
    if (err instanceof Error) {
      const cause = (err as { cause?: { code?: unknown } }).cause;
      return typeof cause?.code === "string" ? `${err.message} (${cause.code})` : err.message;
    }
    return String(err);
  } catch {
    return "unknown error";
  }
}
