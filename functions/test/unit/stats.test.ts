import { describe, expect, it } from "vitest";
import {
  addCounters,
  blankFacts,
  durationBucket,
  statsContribution,
  statsDelta,
  summarizeStats,
  type IssueFacts,
} from "../../src/domain";

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 4, 20, 12);
const issue = (o: Partial<IssueFacts> = {}) => blankFacts({ createdAt: NOW - DAY, ...o });

describe("stats contributions", () => {
  it("counts a live issue in every family", () => {
    const c = statsContribution(issue({ assignee: { uid: "u1", name: "U" }, source: "client" }));
    expect(c).toMatchObject({
      total: 1,
      "byStatus.open": 1,
      "byPriority.medium": 1,
      "byCategory.general": 1,
      "byType.task": 1,
      "bySource.client": 1,
      "openByAssignee.u1": 1,
      "createdByDay.2026-05-19": 1,
    });
    expect(c.openUnassigned).toBeUndefined();
  });

  it("counts nothing for deleted issues or documents without the deleted flag", () => {
    expect(statsContribution(issue({ deleted: true }))).toEqual({});
    expect(statsContribution(issue({ deleted: null }))).toEqual({});
    expect(statsContribution(null)).toEqual({});
  });

  it("counts a service's issues under its name, dots kept apart from the counter path", () => {
    const service = (name: string) => ({ uid: "apikey:k1", name: "Checkout", kind: "service" as const, service: name });
    const c = statsContribution(issue({ source: "service", reporter: service("workflow.consumer") }));
    expect(c["byService.workflow%2Econsumer"]).toBe(1);
    // A name the API would never store (an import, a bug) is not counted.
    expect(
      Object.keys(statsContribution(issue({ reporter: service("Bad Name") }))).filter((k) =>
        k.startsWith("byService."),
      ),
    ).toEqual([]);
    expect(Object.keys(statsContribution(issue())).filter((k) => k.startsWith("byService."))).toEqual([]);
    const summary = summarizeStats(
      addCounters(c, statsContribution(issue({ reporter: service("workflow_consumer") })), { "byService.gone": 0 }),
      NOW,
    );
    expect(summary.byService).toEqual({ "workflow.consumer": 1, workflow_consumer: 1 });
  });

  it("drops a resolved issue from the open-per-assignee counts", () => {
    const c = statsContribution(issue({ status: "resolved", resolvedAt: NOW, assignee: { uid: "u1", name: "U" } }));
    expect(c["openByAssignee.u1"]).toBeUndefined();
    expect(c["resolvedByDay.2026-05-20"]).toBe(1);
  });

  it("gives a delta of after − before without zeros", () => {
    const before = issue();
    const after = issue({ status: "in_progress", priority: "high" });
    expect(statsDelta(before, after)).toEqual({
      "byStatus.open": -1,
      "byStatus.in_progress": 1,
      "byPriority.medium": -1,
      "byPriority.high": 1,
    });
    expect(statsDelta(before, before)).toEqual({});
  });

  it("telescopes: the deltas of a history add up to the last state whatever their order", () => {
    const states = [
      null,
      issue(),
      issue({ status: "in_progress" }),
      issue({ status: "resolved", resolvedAt: NOW, metrics: { firstResponseMs: null, resolutionMs: DAY } }),
      issue({ status: "resolved", resolvedAt: NOW, deleted: true }),
      issue({ status: "open" }),
    ];
    const deltas = states.slice(1).map((state, i) => statsDelta(states[i]!, state));
    const forward = addCounters(...deltas);
    const shuffled = addCounters(...[...deltas].reverse());
    const clean = (m: Record<string, number>) => Object.fromEntries(Object.entries(m).filter(([, v]) => v !== 0));
    expect(clean(forward)).toEqual(statsContribution(states.at(-1)!));
    expect(clean(shuffled)).toEqual(clean(forward));
  });
});

describe("stats summary", () => {
  it("gives averages, medians within a bucket, compliance and the 90-day series", () => {
    const issues = [10, 20, 40].map((mins, i) =>
      issue({
        metrics: { firstResponseMs: mins * 60_000, resolutionMs: null },
        sla: i === 0 ? { ...fakeSla, breached: true, firstResponseBreached: true } : fakeSla,
      }),
    );
    const stats = summarizeStats(addCounters(...issues.map(statsContribution)), NOW);
    expect(stats.total).toBe(3);
    expect(stats.open).toBe(3);
    expect(stats.firstResponse.count).toBe(3);
    expect(stats.firstResponse.averageMs).toBe(Math.round((70 / 3) * 60_000));
    // The middle value (20 min) lies in the 15–30 min bucket.
    expect(stats.firstResponse.medianMs).toBeGreaterThanOrEqual(15 * 60_000);
    expect(stats.firstResponse.medianMs).toBeLessThan(30 * 60_000);
    expect(stats.resolution).toEqual({ count: 0, averageMs: null, medianMs: null });
    expect(stats.sla).toMatchObject({ tracked: 3, breached: 1, firstResponseBreached: 1, compliancePct: 66.7 });
    expect(stats.createdPerDay).toHaveLength(90);
    expect(stats.createdPerDay.at(-1)).toEqual({ day: "2026-05-20", count: 0 });
    expect(stats.createdPerDay.at(-2)).toEqual({ day: "2026-05-19", count: 3 });
  });

  it("puts durations in the right buckets", () => {
    expect(durationBucket(0)).toBe(0);
    expect(durationBucket(5 * 60_000)).toBe(1);
    expect(durationBucket(365 * DAY)).toBe(13);
  });
});

const fakeSla = {
  priority: "medium" as const,
  firstResponseMins: 480,
  resolutionMins: 4320,
  firstResponseDueAt: NOW,
  resolutionDueAt: NOW,
  pausedAt: null,
  pausedMs: 0,
  firstResponseBreached: false,
  resolutionBreached: false,
  breached: false,
  running: true,
  firstResponsePending: true,
  resolutionPending: true,
  clock: "calendar" as const,
  hours: null,
  nextDueAt: null,
  atRiskAt: null,
  firstResponseAtRisk: false,
  resolutionAtRisk: false,
  atRiskPending: false,
  atRisk: false,
};
