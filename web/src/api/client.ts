/**
 * Writes go through the HTTP API (docs/architecture.md). Same origin: Hosting rewrites
 * /api/** to the `api` function, in production and on the emulators alike.
 */
import { auth } from "../firebase";
import type { ApiPath } from "./path";
import { ApiProblem, problemFrom } from "./problem";

export { ApiPath, path } from "./path";

const BASE = "/api/v1";

export interface ApiOptions {
  body?: unknown;
  /** The version the caller read: a PATCH is refused with 409 when the issue moved on. */
  ifMatch?: number;
  signal?: AbortSignal;
}

export interface ApiResult<T> {
  data: T;
  etag: string | null;
  requestId: string | null;
}

async function send(
  method: string,
  target: ApiPath,
  options: ApiOptions = {},
  query?: URLSearchParams,
): Promise<Response> {
  const user = auth.currentUser;
  if (!user) throw new ApiProblem({ status: 401, title: "Signed out", detail: "Sign in again to continue." });
  const headers: Record<string, string> = { Authorization: `Bearer ${await user.getIdToken()}` };
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  if (options.ifMatch !== undefined) headers["If-Match"] = `"${options.ifMatch}"`;
  let response: Response;
  try {
    response = await fetch(`${BASE}${target.value}${query?.size ? `?${query}` : ""}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (err) {
    if ((err as Error).name === "AbortError") throw err;
    throw new ApiProblem({
      status: 0,
      title: "Network error",
      detail: "The server could not be reached. Check your connection and try again.",
    });
  }
  if (!response.ok) throw await problemFrom(response);
  return response;
}

export async function api<T = unknown>(
  method: "GET" | "POST" | "PATCH" | "DELETE",
  target: ApiPath,
  options?: ApiOptions,
): Promise<ApiResult<T>> {
  const response = await send(method, target, options);
  const text = await response.text();
  return {
    data: (text ? JSON.parse(text) : undefined) as T,
    etag: response.headers.get("etag"),
    requestId: response.headers.get("x-request-id"),
  };
}

export async function apiBlob(target: ApiPath, query?: URLSearchParams): Promise<Blob> {
  return (await send("GET", target, {}, query)).blob();
}
