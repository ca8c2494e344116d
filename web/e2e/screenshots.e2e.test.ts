/**
 * The dashboard, list, issue page and create form at desktop (1440) and phone
 * (375) widths, saved to web/test-results/screenshots/ (git-ignored) for people to
 * look at. Each page must fit the width: nothing may scroll sideways.
 */
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, it } from "vitest";
import { APP, DESKTOP, fitsWidth, launchBrowser, newContext, PHONE, signInWithPassword } from "./support/browser";
import { AGENT, api, idToken, ORG } from "./support/world";

const DIR = fileURLToPath(new URL("../test-results/screenshots/", import.meta.url));
let browser: Browser;
let issueId: string;

beforeAll(async () => {
  mkdirSync(DIR, { recursive: true });
  browser = await launchBrowser();
  const token = await idToken(AGENT.email);
  // An issue with a conversation worth looking at: a public reply, an internal note and a solution.
  const created = await api<{ id: string }>(token, "POST", `/orgs/${ORG}/issues`, {
    title: "Invoice PDF shows the wrong VAT rate for Belgium",
    description:
      "Customers in Belgium get 19% instead of 21% on the PDF; the web checkout is right.\n\nSteps: order to a BE address, open the invoice.",
    priority: "urgent",
    category: "billing",
    type: "bug",
    tags: ["invoices", "vat"],
    vendor: { id: "v-114", name: "Ledgerly" },
    order: { id: "o-88012", ref: "SO-88012" },
  });
  issueId = created.body.id;
  const base = `/orgs/${ORG}/issues/${issueId}`;
  await api(token, "POST", `${base}/comments`, { body: "Thanks for the report — we can reproduce it and are on it." });
  await api(token, "POST", `${base}/comments`, {
    body: "The PDF template reads the rate table from the old tax service.",
    internal: true,
  });
  await api(token, "POST", `${base}/assign`, { assigneeUid: AGENT.uid });
  await api(token, "POST", `${base}/comments`, {
    body: "Fixed in the template; re-issued invoices carry 21%.",
    solution: true,
  });
});
afterAll(async () => {
  await browser?.close();
});

describe.each([
  ["desktop", DESKTOP],
  ["phone", PHONE],
] as const)("screenshots at %s width", (name, viewport) => {
  let page: Page;
  beforeAll(async () => {
    page = (await newContext(browser, viewport)).page;
    await signInWithPassword(page, AGENT.email, "firetrack-demo");
    await page.waitForURL(`${APP}/o/${ORG}/issues`);
  });

  it("list", async () => {
    await page.locator("table.issue-table tbody tr").first().waitFor();
    await fitsWidth(page, viewport.width);
    await page.screenshot({ path: `${DIR}/list-${name}.png` });
  });

  it("issue page", async () => {
    await page.goto(`${APP}/o/${ORG}/issues/${issueId}`);
    await page.locator(".comment.solution").waitFor();
    await page.locator(".timeline li").nth(2).waitFor();
    await fitsWidth(page, viewport.width);
    await page.screenshot({ path: `${DIR}/detail-${name}.png`, fullPage: true });
  });

  it("create form", async () => {
    await page.goto(`${APP}/o/${ORG}/issues/new`);
    await page.getByRole("button", { name: "Create issue" }).click();
    await page.locator("#error-title").waitFor();
    await fitsWidth(page, viewport.width);
    await page.screenshot({ path: `${DIR}/create-${name}.png`, fullPage: true });
  });

  it("dashboard", async () => {
    await page.goto(`${APP}/o/${ORG}/dashboard`);
    await page.locator("figure.chart canvas").nth(6).waitFor();
    await page.waitForTimeout(500);
    await fitsWidth(page, viewport.width);
    await page.screenshot({ path: `${DIR}/dashboard-${name}.png`, fullPage: true });
  });
});
