import { describe, expect, it } from "vitest";
import { blankFacts, DEFAULT_SLA_POLICY, deriveServerFields, withPatch, type IssueFacts } from "../../src/domain";

const T0 = Date.UTC(2026, 2, 1, 8);
const MIN = 60_000;
const ctx = (now: number) => ({ now, policy: DEFAULT_SLA_POLICY });

/** Derive, apply, and check that deriving again is empty (the trigger's loop guard). */
function settle(issue: IssueFacts, now: number): IssueFacts {
  const next = withPatch(issue, deriveServerFields(issue, ctx(now)));
  expect(deriveServerFields(next, ctx(now + 5 * MIN))).toEqual({});
  return next;
}

describe("derived server fields", () => {
  it("fills SLA and tokens on create and then is a fixed point", () => {
    const issue = settle(blankFacts({ createdAt: T0, title: "Printer jam", year: 2026, seq: 3 }), T0);
    expect(issue.sla?.firstResponseDueAt).toBe(T0 + 8 * 60 * MIN);
    expect(issue.searchTokens).toContain("iss-2026-0003");
    expect(issue.searchTokens).toContain("pr");
  });

  it("sets resolvedAt and the resolution time on resolve, keeps them through close, clears them on reopen", () => {
    let issue = settle(blankFacts({ createdAt: T0 }), T0);
    issue = settle({ ...issue, status: "resolved" }, T0 + 90 * MIN);
    expect(issue.resolvedAt).toBe(T0 + 90 * MIN);
    expect(issue.metrics.resolutionMs).toBe(90 * MIN);
    issue = settle({ ...issue, status: "closed" }, T0 + 100 * MIN);
    expect(issue).toMatchObject({ resolvedAt: T0 + 90 * MIN, closedAt: T0 + 100 * MIN });
    issue = settle({ ...issue, status: "open" }, T0 + 200 * MIN);
    expect(issue).toMatchObject({ resolvedAt: null, closedAt: null, metrics: { resolutionMs: null } });
  });

  it("measures the first response from the stored timestamp", () => {
    const issue = settle(blankFacts({ createdAt: T0, firstResponseAt: T0 + 7 * MIN }), T0 + 7 * MIN);
    expect(issue.metrics.firstResponseMs).toBe(7 * MIN);
    expect(issue.sla?.firstResponsePending).toBe(false);
  });

  it("leaves documents that are not issues alone (raw imports without status)", () => {
    expect(deriveServerFields(blankFacts({ status: null }), ctx(T0))).toEqual({});
    expect(deriveServerFields(blankFacts({ deleted: null }), ctx(T0))).toEqual({});
  });
});
