import { describe, expect, it } from "vitest";
import {
  blankFacts,
  chooseLinearState,
  classifyLinearFailure,
  fieldPrint,
  fieldsToPush,
  firetrackCommentIdIn,
  freshFields,
  importedFields,
  inboundIssueChanges,
  inboundStatusMove,
  initialLinearState,
  isNewerThanLastSync,
  LINEAR_PRIORITY,
  linearCommentBody,
  linearSettingsOf,
  needsLinearPush,
  PRIORITIES,
  priorityFromLinear,
  reportedFields,
  retryAfterMs,
  settingsUpdateSchema,
  shouldMirrorComment,
  STATUSES,
  statusFromLinearState,
  syncedFieldsOf,
  type LinearWorkflowState,
  type Priority,
  type Status,
} from "../../src/domain";

const STATES: LinearWorkflowState[] = [
  { id: "s-triage", name: "Triage", type: "triage", position: 0 },
  { id: "s-backlog", name: "Backlog", type: "backlog", position: 1 },
  { id: "s-todo", name: "Todo", type: "unstarted", position: 2 },
  { id: "s-review", name: "In Review", type: "started", position: 4 },
  { id: "s-progress", name: "In Progress", type: "started", position: 3 },
  { id: "s-blocked", name: "Blocked", type: "started", position: 5 },
  { id: "s-done", name: "Done", type: "completed", position: 6 },
  { id: "s-canceled", name: "Canceled", type: "canceled", position: 7 },
  { id: "s-dup", name: "Duplicate", type: "duplicate", position: 8 },
];

describe("priority mapping (LINEAR.md)", () => {
  it.each<[Priority, number]>([
    ["critical", 1],
    ["urgent", 1],
    ["high", 2],
    ["medium", 3],
    ["low", 4],
  ])("outbound %s → %i", (ours, theirs) => {
    expect(LINEAR_PRIORITY[ours]).toBe(theirs);
  });

  it.each<[number, Priority, Priority | null]>([
    [1, "medium", "urgent"],
    [1, "critical", "critical"],
    [1, "urgent", "urgent"],
    [2, "low", "high"],
    [3, "critical", "medium"],
    [4, "high", "low"],
    [0, "high", null],
    [7, "high", null],
  ])("inbound %i onto %s → %s", (theirs, current, expected) => {
    expect(priorityFromLinear(theirs, current)).toBe(expected);
  });

  it("round-trips every priority", () => {
    for (const priority of PRIORITIES) {
      expect(priorityFromLinear(LINEAR_PRIORITY[priority], priority)).toBe(priority);
    }
  });
});

describe("workflow states", () => {
  it.each<[string, Status | null]>([
    ["triage", "open"],
    ["backlog", "open"],
    ["unstarted", "open"],
    ["started", "in_progress"],
    ["completed", "resolved"],
    ["canceled", "closed"],
    ["duplicate", "closed"],
    ["something-new", null],
  ])("inbound type %s → %s", (type, status) => {
    expect(statusFromLinearState({ id: "x", name: "X", type }, {})).toBe(status);
  });

  it("maps a state named in the state map to its status, by name or by id", () => {
    const map = { on_hold: "Blocked", waiting_for_response: "s-review" };
    expect(statusFromLinearState({ id: "s-blocked", name: "Blocked", type: "started" }, map)).toBe("on_hold");
    expect(statusFromLinearState({ id: "s-blocked", name: "blocked", type: "started" }, map)).toBe("on_hold");
    expect(statusFromLinearState({ id: "s-review", name: "In Review", type: "started" }, map)).toBe(
      "waiting_for_response",
    );
    expect(statusFromLinearState({ id: "s-progress", name: "In Progress", type: "started" }, map)).toBe("in_progress");
  });

  it.each<[Status, string | null]>([
    ["open", "s-todo"],
    ["answered", "s-todo"],
    ["in_progress", "s-progress"],
    ["resolved", "s-done"],
    ["closed", "s-canceled"],
    ["on_hold", null],
    ["waiting_for_response", null],
  ])("outbound %s → %s by type, the usual name first", (status, stateId) => {
    expect(chooseLinearState(status, STATES, {})?.id ?? null).toBe(stateId);
  });

  it("outbound follows the state map, by name or id", () => {
    expect(chooseLinearState("on_hold", STATES, { on_hold: "blocked" })?.id).toBe("s-blocked");
    expect(chooseLinearState("in_progress", STATES, { in_progress: "s-review" })?.id).toBe("s-review");
    // A map entry naming no state falls back to the type.
    expect(chooseLinearState("in_progress", STATES, { in_progress: "Nope" })?.id).toBe("s-progress");
  });

  it("without the usual name, takes the first state of the type in the team's order", () => {
    const states = STATES.filter((s) => s.id !== "s-progress");
    expect(chooseLinearState("in_progress", states, {})?.id).toBe("s-review");
    const noTodo = STATES.filter((s) => s.type !== "unstarted");
    expect(chooseLinearState("open", noTodo, {})?.id).toBe("s-backlog");
  });

  it("a new issue with a status that maps to nothing starts where an open one would", () => {
    expect(initialLinearState("on_hold", STATES, {})?.id).toBe("s-todo");
    expect(initialLinearState("on_hold", STATES, { on_hold: "Blocked" })?.id).toBe("s-blocked");
  });
});

