import { describe, expect, it } from "vitest";
import { insertAt, opensPicker, searchSavedReplies } from "../src/replies/savedReplies";

const replies = [
  { title: "Refund on its way", body: "We issued the refund; five working days." },
  { title: "Escalated to billing", body: "Billing looks at your refund now." },
  { title: "Café opening hours", body: "We open at nine." },
  { title: "Thanks", body: "Thanks for writing in." },
];

describe("searching saved replies", () => {
  it("lists everything by title for an empty query", () => {
    expect(searchSavedReplies(replies, "  ").map((r) => r.title)).toEqual([
      "Café opening hours",
      "Escalated to billing",
      "Refund on its way",
      "Thanks",
    ]);
  });

  it("puts title matches before text matches", () => {
    expect(searchSavedReplies(replies, "refund").map((r) => r.title)).toEqual([
      "Refund on its way",
      "Escalated to billing",
    ]);
  });

  it("needs every word, ignores case and accents", () => {
    expect(searchSavedReplies(replies, "CAFE nine").map((r) => r.title)).toEqual(["Café opening hours"]);
    expect(searchSavedReplies(replies, "refund nine")).toEqual([]);
  });
});

describe("inserting into the reply box", () => {
  it("fills an empty box", () => {
    expect(insertAt("", 0, 0, "Hello")).toEqual({ value: "Hello", caret: 5 });
  });

  it("goes on a line of its own between words, replacing the selection", () => {
    expect(insertAt("Hi Ann, old text. Bye", 7, 17, "New text")).toEqual({
      value: "Hi Ann,\nNew text\n Bye",
      caret: 16,
    });
    expect(insertAt("Hi Ann,\n", 8, 8, "Body")).toEqual({ value: "Hi Ann,\nBody", caret: 12 });
  });

  it("opens the picker on # where a word starts only", () => {
    expect(opensPicker("", 0)).toBe(true);
    expect(opensPicker("Hello ", 6)).toBe(true);
    expect(opensPicker("Hello\n", 6)).toBe(true);
    expect(opensPicker("issue", 5)).toBe(false);
  });
});
