/**
 * The agent's day (issue 18, docs/automations.md): a macro applied from the issue page
 * and from the bulk bar; delete, the Deleted view, restore and erasure; the assignee on
 * the create form; issue addresses by number; the queue's "changed" state; and the new
 * settings sections. axe runs on each page and state; screenshots at desktop and phone
 * width go to web/test-results/screenshots/ for people to look at.
 */
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeViolations, seriousViolations } from "./support/axe";
import { APP, DESKTOP, fitsWidth, launchBrowser, newContext, PHONE, signInWithPassword } from "./support/browser";
import { ADMIN, AGENT, api, createIssues, idToken, ORG, PASSWORD, unique } from "./support/world";

const DIR = fileURLToPath(new URL("../test-results/screenshots/", import.meta.url));
const tag = unique("dayops-").toLowerCase();
let browser: Browser;
let agent: Page;
let admin: Page;
let agentToken: string;
let adminToken: string;
let issues: { id: string; number: string; title: string }[] = [];
const macroName = unique("Ask for logs ");
const bulkMacroName = unique("Triage high ");

async function expectAccessible(page: Page, what: string) {
  const violations = await seriousViolations(page);
  expect(violations, `${what}:\n${describeViolations(violations)}`).toEqual([]);
}
const rows = (page: Page) => page.locator("table.issue-table tbody tr");

beforeAll(async () => {
  mkdirSync(DIR, { recursive: true });
  browser = await launchBrowser();
  [agentToken, adminToken] = await Promise.all([idToken(AGENT.email), idToken(ADMIN.email)]);
  const made = await Promise.all([
    api(adminToken, "POST", `/orgs/${ORG}/macros`, {
      name: macroName,
      reply: { body: "Could you send us the logs from the time it failed?", internal: false },
      changes: { status: "waiting_for_response", addTags: ["needs-logs"] },
    }),
    api(adminToken, "POST", `/orgs/${ORG}/macros`, {
      name: bulkMacroName,
      changes: { priority: "high", addTags: ["triaged"] },
    }),
  ]);
  for (const answer of made) expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  issues = await createIssues(agentToken, 6, (i) => ({
    title: `Scanner ${i + 1} drops the connection ${tag}`,
    tags: [tag],
    priority: i === 5 ? "low" : "medium",
  }));
  agent = (await newContext(browser)).page;
  admin = (await newContext(browser)).page;
  await signInWithPassword(agent, AGENT.email, PASSWORD);
  await agent.waitForURL(`${APP}/o/${ORG}/issues`);
  await signInWithPassword(admin, ADMIN.email, PASSWORD);
  await admin.waitForURL(`${APP}/o/${ORG}/issues`);
});
afterAll(async () => {
  await browser?.close();
});

describe("macros", () => {
  it("an agent applies one on the issue page, opened by its number: the reply is posted, then the status moves", async () => {
    const target = issues[0]!;
    await agent.goto(`${APP}/o/${ORG}/issues/${target.number}`);
    await agent.getByRole("heading", { name: target.title }).waitFor();
    await expectAccessible(agent, "issue page with the macro picker");
    const picker = agent.getByRole("form", { name: "Apply a macro" });
    await picker.getByLabel("Macro").selectOption({ label: macroName });
    await picker.getByText("replies to the customer, sets status waiting for response, tags needs-logs").waitFor();
    await picker.getByRole("button", { name: "Apply macro" }).click();
    await picker.getByText(`Applied “${macroName}”.`).waitFor();
    await agent.locator(".detail-head .badge.status-waiting_for_response").waitFor();
    await agent.getByText("Could you send us the logs from the time it failed?").first().waitFor();
    await expectAccessible(agent, "issue page after a macro");
    const stored = await api<{ status: string; tags: string[] }>(agentToken, "GET", `/orgs/${ORG}/issues/${target.id}`);
    expect(stored.body).toMatchObject({ status: "waiting_for_response", tags: [tag, "needs-logs"] });
  });

  it("an agent applies one to several issues from the bulk bar", async () => {
    await agent.goto(`${APP}/o/${ORG}/issues?tag=${tag}`);
    await expect.poll(() => rows(agent).count()).toBe(6);
    for (const issue of issues.slice(1, 3)) await agent.getByLabel(`Select ${issue.number}`).check();
    const bar = agent.getByRole("region", { name: "Bulk actions" });
    await bar.getByLabel("Change").selectOption("macro");
    await bar.getByLabel("Macro").selectOption({ label: bulkMacroName });
    await expectAccessible(agent, "bulk bar with a macro");
    await bar.getByRole("button", { name: "Apply to 2" }).click();
    const dialog = agent.getByRole("dialog", { name: "Bulk change" });
    await dialog.getByText("2 updated, 0 failed.").waitFor({ timeout: 60_000 });
    await dialog.getByRole("button", { name: "Done" }).click();
    for (const issue of issues.slice(1, 3)) {
      const stored = await api<{ priority: string; tags: string[] }>(
        agentToken,
        "GET",
        `/orgs/${ORG}/issues/${issue.id}`,
      );
      expect(stored.body).toMatchObject({ priority: "high", tags: [tag, "triaged"] });
    }
  });

  it("bulk sets a category", async () => {
    await agent.getByLabel(`Select ${issues[4]!.number}`).check();
    const bar = agent.getByRole("region", { name: "Bulk actions" });
    await bar.getByLabel("Change").selectOption("category");
    await bar.getByLabel("New value").selectOption("delivery");
    await bar.getByRole("button", { name: "Apply to 1" }).click();
    const dialog = agent.getByRole("dialog", { name: "Bulk change" });
    await dialog.getByText("1 updated, 0 failed.").waitFor({ timeout: 60_000 });
    await dialog.getByRole("button", { name: "Done" }).click();
    expect(
      (await api<{ category: string }>(agentToken, "GET", `/orgs/${ORG}/issues/${issues[4]!.id}`)).body.category,
    ).toBe("delivery");
  });
});

