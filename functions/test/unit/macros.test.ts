import { describe, expect, it } from "vitest";
import { macroCreateSchema, macroProblem, statusAfterMacroReply, tagsAfterMacro } from "../../src/domain";

describe("macros", () => {
  it.each([
    [{ reply: { body: "Fixed", internal: false }, changes: { status: "resolved" as const } }, null],
    [
      { reply: { body: "note", internal: true }, changes: { status: "resolved" as const } },
      "a macro that resolves needs a public reply: it becomes the resolution notes",
    ],
    [
      { reply: null, changes: { status: "resolved" as const } },
      "a macro that resolves needs a public reply: it becomes the resolution notes",
    ],
    [{ reply: null, changes: {} }, "a macro needs a reply or at least one change"],
    [{ reply: null, changes: { priority: "high" as const } }, null],
  ])("macroProblem(%j) is %s", (macro, problem) => {
    expect(macroProblem(macro)).toBe(problem);
    expect(macroCreateSchema.safeParse({ name: "m", ...macro }).success).toBe(problem === null);
  });

  it.each([
    ["open", { body: "hi", internal: false }, true, "answered"],
    ["open", { body: "hi", internal: true }, true, "open"],
    ["open", { body: "hi", internal: false }, false, "open"],
    ["in_progress", { body: "hi", internal: false }, true, "in_progress"],
    ["open", null, true, "open"],
  ] as const)("from %s a reply %j (first: %s) leaves the issue %s", (status, reply, first, expected) => {
    expect(statusAfterMacroReply(status, reply, first)).toBe(expected);
  });

  it("adds tags once, keeping the order", () => {
    expect(tagsAfterMacro(["a", "b"], ["b", "c"])).toEqual(["a", "b", "c"]);
    expect(tagsAfterMacro(["a"], undefined)).toEqual(["a"]);
  });
});
