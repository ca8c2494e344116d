import { describe, expect, it } from "vitest";
import { issueCreateSchema, issueListQuerySchema, issueUpdateSchema } from "../../src/domain";

describe("issueCreateSchema", () => {
  it("fills defaults and normalises tags", () => {
    const parsed = issueCreateSchema.parse({ title: "  Printer on fire ", tags: ["Hardware", "hardware", "urgent"] });
    expect(parsed).toEqual({
      title: "Printer on fire",
      description: "",
      type: "task",
      priority: "medium",
      category: "general",
      tags: ["hardware", "urgent"],
      vendor: null,
      order: null,
    });
  });

  it.each([
    ["a missing title", {}, "title"],
    ["a blank title", { title: "   " }, "title"],
    ["a 201-character title", { title: "x".repeat(201) }, "title"],
    ["an unknown priority", { title: "t", priority: "whenever" }, "priority"],
    ["an unknown status-like field", { title: "t", status: "closed" }, ""],
    ["an unknown field", { title: "t", colour: "red" }, ""],
    ["a 20,001-character description", { title: "t", description: "x".repeat(20_001) }, "description"],
    ["21 tags", { title: "t", tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }, "tags"],
    ["a number title", { title: 42 }, "title"],
    ["a vendor without a name", { title: "t", vendor: { id: "v1" } }, "vendor.name"],
    ["an empty service name", { title: "t", service: "" }, "service"],
    ["a 65-character service name", { title: "t", service: "s".repeat(65) }, "service"],
    ["a service name with capitals", { title: "t", service: "Workflow" }, "service"],
    ["a service name with a slash", { title: "t", service: "a/b" }, "service"],
  ])("refuses %s", (_label, input, path) => {
    const result = issueCreateSchema.safeParse(input);
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((issue) => issue.path.join("."));
    expect(paths).toContain(path);
  });

  it("takes a service's own name of 1 to 64 characters of a-z, 0-9, '.', '_' and '-'", () => {
    for (const service of ["w", "workflow-consumer", "billing.v2_worker", "s".repeat(64)]) {
      expect(issueCreateSchema.parse({ title: "t", service }).service).toBe(service);
    }
  });

  it("accepts the limits exactly", () => {
    const parsed = issueCreateSchema.parse({
      title: "x".repeat(200),
      description: "y".repeat(20_000),
      tags: Array.from({ length: 20 }, (_, i) => `t${i}`),
    });
    expect(parsed.title).toHaveLength(200);
    expect(parsed.tags).toHaveLength(20);
  });
});

describe("issueUpdateSchema", () => {
  it("needs at least one field", () => {
    expect(issueUpdateSchema.safeParse({}).success).toBe(false);
    expect(issueUpdateSchema.parse({ priority: "high" })).toEqual({ priority: "high" });
  });

  it("refuses fields that are not editable", () => {
    expect(issueUpdateSchema.safeParse({ number: "ISS-2026-0001" }).success).toBe(false);
    expect(issueUpdateSchema.safeParse({ status: "closed" }).success).toBe(false);
  });
});

describe("issueListQuerySchema", () => {
  it("coerces the limit from the query string and caps it", () => {
    expect(issueListQuerySchema.parse({ limit: "10" })).toMatchObject({ limit: 10, sort: "number" });
    expect(issueListQuerySchema.safeParse({ limit: "101" }).success).toBe(false);
    expect(issueListQuerySchema.safeParse({ limit: "0" }).success).toBe(false);
    expect(issueListQuerySchema.safeParse({ limit: "ten" }).success).toBe(false);
    expect(issueListQuerySchema.safeParse({ sort: "colour" }).success).toBe(false);
  });
});
