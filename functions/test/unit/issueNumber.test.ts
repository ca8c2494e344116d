import { describe, expect, it } from "vitest";
import {
  formatIssueNumber,
  issueNumberInAddress,
  issueNumberSearchForms,
  parseIssueAddress,
  numberingYear,
  parseIssueNumber,
} from "../../src/domain";

describe("formatIssueNumber", () => {
  it.each([
    [2026, 1, "ISS-2026-0001"],
    [2026, 42, "ISS-2026-0042"],
    [2026, 9999, "ISS-2026-9999"],
    [2026, 10000, "ISS-2026-10000"],
    [1999, 123456, "ISS-1999-123456"],
  ])("(%i, %i) → %s", (year, seq, expected) => {
    expect(formatIssueNumber(year, seq)).toBe(expected);
  });

  it.each([
    [2026, 0],
    [2026, -1],
    [2026, 1.5],
    [2026, Number.NaN],
    [26, 1],
    [20260, 1],
  ])("refuses (%s, %s)", (year, seq) => {
    expect(() => formatIssueNumber(year, seq)).toThrow(RangeError);
  });
});

describe("parseIssueNumber", () => {
  it.each([
    ["ISS-2026-0042", { year: 2026, seq: 42 }],
    ["iss-2026-0042", { year: 2026, seq: 42 }],
    ["  ISS-2026-0042 ", { year: 2026, seq: 42 }],
    ["ISS-2026-42", { year: 2026, seq: 42 }],
    ["ISS-2026-10000", { year: 2026, seq: 10000 }],
    ["0042", { year: null, seq: 42 }],
    ["42", { year: null, seq: 42 }],
    ["10000", { year: null, seq: 10000 }],
  ])("%j → %j", (input, expected) => {
    expect(parseIssueNumber(input)).toEqual(expected);
  });

  it.each([
    "",
    "ISS",
    "ISS-2026",
    "ISS-2026-",
    "ISS-2026-0000",
    "0",
    "0000",
    "-1",
    "4.2",
    "ISS-26-0042",
    "ABC-2026-0042",
    "ISS-2026-0042x",
    "x42",
    "1234567890",
    "kX3vP9aQ2mR7tY1wZ5bN",
    "４２",
  ])("refuses %j", (input) => {
    expect(parseIssueNumber(input)).toBeNull();
  });

  it("round-trips what it formats", () => {
    for (const seq of [1, 9, 10, 99, 999, 1000, 9999, 10000, 99999, 123456789]) {
      expect(parseIssueNumber(formatIssueNumber(2031, seq))).toEqual({ year: 2031, seq });
    }
  });
});

describe("issueNumberInAddress", () => {
  it.each([
    ["ISS-2026-0042", "ISS-2026-0042"],
    ["iss-2026-0042", "ISS-2026-0042"],
    ["ISS-2026-42", "ISS-2026-0042"],
    ["ISS-2026-10000", "ISS-2026-10000"],
  ])("%j → %j, as the issue stores it", (segment, expected) => {
    expect(issueNumberInAddress(segment)).toBe(expected);
    expect(parseIssueAddress(segment)).toEqual(parseIssueNumber(expected));
  });

  // A document id, the short forms a search accepts, and anything padded or broken are not numbers here.
  it.each([
    "kX3vP9aQ2mR7tY1wZ5bN",
    "42",
    "0042",
    " ISS-2026-0042",
    "ISS-2026-0042 ",
    "ISS-2026-0000",
    "ISS-0999-0001",
    "",
  ])("refuses %j", (segment) => {
    expect(issueNumberInAddress(segment)).toBeNull();
    expect(parseIssueAddress(segment)).toBeNull();
  });
});

describe("numbering year and search forms", () => {
  it("uses the UTC year of createdAt", () => {
    expect(numberingYear(new Date("2025-12-31T23:59:59.999Z"))).toBe(2025);
    expect(numberingYear(new Date("2026-01-01T00:00:00.000Z"))).toBe(2026);
    // 23:30 on 31 Dec in New York is already the next year in UTC.
    expect(numberingYear(new Date("2025-12-31T23:30:00-05:00"))).toBe(2026);
  });

  it("lists the forms a search should match", () => {
    expect(issueNumberSearchForms(2026, 42)).toEqual(["iss-2026-0042", "0042", "42"]);
    expect(issueNumberSearchForms(2026, 12345)).toEqual(["iss-2026-12345", "12345"]);
  });
});
