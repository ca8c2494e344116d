/**
 * The issue page's Linear card (issue 11): the identifier as a link, the state,
 * the last push's error, and the admin's "Push again". In an org of its own, so
 * turning its sync on touches no other test's world; the sync is turned off
 * again at the end, so a queued push finds nothing to do. The settings section
 * refuses a team the operator has not bound to the org, on the field, and takes
 * it once the operator's script (scripts/linear-team.mjs) has bound it.
 */
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { Timestamp } from "firebase-admin/firestore";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeViolations, seriousViolations } from "./support/axe";
import { APP, launchBrowser, newContext, signInWithPassword } from "./support/browser";
import { addMembership, admin, api, idToken, unique } from "./support/world";

const PASSWORD = "linear-card-pass";
let browser: Browser;
const problems: string[][] = [];
let adminToken = "";
let orgId = "";
let linkedId = "";
let unlinkedId = "";
const teamId = `team-${randomUUID()}`;
const settingsTeamId = `team-${randomUUID()}`;
const adminEmail = `${unique("lin-admin-")}@example.test`;
const agentEmail = `${unique("lin-agent-")}@example.test`;

async function signedIn(email: string): Promise<Page> {
  const { page, problems: seen } = await newContext(browser);
  problems.push(seen);
  await signInWithPassword(page, email, PASSWORD);
  await page.waitForURL(`${APP}/o/${orgId}/issues`, { timeout: 60_000 });
  return page;
}

const linearCard = (page: Page) => page.locator("section.linear-card");

/** The operator's script, against the emulators this suite runs on. */
const operator = (...args: string[]) =>
  promisify(execFile)(
    process.execPath,
    [fileURLToPath(new URL("../../scripts/linear-team.mjs", import.meta.url)), ...args],
    {
      env: process.env,
    },
  );
const SCREENSHOTS = fileURLToPath(new URL("../test-results/screenshots/", import.meta.url));

beforeAll(async () => {
  browser = await launchBrowser();
  const { auth, db } = admin();
  const adminUser = await auth.createUser({
    email: adminEmail,
    password: PASSWORD,
    displayName: "Lina Admin",
    emailVerified: true,
  });
  const agentUser = await auth.createUser({
    email: agentEmail,
    password: PASSWORD,
    displayName: "Gus Agent",
    emailVerified: true,
  });
  adminToken = await idToken(adminEmail, PASSWORD);
  const org = await api<{ id: string }>(adminToken, "POST", "/orgs", { name: unique("Linear card org ") });
  expect(org.status, JSON.stringify(org.body)).toBe(201);
  orgId = org.body.id;
  await addMembership(orgId, agentUser.uid, "agent", "Gus Agent");
  // The card's sync runs with a team the operator bound to this org.
  await operator("bind", teamId, orgId);
  expect(adminUser.uid).toBeTruthy();

  // Created while the org's sync is off: nothing is queued for Linear.
  for (const [title, set] of [
    ["Export fails on large orders", (id: string) => (linkedId = id)],
    ["Not in Linear yet", (id: string) => (unlinkedId = id)],
  ] as const) {
    const created = await api<{ id: string }>(adminToken, "POST", `/orgs/${orgId}/issues`, { title });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    set(created.body.id);
  }
  // A link as the push task leaves it after an authentication error (server-written: the rules let no client write it).
  await db.doc(`orgs/${orgId}/issues/${linkedId}`).update({
    linear: {
      id: randomUUID(),
      identifier: "ENG-42",
      url: "https://linear.app/firetrack/issue/ENG-42",
      state: "started",
      stateId: "state-started",
      stateName: "In Progress",
      syncedAt: Timestamp.now(),
      syncedVersion: 1,
      remoteUpdatedAt: null,
      remoteFieldAt: null,
      syncedFields: null,
      error: {
        code: "authentication",
        message: "Authentication required, not authenticated",
        at: Timestamp.now(),
        attempts: 1,
      },
    },
  });
});

afterAll(async () => {
  if (orgId && adminToken) await api(adminToken, "PATCH", `/orgs/${orgId}/settings`, { linear: { enabled: false } });
  await browser?.close();
});

