/**
 * Every settings section and the saved-reply picker at desktop (1440) and phone (375)
 * widths, saved to web/test-results/screenshots/ (git-ignored) for people to look at.
 * Each must fit the width: nothing may scroll sideways.
 */
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP, DESKTOP, fitsWidth, launchBrowser, newContext, PHONE, signInWithPassword } from "./support/browser";
import { ADMIN, AGENT, api, idToken, ORG, PASSWORD, unique } from "./support/world";

const DIR = fileURLToPath(new URL("../test-results/screenshots/", import.meta.url));
let browser: Browser;
let issueId: string;

const SECTIONS = [
  ["members", "Members"],
  ["invitations", "Invitations"],
  ["sla", "SLA policy"],
  ["intake", "Intake"],
  ["api-keys", "API keys"],
  ["service-accounts", "Service accounts"],
  ["linear", "Linear"],
  ["saved-replies", "Saved replies"],
] as const;

beforeAll(async () => {
  mkdirSync(DIR, { recursive: true });
  browser = await launchBrowser();
  const token = await idToken(ADMIN.email);
  // Something in every list worth looking at.
  await api(token, "POST", `/orgs/${ORG}/api-keys`, { name: "Checkout service" });
  await api(token, "POST", `/orgs/${ORG}/invites`, { email: "new.colleague@acme.test", role: "agent" });
  await api(token, "POST", `/orgs/${ORG}/saved-replies`, {
    title: "Thanks, we are on it",
    body: "Thanks for the report. We can reproduce it and are working on a fix; we will update this issue as soon as it ships.",
  });
  await api(token, "POST", `/orgs/${ORG}/saved-replies`, {
    title: "Escalate to billing",
    body: "Billing: please check the invoice run for this customer and confirm the refund amount.",
    internal: true,
  });
  const agentToken = await idToken(AGENT.email);
  issueId = (
    await api<{ id: string }>(agentToken, "POST", `/orgs/${ORG}/issues`, {
      title: unique("Refund for order SO-88012 not received "),
      priority: "high",
    })
  ).body.id;
});
afterAll(async () => {
  await browser?.close();
});

describe.each([
  ["desktop", DESKTOP],
  ["phone", PHONE],
] as const)("settings screenshots at %s width", (name, viewport) => {
  let page: Page;
  beforeAll(async () => {
    page = (await newContext(browser, viewport)).page;
    await signInWithPassword(page, ADMIN.email, PASSWORD);
    await page.waitForURL(`${APP}/o/${ORG}/issues`);
  });

  it.each(SECTIONS)("%s", async (section, heading) => {
    await page.goto(`${APP}/o/${ORG}/settings/${section}`);
    await page.getByRole("heading", { name: heading, level: 2 }).waitFor();
    if (section === "members") await page.locator("table.members-table tbody tr").nth(3).waitFor();
    if (section === "invitations") await page.locator("table.settings-table tbody tr").first().waitFor();
    if (section === "api-keys") await page.locator("table.keys-table tbody tr").first().waitFor();
    if (section === "saved-replies") await page.locator(".saved-reply").nth(1).waitFor();
    await page.waitForTimeout(300);
    await fitsWidth(page, viewport.width);
    await page.screenshot({ path: `${DIR}/settings-${section}-${name}.png`, fullPage: true });
  });

  it("the once-only key", async () => {
    await page.goto(`${APP}/o/${ORG}/settings/api-keys`);
    await page.getByLabel("Name", { exact: true }).fill("Nightly import");
    await page.getByRole("button", { name: "Create key" }).click();
    await page.getByLabel("The new API key").waitFor();
    await fitsWidth(page, viewport.width);
    await page.screenshot({ path: `${DIR}/settings-api-key-created-${name}.png` });
  });

  it("the last-admin refusal", async () => {
    await page.goto(`${APP}/o/${ORG}/settings/members`);
    await page.getByLabel(`Role of ${ADMIN.name}`).selectOption("agent");
    await page.getByText("An organisation must keep at least one admin.").waitFor();
    await fitsWidth(page, viewport.width);
    await page.screenshot({ path: `${DIR}/settings-members-refusal-${name}.png` });
  });

  it("admins only, for an agent", async () => {
    const agent = (await newContext(browser, viewport)).page;
    await signInWithPassword(agent, AGENT.email, PASSWORD);
    await agent.waitForURL(`${APP}/o/${ORG}/issues`);
    await agent.goto(`${APP}/o/${ORG}/settings`);
    await agent.getByText("Settings are for admins only.").waitFor();
    await fitsWidth(agent, viewport.width);
    await agent.screenshot({ path: `${DIR}/settings-admins-only-${name}.png` });
    await agent.context().close();
  });

  it("the saved-reply picker", async () => {
    const agent = (await newContext(browser, viewport)).page;
    await signInWithPassword(agent, AGENT.email, PASSWORD);
    await agent.waitForURL(`${APP}/o/${ORG}/issues`);
    await agent.goto(`${APP}/o/${ORG}/issues/${issueId}`);
    await agent.locator("form.composer").getByRole("textbox").click();
    await agent.keyboard.type("#");
    await agent.getByRole("combobox", { name: "Search saved replies" }).waitFor();
    await expect
      .poll(() => agent.getByRole("listbox", { name: "Saved replies" }).getByRole("option").count())
      .toBeGreaterThan(1);
    await fitsWidth(agent, viewport.width);
    await agent.screenshot({ path: `${DIR}/picker-${name}.png` });
    await agent.keyboard.type("billing");
    await agent.keyboard.press("Enter");
    await agent.getByRole("combobox", { name: "Search saved replies" }).waitFor({ state: "detached" });
    await agent.locator("form.composer.internal").waitFor();
    await agent.locator("form.composer").scrollIntoViewIfNeeded();
    await agent.screenshot({ path: `${DIR}/picker-inserted-${name}.png` });
    await agent.context().close();
  });
});
