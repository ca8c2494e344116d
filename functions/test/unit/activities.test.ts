import { describe, expect, it } from "vitest";
import { activitiesFor, blankFacts, SYSTEM_ACTOR, type Actor, type IssueFacts } from "../../src/domain";

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
    ["resolve", { status: "resolved", resolution: { notes: "fixed", by: agent } }, "resolved"],
    ["reopen", { status: "open" }, "reopened"],
    ["close", { status: "closed" }, "closed"],
    ["assignment", { assignee: { uid: "a2", name: "B" } }, "assigned"],
    ["field edit", { priority: "urgent", tags: ["x"] }, "updated"],
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
