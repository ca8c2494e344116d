/**
 * Cheap rules: every condition in firestore.rules may reach at most 3 distinct
 * documents through get()/exists() (Firestore's hard limit is 10). Counted from the
 * source, through helper calls (scripts/lib/rulesCost.mjs, which the bench's cost
 * table also uses), so a new helper that adds a lookup is caught here rather than
 * on the bill. The rules engine reads a document once per request however often a
 * condition asks for it, so distinct paths are what count.
 */
import { describe, expect, it } from "vitest";
import { readLookups, ruleConditions, rulesSource } from "../../../scripts/lib/rulesCost.mjs";

const BUDGET = 3;

describe("rules cost", () => {
  const all = ruleConditions();

  it("finds the rules' conditions", () => {
    // One per allow statement; a parse that missed some would make the budget vacuous.
    expect(all.length).toBe([...rulesSource().matchAll(/allow\s+[a-z, ]+:\s*if/g)].length);
    expect(all.find((c) => c.match === "/orgs/{orgId}/issues/{issueId}/comments/{commentId}")?.lookups).toHaveLength(2);
    // The revocation marker rides on reads the rules make anyway, except for the caller's own documents: one profile read.
    expect(all.find((c) => c.match === "/users/{uid}/notifications/{notificationId}")?.lookups).toHaveLength(1);
  });

  it("follows helpers into a lookup a condition does not spell out, and counts no map's get(key, default)", () => {
    const source = `match /databases/{database}/documents {
      function member(orgId) { return exists(/databases/$(database)/documents/orgs/$(orgId)/members/$(request.auth.uid)); }
      function staff(orgId) { return member(orgId) && get(/databases/$(database)/documents/orgs/$(orgId)).data.open; }
      match /orgs/{orgId}/things/{id} { allow read: if staff(orgId) || member(orgId) || resource.data.get('open', false); }
    }`;
    expect(ruleConditions(source)).toEqual([
      { match: "/orgs/{orgId}/things/{id}", operations: "read", lookups: expect.any(Array) },
    ]);
    expect(ruleConditions(source)[0]!.lookups).toHaveLength(2);
    expect(readLookups("/orgs/{orgId}/things/{id}", ruleConditions(source))).toBe(2);
  });

  it.each(all.map((c) => ({ ...c, count: String(c.lookups.length) })))(
    "$operations $match reads $count document(s) at most",
    ({ lookups: paths }) => {
      expect(paths.length).toBeLessThanOrEqual(BUDGET);
    },
  );
});
