// A large org for the dashboard and list benchmarks, written in one bulk admin
// write (BulkWriter) with the triggers paused. Each issue is the API's own new
// record (newIssueRecord) with a history laid over it, its derived fields
// computed by the same domain code the trigger runs, and the org's statistics
// summed with the same statsContribution the trigger applies, so the seeded
// org looks exactly like one the triggers had kept.
import { FieldValue, Timestamp } from "firebase-admin/firestore";

const SUBJECTS = [
  "Printer", "Invoice", "Checkout", "Delivery", "Password", "Dashboard", "Export", "Refund", "Shipping", "Login",
  "Search", "Report", "Webhook", "Mobile", "Billing", "Translation", "Upload", "Calendar", "Payment", "Warehouse",
];
const PROBLEMS = [
  "offline after the update", "shows the wrong VAT rate", "fails on Safari", "stuck in customs", "never arrives by email",
  "loads slowly for large accounts", "drops the last row", "arrived damaged", "overlaps the footer", "times out at noon",
  "rejects valid codes", "is missing a field", "sends duplicates", "ignores accented characters", "has broken links",
];
const DAY = 24 * 3600 * 1000;

/** A small deterministic generator, so two runs seed the same org. */
function generator(seed) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return state / 2 ** 32;
  };
}

/** Status shares: 30% open (the queue the list benchmark pages through), the rest spread. */
const STATUS_WEIGHTS = [
  ["open", 0.3], ["answered", 0.08], ["in_progress", 0.15], ["on_hold", 0.04], ["waiting_for_response", 0.08], ["resolved", 0.2], ["closed", 0.15],
];

function weighted(random, pairs) {
  let r = random();
  for (const [value, weight] of pairs) {
    if ((r -= weight) < 0) return value;
  }
  return pairs.at(-1)[0];
}

/**
 * Seeds `count` issues into a new org whose admin and agent are real users
 * (`world` from ctx.newWorld). Returns the org and what the benchmarks need.
 */
export async function seedLargeOrg(ctx, world, count) {
  const fn = ctx.functionsModule;
  const { newIssueRecord } = await fn("store/issues");
  const { factsFromData, patchToFirestore } = await fn("store/issueFacts");
  const { incrementsOf, statsShardRef } = await fn("store/stats");
  const domain = await fn("domain/index");
  const { ISSUE_TYPES, PRIORITIES, CATEGORIES, DEFAULT_SLA_POLICY, deriveServerFields, withPatch, statsContribution, formatIssueNumber } = domain;

  const { orgId } = world;
  const random = generator(count);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const now = Date.now();
  const year = new Date(now).getUTCFullYear();
  const agents = [
    { uid: world.agents[0].uid, name: world.agents[0].name },
    ...Array.from({ length: 20 }, (_, i) => ({ uid: `bench-agent-${i}`, name: `Agent ${i}` })),
  ];
  const customers = Array.from({ length: 200 }, (_, i) => ({ uid: `bench-customer-${i}`, name: `Customer ${i}`, kind: "customer" }));
  // Spread over the last 80 days (inside the 90-day window), oldest first so numbers follow creation.
  const firstCreated = Math.max(Date.UTC(year, 0, 1) + DAY, now - 80 * DAY);
  const span = now - firstCreated - 3600 * 1000;

  const counters = {};
  // Unthrottled: the emulator is the only reader, and the seed is not what is measured.
  const writer = ctx.db.bulkWriter({ throttling: false });
  writer.onWriteError((error) => error.failedAttempts < 5);
  for (let i = 0; i < count; i++) {
    const createdAt = firstCreated + Math.floor(((i + random()) / count) * span);
    const status = weighted(random, STATUS_WEIGHTS);
    const fromCustomer = random() < 0.6;
    const reporter = fromCustomer ? pick(customers) : { ...pick(agents), kind: "member" };
    const assignee = status === "open" && random() < 0.6 ? null : pick(agents);
    const finished = status === "resolved" || status === "closed";
    const answeredAt = status === "open" ? null : createdAt + Math.floor(random() * 8 * 3600 * 1000);
    // A finished issue was answered, and a closed one resolved, first.
    const resolvedAt = finished ? Math.min(now, /** @type {number} */ (answeredAt) + Math.floor(random() * 5 * DAY)) : null;
    const closedAt = status === "closed" ? Math.min(now, /** @type {number} */ (resolvedAt) + 3600 * 1000) : null;
    const updatedAt = Math.min(now, closedAt ?? resolvedAt ?? answeredAt ?? createdAt) + i; // distinct, for stable order
    const ts = (ms) => (ms === null ? null : Timestamp.fromMillis(ms));
    const input = {
      title: `${pick(SUBJECTS)} ${pick(PROBLEMS)}`,
      description: "Seeded by the bench. Steps to reproduce, expected and actual behaviour.",
      type: pick(ISSUE_TYPES),
      priority: pick(PRIORITIES),
      category: pick(CATEGORIES),
      tags: random() < 0.2 ? ["vip"] : [],
      vendor: null,
      order: null,
    };
    const seq = i + 1;
    const record = {
      ...newIssueRecord(orgId, { input, source: fromCustomer ? "client" : "internal", reporter }),
      number: formatIssueNumber(year, seq),
      seq,
      year,
      status,
      assignee,
      watchers: [...new Set([reporter.uid, ...(assignee ? [assignee.uid] : [])])],
      createdAt: ts(createdAt),
      updatedAt: ts(updatedAt),
      lastSeenAt: ts(createdAt),
      firstResponseAt: ts(answeredAt),
      resolvedAt: ts(resolvedAt),
      closedAt: ts(closedAt),
      deleted: random() < 0.01,
      lastActor: reporter,
    };
    const facts = factsFromData(record);
    const patch = deriveServerFields(facts, { now, policy: DEFAULT_SLA_POLICY });
    for (const [key, value] of Object.entries(statsContribution(withPatch(facts, patch)))) counters[key] = (counters[key] ?? 0) + value;
    void writer.create(ctx.db.collection(`orgs/${orgId}/issues`).doc(), { ...record, ...patchToFirestore(patch) });
  }
  void writer.set(ctx.db.doc(`orgs/${orgId}/counters/issues_${year}`), { next: count + 1, transactions: 0, updatedAt: FieldValue.serverTimestamp() });
  void writer.set(statsShardRef(ctx.db, orgId, 0), incrementsOf(counters), { merge: true });
  await writer.close();
  return { orgId, count, agents, counters, queueQuery: { status: "open" } };
}

/** The shared 10,000-issue org (smaller in smoke runs), seeded once per run with the triggers paused. */
export function largeOrg(ctx) {
  return ctx.fixture("large-org", async () => {
    const count = Number(process.env.FIRETRACK_BENCH_LARGE_ORG ?? (ctx.smoke ? 120 : 10_000));
    const world = await ctx.newWorld("large", { agents: 1, customers: 0 });
    const started = performance.now();
    const seeded = await ctx.withTriggersPaused(() => seedLargeOrg(ctx, world, count));
    const seconds = (performance.now() - started) / 1000;
    console.log(`[seed] ${count} issues in ${seconds.toFixed(1)} s`);
    return { ...seeded, world, seedSeconds: seconds };
  });
}
