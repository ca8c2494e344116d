// The projected monthly bill from the cost table's rows: pure arithmetic, so
// its sums are unit-tested (functions/test/unit/benchBill.test.mts).

/** Firestore us-central1 (per 100,000 operations) and Cloud Functions invocations (per million), USD. */
export const PRICES = { readPer100k: 0.03, writePer100k: 0.09, deletePer100k: 0.01, invocationsPerMillion: 0.4 };

/** Action names of the cost table's automation rows (bench/benchmarks/costs.mjs), which `automationLines` prices. */
export const AUTOMATION_ROWS = {
  roundRobin: "create, by a customer, assigned by round robin (automation)",
  assignByHand: "assign, by hand (agent)",
  macro: "macro applied: public reply, waiting for the customer, a tag (automation)",
  macroByHand: "the same by hand: reply, transition, tag (3 requests)",
  autoClose: "auto-close sweep run closing", // … N issues (automation, hourly)
  closeByHand: "close, by hand (one resolved issue)",
  slaTimer: "SLA timer firing: at-risk warning marked (automation)",
  slaSweepIdle: "SLA minute sweep run, nothing due",
};

/** SLA timer tasks per issue: the at-risk warning and the due time of each of the two clocks. */
export const TIMERS_PER_ISSUE = 4;

export const money = (usd) => `$${usd < 0.01 && usd > 0 ? usd.toFixed(4) : usd.toFixed(2)}`;
const int = (n) => Math.round(n).toLocaleString("en-US");

/**
 * The projected bill. Volumes per month (the issue's assumptions, and ours where it leaves one open):
 * 10,000 issues raised by customers; 5 comments each (3 public: the agent's first reply, a customer
 * reply, another agent reply; 2 internal); one transition and one resolve each; the issue page opened
 * before each of those 7 actions; 20 agents who each open the dashboard and the queue once a working
 * day (22 a month) and keep them open 8 hours, every action happening while they are open.
 */