describe("inbound status moves", () => {
  it("leaves an equal status alone", () => {
    for (const status of STATUSES) expect(inboundStatusMove(status, status)).toBeNull();
  });
  it.each<[Status, Status, string | null]>([
    ["open", "in_progress", "move"],
    ["in_progress", "open", "move"],
    ["answered", "resolved", "resolve"],
    ["open", "resolved", "resolve"],
    ["resolved", "open", "reopen"],
    ["closed", "in_progress", "reopen"],
    ["resolved", "in_progress", "reopen"],
    ["resolved", "closed", "move"],
    ["open", "closed", "move"],
    ["closed", "resolved", null],
  ])("%s → %s: %s", (from, to, kind) => {
    expect(inboundStatusMove(from, to)?.kind ?? null).toBe(kind);
  });
});

describe("which writes go to Linear", () => {
  const facts = (overrides: Parameters<typeof blankFacts>[0] = {}) =>
    blankFacts({ title: "T", lastActor: { uid: "u", name: "U", kind: "member" }, ...overrides });

  it("a new issue does", () => {
    expect(needsLinearPush(null, facts())).toBe(true);
  });
  it.each(["title", "description", "status", "priority"] as const)("a change of %s does", (field) => {
    const change = { title: "T2", description: "D2", status: "in_progress" as const, priority: "high" as const }[field];
    expect(needsLinearPush(facts(), facts({ [field]: change }))).toBe(true);
  });
  it("a change Linear made does not (no echo)", () => {
    expect(
      needsLinearPush(facts(), facts({ title: "T2", lastActor: { uid: "linear:1", name: "Ada", kind: "linear" } })),
    ).toBe(false);
    expect(needsLinearPush(null, facts({ lastActor: { uid: "linear:1", name: "Ada", kind: "linear" } }))).toBe(false);
  });
  it("a change of anything else does not", () => {
    expect(needsLinearPush(facts(), facts({ tags: ["x"], number: "ISS-2026-0001", searchTokens: ["t"] }))).toBe(false);
  });
  it("deleted issues do not", () => {
    expect(needsLinearPush(facts(), facts({ deleted: true, title: "T2" }))).toBe(false);
    expect(needsLinearPush(facts({ deleted: true }), facts({ title: "T2" }))).toBe(false);
    expect(needsLinearPush(facts(), null)).toBe(false);
  });
});

describe("fields to push", () => {
  const issue = { title: "A", description: "B", status: "open", priority: "low" };
  it("all four when Linear holds nothing", () => {
    expect(fieldsToPush(issue, null)).toEqual(["title", "description", "status", "priority"]);
  });
  it("none when Linear holds them all", () => {
    expect(fieldsToPush(issue, syncedFieldsOf(issue))).toEqual([]);
  });
  it("only what changed since", () => {
    expect(fieldsToPush({ ...issue, priority: "high" }, syncedFieldsOf(issue))).toEqual(["priority"]);
    expect(fieldsToPush({ ...issue, title: "A2", status: "closed" }, syncedFieldsOf(issue))).toEqual([
      "title",
      "status",
    ]);
  });
  it("prints differ for different values and agree for equal ones", () => {
    expect(fieldPrint("hello")).toBe(fieldPrint("hello"));
    expect(fieldPrint("hello")).not.toBe(fieldPrint("hellp"));
    expect(fieldPrint("")).not.toBe(fieldPrint(" "));
  });
});

describe("comments", () => {
  it.each<["none" | "public" | "all", boolean, string, boolean]>([
    ["none", false, "internal", false],
    ["public", false, "internal", true],
    ["public", true, "internal", false],
    ["all", true, "internal", true],
    ["all", false, "client", true],
    ["all", false, "linear", false],
  ])("mode %s, internal %s, source %s → mirrored %s", (mode, internal, source, mirrored) => {
    expect(shouldMirrorComment(mode, { internal, source, authorKind: source === "linear" ? "linear" : "member" })).toBe(
      mirrored,
    );
  });

  it("marks our comments with their id, and finds the mark again", () => {
    const body = linearCommentBody("Fixed in build 42.", "Grace Hopper", "c0mment-ID_1");
    expect(body).toContain("Fixed in build 42.");
    expect(body).toContain("Grace Hopper");
    expect(firetrackCommentIdIn(body)).toBe("c0mment-ID_1");
    expect(firetrackCommentIdIn("A plain comment from Linear")).toBeNull();
    expect(firetrackCommentIdIn("mentions ftc:abc in the middle of text")).toBeNull();
  });
});

