import { can, CATEGORIES, LIMITS, PRIORITIES, STATUSES, type BulkChange } from "@firetrack/domain";
import { useState, type FormEvent } from "react";
import type { BulkAnswer } from "../api/answers";
import { api } from "../api/client";
import { assignable, useOrg } from "../org/OrgContext";
import { Dialog } from "../ui/Dialog";
import { label } from "../ui/labels";
import { ErrorState } from "../ui/states";
import { useMacros } from "../macros/useMacros";

type Kind = "status" | "priority" | "category" | "assignee" | "addTag" | "removeTag" | "macro" | "delete" | "restore";

/** Kinds that need no value: the choice of the kind is the whole change. */
const NO_VALUE: readonly Kind[] = ["delete", "restore"];

/**
 * Resolving needs public notes, which one bulk change cannot ask for per issue,
 * so bulk offers every status but `resolved`.
 */
const BULK_STATUSES = STATUSES.filter((status) => status !== "resolved");

function changeOf(kind: Kind, value: string): BulkChange | null {
  if (kind === "delete") return { delete: true };
  if (kind === "restore") return { restore: true };
  if (!value.trim()) return null;
  switch (kind) {
    case "category":
      return { category: value as (typeof CATEGORIES)[number] };
    case "macro":
      return { macroId: value };
    case "status":
      return { status: value as (typeof STATUSES)[number] };
    case "priority":
      return { priority: value as (typeof PRIORITIES)[number] };
    case "assignee":
      return { assigneeUid: value === "none" ? null : value };
    case "addTag":
      return { tags: { add: [value.trim()] } };
    case "removeTag":
      return { tags: { remove: [value.trim()] } };
  }
}

/** One change to every selected issue through `issues:bulk`, then the result per issue. */
export function BulkBar({
  selected,
  describe,
  onDone,
  deletedView = false,
}: {
  selected: string[];
  describe: (id: string) => string;
  onDone: () => void;
  /** The Deleted view offers restore only: nothing else applies to deleted issues. */
  deletedView?: boolean;
}) {
  const { orgId, members, role } = useOrg();
  const macros = useMacros(orgId);
  const [kind, setKind] = useState<Kind>(deletedView ? "restore" : "status");
  const [value, setValue] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [results, setResults] = useState<BulkAnswer | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const change = changeOf(kind, value);
    if (!change) return;
    setBusy(true);
    setError(null);
    try {
      const { data } = await api("POST", "/orgs/{orgId}/issues:bulk", {
        params: { path: { orgId } },
        body: { ids: selected, change },
      });
      setResults(data);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const valueControl = NO_VALUE.includes(kind) ? null : kind === "status" ||
    kind === "priority" ||
    kind === "category" ||
    kind === "assignee" ||
    kind === "macro" ? (
    <select
      aria-label={kind === "macro" ? "Macro" : "New value"}
      value={value}
      onChange={(e) => setValue(e.target.value)}
      required
    >
      <option value="">Choose…</option>
      {kind === "status" &&
        BULK_STATUSES.map((s) => (
          <option key={s} value={s}>
            {label(s)}
          </option>
        ))}
      {kind === "priority" &&
        PRIORITIES.map((p) => (
          <option key={p} value={p}>
            {label(p)}
          </option>
        ))}
      {kind === "category" &&
        CATEGORIES.map((c) => (
          <option key={c} value={c}>
            {label(c)}
          </option>
        ))}
      {kind === "macro" &&
        macros.status === "ready" &&
        macros.value.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name}
          </option>
        ))}
      {kind === "assignee" && [
        <option key="none" value="none">
          Unassigned
        </option>,
        ...assignable(members).map((m) => (
          <option key={m.uid} value={m.uid}>
            {m.displayName}
          </option>
        )),
      ]}
    </select>
  ) : (
    <input
      aria-label="Tag"
      placeholder="tag"
      value={value}
      onChange={(e) => setValue(e.target.value)}
      required
      maxLength={LIMITS.tagMax}
    />
  );

  return (
    <section className="bulk-bar" aria-label="Bulk actions">
      <form onSubmit={submit} className="bulk-form">
        <strong>{selected.length} selected</strong>
        <label>
          <span className="visually-hidden">Change</span>
          <select
            aria-label="Change"
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as Kind);
              setValue("");
            }}
          >
            {deletedView ? (
              <option value="restore">Restore</option>
            ) : (
              <>
                <option value="status">Set status</option>
                <option value="priority">Set priority</option>
                <option value="category">Set category</option>
                <option value="assignee">Assign</option>
                <option value="addTag">Add tag</option>
                <option value="removeTag">Remove tag</option>
                {macros.status === "ready" && macros.value.length > 0 && <option value="macro">Apply macro</option>}
                {can(role, "issue.softDelete") && <option value="delete">Delete</option>}
              </>
            )}
          </select>
        </label>
        {valueControl}
        <button
          type="submit"
          className={kind === "delete" ? "danger" : "primary"}
          disabled={busy || (!value && !NO_VALUE.includes(kind))}
        >
          {busy ? "Applying…" : `Apply to ${selected.length}`}
        </button>
        <button type="button" className="link-button" onClick={onDone}>
          Clear selection
        </button>
      </form>
      {error !== null && <ErrorState error={error} compact />}
      <Dialog
        open={results !== null}
        title="Bulk change"
        onClose={() => {
          setResults(null);
          onDone();
        }}
      >
        {results && (
          <>
            <p role="status">
              {results.summary.succeeded} updated, {results.summary.failed} failed.
            </p>
            <div className="table-scroll">
              <table className="results">
                <thead>
                  <tr>
                    <th scope="col">Issue</th>
                    <th scope="col">Result</th>
                  </tr>
                </thead>
                <tbody>
                  {results.results.map((r) => (
                    <tr key={r.id} className={r.status === 200 ? "ok" : "failed"}>
                      <td>{describe(r.id)}</td>
                      <td>
                        {r.status === 200
                          ? "✓ Updated"
                          : `✗ ${r.status} ${r.problem?.title ?? ""}: ${r.problem?.detail ?? ""}`}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div className="actions">
              <button
                type="button"
                className="primary"
                onClick={() => {
                  setResults(null);
                  onDone();
                }}
              >
                Done
              </button>
            </div>
          </>
        )}
      </Dialog>
    </section>
  );
}
