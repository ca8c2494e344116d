/** Round-robin assignment of new issues and the auto-close of quiet resolved issues (docs/automations.md). */
import { AUTO_CLOSE_MAX_DAYS } from "@firetrack/domain";
import { useState, type FormEvent } from "react";
import { assignable, useOrg } from "../org/OrgContext";
import { ActionResult, FieldMessages, fieldMessages, useAction } from "../shared/formParts";
import { useSettings } from "./useSettings";

export function AutomationsSection() {
  const org = useOrg();
  const { settings, save } = useSettings();
  const [roundRobin, setRoundRobin] = useState(settings.automations.assignment.mode === "round_robin");
  const [pool, setPool] = useState<string[]>(settings.automations.assignment.pool);
  const [autoClose, setAutoClose] = useState(settings.automations.autoCloseAfterDays !== null);
  const [days, setDays] = useState(String(settings.automations.autoCloseAfterDays ?? 7));
  const saving = useAction();
  const staff = assignable(org.members);
  // Pool members who are no longer staff still show, so an admin sees why they are skipped.
  const former = pool.filter((uid) => !staff.some((m) => m.uid === uid));

  const toggle = (uid: string) => {
    saving.reset();
    setPool((current) => (current.includes(uid) ? current.filter((u) => u !== uid) : [...current, uid]));
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await saving.run(() =>
      save({
        automations: {
          assignment: { mode: roundRobin ? "round_robin" : "none", pool },
          autoCloseAfterDays: autoClose ? Number(days) : null,
        },
      }),
    );
    if (saved) {
      setPool(saved.automations.assignment.pool);
      setDays(String(saved.automations.autoCloseAfterDays ?? days));
    }
  };
  const daysInvalid = fieldMessages(saving.error, "automations.autoCloseAfterDays").length > 0;

  return (
    <section aria-labelledby="automations-heading" className="settings-section">
      <header className="section-head">
        <h2 id="automations-heading">Automations</h2>
        <p className="muted">
          Work that happens without anyone clicking: who takes a new issue, and when a resolved issue is done for good.
        </p>
      </header>
      <form onSubmit={(event) => void submit(event)} noValidate className="stack">
        <fieldset className="card">
          <legend>Round-robin assignment</legend>
          <label className="inline">
            <input
              type="checkbox"
              checked={roundRobin}
              onChange={(e) => {
                saving.reset();
                setRoundRobin(e.target.checked);
              }}
            />
            Assign every new issue to the next person in the pool
          </label>
          <p className="hint">
            Issues created with an assignee keep theirs. Members who leave or stop being admins or agents are skipped.
          </p>
          <ul className="pool-list" aria-label="Pool">
            {staff.map((m) => (
              <li key={m.uid}>
                <label className="inline">
                  <input
                    type="checkbox"
                    checked={pool.includes(m.uid)}
                    onChange={() => toggle(m.uid)}
                    disabled={!roundRobin}
                  />
                  {m.displayName} <span className="muted">({m.role})</span>
                </label>
              </li>
            ))}
            {former.map((uid) => (
              <li key={uid}>
                <label className="inline">
                  <input type="checkbox" checked onChange={() => toggle(uid)} disabled={!roundRobin} />
                  {org.memberName(uid)} <span className="muted">(skipped: no longer an admin or agent)</span>
                </label>
              </li>
            ))}
          </ul>
          <FieldMessages error={saving.error} path="automations.assignment" />
        </fieldset>
        <fieldset className="card">
          <legend>Auto-close</legend>
          <label className="inline">
            <input
              type="checkbox"
              checked={autoClose}
              onChange={(e) => {
                saving.reset();
                setAutoClose(e.target.checked);
              }}
            />
            Close resolved issues when the customer does not answer
          </label>
          <label>
            Days after resolving
            <input
              type="number"
              min={1}
              max={AUTO_CLOSE_MAX_DAYS}
              value={days}
              disabled={!autoClose}
              onChange={(e) => {
                saving.reset();
                setDays(e.target.value);
              }}
              aria-invalid={daysInvalid || undefined}
              aria-describedby="auto-close-hint auto-close-error"
            />
          </label>
          <FieldMessages error={saving.error} path="automations.autoCloseAfterDays" id="auto-close-error" />
          <p className="hint" id="auto-close-hint">
            The customer is told the issue closed and why. A reply before then reopens it instead.
          </p>
        </fieldset>
        <div className="actions">
          <button type="submit" className="primary" disabled={saving.busy}>
            {saving.busy ? "Saving…" : "Save automations"}
          </button>
        </div>
        <ActionResult
          error={saving.error}
          done={saving.done}
          savedText="Automations saved."
          fieldsShown={daysInvalid}
        />
      </form>
    </section>
  );
}
