// The demo world `npm start` seeds: two orgs, one account per role, ~50 issues.
import { CATEGORIES, ISSUE_TYPES, PRIORITIES, STATUSES } from "../../functions/lib/domain/index.js";

/** @typedef {import("../../functions/lib/domain/index.js").Source} Source */
/** @typedef {import("../../functions/lib/domain/index.js").ActorKind} ActorKind */

export const DEMO_PASSWORD = "firetrack-demo";

export const ACCOUNTS = /** @type {const} */ ([
  { uid: "demo-admin", email: "admin@acme.test", name: "Ada Admin", org: "acme", role: "admin" },
  { uid: "demo-agent", email: "agent@acme.test", name: "Sam Agent", org: "acme", role: "agent" },
  { uid: "demo-agent-2", email: "agent2@acme.test", name: "Kim Agent", org: "acme", role: "agent" },
  { uid: "demo-reporter", email: "reporter@acme.test", name: "Rui Reporter", org: "acme", role: "reporter" },
  { uid: "demo-viewer", email: "viewer@acme.test", name: "Vera Viewer", org: "acme", role: "viewer" },
  { uid: "demo-customer", email: "customer@client.test", name: "Cora Customer", org: "acme", role: "customer" },
  { uid: "demo-customer-2", email: "buyer@client.test", name: "Bo Buyer", org: "acme", role: "customer" },
  { uid: "demo-globex-admin", email: "admin@globex.test", name: "Gil Globex", org: "globex", role: "admin" },
]);

export const ORGS = /** @type {const} */ ([
  // Gil of Globex has a pending invitation to Acme, as a customer (Globex buys from Acme): GET /me lists it
  // and the web app offers to accept it. Each org keeps its staff roles to its own domain (staffDomains);
  // customers come from anywhere.
  {
    id: "acme",
    name: "Acme Support",
    slug: "acme-support",
    publicIntake: true,
    staffDomains: ["acme.test"],
    invites: [{ email: "admin@globex.test", role: "customer" }],
    // The operator has bound this Linear team to Acme (scripts/linear-team.mjs): its admin may turn the sync on.
    linearTeamId: "demo-linear-team",
  },
  {
    id: "globex",
    name: "Globex Corporation",
    slug: "globex",
    publicIntake: false,
    staffDomains: ["globex.test"],
    invites: [],
    linearTeamId: null,
  },
]);

const TITLES = [
  "Checkout button does nothing on Safari",
  "Invoice PDF shows the wrong VAT rate",
  "Delivery to Rotterdam stuck in customs",
  "Password reset email never arrives",
  "Dashboard loads slowly for large accounts",
  "Add dark mode to the customer portal",
  "CSV export drops the last row",
  "Order #4411 arrived damaged",
  "Support chat widget overlaps the footer",
  "Allow bulk editing of tags",
  "Webhook retries flood our endpoint",
  "Wrong currency on the German storefront",
  "Mobile app crashes when opening settings",
  "Refund for duplicate charge",
  "Shipping label printer misaligned",
  "SSO login loops back to sign-in",
  "Search ignores accented characters",
  "Monthly report email has broken links",
  "Driver did not ring the bell",
  "API returns 500 on empty cart",
  "Translate onboarding into Spanish",
  "Late delivery of spare parts",
  "Two-factor codes rejected after DST change",
  "Billing address cannot be edited",
  "Product images blurry on retina screens",
  "Discount code applied twice at checkout",
  "Pallet scanner drops its Wi-Fi connection",
  "Customer portal times out on upload",
  "Export to accounting misses credit notes",
  "Invoice reminder sent after payment",
  "Courier tracking link returns 404",
  "Add a field for the purchase order number",
  "Stock count differs between warehouse and shop",
  "Email notifications arrive twice",
  "Returns form rejects valid order numbers",
  "Saved carts disappear after login",
  "Add Slack alerts for failed payments",
  "Price list import stops at row 1000",
  "Delivery window shown in the wrong time zone",
  "Gift card balance not updated after refund",
  "Checkout asks for a phone number twice",
  "Packaging too small for the XL model",
  "Add an audit log of price changes",
  "Customer cannot change the delivery address",
  "Reorder button greyed out for old orders",
  "Label printer prints every page twice",
  "VAT number validation rejects Irish numbers",
  "Newsletter sign-up shows an error but works",
  "Replacement part sent in the wrong colour",
  "Allow attachments on portal replies",
];

/** What a reporter writes, by category: enough for a newcomer to see what the issue is about. */
const DESCRIPTIONS = {
  general: "Noticed this today. Not sure who owns it, so raising it here. Happy to give more details.",
  quality: "The item arrived with visible defects. Photos were taken on arrival; the packaging was intact.",
  delivery: "The tracking page has not moved for several days and the customer keeps asking when it will arrive.",
  billing: "The amount on the invoice does not match the order confirmation. The customer has asked for a corrected copy.",
  communication: "The customer says they did not hear back after their last message and would like an update.",
  technical: "Steps: sign in, open the page, repeat the action. Expected it to work; instead it fails every time. Seen on Chrome and Safari.",
  other: "Passing this on from a phone call with the customer. They would like someone to get in touch.",
};

