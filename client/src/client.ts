/**
 * createFiretrackClient: the service-facing API. Each call becomes one report
 * with one Idempotency-Key, handed to the outbox, which delivers, retries or
 * drops it. Nothing here throws: bad arguments become a counted drop.
 */
import { describeError } from "./errorReport.js";
import { attempt, type Outcome, type Transport } from "./http.js";
import { Outbox } from "./outbox.js";
import { DEFAULT_BACKOFF } from "./retry.js";
import { uuid } from "./runtime.js";
import type {
  DroppedReport,
  FiretrackClient,
  FiretrackClientOptions,
  IssueInput,
  IssueStatus,
  LogErrorExtra,
  LoggedIssue,
  PostedComment,
  ReportKind,
  UpdatedStatus,
} from "./types.js";

const SERVICE_NAME = /^[a-z0-9._-]{1,64}$/;
/** `ISS-2026-0042`, `0042`, `42`: what the API reads as an issue number rather than a document id. */
const ISSUE_NUMBER = /^(?:ISS-\d{4}-)?\d{1,9}$/i;

const positive = (value: number | undefined, fallback: number) =>
  typeof value === "number" && Number.isFinite(value) && value > 0 ? value : fallback;

function configurationProblem(options: FiretrackClientOptions): string | null {
  if (!options || typeof options !== "object") return "options are missing";
  if (typeof options.baseUrl !== "string" || !/^https?:\/\//i.test(options.baseUrl))
    return "baseUrl must be an http(s) URL";
  if (typeof options.orgId !== "string" || options.orgId === "") return "orgId is missing";
  if (typeof options.apiKey !== "string" && typeof options.getToken !== "function") return "give apiKey or getToken";
  if (options.service !== undefined && !SERVICE_NAME.test(options.service))
    return "service must be 1–64 characters of a-z, 0-9, '.', '_', '-'";
  if (typeof (options.fetch ?? globalThis.fetch) !== "function") return "no fetch available";
  return null;
}

/** Never throws, even for options that cannot work: those make a client that drops every report as "invalid". */
export function createFiretrackClient(options: FiretrackClientOptions): FiretrackClient {
  const timeoutMs = positive(options?.timeoutMs, 3000);
  const debug = options?.debug === true;
  const log = (message: string, data?: Record<string, unknown>) => {
    if (!debug) return;
    try {
      console.debug(`[firetrack] ${message}`, data ?? {});
    } catch {
      // A console that throws is not our concern.
    }
  };
  const outbox = new Outbox({
    timeoutMs,
    maxQueue: Math.max(1, Math.floor(positive(options?.maxQueue, 1000))),
    concurrency: Math.max(1, Math.floor(positive(options?.concurrency, 16))),
    maxAttempts: Math.max(1, Math.floor(positive(options?.maxAttempts, 10))),
    attemptTimeoutMs: positive(options?.attemptTimeoutMs, timeoutMs),
    backoff: {
      initialMs: positive(options?.backoff?.initialMs, DEFAULT_BACKOFF.initialMs),
      maxMs: positive(options?.backoff?.maxMs, DEFAULT_BACKOFF.maxMs),
    },
    onDrop: typeof options?.onDrop === "function" ? options.onDrop : undefined,
    onError: typeof options?.onError === "function" ? options.onError : undefined,
    log,
  });
  const problem = configurationProblem(options);
  if (problem) log("misconfigured: every report will be dropped", { problem });

  const transport: Transport = {
    fetch: (input, init) => (options.fetch ?? globalThis.fetch)(input, init),
    baseUrl: problem ? "" : options.baseUrl.replace(/\/+$/, ""),
    authorization: async () => `Bearer ${options.apiKey ?? (await options.getToken!())}`,
  };
  const orgPath = problem ? "" : `/orgs/${encodeURIComponent(options.orgId)}`;
  const issuePath = (idOrNumber: string) => `${orgPath}/issues/${encodeURIComponent(idOrNumber)}`;

  /** One logical call: one report, one key, every attempt alike. */
  function submit<T>(
    kind: ReportKind,
    body: Record<string, unknown>,
    issue: string | undefined,
    run: (idempotencyKey: string, signal: AbortSignal) => Promise<Outcome<T>>,
  ): Promise<T | null> {
    const report: DroppedReport = {
      kind,
      idempotencyKey: uuid(),
      body,
      attempts: 0,
      ...(issue === undefined ? {} : { issue }),
    };
    if (problem) return outbox.refuse(report, problem);
    return outbox.submit(report, (signal) => run(report.idempotencyKey, signal));
  }

  /** Never let a bug of ours or a hostile argument escape as an exception or a rejection. */
  function guarded<T>(kind: ReportKind, work: () => Promise<T | null>): Promise<T | null> {
    try {
      return work().catch((err: unknown) => {
        log("internal error", { kind, error: String(err) });
        return null;
      });
    } catch (err) {
      return outbox.refuse({ kind, idempotencyKey: "", body: {}, attempts: 0 }, `bad arguments: ${String(err)}`);
    }
  }

  function logIssue(input: IssueInput): Promise<LoggedIssue | null> {
    return guarded("issue", () => {
      if (!input || typeof input !== "object" || typeof input.title !== "string" || input.title.trim() === "") {
        return outbox.refuse({ kind: "issue", idempotencyKey: "", body: {}, attempts: 0 }, "title is required");
      }
      // Only the documented fields, and the service name from the options.
      const body: Record<string, unknown> = {};
      for (const field of [
        "title",
        "description",
        "type",
        "priority",
        "category",
        "tags",
        "vendor",
        "order",
        "fingerprint",
      ] as const) {
        if (input[field] !== undefined) body[field] = input[field];
      }
      if (options.service) body.service = options.service;
      return submit<LoggedIssue>("issue", body, undefined, async (idempotencyKey, signal) => {
        const outcome = await attempt(
          transport,
          { method: "POST", path: `${orgPath}/issues`, body, idempotencyKey },
          signal,
        );
        if (outcome.kind !== "delivered") return outcome;
        const issue = outcome.value as { id?: string; number?: string | null; deduplicated?: boolean } | null;
        return {
          kind: "delivered",
          value: {
            id: String(issue?.id ?? ""),
            number: issue?.number ?? null,
            deduplicated: issue?.deduplicated === true,
          },
        };
      });
    });
  }

  function logError(error: unknown, extra: LogErrorExtra = {}): Promise<LoggedIssue | null> {
    return guarded("issue", () => {
      const { context, ...fields } = extra ?? {};
      const described = describeError(error, context);
      return logIssue({
        type: "bug",
        category: "technical",
        ...fields,
        title: fields.title ?? described.title,
        description: fields.description ?? described.description,
        fingerprint: fields.fingerprint ?? described.fingerprint,
      });
    });
  }

  function addComment(idOrNumber: string, text: string): Promise<PostedComment | null> {
    return guarded("comment", () => {
      if (typeof idOrNumber !== "string" || idOrNumber === "" || typeof text !== "string" || text.trim() === "") {
        return outbox.refuse(
          { kind: "comment", idempotencyKey: "", body: {}, attempts: 0 },
          "an issue and a comment body are required",
        );
      }
      const body = { body: text };
      return submit<PostedComment>("comment", body, idOrNumber, async (idempotencyKey, signal) => {
        const outcome = await attempt(
          transport,
          { method: "POST", path: `${issuePath(idOrNumber)}/comments`, body, idempotencyKey },
          signal,
        );
        if (outcome.kind !== "delivered") return outcome;
        const comment = outcome.value as { id?: string } | null;
        return { kind: "delivered", value: { id: String(comment?.id ?? "") } };
      });
    });
  }

  function updateStatus(idOrNumber: string, status: IssueStatus, note?: string): Promise<UpdatedStatus | null> {
    return guarded("status", () => {
      if (typeof idOrNumber !== "string" || idOrNumber === "" || typeof status !== "string") {
        return outbox.refuse(
          { kind: "status", idempotencyKey: "", body: {}, attempts: 0 },
          "an issue and a status are required",
        );
      }
      // Resolving is its own command, whose notes are the public resolution; …/transition refuses it.
      const resolving = status === "resolved";
      if (resolving && (typeof note !== "string" || note.trim() === "")) {
        return outbox.refuse(
          { kind: "status", idempotencyKey: "", body: { status }, attempts: 0, issue: idOrNumber },
          "resolving needs a note: the public resolution",
        );
      }
      const body: Record<string, unknown> = resolving ? { notes: note } : { status };
      if (!resolving && note !== undefined) body.note = note;
      return submit<UpdatedStatus>("status", body, idOrNumber, async (idempotencyKey, signal) => {
        // Commands address issues by document id; a number is looked up first (a GET, safe to repeat).
        let id = idOrNumber;
        if (ISSUE_NUMBER.test(idOrNumber)) {
          const found = await attempt(transport, { method: "GET", path: issuePath(idOrNumber) }, signal);
          if (found.kind !== "delivered") return found;
          id = String((found.value as { id?: string } | null)?.id ?? "");
        }
        const command = resolving ? "resolve" : "transition";
        const outcome = await attempt(
          transport,
          { method: "POST", path: `${issuePath(id)}/${command}`, body, idempotencyKey },
          signal,
        );
        if (outcome.kind !== "delivered") return outcome;
        const issue = outcome.value as { id?: string; number?: string | null; status?: IssueStatus } | null;
        return {
          kind: "delivered",
          value: { id: String(issue?.id ?? id), number: issue?.number ?? null, status: issue?.status ?? status },
        };
      });
    });
  }

  return {
    logIssue,
    logError,
    addComment,
    updateStatus,
    stats: () => outbox.stats(),
    flush: (flushTimeoutMs?: number) => outbox.flush(positive(flushTimeoutMs, timeoutMs)).catch(() => false),
    close: (closeTimeoutMs?: number) => outbox.close(positive(closeTimeoutMs, timeoutMs)).catch(() => false),
  };
}