describe("the queue's changed state", () => {
  it("passes axe while a row that left the view is still shown", async () => {
    const low = issues[5]!;
    await agent.goto(`${APP}/o/${ORG}/issues?tag=${tag}&priority=low`);
    await expect.poll(() => rows(agent).count()).toBe(1);
    expect((await api(agentToken, "PATCH", `/orgs/${ORG}/issues/${low.id}`, { priority: "urgent" })).status).toBe(200);
    await agent.locator(`tr.gone[data-issue-id="${low.id}"]`).waitFor({ timeout: 60_000 });
    await agent.getByText("— no longer in this view").waitFor();
    await expectAccessible(agent, "queue with a row that left the view");
    await agent.screenshot({ path: `${DIR}/dayops-queue-changed-desktop.png` });
  });
});

describe("delete, the Deleted view and restore", () => {
  it("an agent deletes from the issue page and is taken back to the queue", async () => {
    const doomed = issues[3]!;
    await agent.goto(`${APP}/o/${ORG}/issues/${doomed.number}`);
    await agent.getByRole("heading", { name: doomed.title }).waitFor();
    await agent.getByRole("button", { name: "Delete", exact: true }).click();
    const dialog = agent.getByRole("dialog", { name: `Delete ${doomed.number}?` });
    await expectAccessible(agent, "delete confirmation");
    await dialog.getByRole("button", { name: `Delete ${doomed.number}` }).click();
    await agent.waitForURL(`${APP}/o/${ORG}/issues`);
    expect((await api(agentToken, "GET", `/orgs/${ORG}/issues/${doomed.id}`)).status).toBe(404);
  });

  it("an agent deletes in bulk", async () => {
    await agent.goto(`${APP}/o/${ORG}/issues?tag=${tag}`);
    await agent.getByLabel(`Select ${issues[4]!.number}`).check();
    const bar = agent.getByRole("region", { name: "Bulk actions" });
    await bar.getByLabel("Change").selectOption("delete");
    await bar.getByRole("button", { name: "Apply to 1" }).click();
    const dialog = agent.getByRole("dialog", { name: "Bulk change" });
    await dialog.getByText("1 updated, 0 failed.").waitFor({ timeout: 60_000 });
    await dialog.getByRole("button", { name: "Done" }).click();
    await expect
      .poll(async () => (await api(agentToken, "GET", `/orgs/${ORG}/issues/${issues[4]!.id}`)).status)
      .toBe(404);
  });

  it("an admin finds them in the Deleted view and restores one from its page and one in bulk", async () => {
    await admin.goto(`${APP}/o/${ORG}/issues?tag=${tag}`);
    await admin.getByRole("navigation", { name: "Views" }).getByRole("link", { name: "Deleted" }).click();
    await admin.waitForURL(/deleted=true/);
    await admin.getByRole("heading", { name: "Deleted issues" }).waitFor();
    await expect.poll(() => rows(admin).count()).toBe(2);
    await expectAccessible(admin, "Deleted view");
    await admin.screenshot({ path: `${DIR}/dayops-deleted-view-desktop.png` });

    await admin.getByLabel(`Select ${issues[4]!.number}`).check();
    const bar = admin.getByRole("region", { name: "Bulk actions" });
    expect(await bar.getByLabel("Change").inputValue()).toBe("restore");
    await bar.getByRole("button", { name: "Apply to 1" }).click();
    const dialog = admin.getByRole("dialog", { name: "Bulk change" });
    await dialog.getByText("1 updated, 0 failed.").waitFor({ timeout: 60_000 });
    await dialog.getByRole("button", { name: "Done" }).click();
    // The queue does not jump: the restored row stays, marked as no longer in this view, until "Show latest".
    await admin.locator(`tr.gone[data-issue-id="${issues[4]!.id}"]`).waitFor({ timeout: 60_000 });
    await admin.getByRole("button", { name: "Show latest" }).click();
    await expect.poll(() => rows(admin).count(), { timeout: 60_000 }).toBe(1);

    const doomed = issues[3]!;
    await admin.locator(`tr[data-issue-id="${doomed.id}"] a`).first().click();
    await admin.getByRole("heading", { name: doomed.title }).waitFor();
    await admin.locator(".detail-head .badge", { hasText: "Deleted" }).waitFor();
    await expectAccessible(admin, "a deleted issue's page");
    await admin.getByRole("button", { name: "Restore" }).click();
    await admin.locator(".detail-head .badge", { hasText: "Deleted" }).waitFor({ state: "detached" });
    for (const issue of [issues[3]!, issues[4]!])
      expect((await api(agentToken, "GET", `/orgs/${ORG}/issues/${issue.id}`)).status).toBe(200);
  });

  it("an admin erases an issue for good only after typing its number", async () => {
    const [gone] = await createIssues(agentToken, 1, () => ({ title: unique("Duplicate of a spam report ") }));
    await admin.goto(`${APP}/o/${ORG}/issues/${gone!.number}`);
    await admin.getByRole("heading", { name: gone!.title }).waitFor();
    await admin.getByRole("button", { name: "Erase permanently" }).click();
    const dialog = admin.getByRole("dialog", { name: `Erase ${gone!.number} for good?` });
    const confirm = dialog.getByRole("button", { name: `Erase ${gone!.number}` });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel("Issue number").fill("ISS-0000-0000");
    expect(await confirm.isDisabled()).toBe(true);
    await expectAccessible(admin, "erase confirmation");
    await dialog.getByLabel("Issue number").fill(gone!.number);
    await confirm.click();
    await admin.waitForURL(`${APP}/o/${ORG}/issues`);
    expect((await api(adminToken, "GET", `/orgs/${ORG}/issues/${gone!.id}`)).status).toBe(404);
  });
});

