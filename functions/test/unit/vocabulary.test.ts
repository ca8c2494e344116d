/** Who is staff, who can be assigned, who joins the watchers: decided once in the domain, for functions and web. */
import { describe, expect, it } from "vitest";
import {
  ACTOR_KINDS,
  isAssignableRole,
  isStaffRole,
  joinsWatchers,
  MEMBER_ROLES,
  portalIssueDocId,
  ROLES,
} from "../../src/domain";

describe("the roles' vocabulary", () => {
  it.each(ROLES.map((role) => [role]))("%s: staff and assignable as the permissions table says", (role) => {
    expect(isStaffRole(role)).toBe(["admin", "agent", "reporter", "viewer"].includes(role));
    expect(isAssignableRole(role)).toBe(role === "admin" || role === "agent");
  });

  it("every assignable role is staff, and every staff role a member role", () => {
    for (const role of ROLES) {
      if (isAssignableRole(role)) expect(isStaffRole(role)).toBe(true);
      if (isStaffRole(role)) expect(MEMBER_ROLES).toContain(role);
    }
  });

  it.each([null, undefined, "", "Admin", "owner", 1])("refuses %j", (value) => {
    expect(isStaffRole(value)).toBe(false);
    expect(isAssignableRole(value)).toBe(false);
  });
});

describe("who joins the watchers", () => {
  it.each(ACTOR_KINDS.map((kind) => [kind]))("%s", (kind) => {
    expect(joinsWatchers({ kind })).toBe(kind === "member" || kind === "customer");
  });

  it("nobody joins for a missing actor", () => {
    expect(joinsWatchers(null)).toBe(false);
    expect(joinsWatchers(undefined)).toBe(false);
  });
});

it("a customer's projection is named after the org and the issue", () => {
  expect(portalIssueDocId("acme", "i1")).toBe("acme_i1");
});
