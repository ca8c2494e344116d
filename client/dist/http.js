/** One HTTP attempt against the API, and what its answer means for the report. */
import { parseRetryAfter } from "./retry.js";
const DETAIL_MAX = 300;
async function readJson(response) {
    const text = await response.text();
    if (!text)
        return null;
    try {
        return JSON.parse(text);
    }
    catch {
        return text.slice(0, DETAIL_MAX);
    }
}
function problemDetail(body, status) {
    if (body && typeof body === "object") {
        const { detail, title } = body;
        if (typeof detail === "string")
            return detail.slice(0, DETAIL_MAX);
        if (typeof title === "string")
            return title.slice(0, DETAIL_MAX);
    }
    return typeof body === "string" && body ? body : `HTTP ${status}`;
}
/**
 * 408 and 429 are the 4xx a retry can cure; 409 only when it carries Retry-After,
 * which the API sends when an earlier attempt with the same Idempotency-Key is
 * still running (that attempt's answer is then replayed, so nothing is lost).
 */
function isRetryable(status, retryAfter) {
    return status >= 500 || status === 408 || status === 429 || (status === 409 && retryAfter !== undefined);
}
export async function attempt(transport, request, signal) {
    let response;
    try {
        const headers = { accept: "application/json", authorization: await untilAborted(transport.authorization(), signal) };
        if (request.idempotencyKey)
            headers["idempotency-key"] = request.idempotencyKey;
        if (request.body !== undefined)
            headers["content-type"] = "application/json";
        response = await transport.fetch(`${transport.baseUrl}${request.path}`, {
            method: request.method,
            headers,
            body: request.body === undefined ? undefined : JSON.stringify(request.body),
            signal,
        });
    }
    catch (err) {
        return { kind: "retry", error: signal.aborted ? "timeout" : `network: ${errorText(err)}` };
    }
    let body;
    try {
        body = await readJson(response);
    }
    catch (err) {
        // The headers came and then the connection broke: whether it was applied is unknown, so retry
        // (the Idempotency-Key makes a second application impossible).
        return { kind: "retry", error: signal.aborted ? "timeout" : `network: ${errorText(err)}` };
    }
    if (response.ok)
        return { kind: "delivered", value: body };
    const retryAfterMs = response.status === 429 || response.status === 503 || response.status === 409 ? parseRetryAfter(response.headers.get("retry-after")) : undefined;
    if (isRetryable(response.status, retryAfterMs)) {
        return { kind: "retry", error: `HTTP ${response.status}`, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) };
    }
    return { kind: "rejected", status: response.status, detail: problemDetail(body, response.status) };
}
/** A token source that hangs must not hold the attempt past its timeout. */
function untilAborted(promise, signal) {
    return new Promise((resolve, reject) => {
        if (signal.aborted)
            return reject(new Error("aborted"));
        const onAbort = () => reject(new Error("aborted"));
        signal.addEventListener("abort", onAbort, { once: true });
        promise.then((value) => {
            signal.removeEventListener("abort", onAbort);
            resolve(value);
        }, (err) => {
            signal.removeEventListener("abort", onAbort);
            reject(err instanceof Error ? err : new Error(String(err)));
        });
    });
}
export function errorText(err) {
    try {
        if (err instanceof Error) {
            const cause = err.cause;
            return typeof cause?.code === "string" ? `${err.message} (${cause.code})` : err.message;
        }
        return String(err);
    }
    catch {
        return "unknown error";
    }
}
//# sourceMappingURL=http.js.map