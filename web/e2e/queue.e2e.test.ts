/**
 * The queue: filters and search narrow it and the URL reproduces the view; a bulk
 * change of 20 issues with a result per issue; live changes that do not make the
 * list jump; the keyboard; CSV export of the filtered list.
 */
import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP, launchBrowser, newContext, signInWithPassword } from "./support/browser";
import { AGENT, api, createIssues, idToken, markPage, ORG, unique, wasNotReloaded } from "./support/world";

let browser: Browser;
let page: Page;
let token: string;
const tag = unique("batch-").toLowerCase();
const word = unique("zq").toLowerCase();
let issues: { id: string; number: string; title: string }[] = [];

const rows = () => page.locator("table.issue-table tbody tr");
const rowNumbers = async () =>
  (await page.locator("table.issue-table tbody tr .issue-number").allTextContents()).sort();

beforeAll(async () => {
  browser = await launchBrowser();
  page = (await newContext(browser)).page;
  token = await idToken(AGENT.email);
  // 20 issues with one tag; the fourth also carries a rare word in its title.
  issues = await createIssues(token, 20, (i) => ({
    title: i === 3 ? `Pallet scanner ${word} offline` : `Batch issue ${i + 1} ${tag}`,
    tags: [tag],
    priority: i % 2 === 0 ? "low" : "medium",
    type: "bug",
  }));
});
afterAll(async () => {
  await browser?.close();
});