export function monthlyBill(rows, { agents = 20, issues = 10_000, workingDays = 22 } = {}) {
  const row = (prefix) => {
    const found = rows.find((r) => r.action.startsWith(prefix));
    if (!found) throw new Error(`no cost row for ${prefix}`);
    return found;
  };
  const volumes = [
    ["create, by a customer", issues, "creates"],
    ["public comment, by an agent", issues * 2, "agent replies"],
    ["public comment, by the customer", issues, "customer replies"],
    ["internal comment", issues * 2, "internal comments"],
    ["transition", issues, "transitions"],
    ["resolve", issues, "resolves"],
    ["issue page open", issues * 7, "issue page opens"],
    ["dashboard load (web", agents * workingDays, "dashboard opens"],
    ["queue open (web", agents * workingDays, "queue opens"],
  ];
  // The email channel, when measured: the customer's reply arrives by mail, so receiving it is paid on top
  // of the comment (whose own effects are the "customer replies" line). Mail out is inside every line,
  // since sendMail runs in each action's chain.
  const mailIn = rows.find((r) => r.action.startsWith("mail in, the channel's own share"));
  if (mailIn) volumes.push(["mail in, the channel's own share", issues, "mail received"]);
  const lines = volumes.map(([prefix, count, short]) => {
    const r = row(prefix);
    return { line: r.action, short, count, reads: r.reads * count, writes: r.writes * count, deletes: r.deletes * count, invocations: r.invocations * count, perUnit: r };
  });
  // The schedules run whatever the users do. Idle sweeps cost their queries (a query bills at least one
  // read): the SLA sweep its queries every minute (as measured; two, one per clock, without the row),
  // the numbering sweeper one every 5 minutes;
  // the reconciliation pages the orgs (one query) and runs one task per org every 6 hours.
  const reconcile = row("stats reconciliation");
  const find = (prefix) => rows.find((r) => r.action.startsWith(prefix));
  // The minute sweep's queries as measured (three since the at-risk warnings), two where the row is absent.
  const slaSweepReads = find(AUTOMATION_ROWS.slaSweepIdle)?.reads ?? 2;
  const sweeps = { sla: 30 * 24 * 60, numbering: (30 * 24 * 60) / 5, reconcile: 30 * 4 };
  lines.push({
    line: "scheduled jobs (SLA sweep every minute, numbering sweeper every 5 minutes, reconciliation every 6 hours)",
    short: "scheduled jobs",
    count: sweeps.sla + sweeps.numbering + sweeps.reconcile,
    reads: sweeps.sla * slaSweepReads + sweeps.numbering + sweeps.reconcile * (1 + reconcile.reads),
    writes: sweeps.reconcile * reconcile.writes,
    deletes: sweeps.reconcile * reconcile.deletes,
    invocations: sweeps.sla + sweeps.numbering + sweeps.reconcile * 2,
    schedule: { ...sweeps, slaSweepReads, reconcileReads: reconcile.reads, reconcileWrites: reconcile.writes },
  });
  lines.push(...automationLines(find, issues));
  // Every agent's open dashboard and queue re-read what each action changes.
  const listenerReads = volumes
    .filter(([prefix]) => !prefix.startsWith("dashboard") && !prefix.startsWith("queue") && !prefix.startsWith("issue page") && !prefix.startsWith("mail in"))
    .reduce((sum, [prefix, count]) => sum + row(prefix).listenerReads * count, 0);
  lines.push({ line: `open dashboards and queues re-reading changes (${agents} agents)`, short: "live listener updates", count: agents, reads: listenerReads * agents, writes: 0, deletes: 0, invocations: 0 });
  // Automations change issues the agents have in view too.
  const automationListenerReads = lines.filter((l) => l.listenerReadsPerAgent).reduce((sum, l) => sum + l.listenerReadsPerAgent, 0);
  lines.at(-1).reads += automationListenerReads * agents;
  const cost = (l) =>
    (l.reads / 100_000) * PRICES.readPer100k + (l.writes / 100_000) * PRICES.writePer100k + (l.deletes / 100_000) * PRICES.deletePer100k + (l.invocations / 1_000_000) * PRICES.invocationsPerMillion;
  for (const l of lines) l.usd = cost(l);
  const sum = (field) => lines.reduce((s, l) => s + l[field], 0);
  const totals = { reads: sum("reads"), writes: sum("writes"), deletes: sum("deletes"), invocations: sum("invocations") };
  const total = sum("usd");
  const dominant = [...lines].sort((a, b) => b.usd - a.usd)[0];
  const arithmetic = [
    `Prices: Firestore us-central1 $${PRICES.readPer100k} per 100,000 reads, $${PRICES.writePer100k} per 100,000 writes, $${PRICES.deletePer100k} per 100,000 deletes; Cloud Functions $${PRICES.invocationsPerMillion} per million invocations (compute time and the free tiers left out).`,
    `Volumes: ${issues.toLocaleString("en-US")} customer issues; per issue 2 agent replies, 1 customer reply, 2 internal comments, 1 transition, 1 resolve, and 7 issue page opens (one before each of those actions); ${agents} agents each open the dashboard and the queue once per working day (${workingDays} a month) and keep them open while all of this happens, so each agent's listeners re-read what every action changes (the per-action figure in the last column of the cost table, × ${agents}).`,
    ...lines.map((l) =>
      l.schedule
        ? `${l.short}: SLA sweep ${int(l.schedule.sla)} runs × ${l.schedule.slaSweepReads} reads + numbering sweeper ${int(l.schedule.numbering)} runs × 1 read + reconciliation ${int(l.schedule.reconcile)} runs × (1 + ${l.schedule.reconcileReads} reads, ${l.schedule.reconcileWrites} writes, a schedule and a task invocation) = ${int(l.reads)} reads, ${int(l.writes)} writes, ${int(l.invocations)} invocations = ${money(l.usd)} (idle sweeps: a floor; aggregation reads grow by one per 1,000 issues a query counts)`
        : l.perUnit
        ? `${l.short}: ${int(l.count)} × (${l.perUnit.reads} reads, ${l.perUnit.writes} writes, ${l.perUnit.deletes} deletes, ${l.perUnit.invocations} invocations) = ${int(l.reads)} reads × $${PRICES.readPer100k}/100k + ${int(l.writes)} writes × $${PRICES.writePer100k}/100k + ${int(l.deletes)} deletes × $${PRICES.deletePer100k}/100k + ${int(l.invocations)} invocations × $${PRICES.invocationsPerMillion}/M = ${money(l.usd)}`
        : `${l.short}: ${int(l.reads / agents)} reads per agent × ${agents} agents = ${int(l.reads)} reads × $${PRICES.readPer100k}/100k = ${money(l.usd)}`,
    ),
    `Total: ${int(totals.reads)} reads, ${int(totals.writes)} writes, ${int(totals.deletes)} deletes, ${int(totals.invocations)} invocations = ${money(total)} a month. The largest line is ${dominant.short} (${money(dominant.usd)}, ${Math.round((dominant.usd / total) * 100)}%).`,
  ];
  return { lines: lines.map(({ perUnit, schedule, listenerReadsPerAgent, ...rest }) => rest), totals, total, dominant: { line: dominant.short, usd: dominant.usd }, arithmetic };
}

