/**
 * Admin settings and saved replies, in Chromium against the emulators:
 * - an admin creates an API key, a service logs an issue with it, the agent's queue
 *   shows the issue live, and the key's "last used" moves;
 * - invitations sent, listed pending, revoked; a role changed; the last-admin guard's
 *   refusal shown; a member removed; the SLA policy edited in hours and minutes and read back;
 * - a saved reply made by the admin, inserted by an agent with `#`, edited and sent;
 * - a non-admin finds no way in; axe-core finds no serious or critical violation.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeViolations, seriousViolations } from "./support/axe";
import { APP, launchBrowser, newContext, signInWithPassword } from "./support/browser";
import {
  addMembership,
  admin,
  ADMIN,
  AGENT,
  api,
  idToken,
  markPage,
  ORG,
  PASSWORD,
  unique,
  wasNotReloaded,
} from "./support/world";

let browser: Browser;
let adminPage: Page;
let agentPage: Page;
const problems: string[][] = [];
let adminToken: string;
let slaBefore: Record<string, { firstResponseMins: number; resolutionMins: number }>;

const settingsUrl = (section: string) => `${APP}/o/${ORG}/settings/${section}`;

async function expectAccessible(page: Page, what: string) {
  const violations = await seriousViolations(page);
  expect(violations, `${what}:\n${describeViolations(violations)}`).toEqual([]);
}

async function openSection(page: Page, section: string, heading: string) {
  await page.goto(settingsUrl(section));
  await page.getByRole("heading", { name: heading, level: 2 }).waitFor();
}

beforeAll(async () => {
  browser = await launchBrowser();
  const a = await newContext(browser);
  const b = await newContext(browser);
  adminPage = a.page;
  agentPage = b.page;
  problems.push(a.problems, b.problems);
  adminToken = await idToken(ADMIN.email);
  slaBefore = (await api<{ sla: typeof slaBefore }>(adminToken, "GET", `/orgs/${ORG}/settings`)).body.sla;
  await signInWithPassword(adminPage, ADMIN.email, PASSWORD);
  await adminPage.waitForURL(`${APP}/o/${ORG}/issues`);
  await signInWithPassword(agentPage, AGENT.email, PASSWORD);
  await agentPage.waitForURL(`${APP}/o/${ORG}/issues`);
});
afterAll(async () => {
  // Other suites create issues in this org: leave its SLA policy as it was.
  if (slaBefore) await api(adminToken, "PATCH", `/orgs/${ORG}/settings`, { sla: slaBefore });
  await browser?.close();
});

describe("admin settings", () => {
  it("are in the admin's navigation and open on the member list", async () => {
    await adminPage.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Settings" }).click();
    await adminPage.waitForURL(settingsUrl("members"));
    await adminPage.locator("table.members-table tbody tr", { hasText: ADMIN.name }).waitFor();
    await expectAccessible(adminPage, "members");
  });

  it("API key: shown once, a service logs an issue with it, the agent's queue shows it live, and 'last used' moves", async () => {
    await openSection(adminPage, "api-keys", "API keys");
    const name = unique("Probe service ");
    await adminPage.getByLabel("Name", { exact: true }).fill(name);
    await adminPage.getByRole("button", { name: "Create key" }).click();
    const shown = adminPage.getByLabel("The new API key");
    await shown.waitFor();
    const key = await shown.inputValue();
    expect(key).toMatch(/^ftk_[A-Za-z0-9]{16}_[A-Za-z0-9_-]{32,}$/);
    await expectAccessible(adminPage, "api keys, new key shown");
    await adminPage.getByRole("button", { name: "I have stored it" }).click();
    // Gone for good: the page no longer holds the secret anywhere.
    expect(await adminPage.content()).not.toContain(key);
    const row = adminPage.locator("table.keys-table tbody tr", { hasText: name });
    await expect.poll(() => row.locator(".last-used").textContent()).toBe("Never");

    await agentPage.goto(`${APP}/o/${ORG}/issues?source=service&sort=-createdAt`);
    await agentPage.locator("table.issue-table tbody tr").first().waitFor();
    await markPage(agentPage);

    const title = unique("Disk almost full on worker ");
    const logged = await api<{ id: string; number: string; source: string }>(key, "POST", `/orgs/${ORG}/issues`, {
      title,
      priority: "high",
      service: "disk-watch",
    });
    expect(logged.status, JSON.stringify(logged.body)).toBe(201);
    expect(logged.body.source).toBe("service");

    // The queue never jumps: a newcomer is announced until "Show latest" (an empty view may show it at once).
    const newRow = agentPage.locator("table.issue-table tbody tr", { hasText: title });
    const showLatest = agentPage.getByRole("button", { name: "Show latest" });
    await expect
      .poll(async () => (await newRow.count()) + (await showLatest.count()), { timeout: 60_000 })
      .toBeGreaterThan(0);
    if ((await newRow.count()) === 0) await showLatest.click();
    await newRow.waitFor();
    expect(await newRow.textContent()).toContain(logged.body.number);
    expect(await wasNotReloaded(agentPage)).toBe(true);

    await expect.poll(() => row.locator(".last-used").textContent(), { timeout: 60_000 }).toBe("just now");
    expect(await row.locator(".last-used time").getAttribute("datetime")).toMatch(/^\d{4}-/);
  });

  it("API key: revoked, it stops working at once", async () => {
    const made = await api<{ id: string; key: string; name: string }>(adminToken, "POST", `/orgs/${ORG}/api-keys`, {
      name: unique("Short-lived "),
    });
    await openSection(adminPage, "api-keys", "API keys");
    await adminPage.getByRole("button", { name: `Revoke ${made.body.name}` }).click();
    await adminPage.getByRole("dialog").getByRole("button", { name: "Revoke key" }).click();
    await adminPage
      .locator("table.keys-table tbody tr", { hasText: made.body.name })
      .locator(".revoked-badge")
      .waitFor();
    expect((await api(made.body.key, "GET", `/orgs/${ORG}/issues?limit=1`)).status).toBe(401);
  });

  it("invitations: sent and listed pending; another revoked", async () => {
    await openSection(adminPage, "invitations", "Invitations");
    const kept = `${unique("invitee-")}@acme.test`; // Acme takes staff from its own domain (staffDomains)
    const revoked = `${unique("revoked-")}@acme.test`;
    for (const [email, role] of [
      [kept, "reporter"],
      [revoked, "viewer"],
    ] as const) {
      await adminPage.getByLabel("Email address").fill(email);
      await adminPage.locator("form.invite-form select").selectOption(role);
      await adminPage.getByRole("button", { name: "Send invitation" }).click();
      await adminPage.getByText(`Invitation sent to ${email}.`).waitFor();
      await adminPage.locator("tr", { hasText: email }).getByText("Pending").waitFor();
    }
    expect(await adminPage.locator("tr", { hasText: kept }).textContent()).toContain("Reporter");
    await expectAccessible(adminPage, "invitations");

    await adminPage.getByRole("button", { name: `Revoke the invitation to ${revoked}` }).click();
    await adminPage.getByRole("dialog").getByRole("button", { name: "Revoke invitation" }).click();
    await expect.poll(() => adminPage.locator("tr", { hasText: revoked }).count()).toBe(0);

    const listed = await api<{ data: { email: string; role: string; status: string }[] }>(
      adminToken,
      "GET",
      `/orgs/${ORG}/invites`,
    );
    expect(listed.body.data.find((i) => i.email === kept)).toMatchObject({ role: "reporter", status: "pending" });
    expect(listed.body.data.find((i) => i.email === revoked)).toBeUndefined();
  });

  it("members: a role changes; demoting the only admin is refused with the reason; a member is removed", async () => {
    const { db } = admin();
    const uid = unique("e2e-member-");
    const name = unique("Mo Member ");
    await addMembership(ORG, uid, "viewer", name);
    const admins = await db.collection(`orgs/${ORG}/members`).where("role", "==", "admin").get();
    expect(admins.docs.map((d) => d.id)).toEqual([ADMIN.uid]);

    await openSection(adminPage, "members", "Members");
    const role = adminPage.getByLabel(`Role of ${name}`);
    await role.selectOption("agent");
    await expect.poll(async () => (await db.doc(`orgs/${ORG}/members/${uid}`).get()).get("role")).toBe("agent");
    await expect.poll(() => role.inputValue()).toBe("agent");

    await adminPage.locator("tr", { hasText: ADMIN.name }).getByText("Only admin").waitFor();
    await adminPage.getByLabel(`Role of ${ADMIN.name}`).selectOption("viewer");
    await adminPage.getByText(`Could not change the role of ${ADMIN.name}.`).waitFor();
    await adminPage.getByRole("alert").getByText("An organisation must keep at least one admin.").waitFor();
    expect(await adminPage.getByRole("alert").textContent()).toMatch(/Request ID/);
    await expect.poll(() => adminPage.getByLabel(`Role of ${ADMIN.name}`).inputValue()).toBe("admin");
    expect((await db.doc(`orgs/${ORG}/members/${ADMIN.uid}`).get()).get("role")).toBe("admin");
    await expectAccessible(adminPage, "members with a refusal");

    await adminPage.getByRole("button", { name: `Remove ${name}` }).click();
    await adminPage.getByRole("dialog").getByRole("button", { name: "Remove member" }).click();
    await expect.poll(() => adminPage.locator("tr", { hasText: name }).count()).toBe(0);
    expect((await db.doc(`orgs/${ORG}/members/${uid}`).get()).exists).toBe(false);
  });

  it("SLA policy: edited in hours and minutes, refused when out of range, and read back after a reload", async () => {
    await openSection(adminPage, "sla", "SLA policy");
    await expectAccessible(adminPage, "sla");
    const field = (name: string) => adminPage.getByLabel(name, { exact: true });
    await field("Critical first response, minutes").fill("75");
    await adminPage.getByRole("button", { name: "Save SLA policy" }).click();
    await adminPage.getByText("Minutes go up to 59; put the rest in hours.").waitFor();
    expect((await api<{ sla: typeof slaBefore }>(adminToken, "GET", `/orgs/${ORG}/settings`)).body.sla).toEqual(
      slaBefore,
    );

    await field("Critical first response, hours").fill("0");
    await field("Critical first response, minutes").fill("20");
    await field("High resolution, hours").fill("30");
    await field("High resolution, minutes").fill("15");
    await adminPage.getByRole("button", { name: "Save SLA policy" }).click();
    await adminPage.getByText("SLA policy saved.").waitFor();
    const stored = (await api<{ sla: typeof slaBefore }>(adminToken, "GET", `/orgs/${ORG}/settings`)).body.sla;
    expect(stored.critical!.firstResponseMins).toBe(20);
    expect(stored.high!.resolutionMins).toBe(30 * 60 + 15);
    expect(stored.low).toEqual(slaBefore.low);

    await adminPage.reload();
    await adminPage.getByRole("heading", { name: "SLA policy", level: 2 }).waitFor();
    expect(await field("Critical first response, hours").inputValue()).toBe("0");
    expect(await field("Critical first response, minutes").inputValue()).toBe("20");
    expect(await field("High resolution, hours").inputValue()).toBe("30");
    expect(await field("High resolution, minutes").inputValue()).toBe("15");
  });

  it("every other section passes axe-core", async () => {
    for (const [section, heading] of [
      ["intake", "Intake"],
      ["service-accounts", "Service accounts"],
      ["linear", "Linear"],
      ["saved-replies", "Saved replies"],
    ] as const) {
      await openSection(adminPage, section, heading);
      await expectAccessible(adminPage, section);
    }
    await adminPage.goto(settingsUrl("intake"));
    expect(await adminPage.getByLabel("Intake link").inputValue()).toBe(`${APP}/raise/acme-support`);
  });
});

describe("saved replies", () => {
  const title = unique("Refund on its way ");
  const body = "We have issued the refund. It reaches your account within five working days.";

  it("an admin saves one", async () => {
    await openSection(adminPage, "saved-replies", "Saved replies");
    await adminPage.getByLabel("Title", { exact: true }).fill(title);
    await adminPage.getByLabel("Text", { exact: true }).fill(body);
    await adminPage.getByRole("button", { name: "Save reply" }).click();
    await adminPage.locator(".saved-reply", { hasText: title }).waitFor();
    const listed = await api<{ data: { title: string; body: string; internal: boolean }[] }>(
      adminToken,
      "GET",
      `/orgs/${ORG}/saved-replies`,
    );
    expect(listed.body.data.find((r) => r.title === title)).toMatchObject({ body, internal: false });
  });

  it("an agent inserts it with #, edits it and sends it", async () => {
    const token = await idToken(AGENT.email);
    const issue = await api<{ id: string }>(token, "POST", `/orgs/${ORG}/issues`, {
      title: unique("Refund not received "),
      priority: "medium",
    });
    await agentPage.goto(`${APP}/o/${ORG}/issues/${issue.body.id}`);
    const box = agentPage.locator("form.composer").getByRole("textbox");
    await box.click();
    await agentPage.keyboard.type("Hello Cora,");
    await agentPage.keyboard.press("Enter");
    await agentPage.keyboard.type("#");
    const search = agentPage.getByRole("combobox", { name: "Search saved replies" });
    await search.waitFor();
    await expect.poll(() => agentPage.evaluate(() => document.activeElement?.getAttribute("role"))).toBe("combobox");
    await agentPage.keyboard.type(title.split(" ").pop()!);
    // The page's own selects have options too: count the picker's.
    const options = agentPage.getByRole("listbox", { name: "Saved replies" }).getByRole("option");
    await expect.poll(() => options.count()).toBe(1);
    await expectAccessible(agentPage, "saved reply picker");
    await agentPage.keyboard.press("Enter");
    await search.waitFor({ state: "detached" });
    expect(await box.inputValue()).toBe(`Hello Cora,\n${body}`);
    // The caret sits after the inserted text: the agent goes on typing.
    await agentPage.keyboard.type(" Sorry for the wait.");
    await agentPage.getByRole("button", { name: "Send public reply" }).click();
    const sent = `Hello Cora,\n${body} Sorry for the wait.`;
    await agentPage.locator(".comment.public", { hasText: "Sorry for the wait." }).waitFor();
    const comments = await api<{ data: { body: string; internal: boolean }[] }>(
      token,
      "GET",
      `/orgs/${ORG}/issues/${issue.body.id}/comments`,
    );
    expect(comments.body.data.map((c) => [c.body, c.internal])).toEqual([[sent, false]]);
  });
});

describe("a non-admin", () => {
  it("has no Settings entry, finds 'admins only' at the address, and the API refuses", async () => {
    await agentPage.goto(`${APP}/o/${ORG}/issues`);
    await agentPage.locator("table.issue-table tbody tr").first().waitFor();
    expect(
      await agentPage
        .getByRole("navigation", { name: "Sections" })
        .getByRole("link", { name: "Settings", exact: true })
        .count(),
    ).toBe(0);
    expect(
      await agentPage
        .getByRole("navigation", { name: "Sections" })
        .getByRole("link", { name: "Dashboard", exact: true })
        .count(),
    ).toBe(1);
    for (const section of ["members", "api-keys"]) {
      await agentPage.goto(settingsUrl(section));
      await agentPage.getByText("Settings are for admins only.").waitFor();
      expect(await agentPage.locator("main select, main input, main textarea, main table").count()).toBe(0);
    }
    await expectAccessible(agentPage, "admins only");
    const token = await idToken(AGENT.email);
    for (const path of ["/settings", "/members", "/invites", "/api-keys"]) {
      expect((await api(token, "GET", `/orgs/${ORG}${path}`)).status, path).toBe(403);
    }
  });

  it("left no page error or CSP violation behind", () => {
    expect(problems.flat()).toEqual([]);
  });
});
