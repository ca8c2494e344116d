import { Timestamp } from "firebase-admin/firestore";
import { describe, expect, it } from "vitest";
import { isDomainError } from "../../src/domain";
import { cursorQueryKey, decodeCursor, encodeCursor } from "../../src/store/cursor";

const key = cursorQueryKey({ list: "issues", orgId: "o1", sort: "createdAt", priority: "high" });
const raw = (json: unknown) => Buffer.from(JSON.stringify(json)).toString("base64url");

function refusal(work: () => unknown): string {
  try {
    work();
  } catch (err) {
    if (isDomainError(err)) return err.kind;
    throw err;
  }
  throw new Error("expected the cursor to be refused");
}

describe("list cursors", () => {
  it("round-trips sort values and the id for the query they were made for", () => {
    const cursor = encodeCursor(key, [new Timestamp(1_700_000_000, 5), 2026, null], "abc");
    const decoded = decodeCursor(cursor, key, 3);
    expect(decoded.id).toBe("abc");
    expect(decoded.values).toEqual([new Timestamp(1_700_000_000, 5), 2026, null]);
  });

  it("hashes the query, not the order its keys were written in", () => {
    expect(cursorQueryKey({ a: 1, b: { c: 2, d: 3 } })).toBe(cursorQueryKey({ b: { d: 3, c: 2 }, a: 1 }));
    expect(cursorQueryKey({ a: 1, b: undefined })).toBe(cursorQueryKey({ a: 1 }));
    expect(cursorQueryKey({ a: 1 })).not.toBe(cursorQueryKey({ a: 2 }));
  });

  it("refuses a cursor made for another query as cursor_other_query", () => {
    const cursor = encodeCursor(key, [1], "abc");
    for (const other of [
      { list: "issues", orgId: "o1", sort: "updatedAt", priority: "high" },
      { list: "issues", orgId: "o1", sort: "createdAt" },
      { list: "issues", orgId: "o2", sort: "createdAt", priority: "high" },
      { list: "comments", orgId: "o1", issueId: "i1" },
    ]) {
      expect(refusal(() => decodeCursor(cursor, cursorQueryKey(other), 1))).toBe("cursor_other_query");
    }
  });

  it.each([
    ["not base64 JSON", "%%%"],
    ["an old cursor without its query", raw({ v: [1], id: "abc" })],
    ["an id with a slash", raw({ q: key, v: [1], id: "a/b" })],
    ["the id ..", raw({ q: key, v: [1], id: ".." })],
    ["a reserved id", raw({ q: key, v: [1], id: "__x__" })],
    ["an empty id", raw({ q: key, v: [1], id: "" })],
    ["an id with a lone surrogate", raw({ q: key, v: [1], id: "a\ud83d" })],
    ["a value with a lone surrogate", raw({ q: key, v: ["\ud83d"], id: "abc" })],
    ["a timestamp after year 9999", raw({ q: key, v: [{ ts: [253_402_300_800, 0] }], id: "abc" })],
    ["a timestamp before year 1", raw({ q: key, v: [{ ts: [-62_135_596_801, 0] }], id: "abc" })],
    ["nanoseconds out of range", raw({ q: key, v: [{ ts: [0, 1e9] }], id: "abc" })],
    ["an infinite number", Buffer.from(`{"q":"${key}","v":[1e400],"id":"abc"}`).toString("base64url")],
    ["a nested object", raw({ q: key, v: [{ nested: { deep: 1 } }], id: "abc" })],
    ["the wrong number of values", raw({ q: key, v: [1, 2], id: "abc" })],
    ["an extra field", raw({ q: key, v: [1], id: "abc", x: 1 })],
  ])("refuses %s as cursor_invalid", (_label, cursor) => {
    expect(refusal(() => decodeCursor(cursor, key, 1))).toBe("cursor_invalid");
  });
});