/**
 * The automations' lines, when the cost table has their rows: round robin on every create (what it adds to a
 * create), TIMERS_PER_ISSUE SLA timer firings per issue (each priced as one that marks: an upper bound, since a
 * task whose moment moved marks nothing), every resolved issue closed by the auto-close sweep (its run's cost
 * shared among the issues it closed) plus its hourly run when nothing is due (one query), and one macro per issue.
 */
export function automationLines(find, issues) {
  const rr = find(AUTOMATION_ROWS.roundRobin);
  const create = find("create, by a customer");
  const timer = find(AUTOMATION_ROWS.slaTimer);
  const close = find(AUTOMATION_ROWS.autoClose);
  const macro = find(AUTOMATION_ROWS.macro);
  if (!rr || !create || !timer || !close || !macro) return [];
  const closedPerRun = Number(/closing (\d+)/.exec(close.action)?.[1] ?? 1);
  const round = (n) => Number(n.toFixed(2));
  const per = (r, share = 1) => ({ reads: round(r.reads * share), writes: round(r.writes * share), deletes: round(r.deletes * share), invocations: round(r.invocations * share), listenerReads: round(r.listenerReads * share) });
  const over = (a, b) => Object.fromEntries(Object.entries(per(a)).map(([k, v]) => [k, Math.max(0, v - per(b)[k])]));
  const hourly = 30 * 24;
  const line = (label, short, count, unit, extra = { reads: 0, invocations: 0 }) => ({
    line: label,
    short,
    count,
    reads: unit.reads * count + extra.reads,
    writes: unit.writes * count,
    deletes: unit.deletes * count,
    invocations: unit.invocations * count + extra.invocations,
    listenerReadsPerAgent: unit.listenerReads * count,
    perUnit: { ...unit, action: label },
  });
  return [
    line("round-robin assignment on every create (over a plain create)", "round robin", issues, over(rr, create)),
    line(`SLA timer firings (${TIMERS_PER_ISSUE} per issue, each priced as one that marks)`, "SLA timers", issues * TIMERS_PER_ISSUE, per(timer)),
    line("auto-close of every resolved issue (hourly sweep; its idle runs: one query each)", "auto-close", issues, per(close, 1 / closedPerRun), { reads: hourly, invocations: hourly }),
    line("one macro applied per issue", "macros", issues, per(macro)),
  ];
}
