/**
 * The bench's projected monthly bill (bench/lib/bill.mjs): docs/performance.md quotes its
 * total and its dominant line, so its arithmetic is checked here on rows whose
 * sums can be worked out by hand.
 */
import { describe, expect, it } from "vitest";
import { AUTOMATION_ROWS, monthlyBill, PRICES, TIMERS_PER_ISSUE } from "../../lib/bill.mjs";

const row = (action: string, reads: number, writes = 0, deletes = 0, invocations = 0, listenerReads = 0) => ({
  action,
  reads,
  writes,
  deletes,
  invocations,
  listenerReads,
});

/** Every row the bill needs, each costing one read and nothing else unless given. */
function rows(overrides: Record<string, ReturnType<typeof row>> = {}) {
  const base = [
    row("create, by a customer (staff notified)", 1),
    row("public comment, by an agent (first reply)", 1),
    row("public comment, by the customer", 1),
    row("internal comment, by an agent", 1),
    row("transition (answered → in progress)", 1),
    row("resolve", 1),
    row("issue page open (web)", 1),
    row("dashboard load (web: stats listener)", 1),
    row("queue open (web: queue listener, 50 rows)", 1),
    row("stats reconciliation of one org (every 6 hours)", 1),
  ];
  return base.map((r) => Object.values(overrides).find((o) => r.action.startsWith(o.action)) ?? r);
}

describe("the projected monthly bill", () => {
  it("multiplies each action by its monthly volume and prices it", () => {
    const bill = monthlyBill(rows({ create: row("create, by a customer", 10, 20, 1, 4) }), {
      agents: 20,
      issues: 10_000,
    });
    const create = bill.lines.find((l) => l.short === "creates")!;
    expect(create).toMatchObject({
      count: 10_000,
      reads: 100_000,
      writes: 200_000,
      deletes: 10_000,
      invocations: 40_000,
    });
    expect(create.usd).toBeCloseTo(
      PRICES.readPer100k + 2 * PRICES.writePer100k + 0.1 * PRICES.deletePer100k + 0.04 * PRICES.invocationsPerMillion,
      10,
    );
    // 2 agent replies, 2 internal comments, 7 page opens per issue; dashboards and queues once a working day per agent.
    expect(bill.lines.find((l) => l.short === "agent replies")!.count).toBe(20_000);
    expect(bill.lines.find((l) => l.short === "internal comments")!.count).toBe(20_000);
    expect(bill.lines.find((l) => l.short === "issue page opens")!.count).toBe(70_000);
    expect(bill.lines.find((l) => l.short === "dashboard opens")!.count).toBe(20 * 22);
  });

  it("charges every listening agent for what each action changes, and names the largest line", () => {
    const bill = monthlyBill(rows({ transition: row("transition", 1, 0, 0, 0, 50) }), { agents: 20, issues: 10_000 });
    const live = bill.lines.find((l) => l.short === "live listener updates")!;
    // 10,000 transitions × 50 reads per listening agent × 20 agents.
    expect(live.reads).toBe(10_000_000);
    expect(live.usd).toBeCloseTo(100 * PRICES.readPer100k, 10);
    expect(bill.dominant.line).toBe("live listener updates");
    expect(bill.total).toBeCloseTo(
      bill.lines.reduce((sum, l) => sum + l.usd, 0),
      10,
    );
    expect(bill.arithmetic.at(-1)).toContain("The largest line is live listener updates");
  });

  it("counts the schedules whatever the users do", () => {
    const bill = monthlyBill(rows({ reconcile: row("stats reconciliation", 300, 2) }), { agents: 20, issues: 0 });
    const scheduled = bill.lines.find((l) => l.short === "scheduled jobs")!;
    // 43,200 SLA sweeps × 2 reads + 8,640 numbering sweeps + 120 reconciliations × (1 + 300) reads.
    expect(scheduled.reads).toBe(43_200 * 2 + 8_640 + 120 * 301);
    expect(scheduled.writes).toBe(240);
    expect(scheduled.invocations).toBe(43_200 + 8_640 + 240);
  });

  it("prices the automations once their rows are measured, and the minute sweep's queries as measured", () => {
    const without = monthlyBill(rows(), { agents: 20, issues: 10_000 });
    expect(without.lines.some((l) => l.short === "SLA timers")).toBe(false);
    const automations = [
      row(AUTOMATION_ROWS.roundRobin, 5, 8, 0, 6),
      row(AUTOMATION_ROWS.slaTimer, 3, 4, 0, 2, 1),
      row(`${AUTOMATION_ROWS.autoClose} 20 issues (automation, hourly)`, 40, 60, 0, 21),
      row(AUTOMATION_ROWS.macro, 6, 7, 0, 5),
      row(AUTOMATION_ROWS.slaSweepIdle, 3, 0, 0, 1),
    ];
    const bill = monthlyBill([...rows({ create: row("create, by a customer", 4, 6, 0, 5) }), ...automations], {
      agents: 20,
      issues: 10_000,
    });
    const line = (short: string) => bill.lines.find((l) => l.short === short)!;
    // Round robin: what it adds to a create (1 read, 2 writes, 1 invocation), on every create.
    expect(line("round robin")).toMatchObject({ count: 10_000, reads: 10_000, writes: 20_000, invocations: 10_000 });
    expect(line("SLA timers")).toMatchObject({
      count: 10_000 * TIMERS_PER_ISSUE,
      reads: 3 * 40_000,
      writes: 4 * 40_000,
    });
    // A run closing 20 shares its cost among them; the idle hourly runs add a query and an invocation each.
    expect(line("auto-close")).toMatchObject({
      reads: 2 * 10_000 + 720,
      writes: 3 * 10_000,
      invocations: 10_500 + 720,
    });
    expect(line("macros")).toMatchObject({ count: 10_000, reads: 60_000 });
    expect(line("scheduled jobs").reads).toBe(43_200 * 3 + 8_640 + 120 * 2);
    // The timers' writes reach every listening agent: 1 read each per firing.
    expect(line("live listener updates").reads).toBe(40_000 * 20);
  });

  it("adds receiving by mail once per customer reply when the mail rows were measured, and nothing without them", () => {
    const mailIn = row("mail in, the channel's own share (inboundEmail + processInboundMail)", 6, 4, 0, 2, 50);
    const withMail = monthlyBill([...rows(), mailIn], { agents: 20, issues: 10_000 });
    const received = withMail.lines.find((l) => l.short === "mail received")!;
    expect(received).toMatchObject({ count: 10_000, reads: 60_000, writes: 40_000, invocations: 20_000 });
    expect(received.usd).toBeCloseTo(
      0.6 * PRICES.readPer100k + 0.4 * PRICES.writePer100k + 0.02 * PRICES.invocationsPerMillion,
      10,
    );
    // Its listener figure is the comment's, already in the customer replies line: not counted twice.
    const without = monthlyBill(rows(), { agents: 20, issues: 10_000 });
    expect(withMail.lines.find((l) => l.short === "live listener updates")!.reads).toBe(
      without.lines.find((l) => l.short === "live listener updates")!.reads,
    );
    expect(without.lines.some((l) => l.short === "mail received")).toBe(false);
    expect(withMail.total - without.total).toBeCloseTo(received.usd, 10);
  });

  it("refuses to project without a row it needs", () => {
    expect(() => monthlyBill(rows().filter((r) => !r.action.startsWith("resolve")))).toThrow(/no cost row for resolve/);
  });
});