describe("inbound issue changes", () => {
  const current = {
    title: "Printer on fire",
    description: "Smoke",
    status: "open" as Status,
    priority: "medium" as Priority,
    linearStateId: "s-todo",
  };
  const done = { id: "s-done", name: "Done", type: "completed" };
  const all = ["title", "description", "status", "priority"] as const;

  it("applies a state change to completed as a resolve", () => {
    const changes = inboundIssueChanges(
      current,
      { id: "L1", state: done, stateId: "s-done" },
      reportedFields({ stateId: "s-todo" }),
      {},
    );
    expect(changes).toEqual({ status: { to: "resolved", kind: "resolve" } });
  });
  it("considers only the fields given: what Linear reports as changed", () => {
    // The title changed; the state (which maps back to open, not our answered) did not.
    const data = { id: "L1", title: "Printer on fire!", state: { id: "s-backlog", name: "Backlog", type: "backlog" } };
    const changes = inboundIssueChanges(
      { ...current, status: "answered" },
      data,
      reportedFields({ title: "Printer on fire" }),
      {},
    );
    expect(changes).toEqual({ title: "Printer on fire!" });
  });
  it("skips values equal to ours after mapping", () => {
    const changes = inboundIssueChanges(
      { ...current, priority: "critical" },
      { id: "L1", title: "Printer on fire", priority: 1 },
      ["title", "priority"],
      {},
    );
    expect(changes).toEqual({});
  });
  it("leaves our priority for Linear's 0", () => {
    expect(inboundIssueChanges(current, { id: "L1", priority: 0 }, ["priority"], {})).toEqual({});
  });
  it("trims and limits the title, refuses an empty one, limits the description", () => {
    const long = "x".repeat(300);
    expect(inboundIssueChanges(current, { id: "L1", title: `  ${long}` }, ["title"], {}).title).toHaveLength(200);
    expect(inboundIssueChanges(current, { id: "L1", title: "   " }, ["title"], {})).toEqual({});
    expect(
      inboundIssueChanges(current, { id: "L1", description: "d".repeat(25_000) }, ["description"], {}).description,
    ).toHaveLength(20_000);
    expect(inboundIssueChanges(current, { id: "L1", description: null }, ["description"], {})).toEqual({
      description: "",
    });
  });
  it("with every field given, compares every field", () => {
    expect(inboundIssueChanges(current, { id: "L1", title: "New", priority: 2, state: done }, all, {})).toEqual({
      title: "New",
      priority: "high",
      status: { to: "resolved", kind: "resolve" },
    });
  });
  it("a state equal to the one we last saw is no change", () => {
    expect(
      inboundIssueChanges(
        { ...current, status: "answered" },
        { id: "L1", state: { id: "s-todo", name: "Todo", type: "unstarted" } },
        ["status"],
        {},
      ),
    ).toEqual({});
  });
});

describe("which fields an event is news about", () => {
  it("reads the changed fields from updatedFrom; a state change is a status change", () => {
    expect(reportedFields({ title: "a", updatedAt: "x", labelIds: [] })).toEqual(["title"]);
    expect(reportedFields({ stateId: "s", priority: 2, description: "d" })).toEqual([
      "description",
      "status",
      "priority",
    ]);
    expect(reportedFields({ updatedAt: "x" })).toEqual([]);
    expect(reportedFields(undefined)).toEqual(["title", "description", "status", "priority"]);
  });
  it("keeps, per field, only what is newer than the last state we pushed or applied", () => {
    const times = { title: 2000, status: 1000 };
    expect(freshFields(["title", "status", "priority"], times, 1500)).toEqual(["status", "priority"]);
    expect(freshFields(["title", "status"], times, 2000)).toEqual(["status"]);
    expect(freshFields(["title"], times, 2001)).toEqual(["title"]);
    expect(freshFields(["title", "priority"], times, null)).toEqual(["priority"]);
    expect(freshFields(["title"], null, null)).toEqual(["title"]);
  });
});

