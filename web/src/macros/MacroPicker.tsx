/**
 * The issue page's macro button: pick one, apply it. The API posts the reply first and
 * then makes the changes; a move the status machine refuses comes back as a 409 and
 * nothing happened, which the problem says.
 */
import { useState, type FormEvent } from "react";
import { api } from "../api/client";
import { useOrg } from "../org/OrgContext";
import { ErrorState } from "../ui/states";
import { describeMacro, useMacros } from "./useMacros";

export function MacroPicker({ issueId }: { issueId: string }) {
  const org = useOrg();
  const macros = useMacros(org.orgId);
  const [choice, setChoice] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [applied, setApplied] = useState("");
  if (macros.status !== "ready" || macros.value.length === 0) return null;
  const chosen = macros.value.find((m) => m.id === choice);

  const apply = async (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) return;
    setBusy(true);
    setError(null);
    setApplied("");
    try {
      await api("POST", "/orgs/{orgId}/issues/{id}/macros/{macroId}:apply", {
        params: { path: { orgId: org.orgId, id: issueId, macroId: chosen.id } },
        body: {},
      });
      setApplied(chosen.name);
      setChoice("");
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="macro-picker card" onSubmit={(event) => void apply(event)} aria-label="Apply a macro">
      <label>
        Macro
        <select
          value={choice}
          onChange={(e) => {
            setChoice(e.target.value);
            setError(null);
            setApplied("");
          }}
        >
          <option value="">Choose a macro…</option>
          {macros.value.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
      </label>
      {chosen && <p className="hint">{describeMacro(chosen, org.memberName)}</p>}
      <button type="submit" className="primary" disabled={!chosen || busy}>
        {busy ? "Applying…" : "Apply macro"}
      </button>
      <div aria-live="polite">
        {error !== null && <ErrorState error={error} compact />}
        {applied && <p className="saved-note">✓ Applied “{applied}”.</p>}
      </div>
    </form>
  );
}
