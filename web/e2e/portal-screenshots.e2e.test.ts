/**
 * The portal, the notifications and registration at desktop (1440) and phone (375)
 * widths, saved to web/test-results/screenshots/ (git-ignored) for people to look at.
 * Each page must fit the width: nothing may scroll sideways.
 */
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, it } from "vitest";
import { APP, DESKTOP, fitsWidth, launchBrowser, newContext, PHONE, signInWithPassword } from "./support/browser";
import { ADMIN, AGENT, admin, api, idToken, ORG, PASSWORD, unique } from "./support/world";

const DIR = fileURLToPath(new URL("../test-results/screenshots/", import.meta.url));
const CUSTOMER_EMAIL = "customer@client.test";
let browser: Browser;
/** The issues' numbers: the portal's addresses name them, as its mail does. */
let issueNumber: string;
let resolvedNumber: string;
const newcomer = { email: `${unique("newcomer-")}@acme.test`, name: "Nia Newcomer" };

beforeAll(async () => {
  mkdirSync(DIR, { recursive: true });
  browser = await launchBrowser();
  const customer = await idToken(CUSTOMER_EMAIL);
  const agent = await idToken(AGENT.email);
  // An issue with a conversation worth looking at, and a resolved one with its notes.
  const raised = await api<{ issueId: string; number: string }>(customer, "POST", `/orgs/${ORG}/issues`, {
    title: "Order SO-88012 arrived without the power adapter",
    description:
      "The box had the laptop and the manual, but no power adapter.\n\nOrdered on the 14th, delivered yesterday.",
    priority: "high",
    category: "delivery",
    type: "bug",
    order: { id: "o-88012", ref: "SO-88012" },
  });
  issueNumber = raised.body.number;
  const base = `/orgs/${ORG}/issues/${raised.body.issueId}`;
  await api(agent, "POST", `${base}/comments`, {
    body: "Sorry about that! We have sent an adapter by express; you should have it tomorrow.",
  });
  await api(agent, "POST", `${base}/comments`, {
    body: "Warehouse packed from the wrong kit list; flagged to ops.",
    internal: true,
  });
  await api(agent, "POST", `${base}/assign`, { assigneeUid: AGENT.uid });
  await api(customer, "POST", `${base}/comments`, {
    body: "Thank you, that was quick. I will confirm once it arrives.",
  });
  const done = await api<{ issueId: string; number: string }>(customer, "POST", `/orgs/${ORG}/issues`, {
    title: "Invoice shows the old billing address",
    category: "billing",
    priority: "low",
  });
  resolvedNumber = done.body.number;
  await api(agent, "POST", `/orgs/${ORG}/issues/${done.body.issueId}/resolve`, {
    notes: "We corrected the address and re-issued invoice INV-2207; the new PDF is in your account.",
  });
  // A newcomer with a pending invitation, for the welcome page.
  await admin().auth.createUser({
    email: newcomer.email,
    password: PASSWORD,
    displayName: newcomer.name,
    emailVerified: true,
  });
  await api(await idToken(ADMIN.email), "POST", `/orgs/${ORG}/invites`, { email: newcomer.email, role: "agent" });
});
afterAll(async () => {
  await browser?.close();
});

describe.each([
  ["desktop", DESKTOP],
  ["phone", PHONE],
] as const)("portal screenshots at %s width", (name, viewport) => {
  let page: Page;
  beforeAll(async () => {
    page = (await newContext(browser, viewport)).page;
    await signInWithPassword(page, CUSTOMER_EMAIL, PASSWORD);
    await page.waitForURL(`${APP}/portal`);
  });

  it("portal list", async () => {
    // Once the projection caught up with the replies (the list is live).
    await page
      .locator(".portal-row", { hasText: "power adapter" })
      .filter({ hasText: "2 replies" })
      .locator(".status-answered")
      .waitFor();
    await fitsWidth(page, viewport.width);
    await page.screenshot({ path: `${DIR}/portal-list-${name}.png`, fullPage: true });
  });

  it("portal issue page, reached by its number", async () => {
    await page.goto(`${APP}/portal/issues/${ORG}/${issueNumber}`);
    await page.locator(".portal-thread .comment.mine").waitFor();
    await page.locator(".issue-number.big", { hasText: issueNumber }).waitFor();
    await fitsWidth(page, viewport.width);
    await page.screenshot({ path: `${DIR}/portal-issue-${name}.png`, fullPage: true });
  });

  it("resolved issue, with its notes and the way to reopen", async () => {
    await page.goto(`${APP}/portal/issues/${ORG}/${resolvedNumber}`);
    await page.getByRole("region", { name: "How it was resolved" }).waitFor();
    await page.getByRole("button", { name: "Reopen this issue" }).waitFor();
    await fitsWidth(page, viewport.width);
    await page.screenshot({ path: `${DIR}/portal-resolved-${name}.png`, fullPage: true });
  });

  it("raise form", async () => {
    await page.goto(`${APP}/portal/raise`);
    await page.getByRole("button", { name: "Raise the issue" }).click();
    await page.locator("#error-title").waitFor();
    await fitsWidth(page, viewport.width);
    await page.screenshot({ path: `${DIR}/portal-raise-${name}.png`, fullPage: true });
  });

  it("notifications panel", async () => {
    await page.goto(`${APP}/portal`);
    await page.getByRole("button", { name: /^Notifications,/ }).click();
    await page.locator(".notif-list li").first().waitFor();
    await fitsWidth(page, viewport.width);
    await page.screenshot({ path: `${DIR}/notifications-${name}.png` });
  });

  it("notification settings", async () => {
    await page.goto(`${APP}/account/notifications`);
    await page.locator(".prefs-table tbody tr").first().waitFor();
    await fitsWidth(page, viewport.width);
    await page.screenshot({ path: `${DIR}/notification-settings-${name}.png`, fullPage: true });
  });

  it("registration (welcome page with an invitation)", async () => {
    const other = (await newContext(browser, viewport)).page;
    await signInWithPassword(other, newcomer.email, PASSWORD);
    await other.locator(".invite").first().waitFor({ timeout: 60_000 });
    await fitsWidth(other, viewport.width);
    await other.screenshot({ path: `${DIR}/welcome-${name}.png`, fullPage: true });
  });
});
