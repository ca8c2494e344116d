import { it } from "vitest";
import { APP, DESKTOP, launchBrowser, newContext, PHONE, signInWithPassword } from "./support/browser";

it("smoke", async () => {
  const browser = await launchBrowser();
  for (const [name, vp] of [["desktop", DESKTOP], ["phone", PHONE]] as const) {
    const { page, problems } = await newContext(browser, vp);
    await page.goto(`${APP}/`);
    await page.screenshot({ path: `/tmp/shot-signin-${name}.png` });
    await signInWithPassword(page, "agent@acme.test", "firetrack-demo");
    await page.waitForSelector("table.issue-table, .state-error", { timeout: 30000 });
    await page.screenshot({ path: `/tmp/shot-list-${name}.png`, fullPage: false });
    await page.locator("table.issue-table a").first().click();
    await page.waitForSelector(".detail-head h1, .state-error");
    await page.waitForTimeout(1500);
    await page.screenshot({ path: `/tmp/shot-detail-${name}.png`, fullPage: true });
    await page.goto(`${APP}/o/acme/dashboard`);
    await page.waitForSelector(".stat-cards, .state-error");
    await page.waitForTimeout(1500);
    await page.screenshot({ path: `/tmp/shot-dash-${name}.png`, fullPage: true });
    await page.goto(`${APP}/o/acme/issues/new`);
    await page.waitForSelector("form.create-form, .state-error");
    await page.screenshot({ path: `/tmp/shot-create-${name}.png`, fullPage: true });
    console.log(name, problems);
  }
  await browser.close();
});