describe("the Linear settings", () => {
  it("refuse an unbound team on the field and say whom to ask; take it once the operator bound it", async () => {
    const page = await signedIn(adminEmail);
    await page.goto(`${APP}/o/${orgId}/settings/linear`);
    await page.getByRole("heading", { name: "Linear", level: 2 }).waitFor();
    const hint = page.locator("#team-hint");
    expect(await hint.textContent()).toContain("operator of this Firetrack deployment");
    const teamField = page.getByLabel("Team id");
    await teamField.fill(settingsTeamId);
    await page.getByLabel("Sync with Linear").check();
    const refused = page.waitForResponse((response) => response.url().endsWith(`/orgs/${orgId}/settings`));
    await page.getByRole("button", { name: "Save Linear settings" }).click();
    expect((await refused).status()).toBe(409);
    const fieldError = page.locator("#team-error");
    await fieldError.waitFor();
    expect(await fieldError.textContent()).toContain("ask the deployment's operator to bind it");
    expect(await teamField.getAttribute("aria-invalid")).toBe("true");
    await page.screenshot({ path: `${SCREENSHOTS}/linear-settings-unbound-desktop.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${SCREENSHOTS}/linear-settings-unbound-phone.png`, fullPage: true });
    const violations = await seriousViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    const unchanged = await api<{ linear: { enabled: boolean } }>(adminToken, "GET", `/orgs/${orgId}/settings`);
    expect(unchanged.body.linear.enabled).toBe(false);

    await operator("bind", settingsTeamId, orgId);
    const saved = page.waitForResponse((response) => response.url().endsWith(`/orgs/${orgId}/settings`));
    await page.getByRole("button", { name: "Save Linear settings" }).click();
    expect((await saved).status()).toBe(200);
    await page.getByText("Linear settings saved.").waitFor();
    expect(await fieldError.count()).toBe(0);
    // Off again: the card's test below turns it on when it needs it.
    const off = await api(adminToken, "PATCH", `/orgs/${orgId}/settings`, { linear: { enabled: false } });
    expect(off.status).toBe(200);
  });
});

describe("the Linear card", () => {
  it("shows an agent the identifier as a link, the state and the last push's error; no Push again", async () => {
    const page = await signedIn(agentEmail);
    await page.goto(`${APP}/o/${orgId}/issues/${linkedId}`);
    const card = linearCard(page);
    await card.getByRole("heading", { name: /Linear/ }).waitFor();
    const link = card.getByRole("link", { name: "ENG-42" });
    expect(await link.getAttribute("href")).toBe("https://linear.app/firetrack/issue/ENG-42");
    expect(await card.textContent()).toContain("In Progress");
    const error = card.getByRole("alert");
    expect(await error.textContent()).toContain("Authentication required, not authenticated");
    expect(await error.locator("code").textContent()).toBe("authentication");
    expect(await error.textContent()).toContain("1 attempt");
    expect(await card.getByRole("button", { name: "Push again" }).count()).toBe(0);
    const violations = await seriousViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);

    // No link, and the org's sync is not the agent's to read: no card.
    await page.goto(`${APP}/o/${orgId}/issues/${unlinkedId}`);
    await page.getByRole("heading", { name: "Not in Linear yet" }).waitFor();
    await page.getByRole("heading", { name: "Activity" }).waitFor();
    expect(await linearCard(page).count()).toBe(0);
  });

  it("lets an admin push again: refused while the org's sync is off, queued once it is on", async () => {
    const page = await signedIn(adminEmail);
    await page.goto(`${APP}/o/${orgId}/issues/${unlinkedId}`);
    await page.getByRole("heading", { name: "Activity" }).waitFor();
    expect(await linearCard(page).count()).toBe(0);

    await page.goto(`${APP}/o/${orgId}/issues/${linkedId}`);
    const card = linearCard(page);
    await card.getByRole("link", { name: "ENG-42" }).waitFor();
    await card.getByRole("button", { name: "Push again" }).click();
    await expect
      .poll(() => card.getByRole("alert").allTextContents())
      .toEqual(expect.arrayContaining([expect.stringContaining("The Linear sync is off for this organisation")]));

    const on = await api(adminToken, "PATCH", `/orgs/${orgId}/settings`, { linear: { teamId, enabled: true } });
    expect(on.status, JSON.stringify(on.body)).toBe(200);
    // With the sync on, an issue without a link gets the card too (the settings are read live).
    await page.goto(`${APP}/o/${orgId}/issues/${unlinkedId}`);
    const unlinkedCard = linearCard(page);
    await unlinkedCard.getByText("Not in Linear yet.").waitFor();
    const answer = page.waitForResponse((response) => response.url().endsWith(`/issues/${unlinkedId}/linear:sync`));
    await unlinkedCard.getByRole("button", { name: "Push again" }).click();
    expect((await answer).status()).toBe(202);
    await unlinkedCard.getByRole("status").filter({ hasText: "Push queued" }).waitFor();
    const violations = await seriousViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    expect(problems.flat()).toEqual([]);
  });
});
