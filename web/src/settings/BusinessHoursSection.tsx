/**
 * The org's business hours: a time zone, open windows per weekday and holidays,
 * with a preview of when an issue raised now would be due under the saved SLA
 * policy (docs/sla.md). Saved through PATCH …/settings as one whole calendar.
 */
import {
  addRunningTime,
  businessHoursSchema,
  PRIORITIES,
  WEEKDAYS,
  type BusinessHours,
  type Priority,
  type Weekday,
} from "@firetrack/domain";
import { useMemo, useState, type FormEvent } from "react";
import { useNow } from "../ui/RelativeTime";
import { label } from "../ui/labels";
import { ActionResult, useAction } from "../shared/formParts";
import { useSettings } from "./useSettings";

const DAY_NAMES: Record<Weekday, string> = {
  mon: "Monday",
  tue: "Tuesday",
  wed: "Wednesday",
  thu: "Thursday",
  fri: "Friday",
  sat: "Saturday",
  sun: "Sunday",
};
const ZONES: string[] = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
/** Most pressing first, as in the SLA policy. */
const ORDER = [...PRIORITIES].reverse();

interface Draft {
  timezone: string;
  week: Record<Weekday, string>;
  holidays: string;
}

const windowsText = (windows: BusinessHours["week"][Weekday]) =>
  windows.map(([from, to]) => `${from}–${to}`).join(", ");

function draftOf(hours: BusinessHours): Draft {
  return {
    timezone: hours.timezone,
    week: Object.fromEntries(WEEKDAYS.map((day) => [day, windowsText(hours.week[day])])) as Draft["week"],
    holidays: hours.holidays.join("\n"),
  };
}

/** "09:00–12:00, 13:00–17:00" (a hyphen will do too); empty means closed. */
function parseWindows(text: string): Array<[string, string]> | null {
  const parts = text
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  const windows: Array<[string, string]> = [];
  for (const part of parts) {
    const match = /^(\d{1,2}:\d{2})\s*[-–—]\s*(\d{1,2}:\d{2})$/.exec(part);
    if (!match) return null;
    windows.push([match[1]!.padStart(5, "0"), match[2]!.padStart(5, "0")]);
  }
  return windows;
}

type Checked = { ok: true; hours: BusinessHours } | { ok: false; problems: Record<string, string> };

function check(draft: Draft): Checked {
  const problems: Record<string, string> = {};
  const week = {} as BusinessHours["week"];
  for (const day of WEEKDAYS) {
    const windows = parseWindows(draft.week[day]);
    if (!windows) problems[day] = "Write windows as 09:00–17:00, separated by commas.";
    else week[day] = windows;
  }
  const holidays = draft.holidays.split(/[\s,]+/).filter(Boolean);
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  const parsed = businessHoursSchema.safeParse({ timezone: draft.timezone.trim(), week, holidays });
  if (parsed.success) return { ok: true, hours: parsed.data };
  for (const issue of parsed.error.issues) {
    const [first] = issue.path;
    const key = first === "week" ? String(issue.path[1] ?? "week") : first === undefined ? "week" : String(first);
    problems[key] ??= issue.message;
  }
  return { ok: false, problems };
}

