import { describe, expect, it } from "vitest";
import { encodePath } from "../src/api/path";

describe("API paths", () => {
  it("encodes every part, so an id can't reach another route", () => {
    expect(encodePath("/orgs/{orgId}/issues/{id}", { orgId: "acme", id: "a/../b?x=1#y" })).toBe(
      "/orgs/acme/issues/a%2F..%2Fb%3Fx%3D1%23y",
    );
    expect(encodePath("/intake/{slug}", { slug: "ünï code" })).toBe("/intake/%C3%BCn%C3%AF%20code");
    expect(
      encodePath("/orgs/{orgId}/issues/{id}/macros/{macroId}:apply", { orgId: "a b", id: "i1", macroId: "m:1" }),
    ).toBe("/orgs/a%20b/issues/i1/macros/m%3A1:apply");
  });

  it("refuses a part the URL would read as a dot segment or drop, so it can't climb to a parent route", () => {
    for (const id of [".", "..", ""]) {
      expect(() => encodePath("/orgs/{orgId}/issues/{id}", { orgId: "acme", id })).toThrow(/another path/);
    }
    // Dots inside a part are only characters.
    expect(encodePath("/orgs/{orgId}/issues/{id}", { orgId: "acme", id: "..." })).toBe("/orgs/acme/issues/...");
  });

  it("refuses a template whose parameter was left out, rather than sending `{id}` as it is", () => {
    expect(() => encodePath("/orgs/{orgId}/issues/{id}", { orgId: "acme" })).toThrow("needs {id}");
    expect(() => encodePath("/orgs/{orgId}", { orgId: { toString: () => "x" } })).toThrow("needs {orgId}");
  });

  it("leaves a route without parameters as written", () => {
    expect(encodePath("/me")).toBe("/me");
    expect(encodePath("/orgs/{orgId}/issues:bulk", { orgId: "acme" })).toBe("/orgs/acme/issues:bulk");
  });
});
