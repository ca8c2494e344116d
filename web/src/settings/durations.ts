/**
 * SLA targets are stored in minutes (docs/product.md) and edited in hours and minutes:
 * people think of "2 h", "8 h", "7 days = 168 h", not of 10,080 minutes.
 */
export const SLA_MAX_MINUTES = 525_600; // a year: the API's limit

export interface HoursMinutes {
  hours: number;
  minutes: number;
}

export function toHoursMinutes(totalMinutes: number): HoursMinutes {
  const whole = Math.max(0, Math.round(totalMinutes));
  return { hours: Math.floor(whole / 60), minutes: whole % 60 };
}

export type DurationResult = { ok: true; minutes: number } | { ok: false; message: string };

/** The two fields as typed; blank counts as 0. */
export function fromHoursMinutes(hoursText: string, minutesText: string): DurationResult {
  const parse = (text: string) => (text.trim() === "" ? 0 : /^\d+$/.test(text.trim()) ? Number(text.trim()) : NaN);
  const hours = parse(hoursText);
  const minutes = parse(minutesText);
  if (Number.isNaN(hours) || Number.isNaN(minutes)) return { ok: false, message: "Whole numbers only." };
  if (minutes > 59) return { ok: false, message: "Minutes go up to 59; put the rest in hours." };
  const total = hours * 60 + minutes;
  if (total < 1) return { ok: false, message: "At least 1 minute." };
  if (total > SLA_MAX_MINUTES) return { ok: false, message: "At most a year (8760 hours)." };
  return { ok: true, minutes: total };
}
