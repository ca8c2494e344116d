/**
 * Writes go through the HTTP API (docs/architecture.md). Same origin: Hosting rewrites
 * /api/** to the `api` function, in production and on the emulators alike.
 *
 * Every call names its route as the generated OpenAPI types spell it, and those types give its
 * path parameters, query, body and answer (docs/decisions/0045-web-api-client-openapi-fetch.md):
 *
 *   api("POST", "/orgs/{orgId}/issues/{id}/resolve", { params: { path: { orgId, id } }, body: { notes } })
 *
 * openapi-fetch builds the request; `encodePath` fills the route, and `send` adds the caller's token
 * and turns every refusal into an `ApiProblem`, so a call that returns has succeeded.
 */
import type { paths } from "@firetrack/openapi";
import createClient, { type Client, type ClientPathsWithMethod, type MaybeOptionalInit } from "openapi-fetch";
import { auth } from "../firebase";
import { encodePath } from "./path";
import { ApiProblem, problemFrom } from "./problem";

const BASE = "/api/v1";

export type ApiMethod = "GET" | "POST" | "PATCH" | "DELETE";
type Verb<M extends ApiMethod> = Lowercase<M>;
type ApiClient = Client<paths>;

/** The routes that answer `method`, as the generated types spell them: `/orgs/{orgId}/settings`. */
export type ApiRoute<M extends ApiMethod> = ClientPathsWithMethod<ApiClient, Verb<M>>;

type OkStatus = 200 | 201 | 202 | 204;
/** The body of every success a responses object declares, whatever its media type. */
type SuccessBody<Responses> = {
  [S in keyof Responses & OkStatus]: Responses[S] extends { content: infer C } ? C[keyof C] : undefined;
}[keyof Responses & OkStatus];

/**
 * What a route answers on success, straight from the generated types (openapi-fetch's own answer type maps
 * arrays in a way that loses tuples, such as business hours' `[from, to]`); a Blob when the call asks for one.
 */
export type ApiAnswer<M extends ApiMethod, R extends ApiRoute<M>, Options = object> = Options extends {
  parseAs: "blob";
}
  ? Blob
  : paths[R] extends Record<Verb<M>, { responses: infer Responses }>
    ? SuccessBody<Responses>
    : never;

/** What a route takes, as openapi-fetch spells it: `params` (path, query), `body`, `signal`, `parseAs`. */
export type ApiInit<M extends ApiMethod, R extends ApiRoute<M>> = MaybeOptionalInit<paths[R], Verb<M>>;

interface WebOptions {
  /** The version the caller read: a PATCH is refused with 409 when the issue moved on. */
  ifMatch?: number;
}

type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];
/** The init may be left out when nothing in it is required (as openapi-fetch decides it). */
type InitArgument<Init> = [RequiredKeys<Init>] extends [never] ? [(Init & WebOptions)?] : [Init & WebOptions];

export interface ApiResult<T> {
  data: T;
  etag: string | null;
  requestId: string | null;
}

/** The browser's fetch with the caller's token; a network failure or a refusal becomes an ApiProblem. */
async function send(request: Request): Promise<Response> {
  const user = auth.currentUser;
  if (!user) throw new ApiProblem({ status: 401, title: "Signed out", detail: "Sign in again to continue." });
  request.headers.set("Authorization", `Bearer ${await user.getIdToken()}`);
  let response: Response;
  try {
    response = await fetch(request);
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

// An absolute base on this page's own origin: the same origin as a relative one, and a URL `Request` accepts
// outside a browser too.
const client = createClient<paths>({
  baseUrl: `${globalThis.location?.origin ?? ""}${BASE}`,
  fetch: send,
  pathSerializer: encodePath,
});

/** One call of the API; it resolves with the answer or rejects with an ApiProblem (or an AbortError). */
export async function api<M extends ApiMethod, R extends ApiRoute<M>, Init extends ApiInit<M, R>>(
  method: M,
  route: R,
  ...init: InitArgument<Init>
): Promise<ApiResult<ApiAnswer<M, R, Init>>> {
  const { ifMatch, ...options } = (init[0] ?? {}) as WebOptions & { headers?: Record<string, string> };
  const headers = ifMatch === undefined ? options.headers : { ...options.headers, "If-Match": `"${ifMatch}"` };
  // The generics are checked at the call; openapi-fetch's own overloads can't see through them here.
  const { data, response } = await client.request(
    method.toLowerCase() as "get",
    route as never,
    {
      ...options,
      headers,
    } as never,
  );
  return {
    data: data as ApiAnswer<M, R, Init>,
    etag: response.headers.get("etag"),
    requestId: response.headers.get("x-request-id"),
  };
}
