/** The public types, taken from the API's generated OpenAPI types so they cannot drift from the server. */
import type { operations } from "./generated/openapi.js";

type CreateIssueOperation = operations["postOrgsOrgIdIssues"];
type TransitionOperation = operations["postOrgsOrgIdIssuesIdTransition"];

/** The body of POST /orgs/{orgId}/issues, less `service`, which the client adds from its options. */
export type IssueInput = Omit<CreateIssueOperation["requestBody"]["content"]["application/json"], "service">;
/** An issue as the API returns it. */
export type Issue = CreateIssueOperation["responses"][201]["content"]["application/json"];
export type IssueStatus = TransitionOperation["requestBody"]["content"]["application/json"]["status"];

export interface LoggedIssue {
  id: string;
  /** `ISS-2026-0042`. */
  number: string | null;
  /** True when the fingerprint matched an open issue, which got one more occurrence instead. */
  deduplicated: boolean;
}

export interface PostedComment {
  id: string;
}

export interface UpdatedStatus {
  id: string;
  number: string | null;
  status: IssueStatus;
}

export interface LogErrorExtra extends Partial<IssueInput> {
  /** Shown under the stack as JSON. Mind what you put here: it is stored on the issue. */
  context?: Record<string, unknown>;
}

export type ReportKind = "issue" | "comment" | "status";

/** What onDrop is told about a report it will never see delivered. */
export interface DroppedReport {
  kind: ReportKind;
  /** The Idempotency-Key every attempt of this report carried. */
  idempotencyKey: string;
  /** The request body (for a status change, with the issue it was for). */
  body: Record<string, unknown>;
  /** The issue a comment or status change was for. */
  issue?: string;
  attempts: number;
}

export type DropReason =
  /** The queue was full and this was the oldest report. */
  | { code: "queue_full" }
  /** The API refused it (a 4xx other than 408 and 429): retrying would not help. */
  | { code: "rejected"; status: number; detail: string }
  /** It failed `maxAttempts` times. */
  | { code: "retries_exhausted"; lastError: string }
  /** The client was closed before it could be delivered. */
  | { code: "closed" }
  /** It could not be sent at all (bad arguments or options). */
  | { code: "invalid"; detail: string };

/**
 * What onError is told about a call the API refused as malformed (400 or 422): a bug in the calling code,
 * not an outage, so it is counted apart from drops.
 */
export interface CallError {
  status: number;
  detail: string;
  /** Field-level problems, as the API's problem+json lists them. */
  errors: { path: string; message: string }[];
}

export interface ClientStats {
  /** Reports the API accepted (deduplicated ones included). */
  sent: number;
  /** Of those, logs that the API folded into an open issue with the same fingerprint. */
  deduplicated: number;
  /** Attempts after the first, over all reports. */
  retried: number;
  /** Reports given up, for any DropReason. */
  dropped: number;
  /** Calls the API refused as malformed (400, 422): programming errors, told to onError, not counted as dropped. */
  errors: number;
  /** Reports held now, waiting or in flight. */
  queued: number;
}

export interface FiretrackClientOptions {
  /** The API root, e.g. "https://tracker.example.com/api/v1". */
  baseUrl: string;
  orgId: string;
  /** An API key `ftk_<keyId>_<secret>`. Give this or getToken. */
  apiKey?: string;
  /** A Google-signed ID token of a service account listed in the org's settings; asked again for every attempt. */
  getToken?: () => Promise<string>;
  /** The service's own name (1–64 characters of a-z, 0-9, '.', '_', '-'), stored as the issue's `reporter.service`. */
  service?: string;
  /** Every call resolves within this (default 3000 ms), with null if the tracker had not answered. */
  timeoutMs?: number;
  /** Reports held at most (default 1000); past it the oldest are dropped and counted. */
  maxQueue?: number;
  /** Called once for every report given up; what it throws is ignored. */
  onDrop?: (report: DroppedReport, reason: DropReason) => void;
  /** Called once for every call the API refused as malformed (400, 422); what it throws is ignored. */
  onError?: (report: DroppedReport, error: CallError) => void;
  /** Log what the client does to console.debug (default false: it logs nothing). */
  debug?: boolean;
  /** Requests in flight at most (default 16). */
  concurrency?: number;
  /** Attempts per report before it is dropped (default 10). */
  maxAttempts?: number;
  /** One attempt is abandoned after this (default timeoutMs). */
  attemptTimeoutMs?: number;
  /** Backoff between failed attempts (default 500 ms doubling to 60 s, with jitter). */
  backoff?: { initialMs?: number; maxMs?: number };
  /** A fetch to use instead of the global one (tests, proxies). */
  fetch?: typeof fetch;
}

export interface FiretrackClient {
  /** Logs an issue; with a fingerprint, repeats fold into the open issue. Never rejects. */
  logIssue(issue: IssueInput): Promise<LoggedIssue | null>;
  /** Logs an error as a bug: title and stack from the error, fingerprint from its type and in-app frames. */
  logError(error: unknown, extra?: LogErrorExtra): Promise<LoggedIssue | null>;
  addComment(idOrNumber: string, body: string): Promise<PostedComment | null>;
  /** Moves the status; "resolved" goes through …/resolve with the note as the public resolution (then required). */
  updateStatus(idOrNumber: string, status: IssueStatus, note?: string): Promise<UpdatedStatus | null>;
  stats(): ClientStats;
  /** Tries to deliver everything held; true when nothing is left within timeoutMs. */
  flush(timeoutMs?: number): Promise<boolean>;
  /** Flushes, then drops what is left (reason "closed") and refuses further reports. */
  close(timeoutMs?: number): Promise<boolean>;
}
