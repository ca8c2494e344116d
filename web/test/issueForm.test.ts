import { issueCreateSchema } from "@firetrack/domain";
import { describe, expect, it } from "vitest";
import { EMPTY_FORM, fieldForPath, fieldMessages, formToInput } from "../src/issues/issueForm";

describe("the issue form and the API's schema", () => {
  it("maps zod and problem+json paths onto the form's fields", () => {
    expect(fieldForPath("vendor.name")).toBe("vendorName");
    expect(fieldForPath(["order", "ref"])).toBe("orderRef");
    expect(fieldForPath("tags.3")).toBe("tags");
    expect(fieldForPath("title")).toBe("title");
    expect(fieldForPath("fingerprint")).toBeNull();
  });

  it("sends blank references as null and half-filled ones for the schema to refuse", () => {
    expect(formToInput({ ...EMPTY_FORM, title: "x" })).toMatchObject({ vendor: null, order: null, tags: [] });
    const parsed = issueCreateSchema.safeParse(formToInput({ ...EMPTY_FORM, title: "x", vendorId: "v1" }));
    expect(parsed.success).toBe(false);
    expect(fieldMessages(parsed.error!.issues).fields).toEqual({ vendorName: "Required." });
  });

  it("says Required for an empty title and keeps other messages as they are", () => {
    const parsed = issueCreateSchema.safeParse(
      formToInput({ ...EMPTY_FORM, title: "  ", tags: Array.from({ length: 21 }, (_, i) => `t${i}`).join(",") }),
    );
    const { fields } = fieldMessages(parsed.error!.issues);
    expect(fields.title).toBe("Required.");
    expect(fields.tags).toMatch(/20/);
  });
});
