import { describe, expect, it } from "vitest";
import { COMMENT_MAX, savedReplyCreateSchema, savedReplyUpdateSchema } from "../../src/domain";

describe("saved reply schemas", () => {
  it("trims, and defaults to a public reply", () => {
    expect(savedReplyCreateSchema.parse({ title: "  Thanks ", body: " Thanks for writing in. " })).toEqual({
      title: "Thanks",
      body: "Thanks for writing in.",
      internal: false,
    });
  });

  it.each([
    ["no title", { body: "b" }],
    ["a blank title", { title: "  ", body: "b" }],
    ["a title over 100 characters", { title: "t".repeat(101), body: "b" }],
    ["no body", { title: "t" }],
    ["a body longer than a comment may be", { title: "t", body: "b".repeat(COMMENT_MAX + 1) }],
    ["a lone surrogate", { title: "t\ud83d", body: "b" }],
    ["an unknown field", { title: "t", body: "b", createdBy: "me" }],
    ["a string for the flag", { title: "t", body: "b", internal: "true" }],
  ])("refuses %s", (_what, input) => {
    expect(savedReplyCreateSchema.safeParse(input).success).toBe(false);
  });

  it("takes a change of any one field, and refuses an empty change", () => {
    expect(savedReplyUpdateSchema.parse({ internal: true })).toEqual({ internal: true });
    expect(savedReplyUpdateSchema.safeParse({}).success).toBe(false);
    expect(savedReplyUpdateSchema.safeParse({ body: "" }).success).toBe(false);
  });
});
