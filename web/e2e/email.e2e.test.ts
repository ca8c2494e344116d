/**
 * The email channel end to end (docs/email.md), in real Chromium: a mail sent over SMTP to the
 * inbound relay (signed, posted through the hosting rewrite /webhooks/email) opens a ticket that
 * appears live in the agent's queue; the agent's public reply reaches MailDev (read through its
 * REST API) with the conversation headers; the customer's mailed answer shows live as a comment,
 * and the issue page lists the mails and whether they arrived.
 */
import type { ChildProcess } from "node:child_process";
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import nodemailer, { type SendMailOptions } from "nodemailer";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startInboundRelay, startMailDev, waitForMailDev } from "../../scripts/lib/devMail.mjs";
import { describeViolations, seriousViolations } from "./support/axe";
import { APP, fitsWidth, launchBrowser, newContext, PHONE, signInWithPassword } from "./support/browser";
import { ADMIN, AGENT, ORG, PASSWORD, unique } from "./support/world";

const DIR = fileURLToPath(new URL("../test-results/screenshots/", import.meta.url));
const SMTP_PORT = Number(process.env.FIRETRACK_SMTP_TEST_PORT);
const MAILDEV_WEB = Number(process.env.FIRETRACK_MAILDEV_TEST_WEB_PORT);
const SECRET = process.env.FIRETRACK_INBOUND_EMAIL_SECRET ?? "";
const ADDRESS = "acme-support@inbound.firetrack.test";

interface MailDevMail {
  id: string;
  subject: string;
  text: string;
  headers: Record<string, string>;
  to: { address: string }[];
}

let browser: Browser;
let page: Page;
let maildev: ChildProcess;
let relay: { port: number; close(): Promise<void> };
const customer = `${unique("cora-")}@example.test`;
const subject = unique("Label printer offline ");

const inbox = async (): Promise<MailDevMail[]> =>
  (await (await fetch(`http://127.0.0.1:${MAILDEV_WEB}/email`)).json()) as MailDevMail[];
const mailsTo = async (address: string) => (await inbox()).filter((m) => m.to.some((t) => t.address === address));

async function sendIn(options: SendMailOptions) {
  const transport = nodemailer.createTransport({ host: "127.0.0.1", port: relay.port, secure: false, ignoreTLS: true });
  await transport.sendMail(options);
  transport.close();
}

beforeAll(async () => {
  if (!SMTP_PORT || !MAILDEV_WEB || !SECRET)
    throw new Error("run through scripts/emulators.mjs exec --test-env (the mail test environment)");
  maildev = startMailDev({ smtp: SMTP_PORT, web: MAILDEV_WEB });
  await waitForMailDev(MAILDEV_WEB);
  relay = await startInboundRelay({ port: 0, target: `${APP}/webhooks/email`, secret: SECRET });
  mkdirSync(DIR, { recursive: true });
  browser = await launchBrowser();
  page = (await newContext(browser)).page;
});

afterAll(async () => {
  await browser?.close();
  await relay?.close();
  maildev?.kill("SIGTERM");
});

