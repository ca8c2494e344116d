import { allowedTargets, can, canReopen, isReopen, type Role, type Status } from "@firetrack/domain";
import { useState, type FormEvent } from "react";
import { api } from "../api/client";
import { ApiProblem } from "../api/problem";
import type { Issue } from "../issues/issue";
import { Dialog } from "../ui/Dialog";
import { ErrorState } from "../ui/states";

const ACTION_LABELS: Record<Status, string> = {
  open: "Reopen",
  answered: "Mark answered",
  in_progress: "Start progress",
  on_hold: "Put on hold",
  waiting_for_response: "Wait for customer",
  resolved: "Resolve…",
  closed: "Close",
};

/** The moves this role may make from the issue's status, straight from the shared machine and permission table. */
export function permittedTargets(role: Role, issue: Pick<Issue, "status" | "reporter">, uid: string): Status[] {
  const owns = issue.reporter.uid === uid;
  return allowedTargets(issue.status).filter((to) =>
    isReopen(issue.status, to) ? canReopen(role, owns) : can(role, "issue.edit"),
  );
}

export function StatusActions({ orgId, issue, role, uid }: { orgId: string; issue: Issue; role: Role; uid: string }) {
  const [busy, setBusy] = useState<Status | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [resolving, setResolving] = useState(false);
  const targets = permittedTargets(role, issue, uid);
  if (targets.length === 0) return null;

  const move = async (to: Status) => {
    if (to === "resolved") {
      setResolving(true);
      return;
    }
    setBusy(to);
    setError(null);
    try {
      const params = { path: { orgId, id: issue.id } };
      if (isReopen(issue.status, to)) await api("POST", "/orgs/{orgId}/issues/{id}/reopen", { params, body: {} });
      else if (to === "closed") await api("POST", "/orgs/{orgId}/issues/{id}/close", { params, body: {} });
      else await api("POST", "/orgs/{orgId}/issues/{id}/transition", { params, body: { status: to } });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="status-actions" aria-label="Status actions">
      <div className="button-row">
        {targets.map((to) => (
          <button
            key={to}
            type="button"
            className={to === "resolved" ? "primary" : ""}
            disabled={busy !== null}
            onClick={() => void move(to)}
          >
            {busy === to ? "…" : ACTION_LABELS[to]}
          </button>
        ))}
      </div>
      {error !== null && <ErrorState error={error} compact />}
      <ResolveDialog open={resolving} orgId={orgId} issue={issue} onClose={() => setResolving(false)} />
    </section>
  );
}

/** Resolution notes are public: the dialog requires them and says so. */
export function ResolveDialog({
  open,
  orgId,
  issue,
  onClose,
}: {
  open: boolean;
  orgId: string;
  issue: Issue;
  onClose: () => void;
}) {
  const [notes, setNotes] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!notes.trim()) {
      setFieldError("Write the resolution notes: they are required.");
      return;
    }
    setBusy(true);
    setError(null);
    setFieldError(null);
    try {
      await api("POST", "/orgs/{orgId}/issues/{id}/resolve", {
        params: { path: { orgId, id: issue.id } },
        body: { notes: notes.trim() },
      });
      setNotes("");
      onClose();
    } catch (err) {
      const notesProblem = err instanceof ApiProblem ? err.errors.find((e) => e.path === "notes") : undefined;
      if (notesProblem) setFieldError(notesProblem.message);
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} title={`Resolve ${issue.number ?? "issue"}`} onClose={onClose}>
      <form className="stack" onSubmit={submit} noValidate>
        <div className="public-warning" id="resolve-public">
          <strong>These notes are public.</strong> The reporter — a customer too, if they raised it — and everyone who
          can see this issue will read them.
        </div>
        <label>
          Resolution notes (public, required)
          <textarea
            rows={5}
            value={notes}
            onChange={(e) => setNotes(e.target.value)}
            aria-describedby={`resolve-public${fieldError ? " resolve-error" : ""}`}
            aria-invalid={fieldError ? true : undefined}
            required
          />
        </label>
        {fieldError && (
          <p className="field-error" id="resolve-error">
            {fieldError}
          </p>
        )}
        {error !== null && !fieldError && <ErrorState error={error} compact />}
        <div className="actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? "Resolving…" : "Resolve with these public notes"}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
