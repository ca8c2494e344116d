/**
 * Where the 256 kB body limit applies (docs/api.md, Body size): only where the
 * app parses the body itself. Behind the Functions runtime the body arrives
 * parsed (the emulator, like the Functions Framework, takes up to 32 MB), so
 * the schemas are what bound it.
 */
import { describe, expect, it } from "vitest";
import { call, expectProblem, newOrg, newUser, startLocalApp } from "./helpers";

describe("body size", () => {
  it("is 413 from the app's own parser, and a 422 from the schemas behind the Functions runtime", async () => {
    const admin = await newUser("size");
    const orgId = await newOrg(admin, "Size Org");
    const body = { title: "Large", description: "x".repeat(300 * 1024) };
    const local = await startLocalApp();
    try {
      expectProblem(await call("POST", `/orgs/${orgId}/issues`, { token: admin.token, body, base: local.base }), 413);
    } finally {
      await local.close();
    }
    const deployed = await call("POST", `/orgs/${orgId}/issues`, { token: admin.token, body });
    expectProblem(deployed, 422);
    expect(JSON.stringify(deployed.body.errors)).toContain("description");
  });
});
