import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ANSWER_CHUNK_BYTES, decodeAnswer, encodeAnswer } from "../../src/store/answerChunks";

describe("kept answers", () => {
  it("round-trips an answer as the wire would carry it", () => {
    const body = { id: "a", nested: [1, "ü", null], dropped: undefined };
    expect(decodeAnswer(encodeAnswer(body))).toEqual({ id: "a", nested: [1, "ü", null] });
    expect(decodeAnswer(encodeAnswer(undefined))).toBeNull();
  });

  it("keeps a repetitive multi-MiB answer in one compressed piece", () => {
    const body = {
      results: Array.from({ length: 500 }, (_, i) => ({
        id: `issue-${i}`,
        description: "The same words again. ".repeat(200),
      })),
    };
    expect(JSON.stringify(body).length).toBeGreaterThan(2 * 1024 * 1024);
    const chunks = encodeAnswer(body);
    expect(chunks).toHaveLength(1);
    expect(decodeAnswer(chunks)).toEqual(body);
  });

  it("cuts an answer that does not compress into pieces below the document limit", () => {
    const body = { noise: randomBytes(2 * 1024 * 1024).toString("base64") };
    const chunks = encodeAnswer(body);
    expect(chunks.length).toBeGreaterThanOrEqual(3);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(ANSWER_CHUNK_BYTES);
    expect(decodeAnswer(chunks)).toEqual(body);
  });
});
