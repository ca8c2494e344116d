/**
 * Issue numbers: `ISS-{YYYY}-{NNNN}`, counted per org and per UTC year of `createdAt`.
 * Zero-padded to four digits and allowed to grow past 9999 (`ISS-2026-10000`).
 */

export const ISSUE_NUMBER_PREFIX = "ISS";
const MIN_DIGITS = 4;
/** Far beyond any real count; keeps parsed values inside safe integers and index-friendly. */
const MAX_SEQ_DIGITS = 9;

export interface IssueNumberParts {
  year: number;
  seq: number;
}

/** A lookup: the full form names a year; the short forms (`0042`, `42`) leave it to the caller. */
export interface IssueNumberQuery {
  year: number | null;
  seq: number;
}

export function formatIssueNumber(year: number, seq: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw new RangeError(`year must be a four-digit integer, got ${year}`);
  }
  if (!Number.isSafeInteger(seq) || seq < 1) {
    throw new RangeError(`seq must be a positive integer, got ${seq}`);
  }
  return `${ISSUE_NUMBER_PREFIX}-${year}-${String(seq).padStart(MIN_DIGITS, "0")}`;
}

const FULL_FORM = new RegExp(`^${ISSUE_NUMBER_PREFIX}-(\\d{4})-(\\d{1,${MAX_SEQ_DIGITS}})$`, "i");
const SHORT_FORM = new RegExp(`^(\\d{1,${MAX_SEQ_DIGITS}})$`);

/**
 * Parses the forms people type when they look an issue up: `ISS-2026-0042`
 * (any case), `0042` or `42`. Returns null for anything else, including a zero.
 */
export function parseIssueNumber(input: string): IssueNumberQuery | null {
  const text = input.trim();
  const full = fullForm(text);
  if (full) return full;
  const short = SHORT_FORM.exec(text);
  if (short) {
    const seq = Number(short[1]);
    return seq >= 1 ? { year: null, seq } : null;
  }
  return null;
}

function fullForm(text: string): IssueNumberParts | null {
  const full = FULL_FORM.exec(text);
  if (!full) return null;
  const year = Number(full[1]);
  const seq = Number(full[2]);
  return seq >= 1 && year >= 1000 ? { year, seq } : null;
}

/**
 * The number in a page address (`/o/acme/issues/ISS-2026-0044`, any case, any padding), or
 * null when the segment is not one. Only the full form counts: the address's other kind of
 * segment is a document id, and an id is never mistaken for a number this way.
 */
export const parseIssueAddress = (segment: string): IssueNumberParts | null => fullForm(segment);

/** The same, written the way the issue document stores it (`iss-2026-42` → `ISS-2026-0042`). */
export function issueNumberInAddress(segment: string): string | null {
  const parts = parseIssueAddress(segment);
  return parts ? formatIssueNumber(parts.year, parts.seq) : null;
}

/** The UTC year an issue is numbered in. */
export function numberingYear(createdAt: Date): number {
  return createdAt.getUTCFullYear();
}

/** The words a search for this number should match: `iss-2026-0042`, `0042` and `42`. */
export function issueNumberSearchForms(year: number, seq: number): string[] {
  const padded = String(seq).padStart(MIN_DIGITS, "0");
  return [...new Set([formatIssueNumber(year, seq).toLowerCase(), padded, String(seq)])];
}
