import { businessHoursToStored, DEFAULT_BUSINESS_HOURS } from "@firetrack/domain";
import { Timestamp } from "firebase/firestore";
import { describe, expect, it } from "vitest";
import type { Issue } from "../src/issues/issue";
import { openTimeLeft, slaSummary } from "../src/issues/slaView";

const MIN = 60_000;
// Monday 7 December 2026, 15:00 UTC: inside the default hours (Monday to Friday, 09:00–17:00 UTC).
const NOW = Date.UTC(2026, 11, 7, 15, 0);
const ts = (ms: number | null) => (ms === null ? null : Timestamp.fromMillis(ms));

function issueWith(sla: {
  nextDueAt: number | null;
  atRiskAt?: number | null;
  atRisk?: boolean;
  breached?: boolean;
  running?: boolean;
  pausedAt?: number | null;
  business?: boolean;
}) {
  return {
    sla: {
      nextDueAt: ts(sla.nextDueAt),
      atRiskAt: ts(sla.atRiskAt ?? null),
      atRisk: sla.atRisk ?? false,
      breached: sla.breached ?? false,
      running: sla.running ?? true,
      pausedAt: ts(sla.pausedAt ?? null),
      clock: sla.business ? "business" : "calendar",
      hours: sla.business ? businessHoursToStored(DEFAULT_BUSINESS_HOURS) : null,
    },
  } as unknown as Pick<Issue, "sla">;
}

describe("slaSummary: what the queue's Due cell says", () => {
  it.each([
    ["ok", { nextDueAt: NOW + 130 * MIN, atRiskAt: NOW + 90 * MIN }, "ok", "due in 2 h 10 min"],
    [
      "at risk by its time, before the mark arrives",
      { nextDueAt: NOW + 20 * MIN, atRiskAt: NOW - MIN },
      "at-risk",
      "due in 20 min",
    ],
    [
      "at risk by its mark",
      { nextDueAt: NOW + 20 * MIN, atRiskAt: NOW + 5 * MIN, atRisk: true },
      "at-risk",
      "due in 20 min",
    ],
    ["overdue by its time, before the mark arrives", { nextDueAt: NOW - 5 * MIN }, "breached", "overdue by 5 min"],
    [
      "breached by its mark, its next due still ahead",
      { nextDueAt: NOW + 3 * 60 * MIN, breached: true },
      "breached",
      "breached",
    ],
    ["paused", { nextDueAt: NOW - 5 * MIN, running: false, pausedAt: NOW - 60 * MIN }, "paused", "paused"],
  ])("%s", (_name, sla, tone, text) => {
    expect(slaSummary(issueWith(sla), NOW)).toMatchObject({ tone, text });
  });

  it("says nothing without a due time", () => {
    expect(slaSummary(issueWith({ nextDueAt: null }), NOW)).toBeNull();
    expect(slaSummary({ sla: null } as unknown as Pick<Issue, "sla">, NOW)).toBeNull();
  });
});

describe("openTimeLeft", () => {
  it("counts open hours for a business clock and every hour for a calendar one", () => {
    // Due Tuesday 10:00 UTC: 2 h left today, 1 h tomorrow morning; 19 h of wall time.
    const due = Date.UTC(2026, 11, 8, 10, 0);
    expect(openTimeLeft(issueWith({ nextDueAt: due, business: true }), due, NOW)).toBe(3 * 60 * MIN);
    expect(openTimeLeft(issueWith({ nextDueAt: due }), due, NOW)).toBe(19 * 60 * MIN);
  });

  it("is what was left when the clock stopped, and negative when overdue", () => {
    const due = NOW + 30 * MIN;
    expect(openTimeLeft(issueWith({ nextDueAt: due, running: false, pausedAt: NOW - 60 * MIN }), due, NOW)).toBe(
      90 * MIN,
    );
    expect(openTimeLeft(issueWith({ nextDueAt: NOW - 10 * MIN }), NOW - 10 * MIN, NOW)).toBe(-10 * MIN);
  });
});
