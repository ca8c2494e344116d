// The demo world `npm start` seeds: two orgs, one account per role, ~50 issues.
import { CATEGORIES, ISSUE_TYPES, PRIORITIES, STATUSES } from "../../functions/lib/domain/index.js";

export const DEMO_PASSWORD = "firetrack-demo";

export const ACCOUNTS = [
  { uid: "demo-admin", email: "admin@acme.test", name: "Ada Admin", org: "acme", role: "admin" },
  { uid: "demo-agent", email: "agent@acme.test", name: "Sam Agent", org: "acme", role: "agent" },
  { uid: "demo-agent-2", email: "agent2@acme.test", name: "Kim Agent", org: "acme", role: "agent" },
  { uid: "demo-reporter", email: "reporter@acme.test", name: "Rui Reporter", org: "acme", role: "reporter" },
  { uid: "demo-viewer", email: "viewer@acme.test", name: "Vera Viewer", org: "acme", role: "viewer" },
  { uid: "demo-customer", email: "customer@client.test", name: "Cora Customer", org: "acme", role: "customer" },
  { uid: "demo-customer-2", email: "buyer@client.test", name: "Bo Buyer", org: "acme", role: "customer" },
  { uid: "demo-globex-admin", email: "admin@globex.test", name: "Gil Globex", org: "globex", role: "admin" },
];

export const ORGS = [
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
  },
  { id: "globex", name: "Globex Corporation", slug: "globex", publicIntake: false, staffDomains: ["globex.test"], invites: [] },
];

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
];

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
  const staff = people.filter((p) => ["admin", "agent", "reporter"].includes(p.role));
  const agents = people.filter((p) => ["admin", "agent"].includes(p.role));
  const customers = people.filter((p) => p.role === "customer");
  const spanMs = 60 * 24 * 3600 * 1000;

  return Array.from({ length: count }, (_, i) => {
    // Spread over the last 60 days, oldest first, so numbers follow creation.
    const createdAt = new Date(now - spanMs + Math.floor(((i + random()) / count) * spanMs * 0.98));
    const status = STATUSES[i % STATUSES.length];
    const fromCustomer = customers.length > 0 && i % 3 === 0;
    const reporter = fromCustomer ? pick(customers) : pick(staff);
    const assignee = status === "open" && i % 2 === 0 ? null : pick(agents);
    const finished = status === "resolved" || status === "closed";
    const resolvedAt = finished ? new Date(createdAt.getTime() + (2 + Math.floor(random() * 72)) * 3600 * 1000) : null;
    return {
      title: TITLES[i % TITLES.length] + (i >= TITLES.length ? ` (${Math.floor(i / TITLES.length) + 1})` : ""),
      description: "Reported through the demo seed. Steps to reproduce, expected and actual behaviour go here.",
      type: ISSUE_TYPES[i % ISSUE_TYPES.length],
      priority: PRIORITIES[(i * 3) % PRIORITIES.length],
      category: CATEGORIES[(i * 5) % CATEGORIES.length],
      status,
      tags: i % 4 === 0 ? ["vip"] : i % 5 === 0 ? ["regression", "web"] : [],
      source: fromCustomer ? "client" : i % 11 === 5 ? "service" : "internal",
      reporter: { uid: reporter.uid, name: reporter.name, kind: fromCustomer ? "customer" : "member" },
      assignee: assignee ? { uid: assignee.uid, name: assignee.name } : null,
      createdAt,
      resolvedAt,
      resolutionNotes: finished ? "Fixed and confirmed with the reporter." : null,
      closedAt: status === "closed" ? new Date(resolvedAt.getTime() + 3600 * 1000) : null,
    };
  });
}