describe("a ticket by email", () => {
  let issueUrl: string;
  let number: string;

  it("appears live in the agent's queue when a customer writes to the org's address", async () => {
    await signInWithPassword(page, AGENT.email, PASSWORD);
    await page.waitForURL(`${APP}/o/${ORG}/issues`);
    // Newest first, so the ticket the mail opens lands on the first page.
    await page.goto(`${APP}/o/${ORG}/issues?sort=-createdAt`);
    await page.locator("table.issue-table tbody tr").first().waitFor();
    await sendIn({
      from: { name: "Cora Customer", address: customer },
      to: ADDRESS,
      subject,
      text: "It stopped printing labels this morning.\n\n-- \nCora",
    });
    const row = page.locator("table.issue-table tbody tr", { hasText: subject });
    // The live queue announces what arrived ("… new or changed issue … Show latest") rather than moving rows under the cursor.
    await expect
      .poll(
        async () => {
          if ((await row.count()) > 0) return true;
          const latest = page.getByRole("button", { name: "Show latest" });
          if ((await latest.count()) > 0) await latest.click();
          return false;
        },
        { timeout: 90_000 },
      )
      .toBe(true);
    // The row can show before the number does ("Numbering…"): the live list fills it in.
    await expect
      .poll(async () => (await row.locator(".issue-number").textContent())?.trim() ?? "")
      .toMatch(/^ISS-\d{4}-\d{4,}$/);
    number = (await row.locator(".issue-number").textContent())!.trim();
    // The acknowledgement, with the number, is in the customer's inbox.
    await expect
      .poll(async () => (await mailsTo(customer)).some((m) => m.subject === `[${number}] ${subject}`))
      .toBe(true);
    // Its link to follow the issue online names the same number, on the customer's portal page.
    const ack = (await mailsTo(customer)).find(
      (m) => m.subject === `[${number}] ${subject}` && m.text.includes("We received your request"),
    )!;
    expect(ack.text).toMatch(new RegExp(`https?://\\S+/portal/issues/${ORG}/${number}(\\s|$)`));
    await row.getByRole("link").first().click();
    await page.waitForURL(/\/issues\/[^/]+$/);
    issueUrl = page.url();
    await page.getByRole("heading", { level: 1, name: subject }).waitFor();
  });

  it("mails the agent's public reply to the customer, threaded, with a reply address", async () => {
    await page.getByPlaceholder(/^Reply…/).fill("Please restart it while holding the feed button.");
    await page.getByRole("button", { name: "Send public reply" }).click();
    const reply = await expect
      .poll(async () => (await mailsTo(customer)).find((m) => m.text.includes("holding the feed button")) ?? null)
      .not.toBeNull()
      .then(async () => (await mailsTo(customer)).find((m) => m.text.includes("holding the feed button"))!);
    expect(reply.subject).toBe(`[${number}] ${subject}`);
    expect(reply.headers["reply-to"]).toMatch(/reply\+[0-9a-f]{20}\.[0-9a-z][0-9a-f]{16}@inbound\.firetrack\.test/);
    expect(reply.headers["auto-submitted"]).toBe("auto-generated");
    expect(reply.headers["list-unsubscribe"]).toContain("/account/notifications");
    const ack = (await mailsTo(customer)).find(
      (m) => m.subject === `[${number}] ${subject}` && m.text.includes("We received your request"),
    )!;
    expect(reply.headers.references).toContain(ack.headers["message-id"]);
    expect(reply.headers["in-reply-to"]).toMatch(/@inbound\.firetrack\.test>$/);

    // The customer answers from their mail client: the answer shows live, without the quoted mail.
    const replyTo = /reply\+[^>\s]+@inbound\.firetrack\.test/.exec(reply.headers["reply-to"]!)![0];
    await sendIn({
      from: customer,
      to: replyTo,
      subject: `Re: ${reply.subject}`,
      inReplyTo: reply.headers["message-id"],
      references: [reply.headers["message-id"]!],
      text: "That worked, thank you!\n\nOn Monday, Acme Support wrote:\n> Please restart it while holding the feed button.\n",
    });
    const answer = page.locator(".comment, li, article", { hasText: "That worked, thank you!" }).first();
    await answer.waitFor({ timeout: 90_000 });
    expect(await page.getByText("> Please restart it").count()).toBe(0);
    expect(page.url()).toBe(issueUrl);
  });

  it("lists on the issue page which mails went out, to whom, and that they arrived", async () => {
    const card = page.getByRole("region", { name: "Mail" });
    await expect.poll(async () => (await card.getByText("Delivered").count()) >= 2).toBe(true);
    expect(await card.textContent()).toContain(customer);
    expect(await card.textContent()).toContain("Acknowledgement");
    const violations = await seriousViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await page.screenshot({ path: `${DIR}/email-issue-desktop.png`, fullPage: true });
    await page.setViewportSize(PHONE);
    await fitsWidth(page, PHONE.width);
    await page.screenshot({ path: `${DIR}/email-issue-phone.png`, fullPage: true });
  });
});

describe("the admin's email settings", () => {
  it("shows the org's address, refuses a short name another org has on the field with a free one, and saves the email settings", async () => {
    const admin = (await newContext(browser)).page;
    await signInWithPassword(admin, ADMIN.email, PASSWORD);
    await admin.waitForURL(`${APP}/o/${ORG}/issues`);
    await admin.goto(`${APP}/o/${ORG}/settings/intake`);
    expect(await admin.getByLabel("Email address").inputValue()).toBe(ADDRESS);
    // globex is the other demo org's short name: 409, said on the field, with a free one offered.
    const slug = admin.getByLabel("Short name in links and in your mail address");
    await slug.fill("globex");
    await admin.getByRole("button", { name: "Change short name" }).click();
    await admin.getByText(/This slug is taken; "globex-2" is free\./).waitFor();
    expect(await slug.getAttribute("aria-invalid")).toBe("true");
    await admin.getByRole("button", { name: "Use globex-2" }).click();
    expect(await slug.inputValue()).toBe("globex-2");
    let violations = await seriousViolations(admin);
    expect(violations, describeViolations(violations)).toEqual([]);
    await admin.screenshot({ path: `${DIR}/email-intake-slug-taken.png`, fullPage: true });

    await admin.goto(`${APP}/o/${ORG}/settings/email`);
    expect(await admin.getByLabel("Your support address").inputValue()).toBe(ADDRESS);
    await admin.getByLabel("Sender name").fill("Acme Help Desk");
    await admin.getByRole("button", { name: "Save email settings" }).click();
    await admin.getByText("Email settings saved.").waitFor();
    violations = await seriousViolations(admin);
    expect(violations, describeViolations(violations)).toEqual([]);
    await admin.screenshot({ path: `${DIR}/email-settings-desktop.png`, fullPage: true });
    await admin.setViewportSize(PHONE);
    await fitsWidth(admin, PHONE.width);
    await admin.screenshot({ path: `${DIR}/email-settings-phone.png`, fullPage: true });
    // Put the demo's sender name back for the suites after this one.
    await admin.setViewportSize({ width: 1440, height: 900 });
    await admin.getByLabel("Sender name").fill("");
    await admin.getByRole("button", { name: "Save email settings" }).click();
    await admin.getByText("Email settings saved.").waitFor();
  });
});
