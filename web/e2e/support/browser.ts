/**
 * Debian's Chromium driven by playwright-core (ENVIRONMENT.md: no browser
 * download here), against the hosting emulator that serves the web build of its port offset.
 */
import { execFileSync } from "node:child_process";
import { expect } from "vitest";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

export function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    return execFileSync("sh", ["-c", "command -v chromium || command -v chromium-browser"], {
      encoding: "utf8",
    }).trim();
  } catch {
    throw new Error("Chromium is not installed: apt-get install -y chromium (.ci/run does it)");
  }
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
    ],
    // playwright starts Chromium with a fresh temporary --user-data-dir of its own.
  });
}

/** The ports of this run's emulators (scripts/lib/emulatorEnv.mjs puts them in the environment). */
export const PORTS = JSON.parse(
  process.env.FIRETRACK_EMULATOR_PORTS ?? '{"hosting":5000,"auth":9099,"firestore":8080,"functions":5001}',
) as Record<string, number>;
export const APP = `http://127.0.0.1:${PORTS.hosting}`;

export const DESKTOP = { width: 1440, height: 900 };
export const PHONE = { width: 375, height: 812 };

/** A fresh context (its own storage, so its own sign-in) that records CSP violations and page errors. */
export async function newContext(
  browser: Browser,
  viewport = DESKTOP,
): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport, reducedMotion: "reduce", timezoneId: "UTC", locale: "en-GB" });
  const problems: string[] = [];
  const page = await context.newPage();
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy|Refused to/.test(message.text()))
      problems.push(`csp: ${message.text()}`);
  });
  page.setDefaultTimeout(60_000);
  return { context, page, problems };
}

export async function signInWithPassword(page: Page, email: string, password: string) {
  await page.goto(`${APP}/signin`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

/** A screenshot page must not scroll sideways at its viewport's width. */
export async function fitsWidth(page: Page, width: number) {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth, "the page scrolls sideways").toBeLessThanOrEqual(width);
}
