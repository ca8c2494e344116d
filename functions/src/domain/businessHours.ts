/**
 * Business time: the open hours of an organisation (a time zone, windows per
 * weekday, whole-day holidays) and the arithmetic the SLA needs on them. All
 * zone work is Luxon's: a window is read as wall-clock time in the org's zone,
 * so a DST night moves its instants, never its local hours. Pure; times are
 * epoch ms. See docs/sla.md.
 */
import { DateTime, IANAZone } from "luxon";
import { z } from "zod";

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** How a priority's clock counts: only open hours, or every hour. */
export const SLA_CLOCK_MODES = ["business", "calendar"] as const;
export type SlaClockMode = (typeof SLA_CLOCK_MODES)[number];

const HHMM = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
/** "00:00" as an end means the midnight that closes the day. */
const endMinutes = (hhmm: string) => (hhmm === "00:00" ? 24 * 60 : minutesOf(hhmm));

export const windowSchema = z
  .tuple([z.string().regex(HHMM, "HH:MM"), z.string().regex(HHMM, "HH:MM")])
  .refine(([from, to]) => from !== "24:00" && minutesOf(from) < endMinutes(to), "a window ends after it starts");

const daySchema = z
  .array(windowSchema)
  .max(6)
  .refine((windows) => {
    const sorted = [...windows].sort((a, b) => minutesOf(a[0]) - minutesOf(b[0]));
    return sorted.every((w, i) => i === 0 || minutesOf(w[0]) >= endMinutes(sorted[i - 1]![1]));
  }, "windows of a day must not overlap");

export const businessHoursSchema = z
  .object({
    timezone: z.string().refine((zone) => IANAZone.isValidZone(zone), "an IANA time zone, such as Europe/Berlin"),
    week: z.object(Object.fromEntries(WEEKDAYS.map((day) => [day, daySchema])) as Record<Weekday, typeof daySchema>),
    holidays: z
      .array(
        z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD")
          .refine((d) => DateTime.fromISO(d).isValid, "a real date"),
      )
      .max(366),
  })
  .refine((hours) => WEEKDAYS.some((day) => hours.week[day].length > 0), "at least one open window in the week");

export type BusinessHours = z.infer<typeof businessHoursSchema>;

/** Until an org sets its own: Monday to Friday, 09:00–17:00 UTC, no holidays. */
export const DEFAULT_BUSINESS_HOURS: Readonly<BusinessHours> = {
  timezone: "UTC",
  week: {
    mon: [["09:00", "17:00"]],
    tue: [["09:00", "17:00"]],
    wed: [["09:00", "17:00"]],
    thu: [["09:00", "17:00"]],
    fri: [["09:00", "17:00"]],
    sat: [],
    sun: [],
  },
  holidays: [],
};

/** A span in which the clock does not run; `to` null while it still stands (treated as not yet begun). */
export interface Span {
  from: number;
  to: number | null;
}

/** Far enough for any target; a calendar with almost no open time gives up here instead of looping. */
const MAX_DAYS = 3 * 366;

/** The open intervals of one local day, as epoch ms, in order. */
function openOnDay(hours: BusinessHours, day: DateTime): Array<[number, number]> {
  if (hours.holidays.includes(day.toISODate()!)) return [];
  const windows = hours.week[WEEKDAYS[day.weekday - 1]!];
  const start = day.startOf("day");
  return [...windows]
    .sort((a, b) => minutesOf(a[0]) - minutesOf(b[0]))
    .map(([from, to]): [number, number] => {
      const at = (minutes: number) =>
        minutes >= 24 * 60
          ? start.plus({ days: 1 }).toMillis()
          : DateTime.fromObject(
              { year: day.year, month: day.month, day: day.day, hour: Math.floor(minutes / 60), minute: minutes % 60 },
              { zone: hours.timezone },
            ).toMillis();
      return [at(minutesOf(from)), at(endMinutes(to))];
    })
    .filter(([a, b]) => b > a);
}

/**
 * The intervals in which the clock runs from `start` on: open hours (every
 * hour when `hours` is null) minus the closed stops. Open-ended stops are
 * ignored: a running projection answers "if the clock ran on from here".
 */
