import { describe, expect, it } from "vitest";
import { agentIssuePath, issueAddress, issuePagePath, issuePageUrl, portalIssuePath } from "../../src/domain";

const numbered = { orgId: "acme", id: "aB3xY9", number: "ISS-2026-0044" };
const unnumbered = { orgId: "acme", id: "aB3xY9", number: null };

describe("issuePagePath", () => {
  it.each([
    [numbered, "team", "/o/acme/issues/ISS-2026-0044"],
    [unnumbered, "team", "/o/acme/issues/aB3xY9"],
    [numbered, "customer", "/portal/issues/acme/ISS-2026-0044"],
    // Built before the numbering trigger ran: the id, which the portal page still opens.
    [unnumbered, "customer", "/portal/issues/acme/aB3xY9"],
  ] as const)("%o for %s → %s", (issue, reader, expected) => {
    expect(issuePagePath(issue, reader)).toBe(expected);
  });

  it("escapes what could break out of a path segment", () => {
    expect(issuePagePath({ orgId: "a/b", id: "x?y", number: null }, "team")).toBe("/o/a%2Fb/issues/x%3Fy");
    expect(portalIssuePath("a b", "c#d")).toBe("/portal/issues/a%20b/c%23d");
  });
});

describe("issuePageUrl", () => {
  it.each([
    ["https://help.example.com", "https://help.example.com/o/acme/issues/ISS-2026-0044"],
    ["https://help.example.com/", "https://help.example.com/o/acme/issues/ISS-2026-0044"],
    ["http://127.0.0.1:5000//", "http://127.0.0.1:5000/o/acme/issues/ISS-2026-0044"],
  ])("joins %s without a doubled slash", (base, expected) => {
    expect(issuePageUrl(base, numbered, "team")).toBe(expected);
  });

  it("sends a customer to the portal page on the same host, by number", () => {
    expect(issuePageUrl("https://help.example.com/", numbered, "customer")).toBe(
      "https://help.example.com/portal/issues/acme/ISS-2026-0044",
    );
    expect(issuePageUrl("https://help.example.com", unnumbered, "customer")).toBe(
      "https://help.example.com/portal/issues/acme/aB3xY9",
    );
  });
});

describe("issueAddress, agentIssuePath and portalIssuePath", () => {
  it("name an issue by its number once it has one, else by id", () => {
    expect(issueAddress(numbered)).toBe("ISS-2026-0044");
    expect(issueAddress(unnumbered)).toBe("aB3xY9");
    expect(agentIssuePath("acme", issueAddress(numbered))).toBe("/o/acme/issues/ISS-2026-0044");
    expect(portalIssuePath("acme", issueAddress(numbered))).toBe("/portal/issues/acme/ISS-2026-0044");
  });

  it("give the team and the customer the same readable address, each on their own page", () => {
    const team = issuePagePath(numbered, "team");
    const customer = issuePagePath(numbered, "customer");
    expect(team.split("/").pop()).toBe(customer.split("/").pop());
    expect(customer.startsWith("/portal/")).toBe(true);
    expect(team.startsWith("/o/")).toBe(true);
  });
});
