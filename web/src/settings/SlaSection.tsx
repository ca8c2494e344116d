/** SLA targets per priority, in hours and minutes; stored as minutes (docs/sla.md). */
import {
  DEFAULT_SLA_POLICY,
  PRIORITIES,
  SLA_CLOCK_MODES,
  type Priority,
  type SlaClockMode,
  type SlaPolicy,
} from "@firetrack/domain";
import { useState, type FormEvent } from "react";
import { label, formatDuration } from "../ui/labels";
import { fromHoursMinutes, toHoursMinutes } from "./durations";
import { ActionResult, useAction } from "../shared/formParts";
import { useSettings } from "./useSettings";

type Clock = "firstResponseMins" | "resolutionMins";
const CLOCKS: { key: Clock; title: string }[] = [
  { key: "firstResponseMins", title: "First response" },
  { key: "resolutionMins", title: "Resolution" },
];
/** Most pressing first, as people read a policy. */
const ORDER = [...PRIORITIES].reverse();

type Fields = Record<Priority, Record<Clock, { hours: string; minutes: string }> & { clock: SlaClockMode }>;

function fieldsOf(policy: SlaPolicy): Fields {
  return Object.fromEntries(
    PRIORITIES.map((priority) => [
      priority,
      {
        ...Object.fromEntries(
          CLOCKS.map(({ key }) => {
            const { hours, minutes } = toHoursMinutes(policy[priority][key]);
            return [key, { hours: String(hours), minutes: String(minutes) }];
          }),
        ),
        clock: policy[priority].clock ?? DEFAULT_SLA_POLICY[priority].clock ?? "calendar",
      },
    ]),
  ) as Fields;
}

const CLOCK_TEXT: Record<SlaClockMode, string> = { business: "Business hours", calendar: "Calendar time" };

export function SlaSection() {
  const { settings, save } = useSettings();
  const [fields, setFields] = useState<Fields>(() => fieldsOf(settings.sla));
  const [problems, setProblems] = useState<Record<string, string>>({});
  const saving = useAction();

  const set = (priority: Priority, clock: Clock, part: "hours" | "minutes", value: string) => {
    saving.reset();
    setFields((current) => ({
      ...current,
      [priority]: { ...current[priority], [clock]: { ...current[priority][clock], [part]: value } },
    }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    const policy = {} as SlaPolicy;
    for (const priority of PRIORITIES) {
      const target = { clock: fields[priority].clock } as SlaPolicy[Priority];
      for (const { key } of CLOCKS) {
        const parsed = fromHoursMinutes(fields[priority][key].hours, fields[priority][key].minutes);
        if (parsed.ok) target[key] = parsed.minutes;
        else found[`${priority}.${key}`] = parsed.message;
      }
      policy[priority] = target;
    }
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    const saved = await saving.run(() => save({ sla: policy }));
    if (saved) setFields(fieldsOf(saved.sla));
  };

  return (
    <section aria-labelledby="sla-heading" className="settings-section">
      <header className="section-head">
        <h2 id="sla-heading">SLA policy</h2>
        <p className="muted">
          Targets per priority. The clock pauses while an issue is on hold or waiting for the customer; a business clock
          also stands still outside the business hours. A new target applies to issues whose priority is set from now
          on; open issues keep the targets they were given.
        </p>
      </header>
      <form onSubmit={(event) => void submit(event)} noValidate className="stack">
        <div className="table-scroll">
          <table className="settings-table sla-table">
            <thead>
              <tr>
                <th scope="col">Priority</th>
                {CLOCKS.map((clock) => (
                  <th scope="col" key={clock.key}>
                    {clock.title}
                  </th>
                ))}
                <th scope="col">Clock</th>
              </tr>
            </thead>
            <tbody>
              {ORDER.map((priority) => (
                <tr key={priority}>
                  <th scope="row">
                    <span className={`badge priority-${priority}`}>{label(priority)}</span>
                  </th>
                  {CLOCKS.map((clock) => {
                    const problem = problems[`${priority}.${clock.key}`];
                    const errorId = `sla-${priority}-${clock.key}-error`;
                    const name = `${label(priority)} ${clock.title.toLowerCase()}`;
                    return (
                      <td key={clock.key} data-label={clock.title}>
                        <div className="duration">
                          {(["hours", "minutes"] as const).map((part) => (
                            <label key={part} className="inline duration-part">
                              <input
                                inputMode="numeric"
                                aria-label={`${name}, ${part}`}
                                value={fields[priority][clock.key][part]}
                                onChange={(event) => set(priority, clock.key, part, event.target.value)}
                                aria-invalid={problem ? true : undefined}
                                aria-describedby={problem ? errorId : undefined}
                              />
                              <span aria-hidden="true">{part === "hours" ? "h" : "min"}</span>
                            </label>
                          ))}
                        </div>
                        {problem ? (
                          <p className="field-error" id={errorId}>
                            {problem}
                          </p>
                        ) : (
                          <p className="hint">
                            Default {formatDuration(DEFAULT_SLA_POLICY[priority][clock.key] * 60_000)}
                          </p>
                        )}
                      </td>
                    );
                  })}
                  <td data-label="Clock">
                    <select
                      aria-label={`${label(priority)} clock`}
                      value={fields[priority].clock}
                      onChange={(event) => {
                        saving.reset();
                        setFields((current) => ({
                          ...current,
                          [priority]: { ...current[priority], clock: event.target.value as SlaClockMode },
                        }));
                      }}
                    >
                      {SLA_CLOCK_MODES.map((mode) => (
                        <option key={mode} value={mode}>
                          {CLOCK_TEXT[mode]}
                        </option>
                      ))}
                    </select>
                    <p className="hint">
                      Default {CLOCK_TEXT[DEFAULT_SLA_POLICY[priority].clock ?? "calendar"].toLowerCase()}
                    </p>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="actions">
          <button
            type="button"
            onClick={() => {
              saving.reset();
              setProblems({});
              setFields(fieldsOf(DEFAULT_SLA_POLICY));
            }}
          >
            Fill in the defaults
          </button>
          <button type="submit" className="primary" disabled={saving.busy}>
            {saving.busy ? "Saving…" : "Save SLA policy"}
          </button>
        </div>
        <ActionResult error={saving.error} done={saving.done} savedText="SLA policy saved." />
      </form>
    </section>
  );
}
