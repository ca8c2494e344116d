/**
 * What the queue and the issue page say about an issue's SLA at a moment: the
 * next due time, whether it is at risk or breached (from the marks, or from the
 * times when the mark is seconds away), and the open time left. See docs/sla.md.
 */
import {
  businessHoursFromStored,
  businessHoursSchema,
  runningTimeBetween,
  type BusinessHours,
} from "@firetrack/domain";
import { formatDuration } from "../ui/labels";
import { toDate } from "../ui/time";
import type { Issue } from "./issue";

export type SlaTone = "ok" | "at-risk" | "breached" | "paused";

export interface SlaSummary {
  tone: SlaTone;
  dueAt: number;
  /** "due in 2 h 10 min", "overdue by 5 min", "paused". */
  text: string;
  /** For a screen reader and the tooltip: the same with its reason. */
  detail: string;
}

const ms = (value: unknown) => toDate(value)?.getTime() ?? null;

/** The calendar the issue's due times were counted in; null for a calendar clock. */
export function hoursOf(issue: Pick<Issue, "sla">): BusinessHours | null {
  const sla = issue.sla;
  if (sla?.clock !== "business" || !sla.hours) return null;
  const parsed = businessHoursSchema.safeParse(businessHoursFromStored(sla.hours));
  return parsed.success ? parsed.data : null;
}

/** Wall-clock time to a due moment, in words (hours and minutes). */
function span(msLeft: number): string {
  return formatDuration(Math.abs(msLeft));
}

export function slaSummary(issue: Pick<Issue, "sla">, now: number): SlaSummary | null {
  const sla = issue.sla;
  const dueAt = ms(sla?.nextDueAt);
  if (!sla || dueAt === null) return null;
  const atRiskAt = ms(sla.atRiskAt);
  if (!sla.running) return { tone: "paused", dueAt, text: "paused", detail: "The SLA clock is paused" };
  if (sla.breached || now >= dueAt) {
    const text = now >= dueAt ? `overdue by ${span(now - dueAt)}` : "breached";
    return { tone: "breached", dueAt, text, detail: `SLA breached: ${text}` };
  }
  const text = `due in ${span(dueAt - now)}`;
  if (sla.atRisk || (atRiskAt !== null && now >= atRiskAt))
    return { tone: "at-risk", dueAt, text, detail: `SLA at risk: ${text}` };
  return { tone: "ok", dueAt, text, detail: text };
}

/** Open time left on a clock, counted in the issue's business hours (every hour for a calendar clock). */
export function openTimeLeft(issue: Pick<Issue, "sla">, dueAt: number, now: number): number {
  const from = ms(issue.sla?.pausedAt) ?? now;
  const hours = hoursOf(issue);
  return dueAt >= from ? runningTimeBetween(from, dueAt, hours) : -runningTimeBetween(dueAt, from, hours);
}