describe("imports", () => {
  it("maps state, priority and text", () => {
    expect(
      importedFields(
        {
          id: "L",
          title: " Crash ",
          description: "Boom",
          priority: 2,
          state: { id: "s", name: "In Progress", type: "started" },
        },
        {},
      ),
    ).toEqual({
      title: "Crash",
      description: "Boom",
      status: "in_progress",
      priority: "high",
    });
    expect(importedFields({ id: "L", title: "", priority: 0 }, {})).toMatchObject({
      title: "Untitled Linear issue",
      status: "open",
      priority: "medium",
    });
  });
});

describe("ordering by Linear's clock", () => {
  it.each<[number | null, number | null, boolean]>([
    [2000, null, true],
    [2000, 1000, true],
    [1000, 1000, false],
    [999, 1000, false],
    [null, 1000, false],
    [null, null, true],
  ])("event %s vs last sync %s → %s", (event, last, newer) => {
    expect(isNewerThanLastSync(event, last)).toBe(newer);
  });
});

describe("failures", () => {
  const now = Date.parse("2026-03-01T12:00:00Z");
  it.each([
    ["the SDK's class", { type: "Ratelimited", status: 400, retryAfter: "7" }, 7000],
    ["the wire's type", { type: "ratelimited", status: 400 }, null],
    [
      "the code alone (UnknownLinearError)",
      { type: "Unknown", codes: ["RATELIMITED"], status: 400, retryAfter: "2" },
      2000,
    ],
    ["HTTP 429", { status: 429, retryAfter: "Sun, 01 Mar 2026 12:00:30 GMT" }, 30_000],
  ])("a rate limit by %s", (_why, facts, wait) => {
    expect(classifyLinearFailure(facts, now)).toEqual({ kind: "rate_limited", retryAfterMs: wait });
  });
  it("a rate limit is never taken for bad input, whatever the message", () => {
    expect(classifyLinearFailure({ type: "invalid input", codes: ["RATELIMITED"], status: 400 }, now).kind).toBe(
      "rate_limited",
    );
  });
  it.each([
    [{ timedOut: true }, "timeout"],
    [{ network: true }, "network"],
    [{ status: 500 }, "http_500"],
    [{ status: 503, type: "Unknown" }, "http_503"],
    [{ type: "internal error", status: 200 }, "internalerror"],
    [{ type: "LockTimeout", status: 200 }, "locktimeout"],
    [{}, "unknown"],
  ])("transient: %o", (facts, code) => {
    expect(classifyLinearFailure(facts, now)).toEqual({ kind: "transient", code });
  });
  it.each([
    [{ type: "authentication error", status: 400 }, "authentication"],
    [{ type: "AuthenticationError", status: 400 }, "authentication"],
    [{ type: "forbidden", status: 403 }, "forbidden"],
    [{ type: "invalid input", status: 200 }, "invalid_input"],
    [{ type: "InvalidInput", status: 200 }, "invalid_input"],
    [{ type: "Unknown", status: 404 }, "rejected"],
  ])("permanent: %o", (facts, code) => {
    expect(classifyLinearFailure(facts, now)).toEqual({ kind: "permanent", code });
  });
  it("reads retry-after as seconds or a date, and nothing else", () => {
    expect(retryAfterMs("1.5", now)).toBe(1500);
    expect(retryAfterMs(3, now)).toBe(3000);
    expect(retryAfterMs("Sun, 01 Mar 2026 11:59:00 GMT", now)).toBe(0);
    expect(retryAfterMs("soon", now)).toBeNull();
    expect(retryAfterMs(null, now)).toBeNull();
  });
});

describe("settings", () => {
  it("reads older stored settings (mirrorComments was a boolean)", () => {
    expect(linearSettingsOf({ teamId: "T", enabled: true, mirrorComments: false })).toEqual({
      teamId: "T",
      enabled: true,
      mirrorComments: "none",
      stateMap: {},
    });
    expect(linearSettingsOf({ mirrorComments: true }).mirrorComments).toBe("public");
    expect(linearSettingsOf(undefined)).toEqual({
      teamId: null,
      enabled: false,
      mirrorComments: "public",
      stateMap: {},
    });
    expect(linearSettingsOf({ teamId: "", stateMap: { nonsense: 1 } })).toMatchObject({ teamId: null, stateMap: {} });
  });
  it("accepts a state map of our statuses only", () => {
    expect(
      settingsUpdateSchema.safeParse({ linear: { stateMap: { on_hold: "Blocked" }, mirrorComments: "all" } }).success,
    ).toBe(true);
    expect(settingsUpdateSchema.safeParse({ linear: { stateMap: { paused: "Blocked" } } }).success).toBe(false);
    expect(settingsUpdateSchema.safeParse({ linear: { stateMap: { on_hold: "" } } }).success).toBe(false);
    expect(settingsUpdateSchema.safeParse({ linear: { mirrorComments: true } }).success).toBe(false);
  });
});
