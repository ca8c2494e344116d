import { describe, expect, it } from "vitest";
import {
  activitiesFor,
  blankFacts,
  customerFacingActor,
  personName,
  SUPPORT_TEAM_ACTOR,
  UNNAMED_PERSON,
  SYSTEM_ACTOR,
  type Actor,
  type IssueFacts,
} from "../../src/domain";

const agent: Actor = { uid: "a1", name: "Agent", kind: "member" };
const base = blankFacts({ title: "T", lastActor: agent, number: "ISS-2026-0001" });

describe("activities", () => {
  it("records a create with the actor and the initial fields", () => {
    const [created, ...rest] = activitiesFor(null, base);
    expect(rest).toEqual([]);
    expect(created).toMatchObject({ type: "created", actor: agent, internal: false });
    expect(created!.changes.title).toEqual({ from: null, to: "T" });
  });

  it.each([
    ["status change", { status: "in_progress" }, "status_changed"],
    ["resolve", { status: "resolved", resolution: { notes: "fixed", by: agent, at: 1 } }, "resolved"],
    ["reopen", { status: "open" }, "reopened"],
    ["close", { status: "closed" }, "closed"],
    ["assignment", { assignee: { uid: "a2", name: "B" } }, "assigned"],
    ["field edit", { priority: "urgent", category: "billing" }, "updated"],
  ] as [string, Partial<IssueFacts>, string][])("names a %s", (_label, change, type) => {
    const before = change.status === "open" ? { ...base, status: "resolved" as const } : base;
    const drafts = activitiesFor(before, { ...before, ...change, lastActor: agent });
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ type, internal: false, actor: agent });
  });

  it("gives the field diff", () => {
    const [draft] = activitiesFor(base, { ...base, priority: "urgent", title: "New" });
    expect(draft!.changes).toEqual({ title: { from: "T", to: "New" }, priority: { from: "medium", to: "urgent" } });
  });

  it("flags deletion and restore as internal", () => {
    const deleted = activitiesFor(base, { ...base, deleted: true });
    expect(deleted).toEqual([expect.objectContaining({ type: "deleted", internal: true, audience: "internal" })]);
    expect(activitiesFor({ ...base, deleted: true }, base)[0]).toMatchObject({ type: "restored", internal: true });
  });

  it("splits a change touching public and internal fields into two activities, so nothing internal is public", () => {
    const drafts = activitiesFor(base, { ...base, title: "New", occurrences: 5 });
    expect(drafts.map((d) => [d.audience, d.type, Object.keys(d.changes)])).toEqual([
      ["public", "updated", ["title"]],
      ["internal", "occurrence", ["occurrences"]],
    ]);
  });

  it("keeps what customers may not see out of public activities: tags go to the internal one", () => {
    const drafts = activitiesFor(base, { ...base, priority: "urgent", tags: ["vip"] });
    expect(drafts.map((d) => [d.audience, Object.keys(d.changes)])).toEqual([
      ["public", ["priority"]],
      ["internal", ["tags"]],
    ]);
  });

  it("records an assignee and a resolution in a public activity only as a customer may see them", () => {
    const resolver: Actor = { uid: "r1", name: "Resolver", kind: "member" };
    const [assigned] = activitiesFor(base, { ...base, assignee: { uid: "a2", name: "Bea" } });
    expect(assigned!.changes).toEqual({ assignee: { from: null, to: { name: "Bea" } } });
    const [resolved] = activitiesFor(base, {
      ...base,
      status: "resolved",
      resolution: { notes: "fixed", by: resolver, at: 9 },
    });
    expect(resolved!.changes.resolution).toEqual({ from: null, to: { notes: "fixed" } });
    expect(JSON.stringify(resolved)).not.toContain("r1");
  });

  it("ignores writes of server-owned fields only (numbering, tokens, SLA, counters, watchers)", () => {
    const after = {
      ...base,
      number: "ISS-2026-0002",
      seq: 2,
      searchTokens: ["x"],
      commentCount: 3,
      watchers: ["z"],
      firstResponseAt: 5,
      lastActor: SYSTEM_ACTOR,
    };
    expect(activitiesFor(base, after)).toEqual([]);
  });

  it("writes nothing for a hard delete", () => {
    expect(activitiesFor(base, null)).toEqual([]);
  });

  it("falls back to the system actor when a write names none", () => {
    expect(activitiesFor(base, { ...base, title: "x", lastActor: null })[0]!.actor).toEqual(SYSTEM_ACTOR);
  });
});

describe("changes that come from Linear", () => {
  const linearUser: Actor = { uid: "linear:user-42", name: "Lin Ear", kind: "linear" };
  it("name 'Support team' in public activities, which customers read, and the Linear user in internal ones", () => {
    const drafts = activitiesFor(base, { ...base, status: "in_progress", tags: ["eng"], lastActor: linearUser });
    const byAudience = Object.fromEntries(drafts.map((draft) => [draft.audience, draft.actor]));
    expect(byAudience).toEqual({ public: SUPPORT_TEAM_ACTOR, internal: linearUser });
    expect(JSON.stringify(drafts.filter((draft) => !draft.internal))).not.toContain("Lin Ear");
  });

  it("leave every other actor as it is", () => {
    expect(customerFacingActor(agent)).toBe(agent);
    expect(customerFacingActor(SYSTEM_ACTOR)).toBe(SYSTEM_ACTOR);
    expect(customerFacingActor(linearUser)).toEqual({ uid: "support-team", name: "Support team", kind: "system" });
  });
});

describe("personName", () => {
  it("is the display name, trimmed", () => {
    expect(personName("  Cora Customer ")).toBe("Cora Customer");
  });
  it("never shows an address: no name, an empty one, or an address as the name", () => {
    for (const name of [undefined, null, "", "   ", "cora@client.test", "Cora <cora@client.test>"])
      expect(personName(name)).toBe(UNNAMED_PERSON);
  });
});