describe("the create form", () => {
  it("assigns the new issue at once and opens it at its number", async () => {
    const title = unique("Label printer offline at dock 4 ");
    await agent.goto(`${APP}/o/${ORG}/issues/new`);
    await agent.getByRole("heading", { name: "New issue" }).waitFor();
    await agent.getByLabel(/^Title/).fill(title);
    await agent.getByLabel("Assignee").selectOption({ label: ADMIN.name });
    await expectAccessible(agent, "create form with an assignee");
    await agent.getByRole("button", { name: "Create issue" }).click();
    await agent.getByRole("heading", { name: title }).waitFor();
    expect(agent.url()).toMatch(/\/issues\/ISS-\d{4}-\d{4,}$/);
    expect(await agent.getByLabel("Transfer to").inputValue()).toBe(ADMIN.uid);
  });
});

describe.each([
  ["desktop", DESKTOP],
  ["phone", PHONE],
] as const)("screens at %s width", (name, viewport) => {
  let page: Page;
  beforeAll(async () => {
    page = (await newContext(browser, viewport)).page;
    await signInWithPassword(page, ADMIN.email, PASSWORD);
    await page.waitForURL(`${APP}/o/${ORG}/issues`);
  });

  it.each([
    ["macros", "Macros"],
    ["automations", "Automations"],
    ["organisation", "Organisation"],
  ] as const)("settings: %s", async (section, heading) => {
    await page.goto(`${APP}/o/${ORG}/settings/${section}`);
    await page.getByRole("heading", { name: heading, level: 2 }).waitFor();
    if (section === "macros") await page.getByRole("heading", { name: macroName }).waitFor();
    await expectAccessible(page, `settings ${section}`);
    await fitsWidth(page, viewport.width);
    await page.screenshot({ path: `${DIR}/settings-${section}-${name}.png`, fullPage: true });
  });

  it("the issue page with its macro picker and delete controls", async () => {
    await page.goto(`${APP}/o/${ORG}/issues/${issues[1]!.number}`);
    await page.getByRole("form", { name: "Apply a macro" }).waitFor();
    await fitsWidth(page, viewport.width);
    await page.screenshot({ path: `${DIR}/dayops-issue-${name}.png`, fullPage: true });
  });

  it("the dashboard, with issues by service and the latest issues", async () => {
    await page.goto(`${APP}/o/${ORG}/dashboard`);
    const latest = page.getByRole("region", { name: "Latest issues" });
    await latest.getByRole("listitem").first().waitFor();
    expect(await latest.getByRole("listitem").count()).toBe(5);
    // The newest issue of the org leads, at its readable address.
    expect(await latest.getByRole("link").first().getAttribute("href")).toMatch(/\/issues\/ISS-\d{4}-\d{4,}$/);
    await page.getByRole("region", { name: "Issues by service" }).waitFor();
    await expectAccessible(page, "dashboard");
    await fitsWidth(page, viewport.width);
    await page.screenshot({ path: `${DIR}/dayops-dashboard-${name}.png`, fullPage: true });
  });

  it("the Deleted view", async () => {
    await page.goto(`${APP}/o/${ORG}/issues?deleted=true`);
    await page.getByRole("heading", { name: "Deleted issues" }).waitFor();
    await fitsWidth(page, viewport.width);
    await page.screenshot({ path: `${DIR}/dayops-deleted-${name}.png`, fullPage: true });
  });
});