describe("the queue", () => {
  it("narrows to the tag filter, and the URL says so", async () => {
    await signInWithPassword(page, AGENT.email, "firetrack-demo");
    await page.waitForURL(`${APP}/o/${ORG}/issues`);
    await rows().first().waitFor();
    await page.getByLabel("Tag").fill(tag);
    await page.getByLabel("Tag").press("Enter");
    await page.waitForURL(/tag=/);
    await expect.poll(() => rows().count()).toBe(20);
    expect(new URL(page.url()).searchParams.get("tag")).toBe(tag);
    expect(await rowNumbers()).toEqual(issues.map((i) => i.number).sort());
  });

  it("narrows further with a priority filter", async () => {
    await page.getByLabel("Priority", { exact: true }).selectOption("medium");
    await expect.poll(() => rows().count()).toBe(10);
    expect(new URL(page.url()).searchParams.get("priority")).toBe("medium");
    await page.getByLabel("Priority", { exact: true }).selectOption("");
    await expect.poll(() => rows().count()).toBe(20);
  });

  it("searches by words and by number", async () => {
    await page.locator("h1").click();
    await page.keyboard.press("/");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("issue-search");
    await page.keyboard.type(word);
    await page.keyboard.press("Enter");
    await expect.poll(() => rows().count()).toBe(1);
    expect(await rows().first().textContent()).toContain(word);

    const target = issues[7]!;
    const short = String(Number(target.number.split("-")[2]));
    await page.getByLabel("Search issues").fill(short);
    await page.getByLabel("Search issues").press("Enter");
    await expect.poll(() => rowNumbers()).toEqual([target.number]);
    await page.getByLabel("Search issues").fill(target.number);
    await page.getByLabel("Search issues").press("Enter");
    await expect.poll(() => rowNumbers()).toEqual([target.number]);
  });

  it("reproduces the view from its URL in another browser", async () => {
    const shared = `${APP}/o/${ORG}/issues?priority=medium&tag=${tag}&sort=number`;
    const other = await newContext(browser);
    await other.page.goto(shared);
    // Signed out: the sign-in page, then back to the shared view.
    await other.page.getByRole("heading", { name: "Sign in" }).waitFor();
    await signInWithPassword(other.page, AGENT.email, "firetrack-demo").catch(() => undefined);
    await other.page.waitForURL(/\/o\/acme\/issues/);
    if (!other.page.url().includes("tag=")) await other.page.goto(shared);
    await expect.poll(() => other.page.locator("table.issue-table tbody tr").count()).toBe(10);
    const numbers = await other.page.locator("table.issue-table tbody tr .issue-number").allTextContents();
    expect(numbers).toEqual([...numbers].sort());
    expect(await other.page.getByLabel("Priority", { exact: true }).inputValue()).toBe("medium");
    await other.context.close();
  });

  it("changes 20 issues at once through issues:bulk and shows the result per issue", async () => {
    await page.goto(`${APP}/o/${ORG}/issues?tag=${tag}`);
    await expect.poll(() => rows().count()).toBe(20);
    await page.getByLabel("Select all on this page").check();
    const bar = page.getByRole("region", { name: "Bulk actions" });
    await bar.getByText("20 selected").waitFor();
    await bar.getByLabel("Change").selectOption("priority");
    await bar.getByLabel("New value").selectOption("critical");
    await bar.getByRole("button", { name: "Apply to 20" }).click();
    const dialog = page.getByRole("dialog", { name: "Bulk change" });
    await dialog.getByText("20 updated, 0 failed.").waitFor({ timeout: 60_000 });
    expect(await dialog.locator("tbody tr.ok").count()).toBe(20);
    await dialog.getByRole("button", { name: "Done" }).click();
    await expect
      .poll(() => page.locator("table.issue-table tbody .badge.priority-critical").count(), { timeout: 60_000 })
      .toBe(20);
    for (const issue of issues) {
      const stored = await api<{ priority: string }>(token, "GET", `/orgs/${ORG}/issues/${issue.id}`);
      expect(stored.body.priority).toBe("critical");
    }
  });

  it("reports per issue when only some of a bulk change can apply", async () => {
    const closed = issues[0]!;
    expect((await api(token, "POST", `/orgs/${ORG}/issues/${closed.id}/close`, {})).status).toBe(200);
    await page.locator(`tr[data-issue-id="${closed.id}"] .badge.status-closed`).waitFor();
    await page.getByLabel(`Select ${closed.number}`).check();
    await page.getByLabel(`Select ${issues[1]!.number}`).check();
    const bar = page.getByRole("region", { name: "Bulk actions" });
    await bar.getByLabel("Change").selectOption("status");
    await bar.getByLabel("New value").selectOption("in_progress");
    await bar.getByRole("button", { name: "Apply to 2" }).click();
    const dialog = page.getByRole("dialog", { name: "Bulk change" });
    await dialog.getByText("1 updated, 1 failed.").waitFor({ timeout: 60_000 });
    const failed = await dialog.locator("tbody tr.failed").textContent();
    expect(failed).toContain(closed.number);
    // The row says why, in the words of the problem the API sent for that issue.
    expect(failed).toContain("✗ 409");
    expect(failed).toContain("An issue cannot move from closed to in_progress.");
    await dialog.getByRole("button", { name: "Done" }).click();
  });

  it("updates rows in place and does not jump when an issue changes elsewhere", async () => {
    await page.goto(`${APP}/o/${ORG}/issues?tag=${tag}&sort=-updatedAt`);
    await expect.poll(() => rows().count()).toBe(20);
    await markPage(page);
    const before = await page
      .locator("table.issue-table tbody tr")
      .evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-issue-id")));
    const last = before[before.length - 1]!;
    // The bottom row changes elsewhere: by updatedAt it now belongs at the top.
    expect((await api(token, "PATCH", `/orgs/${ORG}/issues/${last}`, { title: `Renamed live ${tag}` })).status).toBe(
      200,
    );
    await page.locator(`tr[data-issue-id="${last}"]`, { hasText: "Renamed live" }).waitFor({ timeout: 60_000 });
    const after = await page
      .locator("table.issue-table tbody tr")
      .evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-issue-id")));
    expect(after).toEqual(before);
    await page.getByRole("button", { name: "Show latest" }).click();
    await expect
      .poll(() => page.locator("table.issue-table tbody tr").first().getAttribute("data-issue-id"))
      .toBe(last);
    expect(await wasNotReloaded(page)).toBe(true);
  });

  it("works from the keyboard: j/k, Enter, ?, c", async () => {
    await page.locator("h1").click();
    await page.keyboard.press("j");
    await page.keyboard.press("j");
    await page.keyboard.press("k");
    const first = await rows().first().getAttribute("data-issue-id");
    expect(await page.evaluate(() => document.activeElement?.closest("tr")?.getAttribute("data-issue-id"))).toBe(first);
    // The issue opens at its readable address, its number.
    const number = await rows().first().locator(".issue-number").textContent();
    await page.keyboard.press("Enter");
    await page.waitForURL(new RegExp(`/issues/${number}$`));
    await page.goBack();
    await rows().first().waitFor();
    await page.locator("h1").click();
    await page.keyboard.press("?");
    const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await help.waitFor();
    expect(await help.textContent()).toContain("Create an issue");
    await page.keyboard.press("Escape");
    await help.waitFor({ state: "hidden" });
    await page.keyboard.press("c");
    await page.waitForURL(/\/issues\/new$/);
  });

  it("exports the filtered list as CSV", async () => {
    await page.goto(`${APP}/o/${ORG}/issues?tag=${tag}&type=bug`);
    await expect.poll(() => rows().count()).toBe(20);
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Export CSV" }).click();
    const file = await download;
    const csv = readFileSync((await file.path())!, "utf8")
      .trim()
      .split(/\r?\n/);
    expect(csv[0]).toMatch(/^number,title,status,priority/);
    expect(csv).toHaveLength(21);
    expect(csv.slice(1).every((line) => line.includes(tag))).toBe(true);
  });
});
