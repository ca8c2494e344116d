/** The Linear sync's settings: which team, on or off, and which comments go across. */
import { STATUSES } from "@firetrack/domain";
import { useState, type FormEvent } from "react";
import { label } from "../ui/labels";
import { linearPatch, MIRROR_LABELS, mirrorChoiceOf, mirrorChoicesFor, type MirrorChoice } from "./linear";
import { ActionResult, FieldMessages, fieldMessages, useAction } from "../shared/formParts";
import { useSettings } from "./useSettings";

export function LinearSection() {
  const { settings, save } = useSettings();
  const stored = settings.linear;
  const [teamId, setTeamId] = useState(stored.teamId ?? "");
  const [enabled, setEnabled] = useState(stored.enabled);
  const [mirror, setMirror] = useState<MirrorChoice>(mirrorChoiceOf(stored.mirrorComments));
  const [stateMap, setStateMap] = useState<Record<string, string>>(stored.stateMap ?? {});
  const saving = useAction();
  const teamInvalid = fieldMessages(saving.error, "linear.teamId").length > 0;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // Blank rows map by Linear's state type; the map is replaced as a whole.
    const map = Object.fromEntries(
      Object.entries(stateMap)
        .map(([status, name]) => [status, name.trim()])
        .filter(([, name]) => name !== ""),
    );
    const saved = await saving.run(() =>
      save({ linear: { ...linearPatch({ teamId, enabled, mirror }), stateMap: map } }),
    );
    if (saved) {
      setStateMap(saved.linear.stateMap ?? {});
      setTeamId(saved.linear.teamId ?? "");
      setEnabled(saved.linear.enabled);
      setMirror(mirrorChoiceOf(saved.linear.mirrorComments));
    }
  };
  const edited = () => saving.reset();

  return (
    <section aria-labelledby="linear-heading" className="settings-section">
      <header className="section-head">
        <h2 id="linear-heading">Linear</h2>
        <p className="muted">
          Keep issues in step with a Linear team: new issues go across, and changes made in Linear come back.
        </p>
      </header>
      <form onSubmit={(event) => void submit(event)} noValidate className="stack card">
        <label>
          Team id
          <input
            value={teamId}
            onChange={(event) => {
              edited();
              setTeamId(event.target.value);
            }}
            placeholder="e.g. 9cfb482a-81e3-4154-b5b9-2c805e70a02d"
            aria-invalid={teamInvalid ? true : undefined}
            aria-describedby="team-hint team-error"
          />
        </label>
        <FieldMessages error={saving.error} path="linear.teamId" id="team-error" />
        <p className="hint" id="team-hint">
          In Linear: Settings → Teams → the team → copy its id. Leave empty to unlink. The sync can only be turned on
          for a team that the operator of this Firetrack deployment has bound to this organisation: ask them to bind it
          first.
        </p>
        <label className="inline">
          <input
            type="checkbox"
            checked={enabled}
            onChange={(event) => {
              edited();
              setEnabled(event.target.checked);
            }}
          />
          Sync with Linear
        </label>
        <label>
          Mirror comments
          <select
            value={mirror}
            onChange={(event) => {
              edited();
              setMirror(event.target.value as MirrorChoice);
            }}
          >
            {mirrorChoicesFor(stored.mirrorComments).map((choice) => (
              <option key={choice} value={choice}>
                {MIRROR_LABELS[choice]}
              </option>
            ))}
          </select>
        </label>
        {mirror === "all" && <p className="notice">Internal notes will be readable by everyone in the Linear team.</p>}
        <fieldset>
          <legend>State mapping</legend>
          <p className="hint" id="state-map-hint">
            The Linear state each status moves to, by its name or id in the team. Leave a row empty to use the usual
            state of its kind (Todo, In Progress, Done…).
          </p>
          <div className="form-grid">
            {STATUSES.map((status) => (
              <label key={status}>
                {label(status)}
                <input
                  value={stateMap[status] ?? ""}
                  placeholder="by state type"
                  maxLength={100}
                  aria-describedby="state-map-hint"
                  onChange={(event) => {
                    edited();
                    setStateMap((current) => ({ ...current, [status]: event.target.value }));
                  }}
                />
              </label>
            ))}
          </div>
          <FieldMessages error={saving.error} path="linear.stateMap" />
        </fieldset>
        <div className="actions">
          <button type="submit" className="primary" disabled={saving.busy}>
            {saving.busy ? "Saving…" : "Save Linear settings"}
          </button>
        </div>
        <ActionResult
          error={saving.error}
          done={saving.done}
          savedText="Linear settings saved."
          fieldsShown={teamInvalid}
        />
      </form>
    </section>
  );
}