function* runningIntervals(
  start: number,
  hours: BusinessHours | null,
  stops: readonly Span[],
): Generator<[number, number]> {
  const closed = stops
    .filter((s): s is { from: number; to: number } => s.to !== null && s.to > s.from)
    .sort((a, b) => a.from - b.from);
  const minusStops = function* (a: number, b: number): Generator<[number, number]> {
    let from = a;
    for (const stop of closed) {
      if (stop.to <= from) continue;
      if (stop.from >= b) break;
      if (stop.from > from) yield [from, stop.from];
      from = Math.max(from, stop.to);
      if (from >= b) return;
    }
    if (from < b) yield [from, b];
  };
  if (!hours) {
    // Past the last stop the clock runs without end.
    const lastStop = closed.reduce((max, s) => Math.max(max, s.to), start);
    yield* minusStops(start, Math.max(lastStop, start));
    yield [Math.max(lastStop, start), Number.MAX_SAFE_INTEGER];
    return;
  }
  let day = DateTime.fromMillis(start, { zone: hours.timezone }).startOf("day");
  for (let i = 0; i < MAX_DAYS; i++, day = day.plus({ days: 1 })) {
    for (const [a, b] of openOnDay(hours, day)) {
      if (b <= start) continue;
      yield* minusStops(Math.max(a, start), b);
    }
  }
}

/**
 * The instant at which the clock, started at `start`, has run `ms`: counting
 * only open hours (all hours when `hours` is null) outside the stops. Throws
 * when the calendar has no such instant within three years.
 */
export function addRunningTime(
  start: number,
  ms: number,
  hours: BusinessHours | null,
  stops: readonly Span[] = [],
): number {
  let left = ms;
  for (const [a, b] of runningIntervals(start, hours, stops)) {
    if (b - a >= left) return a + left;
    left -= b - a;
  }
  throw new Error("the business calendar has too little open time for this target");
}

/** How long the clock runs between `from` and `to` (0 when `to` is not after `from`). */
export function runningTimeBetween(
  from: number,
  to: number,
  hours: BusinessHours | null,
  stops: readonly Span[] = [],
): number {
  if (to <= from) return 0;
  let total = 0;
  for (const [a, b] of runningIntervals(from, hours, stops)) {
    if (a >= to) break;
    total += Math.min(b, to) - a;
  }
  return total;
}

/** Whether `at` falls in an open window (always, for a calendar clock). */
export function isOpenAt(at: number, hours: BusinessHours | null): boolean {
  if (!hours) return true;
  const day = DateTime.fromMillis(at, { zone: hours.timezone }).startOf("day");
  return openOnDay(hours, day).some(([a, b]) => at >= a && at < b);
}

/** The next instant at or after `at` that is open: where a business clock starts counting. */
export function nextOpening(at: number, hours: BusinessHours | null): number {
  return addRunningTime(at, 0, hours);
}

/**
 * Firestore holds no array directly inside an array, so a stored window is a
 * map `{from, to}`; everywhere else (API, domain, web) it is `["09:00", "17:00"]`.
 */
export interface StoredBusinessHours {
  timezone: string;
  week: Record<Weekday, Array<{ from: string; to: string }>>;
  holidays: string[];
}

export function businessHoursToStored(hours: BusinessHours): StoredBusinessHours {
  return {
    timezone: hours.timezone,
    week: Object.fromEntries(
      WEEKDAYS.map((day) => [day, hours.week[day].map(([from, to]) => ({ from, to }))]),
    ) as StoredBusinessHours["week"],
    holidays: [...hours.holidays],
  };
}

/** The stored form read back into the API's form; anything else is returned as it is, for the schema to judge. */
export function businessHoursFromStored(value: unknown): unknown {
  if (!value || typeof value !== "object" || !("week" in value) || !value.week || typeof value.week !== "object")
    return value;
  const week = value.week as Record<string, unknown>;
  return {
    ...value,
    week: Object.fromEntries(
      Object.entries(week).map(([day, windows]) => [
        day,
        Array.isArray(windows)
          ? windows.map((w: unknown) =>
              w && typeof w === "object" && !Array.isArray(w) && "from" in w && "to" in w ? [w.from, w.to] : w,
            )
          : windows,
      ]),
    ),
  };
}

/** Business hours as Firestore holds them, read into the API's form. */
export const storedBusinessHoursSchema = z.preprocess(businessHoursFromStored, businessHoursSchema);
