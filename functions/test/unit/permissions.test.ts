import { describe, expect, it } from "vitest";
import { ACTIONS, ROLES, can, canReopen, grantFor, type Action, type Grant, type Role } from "../../src/domain";

// The table of docs/product.md, cell by cell.
const TABLE: Record<Action, Record<Role, Grant>> = {
  "issue.view": { admin: "all", agent: "all", reporter: "all", viewer: "all", customer: "own", service: "all" },
  "issue.create": { admin: "all", agent: "all", reporter: "all", viewer: "none", customer: "all", service: "all" },
  "issue.edit": { admin: "all", agent: "all", reporter: "none", viewer: "none", customer: "none", service: "all" },
  "issue.reopen": { admin: "all", agent: "all", reporter: "none", viewer: "none", customer: "own", service: "all" },
  "comment.public": { admin: "all", agent: "all", reporter: "all", viewer: "none", customer: "own", service: "all" },
  "comment.internal": { admin: "all", agent: "all", reporter: "all", viewer: "none", customer: "none", service: "all" },
  "internal.read": { admin: "all", agent: "all", reporter: "all", viewer: "all", customer: "none", service: "all" },
  "issue.softDelete": {
    admin: "all",
    agent: "all",
    reporter: "none",
    viewer: "none",
    customer: "none",
    service: "none",
  },
  "issue.restore": { admin: "all", agent: "none", reporter: "none", viewer: "none", customer: "none", service: "none" },
  "issue.hardDelete": {
    admin: "all",
    agent: "none",
    reporter: "none",
    viewer: "none",
    customer: "none",
    service: "none",
  },
  "members.manage": {
    admin: "all",
    agent: "none",
    reporter: "none",
    viewer: "none",
    customer: "none",
    service: "none",
  },
  "settings.manage": {
    admin: "all",
    agent: "none",
    reporter: "none",
    viewer: "none",
    customer: "none",
    service: "none",
  },
  "apiKeys.manage": {
    admin: "all",
    agent: "none",
    reporter: "none",
    viewer: "none",
    customer: "none",
    service: "none",
  },
  "integrations.manage": {
    admin: "all",
    agent: "none",
    reporter: "none",
    viewer: "none",
    customer: "none",
    service: "none",
  },
  // Saved replies: the team that answers customers reads them; admins keep them.
  "savedReplies.read": {
    admin: "all",
    agent: "all",
    reporter: "none",
    viewer: "none",
    customer: "none",
    service: "none",
  },
  "savedReplies.manage": {
    admin: "all",
    agent: "none",
    reporter: "none",
    viewer: "none",
    customer: "none",
    service: "none",
  },
  "macros.read": { admin: "all", agent: "all", reporter: "all", viewer: "all", customer: "none", service: "all" },
  "macros.manage": { admin: "all", agent: "none", reporter: "none", viewer: "none", customer: "none", service: "none" },
};

const cells = ACTIONS.flatMap((action) => ROLES.map((role) => [role, action, TABLE[action][role]] as const));

describe("permission matrix", () => {
  it("has a cell for every role × action", () => {
    expect(cells).toHaveLength(ROLES.length * ACTIONS.length);
  });

  it.each(cells)("%s × %s = %s", (role, action, grant) => {
    expect(grantFor(role, action)).toBe(grant);
    expect(can(role, action, true)).toBe(grant !== "none");
    // Without owning the issue, only an `all` grant allows.
    expect(can(role, action, false)).toBe(grant === "all");
  });

  it("lets a customer reopen only their own issue", () => {
    const cases = [
      ["customer", true],
      ["customer", false],
      ["reporter", true],
      ["viewer", true],
      ["agent", false],
      ["service", false],
    ] as const;
    expect(cases.map(([role, owns]) => [role, owns, canReopen(role, owns)])).toEqual([
      ["customer", true, true],
      ["customer", false, false],
      ["reporter", true, false],
      ["viewer", true, false],
      ["agent", false, true],
      ["service", false, true],
    ]);
  });
});
