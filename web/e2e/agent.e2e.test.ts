/**
 * The agent's day: sign in, create, find it in the queue with its number, reply
 * publicly and internally, resolve with public notes, reopen; a second browser
 * sees the status move live; an edit over a newer version gets the conflict dialog.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeViolations, seriousViolations } from "./support/axe";
import { APP, launchBrowser, newContext, signInWithPassword } from "./support/browser";
import { ADMIN, AGENT, api, idToken, markPage, ORG, unique, wasNotReloaded } from "./support/world";

let browser: Browser;
let agent: Page;
let watcher: Page;
const problems: string[][] = [];
const title = unique("Label printer jams on thick stock ");
let issueUrl = "";
let issueNumber = "";
const requested: string[] = [];

async function expectAccessible(page: Page, what: string) {
  const violations = await seriousViolations(page);
  expect(violations, `${what}:\n${describeViolations(violations)}`).toEqual([]);
}

beforeAll(async () => {
  browser = await launchBrowser();
  const a = await newContext(browser);
  const b = await newContext(browser);
  agent = a.page;
  watcher = b.page;
  agent.on("request", (request) => requested.push(request.url()));
  problems.push(a.problems, b.problems);
});
afterAll(async () => {
  await browser?.close();
});

describe("an agent", () => {
  it("signs in with email and password and lands on the queue", async () => {
    await agent.goto(`${APP}/`);
    await agent.getByRole("heading", { name: "Sign in" }).waitFor();
    await expectAccessible(agent, "sign-in page");
    await signInWithPassword(agent, AGENT.email, "firetrack-demo");
    await agent.waitForURL(`${APP}/o/${ORG}/issues`);
    await agent.locator("table.issue-table tbody tr").first().waitFor();
    await expectAccessible(agent, "issue list");
    // The chart library comes with the dashboard, not with the queue.
    expect(requested.filter((url) => /DashboardPage|chart/i.test(url))).toEqual([]);
  });

  it("creates an issue; the form shows the schema's errors on the fields first", async () => {
    await agent.getByRole("link", { name: "New issue" }).first().click();
    await agent.getByRole("heading", { name: "New issue" }).waitFor();
    await expectAccessible(agent, "create form");
    await agent.getByRole("button", { name: "Create issue" }).click();
    await expect.poll(() => agent.locator("#error-title").textContent()).toBe("Required.");
    expect(await agent.getByLabel(/^Title/).getAttribute("aria-invalid")).toBe("true");
    await agent.getByLabel("Vendor id").fill("v-17");
    await agent.getByRole("button", { name: "Create issue" }).click();
    await expect.poll(() => agent.locator("#error-vendorName").count()).toBe(1);

    await agent.getByLabel(/^Title/).fill(title);
    await agent.getByLabel("Vendor name").fill("Labelco");
    await agent.getByLabel("Description").fill("Thick labels jam after the first sheet.");
    await agent.getByLabel("Priority").selectOption("high");
    await agent.getByLabel("Tags").fill("printer, warehouse");
    await agent.getByRole("button", { name: "Create issue" }).click();
    await agent.getByRole("heading", { name: title }).waitFor();
    issueUrl = agent.url();
    issueNumber = (await agent.locator(".issue-number.big").textContent()) ?? "";
    expect(issueNumber).toMatch(/^ISS-\d{4}-\d{4,}$/);
  });

  it("sees it in the list with its number", async () => {
    await agent.getByRole("link", { name: "Issues", exact: true }).first().click();
    const row = agent.locator("table.issue-table tbody tr", { hasText: title });
    await row.waitFor();
    expect(await row.locator(".issue-number").textContent()).toBe(issueNumber);
  });

  it("opens it, and a second browser watches it", async () => {
    await agent.locator("table.issue-table a", { hasText: title }).click();
    await agent.getByRole("heading", { name: title }).waitFor();
    await expectAccessible(agent, "issue page");

    await signInWithPassword(watcher, ADMIN.email, "firetrack-demo");
    await watcher.waitForURL(`${APP}/o/${ORG}/issues`);
    await watcher.goto(issueUrl);
    await watcher.getByRole("heading", { name: title }).waitFor();
    await markPage(watcher);
  });

  it("replies publicly and notes internally, and the two look different", async () => {
    const composer = agent.locator("form.composer");
    expect(await composer.getAttribute("class")).toContain("public");
    await composer.getByRole("textbox").fill("Thanks — we are looking into it.");
    await agent.getByRole("button", { name: "Send public reply" }).click();
    await agent.locator(".comment.public", { hasText: "we are looking into it" }).waitFor();

    await agent.getByText("Internal note", { exact: true }).click();
    expect(await composer.getAttribute("class")).toContain("internal");
    await expect.poll(() => agent.locator(".composer-hint").textContent()).toContain("only your team");
    await composer.getByRole("textbox").fill("Feeder spring is worn; parts ordered.");
    await agent.getByRole("button", { name: "Add internal note" }).click();
    const note = agent.locator(".comment.internal", { hasText: "Feeder spring" });
    await note.waitFor();
    expect(await note.locator(".internal-badge").textContent()).toContain("Internal");
    expect(await agent.locator(".comment.public", { hasText: "Feeder spring" }).count()).toBe(0);
    // The other browser gets the thread live too, internal styling included.
    await watcher.locator(".comment.internal", { hasText: "Feeder spring" }).waitFor();
  });

  it("resolves with public notes, which the dialog requires", async () => {
    await agent.getByRole("button", { name: "Resolve…" }).click();
    const dialog = agent.getByRole("dialog", { name: /Resolve/ });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain("These notes are public");
    await expectAccessible(agent, "resolve dialog");
    await dialog.getByRole("button", { name: "Resolve with these public notes" }).click();
    await dialog.getByText("they are required").waitFor();
    await dialog.getByLabel(/Resolution notes/).fill("Replaced the feeder spring; tested with 300 sheets.");
    await dialog.getByRole("button", { name: "Resolve with these public notes" }).click();
    await agent.locator(".detail-head .badge.status-resolved").waitFor();
    await agent.getByRole("heading", { name: "Resolution (public)" }).waitFor();
  });

  it("the second browser sees the status change live, without a reload", async () => {
    await watcher.locator(".detail-head .badge.status-resolved").waitFor({ timeout: 60_000 });
    expect(await wasNotReloaded(watcher)).toBe(true);
  });

  it("reopens, and the second browser follows", async () => {
    await agent.getByRole("button", { name: "Reopen" }).click();
    await agent.locator(".detail-head .badge.status-open").waitFor();
    await watcher.locator(".detail-head .badge.status-open").waitFor({ timeout: 60_000 });
    expect(await wasNotReloaded(watcher)).toBe(true);
    await agent.getByRole("listitem").filter({ hasText: "reopened the issue" }).first().waitFor();
  });

  it("gets the conflict dialog when the issue moved on during an edit, and may apply the edit on top", async () => {
    await agent.getByRole("button", { name: "Edit details" }).click();
    await agent.getByLabel("Category").selectOption("delivery");
    // Meanwhile someone else changes the priority through the API.
    // The address names the issue by number; commands take its id, which GET by number gives.
    const token = await idToken(ADMIN.email);
    const issueId = (await api<{ id: string }>(token, "GET", `/orgs/${ORG}/issues/${issueUrl.split("/").pop()!}`)).body
      .id;
    const changed = await api(token, "PATCH", `/orgs/${ORG}/issues/${issueId}`, { priority: "urgent" });
    expect(changed.status).toBe(200);
    await agent.locator(".detail-head .badge.priority-urgent").waitFor();
    await agent.getByRole("button", { name: "Save details" }).click();
    const dialog = agent.getByRole("dialog", { name: "This issue changed while you were editing" });
    await dialog.waitFor();
    expect(await dialog.textContent()).toMatch(/Priority: ?High → ?Urgent/);
    expect(await dialog.textContent()).toMatch(/Category: ?Delivery/);
    await expectAccessible(agent, "conflict dialog");
    await dialog.getByRole("button", { name: "Apply my edit to the latest" }).click();
    await dialog.waitFor({ state: "hidden" });
    await expect.poll(() => agent.locator(".facts").first().textContent()).toContain("Delivery");
    expect(await agent.locator(".detail-head .badge.priority-urgent").count()).toBe(1);
  });

  it("reaches the dashboard, whose charts load on that route only", async () => {
    await agent.getByRole("link", { name: "Dashboard", exact: true }).click();
    await agent.locator(".stat-title", { hasText: "Open issues" }).waitFor();
    await agent.locator("figure.chart canvas").first().waitFor();
    expect(requested.some((url) => /DashboardPage-.*\.js$/.test(url))).toBe(true);
    await expectAccessible(agent, "dashboard");
  });

  it("met no Content-Security-Policy violation and no page error on the way", () => {
    expect(problems.flat()).toEqual([]);
  });
});
