import { describe, expect, it } from "vitest";
import { backoffDelay, MAX_RETRY_AFTER_MS, parseRetryAfter } from "../../src/retry.js";

describe("backoffDelay", () => {
  const options = { initialMs: 500, maxMs: 60_000 };

  it.each([
    [1, 250, 500],
    [2, 500, 1000],
    [3, 1000, 2000],
    [8, 30_000, 60_000],
    [40, 30_000, 60_000],
  ])("after %i failures lies between %i and %i ms", (failures, low, high) => {
    expect(backoffDelay(failures, options, () => 0)).toBe(low);
    expect(backoffDelay(failures, options, () => 1)).toBe(high);
    const sample = backoffDelay(failures, options);
    expect(sample).toBeGreaterThanOrEqual(low);
    expect(sample).toBeLessThanOrEqual(high);
  });

  it("jitters: many clients failing together do not return together", () => {
    const delays = new Set(Array.from({ length: 50 }, () => backoffDelay(5, options)));
    expect(delays.size).toBeGreaterThan(40);
  });
});

describe("parseRetryAfter", () => {
  const now = Date.parse("2026-05-20T12:00:00Z");

  it.each([
    ["2", 2000],
    [" 0 ", 0],
    ["120", 120_000],
    ["Wed, 20 May 2026 12:00:30 GMT", 30_000],
    ["Wed, 20 May 2026 11:59:00 GMT", 0],
    ["999999", MAX_RETRY_AFTER_MS],
  ])("reads %j as %i ms", (value, ms) => {
    expect(parseRetryAfter(value, now)).toBe(ms);
  });

  it.each([[null], ["soon"], ["-5"], ["1.5"], [""]])("ignores %j", (value) => {
    expect(parseRetryAfter(value, now)).toBeUndefined();
  });
});
