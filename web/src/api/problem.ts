/** RFC 9457 problems from the API, as the UI shows them: a message, field errors and the requestId. */
import { UnreadableDocument } from "../shared/live";
export interface FieldProblem {
  path: string;
  code: string;
  message: string;
}

export class ApiProblem extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  readonly requestId: string | null;
  readonly errors: FieldProblem[];
  /** Extra members: `allowedTransitions`, `currentVersion`… */
  readonly extensions: Record<string, unknown>;

  constructor(init: {
    status: number;
    title: string;
    detail?: string;
    requestId?: string | null;
    errors?: FieldProblem[];
    extensions?: Record<string, unknown>;
  }) {
    super(init.detail || init.title);
    this.status = init.status;
    this.title = init.title;
    this.detail = init.detail ?? "";
    this.requestId = init.requestId ?? null;
    this.errors = init.errors ?? [];
    this.extensions = init.extensions ?? {};
  }
}

/** Reads a failed response: problem+json when the API sent one, else what the status says. */
export async function problemFrom(response: Response): Promise<ApiProblem> {
  const headerId = response.headers.get("x-request-id");
  const type = response.headers.get("content-type") ?? "";
  if (type.includes("json")) {
    try {
      const body = (await response.json()) as Record<string, unknown>;
      const { status, title, detail, requestId, errors, type: _type, ...extensions } = body;
      return new ApiProblem({
        status: typeof status === "number" ? status : response.status,
        title: typeof title === "string" ? title : response.statusText || "Request failed",
        detail: typeof detail === "string" ? detail : "",
        requestId: typeof requestId === "string" ? requestId : headerId,
        errors: Array.isArray(errors) ? (errors as FieldProblem[]) : [],
        extensions,
      });
    } catch {
      // Fall through: a body that says it is JSON and is not.
    }
  }
  return new ApiProblem({
    status: response.status,
    title: response.statusText || `HTTP ${response.status}`,
    requestId: headerId,
  });
}

/** Anything thrown, as something the error state can show. */
export function asProblem(error: unknown): ApiProblem {
  if (error instanceof ApiProblem) return error;
  const code = (error as { code?: string } | null)?.code;
  if (code === "permission-denied") {
    return new ApiProblem({
      status: 403,
      title: "Not allowed",
      detail: "Your role in this organisation cannot see this.",
    });
  }
  if (error instanceof UnreadableDocument)
    return new ApiProblem({ status: 0, title: error.title, detail: error.detail });
  const message = error instanceof Error ? error.message : String(error);
  return new ApiProblem({ status: 0, title: "Something went wrong", detail: message });
}
