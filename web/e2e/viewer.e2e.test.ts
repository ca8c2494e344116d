/** A viewer reads everything and changes nothing: no action controls, and the API refuses the calls anyway. */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeViolations, seriousViolations } from "./support/axe";
import { APP, launchBrowser, newContext, signInWithPassword } from "./support/browser";
import { AGENT, api, createIssues, idToken, ORG, unique, VIEWER } from "./support/world";

let browser: Browser;
let page: Page;
let issue: { id: string; number: string; title: string };

beforeAll(async () => {
  browser = await launchBrowser();
  page = (await newContext(browser)).page;
  issue = (
    await createIssues(await idToken(AGENT.email), 1, () => ({
      title: unique("Viewer can read this "),
      priority: "low",
    }))
  )[0]!;
});
afterAll(async () => {
  await browser?.close();
});

describe("a viewer", () => {
  it("sees the queue without selection, bulk actions or a create button", async () => {
    await signInWithPassword(page, VIEWER.email, "firetrack-demo");
    await page.waitForURL(`${APP}/o/${ORG}/issues`);
    await page.locator("table.issue-table tbody tr").first().waitFor();
    expect(await page.locator("table.issue-table input[type=checkbox]").count()).toBe(0);
    expect(await page.getByRole("link", { name: "New issue" }).count()).toBe(0);
    expect(await page.getByRole("region", { name: "Bulk actions" }).count()).toBe(0);
    // `c` would open the create form for a member who may create; a viewer stays put.
    await page.keyboard.press("c");
    await page.waitForTimeout(300);
    expect(page.url()).toBe(`${APP}/o/${ORG}/issues`);
  });

  it("opens an issue and finds no action button: only Watch, which changes nothing of the issue", async () => {
    await page.goto(`${APP}/o/${ORG}/issues/${issue.id}`);
    await page.getByRole("heading", { name: issue.title }).waitFor();
    await page.getByRole("heading", { name: "Activity" }).waitFor();
    const buttons = await page.locator("main button").allTextContents();
    expect(buttons.map((text) => text.trim())).toEqual(["Watch"]);
    expect(await page.locator("main select, main textarea, form.composer").count()).toBe(0);
    expect(await page.getByText("Edit details").count()).toBe(0);
    const violations = await seriousViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
  });

  it("is refused by the API all the same (403), and nothing changes", async () => {
    const token = await idToken(VIEWER.email);
    const base = `/orgs/${ORG}/issues/${issue.id}`;
    const before = await api<{ version: number }>(token, "GET", base);
    const calls: [string, string, unknown][] = [
      ["POST", `/orgs/${ORG}/issues`, { title: "Sneaky" }],
      ["PATCH", base, { title: "Renamed by a viewer" }],
      ["POST", `${base}/transition`, { status: "in_progress" }],
      ["POST", `${base}/resolve`, { notes: "Not mine to resolve" }],
      ["POST", `${base}/close`, {}],
      ["POST", `${base}/assign`, { assigneeUid: AGENT.uid }],
      ["POST", `${base}/comments`, { body: "Hello", internal: false }],
      ["POST", `${base}/comments`, { body: "Psst", internal: true }],
      ["POST", `/orgs/${ORG}/issues:bulk`, { ids: [issue.id], change: { priority: "critical" } }],
    ];
    for (const [method, path, body] of calls) {
      const answer = await api(token, method, path, body);
      expect(answer.status, `${method} ${path}`).toBe(403);
      expect(answer.headers.get("content-type")).toContain("application/problem+json");
    }
    const after = await api<{ title: string; status: string; priority: string; commentCount: number; version: number }>(
      token,
      "GET",
      base,
    );
    expect(after.body).toMatchObject({
      title: issue.title,
      status: "open",
      priority: "low",
      commentCount: 0,
      version: before.body.version,
    });
  });
});
