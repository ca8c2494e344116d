/**
 * Signing up with email and password (docs/security.md): Firebase mails a verification
 * link, and until its owner follows it the account sees "Check your inbox" and can do
 * nothing else (the API answers 403 email_not_verified). A resend mails another link.
 * The sign-in page also resets a password. Mail here is the Auth emulator's: its
 * oobCodes endpoint lists every link it would have sent.
 */
import { fileURLToPath } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeViolations, seriousViolations } from "./support/axe";
import { APP, DESKTOP, fitsWidth, launchBrowser, newContext, PHONE, PORTS } from "./support/browser";
import { ADMIN, api, unique } from "./support/world";

const DIR = fileURLToPath(new URL("../test-results/screenshots/", import.meta.url));
const OOB = `http://127.0.0.1:${PORTS.auth}/emulator/v1/projects/demo-firetrack/oobCodes`;

interface OobCode {
  email: string;
  oobLink: string;
  requestType: "VERIFY_EMAIL" | "PASSWORD_RESET" | string;
}

async function linksTo(email: string, requestType: string): Promise<OobCode[]> {
  const body = (await (await fetch(OOB)).json()) as { oobCodes: OobCode[] };
  return body.oobCodes.filter((code) => code.email === email && code.requestType === requestType);
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("sign-up with email and password", () => {
  it.each([
    ["desktop", DESKTOP],
    ["phone", PHONE],
  ] as const)(
    "mails a verification link, shows 'Check your inbox' with a resend until it is followed (%s)",
    async (name, viewport) => {
      const email = `${unique("newcomer-")}@example.test`;
      const { page, problems } = await newContext(browser, viewport);
      await page.goto(`${APP}/signin`);
      await page.getByRole("button", { name: "Create an account" }).click();
      await page.getByLabel("Your name").fill("Nora Newcomer");
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill("newcomer-pass");
      await page.getByRole("button", { name: "Create account" }).click();

      await page.getByRole("heading", { name: "Check your inbox" }).waitFor();
      expect(await page.getByText(email).count()).toBe(1);
      await expect.poll(async () => (await linksTo(email, "VERIFY_EMAIL")).length).toBe(1);
      await fitsWidth(page, viewport.width);
      await page.screenshot({ path: `${DIR}/verify-email-${name}.png`, fullPage: true });
      const violations = await seriousViolations(page);
      expect(violations, describeViolations(violations)).toEqual([]);

      // Not verified yet: saying so changes nothing.
      await page.getByRole("button", { name: "I have verified my address" }).click();
      await page.getByRole("alert").filter({ hasText: "not verified yet" }).waitFor();

      await page.getByRole("button", { name: "Send the link again" }).click();
      await page.getByRole("status").filter({ hasText: "We sent a new link" }).waitFor();
      await expect.poll(async () => (await linksTo(email, "VERIFY_EMAIL")).length).toBe(2);

      // The owner follows the last link (the Auth emulator marks the address verified), then carries on.
      const links = await linksTo(email, "VERIFY_EMAIL");
      expect((await fetch(links.at(-1)!.oobLink)).ok).toBe(true);
      await page.getByRole("button", { name: "I have verified my address" }).click();
      await page.getByText("You are not a member of any organisation yet").waitFor();
      expect(problems).toEqual([]);
    },
  );
});

describe("an unverified account at the API", () => {
  it("gets GET /me and a 403 email_not_verified for anything else", async () => {
    const email = `${unique("unverified-")}@example.test`;
    const signUp = await fetch(
      `http://127.0.0.1:${PORTS.auth}/identitytoolkit.googleapis.com/v1/accounts:signUp?key=demo-key`,
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email, password: "unverified-pass", returnSecureToken: true }),
      },
    );
    const { idToken } = (await signUp.json()) as { idToken: string };
    expect((await api(idToken, "GET", "/me")).status).toBe(200);
    const refused = await api(idToken, "POST", "/orgs", { name: "Intruder Inc" });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe("email_not_verified");
  });
});

describe("password reset", () => {
  it("mails a reset link from the sign-in page, and answers the same for an address without an account", async () => {
    const { page, problems } = await newContext(browser);
    await page.goto(`${APP}/signin`);
    await page.getByRole("button", { name: "Forgot your password?" }).click();
    await page.getByRole("heading", { name: "Reset your password" }).waitFor();
    await page.getByLabel("Email").fill(ADMIN.email);
    await page.getByRole("button", { name: "Send reset link" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: `If an account uses ${ADMIN.email}` })
      .waitFor();
    await expect.poll(async () => (await linksTo(ADMIN.email, "PASSWORD_RESET")).length).toBeGreaterThan(0);
    const violations = await seriousViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);

    const nobody = `${unique("nobody-")}@example.test`;
    await page.getByRole("button", { name: "Back to sign in" }).click();
    await page.getByRole("button", { name: "Forgot your password?" }).click();
    await page.getByLabel("Email").fill(nobody);
    await page.getByRole("button", { name: "Send reset link" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: `If an account uses ${nobody}` })
      .waitFor();
    expect(await linksTo(nobody, "PASSWORD_RESET")).toEqual([]);
    expect(problems).toEqual([]);
  });
});
