/**
 * Business hours and SLA in the queue (docs/sla.md): an admin edits the hours and
 * holidays with the preview, a bad window is refused and saves nothing; the queue
 * sorted "Due soonest" shows each issue's next due time, amber at risk and red
 * breached, and the at-risk and breached filters find them. The at-risk and
 * breached issues get there the live way: backdated, the trigger derives their due
 * times and queues their SLA timer, which the Tasks emulator runs and which marks
 * them. Axe on each new page and state; screenshots at desktop and phone width.
 */
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { DEFAULT_BUSINESS_HOURS } from "@firetrack/domain";
import { Timestamp } from "firebase-admin/firestore";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeViolations, seriousViolations } from "./support/axe";
import { APP, DESKTOP, fitsWidth, launchBrowser, newContext, PHONE, signInWithPassword } from "./support/browser";
import { ADMIN, admin, AGENT, api, idToken, ORG, PASSWORD, unique } from "./support/world";

const DIR = fileURLToPath(new URL("../test-results/screenshots/", import.meta.url));
const MIN = 60_000;
let browser: Browser;
const tag = unique("sla-").toLowerCase();
const ids: Record<"ok" | "risk" | "late", string> = { ok: "", risk: "", late: "" };

/** Waits until `probe` holds (expect.poll works only inside a test, and this runs in beforeAll). */
async function until(what: string, probe: () => Promise<boolean>, deadlineMs = 60_000): Promise<void> {
  const started = Date.now();
  while (!(await probe())) {
    if (Date.now() - started > deadlineMs) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** An urgent issue (30 min first response, calendar time) raised `agoMin` minutes ago. */
async function urgentRaised(token: string, title: string, agoMin: number): Promise<string> {
  const created = await api<{ id: string }>(token, "POST", `/orgs/${ORG}/issues`, {
    title,
    priority: "urgent",
    tags: [tag],
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  // Moved back: whether the trigger has derived the SLA yet or not, it derives the due times from this creation time.
  const back = Timestamp.fromMillis(Date.now() - agoMin * MIN);
  if (agoMin > 0)
    await admin().db.doc(`orgs/${ORG}/issues/${created.body.id}`).update({ createdAt: back, statusChangedAt: back });
  return created.body.id;
}

beforeAll(async () => {
  mkdirSync(DIR, { recursive: true });
  browser = await launchBrowser();
  const token = await idToken(AGENT.email);
  ids.ok = await urgentRaised(token, `Label printer offline ${tag}`, 0);
  ids.risk = await urgentRaised(token, `Checkout slow for EU customers ${tag}`, 23.5);
  ids.late = await urgentRaised(token, `Refunds stuck in pending ${tag}`, 50);
  // The timers fire within seconds: the marks arrive on the documents.
  const { db } = admin();
  // They wait behind the triggers of the demo data seeded just before, on two shared cores.
  await until(
    "the at-risk mark",
    async () => (await db.doc(`orgs/${ORG}/issues/${ids.risk}`).get()).get("sla.atRisk") === true,
    240_000,
  );
  await until(
    "the breach mark",
    async () => (await db.doc(`orgs/${ORG}/issues/${ids.late}`).get()).get("sla.breached") === true,
    240_000,
  );
  await until(
    "the first SLA",
    async () => (await db.doc(`orgs/${ORG}/issues/${ids.ok}`).get()).get("sla.nextDueAt") !== undefined,
    240_000,
  );
}, 300_000);
afterAll(async () => {
  await browser?.close();
});

async function noSeriousViolations(page: Page) {
  const violations = await seriousViolations(page);
  expect(violations, describeViolations(violations)).toEqual([]);
}

describe("business hours in settings", () => {
  let page: Page;
  beforeAll(async () => {
    page = (await newContext(browser, DESKTOP)).page;
    await signInWithPassword(page, ADMIN.email, PASSWORD);
    await page.waitForURL(`${APP}/o/${ORG}/issues`);
  });

  it("previews the due times as the hours change, refuses a bad window, and saves", async () => {
    await page.goto(`${APP}/o/${ORG}/settings/hours`);
    await page.getByRole("heading", { name: "Business hours", level: 2 }).waitFor();
    const preview = (priority: string) => page.locator(`.hours-preview li[data-priority="${priority}"]`);
    await expect
      .poll(() => preview("urgent").textContent())
      .toMatch(/^An urgent issue raised now needs its first response by .+\(calendar time\)$/);
    expect(await preview("medium").textContent()).toMatch(/\(business hours\)$/);
    const before = await preview("medium").locator("strong").textContent();
    await noSeriousViolations(page);

    // Open around the clock in Berlin: the business-hours preview moves, the calendar one does not.
    await page.getByLabel("Time zone of the hours below").fill("Europe/Berlin");
    for (const day of ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"])
      await page.getByLabel(day, { exact: true }).fill("00:00–24:00");
    await expect.poll(() => preview("medium").locator("strong").textContent()).not.toBe(before);
    expect(await preview("medium").locator("strong").textContent()).toMatch(/CET|GMT\+1/);

    // A window that is not one: refused in place, nothing saved.
    await page.getByLabel("Saturday", { exact: true }).fill("10 to 2");
    await page.getByRole("button", { name: "Save business hours" }).click();
    await page.getByText("Write windows as 09:00–17:00, separated by commas.").waitFor();
    expect(await page.getByLabel("Saturday", { exact: true }).getAttribute("aria-invalid")).toBe("true");
    await noSeriousViolations(page);
    const adminToken = await idToken(ADMIN.email);
    expect(
      (await api<{ businessHours: { timezone: string } }>(adminToken, "GET", `/orgs/${ORG}/settings`)).body
        .businessHours.timezone,
    ).not.toBe("Europe/Berlin");

    await page.getByLabel("Saturday", { exact: true }).fill("10:00–14:00");
    await page.getByLabel("Sunday", { exact: true }).fill("");
    await page.getByLabel(/Closed all day on these dates/).fill("2026-12-25\n2026-12-26");
    await page.getByRole("button", { name: "Save business hours" }).click();
    await page.getByText("Business hours saved.").waitFor();
    const saved = await api<{
      businessHours: { timezone: string; week: Record<string, string[][]>; holidays: string[] };
    }>(adminToken, "GET", `/orgs/${ORG}/settings`);
    expect(saved.body.businessHours).toMatchObject({
      timezone: "Europe/Berlin",
      holidays: ["2026-12-25", "2026-12-26"],
    });
    expect(saved.body.businessHours.week.sat).toEqual([["10:00", "14:00"]]);
    expect(saved.body.businessHours.week.sun).toEqual([]);
    // Back to the defaults, so other suites count in the hours they expect.
    await api(adminToken, "PATCH", `/orgs/${ORG}/settings`, {
      businessHours: DEFAULT_BUSINESS_HOURS,
    });
  });

  it("lets the SLA policy choose each priority's clock", async () => {
    await page.goto(`${APP}/o/${ORG}/settings/sla`);
    const clock = page.getByLabel("Low clock");
    await clock.waitFor();
    expect(await clock.inputValue()).toBe("business");
    expect(await page.getByLabel("Urgent clock").inputValue()).toBe("calendar");
    await noSeriousViolations(page);
  });
});

describe("SLA in the queue", () => {
  let page: Page;
  beforeAll(async () => {
    page = (await newContext(browser, DESKTOP)).page;
    await signInWithPassword(page, AGENT.email, PASSWORD);
    await page.waitForURL(`${APP}/o/${ORG}/issues`);
  });
  const rowOf = (id: string) => page.locator(`tr[data-issue-id="${id}"]`);
  const toneOf = (id: string) => rowOf(id).locator(".sla-due").getAttribute("data-sla");

  it("sorts by the next due time, soonest first, with the colours of each state", async () => {
    await page.goto(`${APP}/o/${ORG}/issues?tag=${tag}&sort=due`);
    await rowOf(ids.ok).waitFor();
    expect(await page.getByLabel("Sort").inputValue()).toBe("due");
    const order = await page
      .locator("table.issue-table tbody tr")
      .evaluateAll((rows) => rows.map((row) => row.getAttribute("data-issue-id")));
    expect(order).toEqual([ids.late, ids.risk, ids.ok]);
    expect([await toneOf(ids.late), await toneOf(ids.risk), await toneOf(ids.ok)]).toEqual([
      "breached",
      "at-risk",
      "ok",
    ]);
    expect(await rowOf(ids.ok).locator(".sla-due").textContent()).toMatch(/^due in \d+ min$/);
    expect(await rowOf(ids.late).locator(".sla-due").textContent()).toMatch(/^Breached: overdue by \d+ min$/);
    expect(await rowOf(ids.risk).locator(".sla-due").textContent()).toMatch(/^At risk: due in \d min$/);
    // Amber and red as the styles give them, not just class names.
    const colours = await Promise.all(
      [ids.late, ids.risk].map((id) =>
        rowOf(id)
          .locator(".sla-due")
          .evaluate((el) => getComputedStyle(el).backgroundColor),
      ),
    );
    expect(colours).toEqual(["rgb(253, 226, 226)", "rgb(255, 239, 199)"]);
    await noSeriousViolations(page);
    await page.screenshot({ path: `${DIR}/queue-due-desktop.png`, fullPage: true });
  });

  it("filters on at risk and on breached", async () => {
    await page.getByLabel("SLA", { exact: true }).selectOption("at_risk");
    await page.waitForURL(/sla=at_risk/);
    await expect
      .poll(() =>
        page
          .locator("table.issue-table tbody tr")
          .evaluateAll((rows) => rows.map((row) => row.getAttribute("data-issue-id"))),
      )
      .toEqual([ids.risk]);
    await page.getByLabel("SLA", { exact: true }).selectOption("breached");
    await expect
      .poll(() =>
        page
          .locator("table.issue-table tbody tr")
          .evaluateAll((rows) => rows.map((row) => row.getAttribute("data-issue-id"))),
      )
      .toEqual([ids.late]);
    await noSeriousViolations(page);
  });

  it("explains the clock on the issue page", async () => {
    await page.goto(`${APP}/o/${ORG}/issues/${ids.risk}`);
    const card = page.locator("section", { has: page.getByRole("heading", { name: "SLA", level: 2 }) });
    await card.getByText("calendar time: every hour counts").waitFor();
    expect(await card.getByText("Time left", { exact: true }).count()).toBe(1);
    await noSeriousViolations(page);
  });

  it("fits a phone", async () => {
    const phone = (await newContext(browser, PHONE)).page;
    await signInWithPassword(phone, AGENT.email, PASSWORD);
    await phone.waitForURL(`${APP}/o/${ORG}/issues`);
    await phone.goto(`${APP}/o/${ORG}/issues?tag=${tag}&sort=due`);
    await phone.locator(`tr[data-issue-id="${ids.late}"] .sla-due`).waitFor();
    await fitsWidth(phone, PHONE.width);
    await phone.screenshot({ path: `${DIR}/queue-due-phone.png`, fullPage: true });
    const adminPhone = (await newContext(browser, PHONE)).page;
    await signInWithPassword(adminPhone, ADMIN.email, PASSWORD);
    await adminPhone.waitForURL(`${APP}/o/${ORG}/issues`);
    await adminPhone.goto(`${APP}/o/${ORG}/settings/hours`);
    await adminPhone.locator(".hours-preview li").first().waitFor();
    await fitsWidth(adminPhone, PHONE.width);
    await adminPhone.screenshot({ path: `${DIR}/settings-hours-phone.png`, fullPage: true });
    await adminPhone.setViewportSize(DESKTOP);
    await adminPhone.screenshot({ path: `${DIR}/settings-hours-desktop.png`, fullPage: true });
  });
});
