import { describe, expect, it } from "vitest";
import { DESCRIPTION_WORDS_MAX, normalizedWords, searchKey, searchTokens, TOKENS_MAX } from "../../src/domain";

describe("search tokens", () => {
  it.each([
    ["Crème Brûlée", ["creme", "brulee"]],
    ["Checkout-button  does_nothing!", ["checkout", "button", "does", "nothing"]],
    ["a I x", []],
    ["Zürich 2026", ["zurich", "2026"]],
  ])("normalises %j", (text, words) => {
    expect(normalizedWords(text)).toEqual(words);
  });

  it("holds title prefixes from two letters, description words, and the number forms", () => {
    const tokens = searchTokens({
      title: "Checkout fails",
      description: "Payment déclined twice",
      year: 2026,
      seq: 42,
    });
    for (const token of [
      "ch",
      "che",
      "checkout",
      "fa",
      "fails",
      "payment",
      "declined",
      "twice",
      "iss-2026-0042",
      "0042",
      "42",
    ]) {
      expect(tokens).toContain(token);
    }
    // Description words are whole words only.
    expect(tokens).not.toContain("pay");
    expect(tokens).not.toContain("c");
  });

  it("caps prefixes at twelve letters but keeps the whole long word", () => {
    const tokens = searchTokens({ title: "internationalisation", description: "", year: null, seq: null });
    expect(tokens).toContain("internationa");
    expect(tokens).toContain("internationalisation");
    expect(tokens).not.toContain("internationalisa");
  });

  it("caps description words and the total", () => {
    const description = Array.from({ length: 5000 }, (_, i) => `word${i}`).join(" ");
    const tokens = searchTokens({ title: "x", description, year: null, seq: null });
    expect(tokens.length).toBeLessThanOrEqual(TOKENS_MAX);
    expect(tokens.filter((token) => token.startsWith("word")).length).toBe(DESCRIPTION_WORDS_MAX);
  });

  it("has no number forms before numbering, and is sorted and unique", () => {
    const tokens = searchTokens({ title: "Late late order", description: "late", year: null, seq: null });
    expect(tokens).toEqual([...new Set(tokens)].sort());
    expect(tokens.some((token) => token.startsWith("iss-"))).toBe(false);
  });

  it.each([
    ["ISS-2026-0042", "iss-2026-0042"],
    ["42", "42"],
    ["Crème", "creme"],
    ["internationalisation", "internationa"],
    ["   ", null],
  ])("looks up %j as %j", (query, key) => {
    expect(searchKey(query)).toBe(key);
  });
});
