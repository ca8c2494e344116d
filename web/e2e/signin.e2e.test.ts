/**
 * Sign-in: SIGN_IN_DOMAINS is enforced by the Auth blocking functions (a new
 * Google account from outside: beforeUserCreated; an existing password account
 * from outside: beforeUserSignedIn), and the page says why. Then the org
 * switcher: every membership from GET /me, and a customer membership leads to
 * the client portal.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeViolations, seriousViolations } from "./support/axe";
import { APP, launchBrowser, newContext, PORTS, signInWithPassword } from "./support/browser";
import { addMembership, admin, unique } from "./support/world";

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function googleSignIn(page: import("playwright-core").Page, email: string, name: string) {
  await page.goto(`${APP}/signin`);
  await page.getByRole("button", { name: "Continue with Google" }).click();
  const picker = page.getByRole("dialog", { name: "Google account (Auth emulator)" });
  await picker.getByLabel("Google email").fill(email);
  await picker.getByLabel("Display name").fill(name);
  await picker.getByRole("button", { name: "Continue" }).click();
}

describe("sign-in policy", () => {
  it("refuses a new Google account from a domain outside SIGN_IN_DOMAINS, and says so", async () => {
    const { page, problems } = await newContext(browser);
    const email = `${unique("mallory-")}@outsider.test`;
    await googleSignIn(page, email, "Mallory");
    const alert = page.getByRole("alert");
    await alert.waitFor({ timeout: 60_000 });
    expect(await alert.textContent()).toContain("Sign-in refused");
    expect(await alert.textContent()).toContain("outsider.test may not sign in here");
    expect(page.url()).toBe(`${APP}/signin`);
    // beforeUserCreated refused it: no account was made.
    await expect(admin().auth.getUserByEmail(email)).rejects.toMatchObject({ code: "auth/user-not-found" });
    const violations = await seriousViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it("refuses an existing password account from outside the domains at sign-in", async () => {
    const email = `${unique("eve-")}@outsider.test`;
    // Made by the Admin SDK, which blocking functions do not see; signing in is what they stop.
    await admin().auth.createUser({ email, password: "outsider-pass", displayName: "Eve" });
    const { page } = await newContext(browser);
    await signInWithPassword(page, email, "outsider-pass");
    const alert = page.getByRole("alert");
    await alert.waitFor({ timeout: 60_000 });
    expect(await alert.textContent()).toContain("outsider.test may not sign in here");
    expect(page.url()).toBe(`${APP}/signin`);
  });

  it("signs in a new Google account from an admitted domain; without a membership it says what to do", async () => {
    const { page } = await newContext(browser);
    await googleSignIn(page, `${unique("newbie-")}@example.test`, "Nina Newbie");
    await page.getByText("You are not a member of any organisation yet. Start here.").waitFor({ timeout: 60_000 });
  });

  it("shows a wrong password as such, not as a refusal", async () => {
    const { page } = await newContext(browser);
    await signInWithPassword(page, "agent@acme.test", "not-the-password");
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toContain("do not match");
    expect(await alert.textContent()).not.toContain("refused");
  });
});

describe("the org switcher", () => {
  it("lists every membership; a customer membership leads to the portal page, and back", async () => {
    const uid = unique("multi-");
    const email = `${uid}@example.test`;
    await admin().auth.createUser({
      uid,
      email,
      password: "multi-pass",
      displayName: "Max Multi",
      emailVerified: true,
    });
    await addMembership("acme", uid, "agent", "Max Multi");
    await addMembership("globex", uid, "customer", "Max Multi");
    const { page, problems } = await newContext(browser);
    await signInWithPassword(page, email, "multi-pass");
    await page.waitForURL(`${APP}/o/acme/issues`);
    const switcher = page.getByRole("combobox", { name: "Organisation" });
    await expect
      .poll(() => switcher.locator("option").allTextContents())
      .toEqual(expect.arrayContaining(["Acme Support · Agent", "Globex Corporation · Customer"]));
    await switcher.selectOption("globex");
    await page.waitForURL(`${APP}/portal`);
    await page.getByRole("heading", { name: "Your support requests" }).waitFor();
    // A customer gets the portal's sections, not the workspace's.
    expect(await page.getByRole("navigation", { name: "Sections" }).count()).toBe(0);
    await page.getByRole("navigation", { name: "Support" }).waitFor();
    const violations = await seriousViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await page.getByRole("combobox", { name: "Organisation" }).selectOption("acme");
    await page.waitForURL(`${APP}/o/acme/issues`);
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
    expect(problems).toEqual([]);
  });
});

describe("hosting headers", () => {
  it("serve index.html with the CSP and friends and no-cache, and hashed assets for a year", async () => {
    const index = await fetch(`${APP}/o/acme/issues`);
    const csp = index.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).not.toContain("unsafe-eval");
    expect(index.headers.get("x-content-type-options")).toBe("nosniff");
    expect(index.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(index.headers.get("strict-transport-security")).toMatch(/max-age=\d{8}/);
    expect(index.headers.get("cache-control")).toBe("no-cache");
    const html = await index.text();
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(asset).toBeDefined();
    const script = await fetch(`${APP}${asset}`);
    expect(script.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    // The API keeps its own caching: the hosting no-cache rule leaves /api alone.
    const health = await fetch(`${APP}/api/v1/health`);
    expect(health.status).toBe(200);
    expect(health.headers.get("cache-control")).not.toBe("no-cache");
    expect(PORTS.hosting).toBeGreaterThan(0);
  });
});
