import { useState } from "react";
import type { Issue } from "../issues/issue";
import { Dialog } from "../ui/Dialog";
import { label } from "../ui/labels";
import { ErrorState } from "../ui/states";
import { formatValue } from "./format";
import { changesSince, type Conflict } from "./useIssueEditor";

export function ConflictDialog({
  conflict,
  current,
  onReload,
  onOverwrite,
}: {
  conflict: Conflict | null;
  current: Issue;
  onReload: () => void;
  onOverwrite: () => Promise<boolean>;
}) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const theirs = conflict ? changesSince(conflict.baseline, current) : [];
  return (
    <Dialog open={conflict !== null} title="This issue changed while you were editing" onClose={onReload}>
      {conflict && (
        <div className="stack">
          <p>
            Someone saved version {current.version} after you opened version {conflict.baseline.version}. Your edit was
            not saved.
          </p>
          <h3>What changed meanwhile</h3>
          {theirs.length === 0 ? (
            <p className="muted">Only fields you are not editing changed.</p>
          ) : (
            <ul className="diff">
              {theirs.map((c) => (
                <li key={c.field}>
                  <strong>{label(c.field)}</strong>: <del>{formatValue(c.field, c.from)}</del> →{" "}
                  <ins>{formatValue(c.field, c.to)}</ins>
                </li>
              ))}
            </ul>
          )}
          <h3>Your edit</h3>
          <ul className="diff">
            {Object.entries(conflict.mine).map(([field, value]) => (
              <li key={field}>
                <strong>{label(field)}</strong>: {formatValue(field, value)}
              </li>
            ))}
          </ul>
          {error !== null && <ErrorState error={error} compact />}
          <div className="actions">
            <button type="button" onClick={onReload}>
              Reload the latest and drop my edit
            </button>
            <button
              type="button"
              className="primary"
              disabled={busy}
              onClick={async () => {
                setBusy(true);
                setError(null);
                try {
                  await onOverwrite();
                } catch (err) {
                  setError(err);
                } finally {
                  setBusy(false);
                }
              }}
            >
              Apply my edit to the latest
            </button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
