export type Outcome<T> = {
    kind: "delivered";
    value: T;
}
/** Worth another try: the network, a timeout, 408, 429, 5xx (retryAfterMs when the server said when). */
 | {
    kind: "retry";
    error: string;
    retryAfterMs?: number;
}
/** The API refused it: trying again would get the same answer. */
 | {
    kind: "rejected";
    status: number;
    detail: string;
};
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
export declare function attempt(transport: Transport, request: ApiRequest, signal: AbortSignal): Promise<Outcome<unknown>>;
export declare function errorText(err: unknown): string;