/** A thread a newcomer can follow: what the customer or reporter added, the team's public answer, a note for the team. */
const CUSTOMER_FOLLOW_UPS = [
  "Any news on this? We need it sorted before the end of the week.",
  "Adding a screenshot description: the error appears right after I press the button.",
  "It happened again this morning, around 9:15.",
];
const PUBLIC_REPLIES = [
  "Thanks for reporting this. We can reproduce it and are working on a fix; we will update you here.",
  "Thanks for the details. Could you tell us which browser and version you use?",
  "We have passed this to the warehouse team and expect an answer by tomorrow.",
];
const INTERNAL_NOTES = [
  "Looks related to last week's release; checking the deploy log.",
  "Customer is on the enterprise plan, keep them posted daily.",
  "Asked the carrier for a status; ticket number in the shared inbox.",
];

/**
 * Active issues raised recently, so the queue shows SLA states a newcomer recognises: how
 * long ago each open issue came in, as a share of its first-response target (default
 * policy). Above 0.75 is at risk; above 1 is breached.
 */
const RECENT_OPEN_SHARE = { 14: 0.25, 21: 1.3, 28: 12, 35: 0.1, 42: 0.87, 49: 0.8 };
const FIRST_RESPONSE_MINS = { low: 24 * 60, medium: 8 * 60, high: 2 * 60, urgent: 30, critical: 15 };

/** A small seeded generator, so every `npm start` shows the same demo. */
function generator(seed) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return state / 2 ** 32;
  };
}

export function demoIssues(orgId, count, now = Date.now()) {
  const random = generator(orgId.length * 7919 + count);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const people = ACCOUNTS.filter((account) => account.org === orgId);
  /** @param {string[]} roles */
  const withRole = (roles) => people.filter((p) => roles.includes(p.role));
  const staff = withRole(["admin", "agent", "reporter"]);
  const agents = withRole(["admin", "agent"]);
  const customers = people.filter((p) => p.role === "customer");
  const spanMs = 60 * 24 * 3600 * 1000;

  return Array.from({ length: count }, (_, i) => {
    const status = STATUSES[i % STATUSES.length];
    const priority = PRIORITIES[(i * 3) % PRIORITIES.length];
    const recentShare = status === "open" ? RECENT_OPEN_SHARE[i] : undefined;
    // Spread over the last 60 days, oldest first, so numbers follow creation; a few open ones came in just now.
    const createdAt =
      recentShare === undefined
        ? new Date(now - spanMs + Math.floor(((i + random()) / count) * spanMs * 0.98))
        : new Date(now - Math.round(recentShare * FIRST_RESPONSE_MINS[priority] * 60_000));
    const fromCustomer = customers.length > 0 && i % 3 === 0;
    const reporter = fromCustomer ? pick(customers) : pick(staff);
    const assignee = status === "open" && i % 2 === 0 ? null : pick(agents);
    const finished = status === "resolved" || status === "closed";
    const resolvedAt = finished ? new Date(createdAt.getTime() + (2 + Math.floor(random() * 72)) * 3600 * 1000) : null;
    const category = CATEGORIES[(i * 5) % CATEGORIES.length];
    const helper = assignee ?? agents[i % agents.length];
    const minutes = (n) => new Date(createdAt.getTime() + n * 60_000);
    const thread = [];
    if (fromCustomer && i % 2 === 0) thread.push({ author: reporter, kind: "customer", body: CUSTOMER_FOLLOW_UPS[i % CUSTOMER_FOLLOW_UPS.length], internal: false, at: minutes(20) });
    // The first public member reply is the first response the seed records an hour in.
    if (status !== "open") thread.push({ author: helper, kind: "member", body: PUBLIC_REPLIES[i % PUBLIC_REPLIES.length], internal: false, at: minutes(60) });
    if (i % 3 !== 1) thread.push({ author: helper, kind: "member", body: INTERNAL_NOTES[i % INTERNAL_NOTES.length], internal: true, at: minutes(recentShare === undefined ? 90 : 1) });
    return {
      title: TITLES[i % TITLES.length] + (i >= TITLES.length ? ` (${Math.floor(i / TITLES.length) + 1})` : ""),
      description: DESCRIPTIONS[category],
      type: ISSUE_TYPES[i % ISSUE_TYPES.length],
      priority,
      category,
      thread,
      status,
      tags: i % 4 === 0 ? ["vip"] : i % 5 === 0 ? ["regression", "web"] : [],
      source: /** @type {Source} */ (fromCustomer ? "client" : i % 11 === 5 ? "service" : "internal"),
      reporter: { uid: reporter.uid, name: reporter.name, kind: /** @type {ActorKind} */ (fromCustomer ? "customer" : "member") },
      assignee: assignee ? { uid: assignee.uid, name: assignee.name } : null,
      createdAt,
      resolvedAt,
      resolutionNotes: finished ? "Fixed and confirmed with the reporter." : null,
      closedAt: status === "closed" && resolvedAt ? new Date(resolvedAt.getTime() + 3600 * 1000) : null,
    };
  });
}