export function BusinessHoursSection() {
  const { settings, save } = useSettings();
  const [draft, setDraft] = useState<Draft>(() => draftOf(settings.businessHours));
  const [shown, setShown] = useState<Record<string, string>>({});
  const saving = useAction();
  const checked = useMemo(() => check(draft), [draft]);

  const edit = (change: Partial<Draft>) => {
    saving.reset();
    setShown({});
    setDraft((current) => ({ ...current, ...change }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!checked.ok) {
      setShown(checked.problems);
      return;
    }
    const saved = await saving.run(() => save({ businessHours: checked.hours }));
    if (saved) setDraft(draftOf(saved.businessHours));
  };

  const problem = (key: string) => shown[key];
  return (
    <section aria-labelledby="hours-heading" className="settings-section">
      <header className="section-head">
        <h2 id="hours-heading">Business hours</h2>
        <p className="muted">
          Priorities whose SLA clock counts business time (set in the SLA policy) count only these hours: evenings,
          weekends and holidays do not use up a target. Issues keep the hours they were given when their priority was
          set.
        </p>
      </header>
      <form onSubmit={(event) => void submit(event)} noValidate className="stack">
        <fieldset className="card">
          <legend>Time zone</legend>
          <div className="field">
            <label htmlFor="hours-zone">Time zone of the hours below</label>
            <input
              id="hours-zone"
              list="hours-zones"
              value={draft.timezone}
              onChange={(event) => edit({ timezone: event.target.value })}
              aria-invalid={problem("timezone") ? true : undefined}
              aria-describedby={problem("timezone") ? "hours-zone-error" : undefined}
              autoComplete="off"
            />
            <datalist id="hours-zones">
              {ZONES.map((zone) => (
                <option key={zone} value={zone} />
              ))}
            </datalist>
            {problem("timezone") && (
              <p className="field-error" id="hours-zone-error">
                {problem("timezone")}
              </p>
            )}
          </div>
        </fieldset>
        <fieldset className="card">
          <legend>Open hours</legend>
          <p className="hint" id="hours-week-hint">
            Several windows a day are separated by commas, such as 09:00–12:00, 13:00–17:00. Leave a day empty when you
            are closed; 24:00 ends a day at midnight.
          </p>
          <div className="hours-week">
            {WEEKDAYS.map((day) => (
              <div className="field hours-day" key={day}>
                <label htmlFor={`hours-${day}`}>{DAY_NAMES[day]}</label>
                <input
                  id={`hours-${day}`}
                  value={draft.week[day]}
                  placeholder="Closed"
                  onChange={(event) => edit({ week: { ...draft.week, [day]: event.target.value } })}
                  aria-invalid={problem(day) ? true : undefined}
                  aria-describedby={problem(day) ? `hours-${day}-error` : "hours-week-hint"}
                />
                {problem(day) && (
                  <p className="field-error" id={`hours-${day}-error`}>
                    {problem(day)}
                  </p>
                )}
              </div>
            ))}
          </div>
          {problem("week") && <p className="field-error">{problem("week")}</p>}
        </fieldset>
        <fieldset className="card">
          <legend>Holidays</legend>
          <label>
            Closed all day on these dates, one per line (YYYY-MM-DD)
            <textarea
              rows={4}
              value={draft.holidays}
              onChange={(event) => edit({ holidays: event.target.value })}
              placeholder={"2026-12-25\n2027-01-01"}
              aria-invalid={problem("holidays") ? true : undefined}
              aria-describedby={problem("holidays") ? "hours-holidays-error" : undefined}
            />
          </label>
          {problem("holidays") && (
            <p className="field-error" id="hours-holidays-error">
              {problem("holidays")}
            </p>
          )}
        </fieldset>
        <Preview checked={checked} />
        <div className="actions">
          <button type="submit" className="primary" disabled={saving.busy}>
            {saving.busy ? "Saving…" : "Save business hours"}
          </button>
        </div>
        <ActionResult error={saving.error} done={saving.done} savedText="Business hours saved." />
      </form>
    </section>
  );
}

/** When an issue raised now would be due, per priority, with these hours and the saved policy. */
function Preview({ checked }: { checked: Checked }) {
  const { settings } = useSettings();
  const now = useNow();
  if (!checked.ok) {
    return (
      <section className="card hours-preview" aria-labelledby="hours-preview-heading">
        <h3 id="hours-preview-heading">Preview</h3>
        <p className="muted">The preview shows once the hours above are complete.</p>
      </section>
    );
  }
  const { hours } = checked;
  const format = new Intl.DateTimeFormat("en-GB", {
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: hours.timezone,
    timeZoneName: "short",
  });
  const dueText = (priority: Priority) => {
    const target = settings.sla[priority];
    const business = (target.clock ?? "business") === "business";
    try {
      return format.format(new Date(addRunningTime(now, target.firstResponseMins * 60_000, business ? hours : null)));
    } catch {
      return "never: these hours leave too little open time";
    }
  };
  return (
    <section className="card hours-preview" aria-labelledby="hours-preview-heading" aria-live="polite">
      <h3 id="hours-preview-heading">Preview</h3>
      <ul>
        {ORDER.map((priority) => (
          <li key={priority} data-priority={priority}>
            {priority === "urgent" ? "An" : "A"} {label(priority).toLowerCase()} issue raised now needs its first
            response by <strong>{dueText(priority)}</strong>
            <span className="muted">
              {" "}
              ({(settings.sla[priority].clock ?? "business") === "business" ? "business hours" : "calendar time"})
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
