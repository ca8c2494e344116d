/**
 * The few Linear calls the sync makes, through the real @linear/sdk, each with
 * its own timeout (the SDK has none), and every failure reduced to what the
 * sync does next (domain classifyLinearFailure).
 *
 * The SDK is ESM-only and this build is CommonJS: it is loaded with a dynamic
 * import(), which Node 20 supports in any version, and only by the functions
 * that talk to Linear, so no other function pays for loading it.
 */
import { classifyLinearFailure, type LinearFailure, type LinearWorkflowState } from "../../domain";

type Sdk = typeof import("@linear/sdk", { with: { "resolution-mode": "import" }});
type LinearClient = InstanceType<Sdk["LinearClient"]>;
let sdk: Promise<Sdk> | null = null;
const loadSdk = (): Promise<Sdk> => (sdk ??= import("@linear/sdk"));

/** Every HTTP call to Linear gives up after this long (the issue's "about 10 s"). */
export const LINEAR_TIMEOUT_MS = 10_000;

export class LinearCallError extends Error {
  constructor(
    readonly failure: LinearFailure,
    message: string,
  ) {
    super(message);
  }
}

export interface LinearIssueInput {
  title: string;
  description: string;
  priority: number;
  stateId?: string | undefined;
}

export interface LinearIssueSnapshot {
  id: string;
  identifier: string;
  url: string;
  stateId: string | null;
  updatedAt: number;
}

/** What the sync needs from Linear; tests of the sync logic can hand in their own. */
export interface LinearApi {
  createIssue(input: LinearIssueInput & { id: string; teamId: string }): Promise<void>;
  updateIssue(id: string, input: LinearIssueInput): Promise<void>;
  /** Null when Linear has no such issue. */
  issue(id: string): Promise<LinearIssueSnapshot | null>;
  createComment(input: { id: string; issueId: string; body: string }): Promise<void>;
  workflowStates(teamId: string): Promise<LinearWorkflowState[]>;
  viewer(): Promise<{ id: string; name: string }>;
}

interface WireError {
  message?: string;
  extensions?: { type?: string; code?: string };
}

/** The facts of a failed call, read from the answer on the wire first and the SDK's error class second. */
export function failureOf(err: unknown): LinearCallError {
  if (err instanceof LinearCallError) return err;
  const error = err as {
    name?: string;
    type?: string;
    status?: number;
    message?: string;
    raw?: {
      name?: string;
      cause?: unknown;
      response?: { status?: number; errors?: WireError[]; headers?: { get(name: string): string | null } };
    };
  };
  const raw = error?.raw;
  const response = raw?.response;
  const wire = response?.errors ?? [];
  const cause = raw ?? error;
  const abort = (value: unknown) =>
    ["TimeoutError", "AbortError"].includes((value as { name?: string } | undefined)?.name ?? "");
  const failure = classifyLinearFailure({
    type: wire[0]?.extensions?.type ?? (response ? error?.type : undefined),
    status: response?.status ?? error?.status,
    codes: wire.map((w) => w.extensions?.code).filter((code): code is string => typeof code === "string"),
    retryAfter: response?.headers?.get?.("retry-after") ?? null,
    timedOut: abort(cause) || abort((cause as { cause?: unknown }).cause),
    // fetch() itself failed (refused, reset, DNS): no answer came back.
    network: !response && cause instanceof TypeError,
  });
  // Messages are Linear's own words about the request, never the key: safe to keep, cut short.
  const message = (wire[0]?.message ?? error?.message ?? String(err)).slice(0, 300);
  return new LinearCallError(failure, message);
}

const isNotFound = (err: LinearCallError) => err.failure.kind === "permanent" && err.failure.code === "invalid_input";

/** A client per call, so each call gets a fresh timeout signal. */
export function linearApi(apiKey: string, apiUrl: string, timeoutMs = LINEAR_TIMEOUT_MS): LinearApi {
  async function call<T>(work: (client: LinearClient) => Promise<T>): Promise<T> {
    const { LinearClient } = await loadSdk();
    try {
      return await work(new LinearClient({ apiKey, apiUrl, signal: AbortSignal.timeout(timeoutMs) }));
    } catch (err) {
      throw failureOf(err);
    }
  }
  const requireSuccess = (payload: { success: boolean }, what: string) => {
    if (!payload.success)
      throw new LinearCallError({ kind: "permanent", code: "rejected" }, `Linear did not accept the ${what}.`);
  };

  return {
    createIssue: (input) =>
      call(async (client) => {
        requireSuccess(await client.createIssue(input), "new issue");
      }),
    updateIssue: (id, input) =>
      call(async (client) => {
        requireSuccess(await client.updateIssue(id, input), "issue update");
      }),
    async issue(id) {
      try {
        return await call(async (client) => {
          const issue = await client.issue(id);
          return {
            id: issue.id,
            identifier: issue.identifier,
            url: issue.url,
            stateId: issue.stateId ?? null,
            updatedAt: issue.updatedAt.getTime(),
          };
        });
      } catch (err) {
        // Linear answers "Entity not found" as an invalid-input error.
        if (err instanceof LinearCallError && isNotFound(err)) return null;
        throw err;
      }
    },
    createComment: (input) =>
      call(async (client) => {
        requireSuccess(await client.createComment(input), "comment");
      }),
    workflowStates: (teamId) =>
      call(async (client) => {
        const connection = await client.workflowStates({ filter: { team: { id: { eq: teamId } } }, first: 100 });
        return connection.nodes.map((state) => ({
          id: state.id,
          name: state.name,
          type: state.type,
          position: state.position,
        }));
      }),
    viewer: () =>
      call(async (client) => {
        const viewer = await client.viewer;
        return { id: viewer.id, name: viewer.name };
      }),
  };
}
