/** Loading, empty and error states, alike everywhere. */
import type { ReactNode } from "react";
import { asProblem } from "../api/problem";

export function Loading({ what }: { what: string }) {
  return (
    <div className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      Loading {what}…
    </div>
  );
}

export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state state-empty">
      <p className="state-title">{title}</p>
      {children}
    </div>
  );
}

/** A problem from the API (or a listener) with its requestId, so a report can quote it. */
/** `fieldsShown`: a form already shows the field errors beside its fields. */
export function ErrorState({
  error,
  retry,
  compact = false,
  fieldsShown = false,
}: {
  error: unknown;
  retry?: () => void;
  compact?: boolean;
  fieldsShown?: boolean;
}) {
  const problem = asProblem(error);
  return (
    <div className={`state state-error${compact ? " compact" : ""}`} role="alert">
      <p className="state-title">{problem.title}</p>
      {problem.detail && <p>{problem.detail}</p>}
      {problem.errors.length > 0 && !fieldsShown && (
        <ul>
          {problem.errors.map((e) => (
            <li key={`${e.path}:${e.code}`}>
              {e.path ? <code>{e.path}</code> : null} {e.message}
            </li>
          ))}
        </ul>
      )}
      {problem.requestId && (
        <p className="request-id">
          Request ID: <code>{problem.requestId}</code>
        </p>
      )}
      {retry && (
        <button type="button" onClick={retry}>
          Try again
        </button>
      )}
    </div>
  );
}
