import { describe, expect, it } from "vitest";
import { ApiPath, path } from "../src/api/path";

describe("API paths", () => {
  it("encodes every part, so an id can't reach another route", () => {
    expect(path`/orgs/${"acme"}/issues/${"a/../b?x=1#y"}`.value).toBe("/orgs/acme/issues/a%2F..%2Fb%3Fx%3D1%23y");
    expect(path`/intake/${"ünï code"}`.value).toBe("/intake/%C3%BCn%C3%AF%20code");
  });

  it("keeps a path given as a part, so paths compose", () => {
    const issue = path`/orgs/${"a b"}/issues/${"i1"}`;
    expect(path`${issue}/transition`.value).toBe("/orgs/a%20b/issues/i1/transition");
    expect(path`${issue}/transition`).toBeInstanceOf(ApiPath);
  });

  it("leaves a path without parts as written", () => {
    expect(path`/me`.value).toBe("/me");
  });
});
