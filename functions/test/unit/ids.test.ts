import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  assignSchema,
  bulkSchema,
  commentCreateSchema,
  docIdSchema,
  isDocId,
  isWellFormed,
  issueCreateSchema,
  issueListQuerySchema,
  issueUpdateSchema,
  orgCreateSchema,
  pageQuerySchema,
  resolveSchema,
  settingsUpdateSchema,
  toWellFormed,
  transitionSchema,
  apiKeyCreateSchema,
  reopenSchema,
  inviteCreateSchema,
} from "../../src/domain";

/** Any sequence of UTF-16 code units, lone surrogates included. */
const codeUnits = (maxLength = 12) => fc.string({ unit: fc.nat(0xffff).map((n) => String.fromCharCode(n)), maxLength });

describe("isWellFormed", () => {
  it("is true exactly when the text survives a UTF-8 round trip, which is what Firestore stores", () => {
    fc.assert(
      fc.property(codeUnits(), (text) => {
        expect(isWellFormed(text)).toBe(Buffer.from(text, "utf8").toString("utf8") === text);
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ["a lone high surrogate", "\ud83d", false],
    ["a lone low surrogate", "\udc00", false],
    ["a pair in reverse", "\ude00\ud83d", false],
    ["a high surrogate at the end", "ok\ud83d", false],
    ["a pair", "🔥", true],
    ["NUL and a BiDi override", "\u0000\u202e", true],
    ["the empty string", "", true],
  ])("%s", (_label, text, expected) => {
    expect(isWellFormed(text)).toBe(expected);
  });

  it("toWellFormed keeps good text as it is and mends the rest with U+FFFD", () => {
    fc.assert(
      fc.property(codeUnits(), (text) => {
        const mended = toWellFormed(text);
        expect(isWellFormed(mended)).toBe(true);
        expect(mended.length).toBe(text.length);
        if (isWellFormed(text)) expect(mended).toBe(text);
      }),
      { numRuns: 1000 },
    );
    expect(toWellFormed("a\ud83db🔥")).toBe("a\uFFFDb🔥");
  });
});

describe("isDocId / docIdSchema", () => {
  it.each([
    ["an empty string", ""],
    ["a slash", "a/b"],
    ["a leading slash", "/a"],
    ["a dot", "."],
    ["two dots", ".."],
    ["a reserved name", "__x__"],
    ["a bare reserved name", "____"],
    ["a reserved name across lines", "__a\nb__"],
    ["a lone surrogate", "a\ud83d"],
    ["1,501 bytes", "x".repeat(1501)],
    ["751 two-byte characters (1,502 bytes)", "é".repeat(751)],
  ])("refuses %s", (_label, id) => {
    expect(isDocId(id)).toBe(false);
    expect(docIdSchema.safeParse(id).success).toBe(false);
  });

  it.each([
    ["an auto id", "Jymw2uaqOnrTc0tXcV74"],
    ["three dots", "..."],
    ["one underscore pair", "__x"],
    ["1,500 bytes", "x".repeat(1500)],
    ["emoji", "🔥"],
    ["an issue number", "ISS-2026-0042"],
  ])("accepts %s", (_label, id) => {
    expect(isDocId(id)).toBe(true);
    expect(docIdSchema.parse(id)).toBe(id);
  });

  it("refuses a non-string", () => {
    expect(docIdSchema.safeParse(42).success).toBe(false);
  });
});

describe("every input schema refuses a lone surrogate where it takes text or an id", () => {
  const bad = "x\ud83dy";
  it.each([
    ["issue title", issueCreateSchema, { title: bad }, "title"],
    ["issue description", issueCreateSchema, { title: "t", description: bad }, "description"],
    ["issue tag", issueCreateSchema, { title: "t", tags: [bad] }, "tags.0"],
    ["vendor id", issueCreateSchema, { title: "t", vendor: { id: bad, name: "n" } }, "vendor.id"],
    ["order ref", issueCreateSchema, { title: "t", order: { id: "o", ref: bad } }, "order.ref"],
    ["fingerprint", issueCreateSchema, { title: "t", fingerprint: bad }, "fingerprint"],
    ["patched title", issueUpdateSchema, { title: bad }, "title"],
    ["comment body", commentCreateSchema, { body: bad }, "body"],
    ["transition note", transitionSchema, { status: "open", note: bad }, "note"],
    ["resolution notes", resolveSchema, { notes: bad }, "notes"],
    ["reopen reason", reopenSchema, { reason: bad }, "reason"],
    ["assignee", assignSchema, { assigneeUid: bad }, "assigneeUid"],
    ["bulk id", bulkSchema, { ids: ["ok", bad], change: { priority: "low" } }, "ids.1"],
    ["bulk assignee", bulkSchema, { ids: ["ok"], change: { assigneeUid: "a/b" } }, "change.assigneeUid"],
    ["org name", orgCreateSchema, { name: bad }, "name"],
    ["Linear team", settingsUpdateSchema, { linear: { teamId: bad } }, "linear.teamId"],
    ["auto-join domain", settingsUpdateSchema, { autoJoinDomains: [`a${bad}.com`] }, "autoJoinDomains.0"],
    [
      "service account",
      settingsUpdateSchema,
      { serviceAccounts: [`a${bad}@x.iam.gserviceaccount.com`] },
      "serviceAccounts.0",
    ],
    ["API key name", apiKeyCreateSchema, { name: bad }, "name"],
    ["invite email", inviteCreateSchema, { email: `a${bad}@x.test`, role: "agent" }, "email"],
    ["list filter: vendor", issueListQuerySchema, { vendor: bad }, "vendor"],
    ["list filter: assignee", issueListQuerySchema, { assignee: ".." }, "assignee"],
    ["list filter: q", issueListQuerySchema, { q: bad }, "q"],
    ["list cursor", pageQuerySchema, { cursor: bad }, "cursor"],
  ] as const)("%s", (_label, schema, input, path) => {
    const result = (
      schema as { safeParse(value: unknown): { success: boolean; error?: { issues: { path: PropertyKey[] }[] } } }
    ).safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => issue.path.join("."))).toContain(path);
  });
});
