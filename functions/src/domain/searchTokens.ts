/**
 * Search tokens (docs/events.md): what `searchTokens` holds so that a search is
 * one `array-contains` query. Lowercase, accents stripped, split on anything
 * that is not a letter or digit.
 * - title: every word, and its prefixes from 2 characters up to PREFIX_MAX, so
 *   "checko" finds "Checkout";
 * - description: whole words only, the first DESCRIPTION_WORDS_MAX distinct ones;
 * - the number: `iss-2026-0042`, `0042`, `42`.
 * The list is capped (each entry is an index entry on the document).
 */
import { issueNumberSearchForms } from "./issueNumber";

export const PREFIX_MIN = 2;
export const PREFIX_MAX = 12;
export const WORD_MAX = 40;
export const DESCRIPTION_WORDS_MAX = 200;
export const TOKENS_MAX = 600;

/** Lowercase words without accents; one-letter words and over-long strings are dropped. */
export function normalizedWords(text: string): string[] {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length >= PREFIX_MIN && word.length <= WORD_MAX);
}

export function prefixesOf(word: string): string[] {
  const out: string[] = [];
  for (let n = PREFIX_MIN; n <= Math.min(word.length, PREFIX_MAX); n++) out.push(word.slice(0, n));
  if (word.length > PREFIX_MAX) out.push(word);
  return out;
}

export interface SearchableIssue {
  title: string;
  description: string;
  year: number | null;
  seq: number | null;
}

export function searchTokens(issue: SearchableIssue): string[] {
  const tokens = new Set<string>();
  if (issue.year !== null && issue.seq !== null) {
    for (const form of issueNumberSearchForms(issue.year, issue.seq)) tokens.add(form);
  }
  for (const word of normalizedWords(issue.title)) for (const prefix of prefixesOf(word)) tokens.add(prefix);
  let descriptionWords = 0;
  for (const word of normalizedWords(issue.description)) {
    if (tokens.size >= TOKENS_MAX || descriptionWords >= DESCRIPTION_WORDS_MAX) break;
    if (!tokens.has(word)) descriptionWords++;
    tokens.add(word);
    // A search for a long word looks up its PREFIX_MAX prefix (searchKeys): store that too.
    if (word.length > PREFIX_MAX) tokens.add(word.slice(0, PREFIX_MAX));
  }
  return [...tokens].slice(0, TOKENS_MAX).sort();
}

/**
 * The tokens a search box query must all match, one per word, or [] when there
 * is nothing to search. A number form (`ISS-2026-0042`, `0042`, `42`) is one
 * token as typed. A word longer than PREFIX_MAX looks up its PREFIX_MAX prefix,
 * which every stored word of that length also carries.
 */
export function searchKeys(query: string): string[] {
  const trimmed = query.trim().toLowerCase();
  if (/^iss-\d{4}-\d+$/.test(trimmed) || /^\d+$/.test(trimmed)) return [trimmed];
  const keys = normalizedWords(query).map((word) => (word.length <= PREFIX_MAX ? word : word.slice(0, PREFIX_MAX)));
  return [...new Set(keys)];
}

/** The token a one-word search looks up (the first of searchKeys), or null. */
export function searchKey(query: string): string | null {
  return searchKeys(query)[0] ?? null;
}
