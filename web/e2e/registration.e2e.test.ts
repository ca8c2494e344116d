/**
 * Registration and invitations, and the walls between customers: an invited address
 * follows the link from its mail, signs up with that verified address, accepts and
 * lands in the workspace; a newcomer creates an organisation, or raises an issue
 * through a public intake link and so becomes a customer; and a customer of one org
 * reaches no other org's issue, nor another customer's, by URL or by a guessed id.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeViolations, seriousViolations } from "./support/axe";
import { APP, launchBrowser, newContext, signInWithPassword } from "./support/browser";
import { recordFirestoreTraffic } from "./support/firestoreTraffic";
import { ADMIN, addMembership, admin, api, idToken, ORG, PASSWORD, unique } from "./support/world";

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function expectAccessible(page: Page, what: string) {
  const violations = await seriousViolations(page);
  expect(violations, `${what}:\n${describeViolations(violations)}`).toEqual([]);
}

/** A new Google account through the Auth emulator (its address verified, as Google's are). */
async function googleSignUp(page: Page, email: string, name: string) {
  await page.getByRole("button", { name: "Continue with Google" }).click();
  const picker = page.getByRole("dialog", { name: "Google account (Auth emulator)" });
  await picker.getByLabel("Google email").fill(email);
  await picker.getByLabel("Display name").fill(name);
  await picker.getByRole("button", { name: "Continue" }).click();
}

describe("invitations", () => {
  it("an admin invites an address; its owner follows the mailed link, signs up with it, accepts and lands in the agent workspace", async () => {
    const email = `${unique("invitee-")}@acme.test`; // a staff role: an address of Acme's staff domain
    const invited = await api<{ id: string }>(await idToken(ADMIN.email), "POST", `/orgs/${ORG}/invites`, {
      email,
      role: "agent",
    });
    expect(invited.status).toBe(201);
    const { db } = admin();
    const mails = await db.collection("mail").where("inviteId", "==", invited.body.id).get();
    expect(mails.size).toBe(1);
    const link = /Accept it: (\S+)/.exec(mails.docs[0]!.get("message.text") as string)?.[1] ?? "";
    const path = new URL(link).pathname;
    expect(path).toBe(`/invites/${invited.body.id}`);

    const { page, problems } = await newContext(browser);
    await page.goto(`${APP}${path}`);
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
    await googleSignUp(page, email, "Ivy Invitee");
    // After sign-in the link's page: the invitation, picked out.
    await page.waitForURL(`${APP}${path}`, { timeout: 60_000 });
    const invitation = page.locator(".invite.highlighted");
    await invitation.waitFor();
    expect(await invitation.textContent()).toContain("Acme Support invites you as Agent");
    await page.getByRole("heading", { name: "Create an organisation" }).waitFor();
    await page.getByRole("heading", { name: "Raise an issue with an organisation" }).waitFor();
    await expectAccessible(page, "welcome page with an invitation");
    await invitation.getByRole("button", { name: "Accept the invitation to Acme Support" }).click();
    await page.waitForURL(`${APP}/o/${ORG}/issues`);
    await page.locator("table.issue-table tbody tr").first().waitFor();
    await page.getByRole("link", { name: "New issue" }).first().waitFor();
    const member = await db.doc(`orgs/${ORG}/members/${(await admin().auth.getUserByEmail(email)).uid}`).get();
    expect(member.get("role")).toBe("agent");
    expect(problems).toEqual([]);
  });

  it("the link opened by someone else shows no invitation, and says why", async () => {
    const invited = await api<{ id: string }>(await idToken(ADMIN.email), "POST", `/orgs/${ORG}/invites`, {
      email: `${unique("someone-")}@acme.test`,
      role: "viewer",
    });
    const { page } = await newContext(browser);
    await page.goto(`${APP}/invites/${invited.body.id}`);
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
    await googleSignUp(page, `${unique("other-")}@example.test`, "Otto Other");
    await page.waitForURL(`${APP}/invites/${invited.body.id}`, { timeout: 60_000 });
    await page.getByText("This invitation is not open for").waitFor();
    expect(await page.locator(".invite").count()).toBe(0);
  });
});

describe("registration", () => {
  it("a newcomer creates an organisation and becomes its admin", async () => {
    const { page } = await newContext(browser);
    await page.goto(`${APP}/signin`);
    await googleSignUp(page, `${unique("founder-")}@example.test`, "Fay Founder");
    await page.getByRole("heading", { name: /^Welcome to Firetrack/ }).waitFor({ timeout: 60_000 });
    const name = unique("Fay's Bikes ");
    await page.getByRole("button", { name: "Create organisation" }).click();
    await page.getByText("Required.").waitFor();
    await page.getByLabel("Organisation name").fill(name);
    await page.getByRole("button", { name: "Create organisation" }).click();
    await page.waitForURL(/\/o\/[^/]+\/issues$/);
    await expect
      .poll(() => page.getByRole("combobox", { name: "Organisation" }).locator("option:checked").textContent())
      .toBe(`${name} · Admin`);
  });

  it("a newcomer raises an issue through a public intake link and follows it in the portal as the org's customer", async () => {
    const { page, problems } = await newContext(browser);
    await page.goto(`${APP}/raise/acme-support`);
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
    const email = `${unique("walkin-")}@example.test`;
    await googleSignUp(page, email, "Wally Walk-in");
    await page.waitForURL(`${APP}/raise/acme-support`, { timeout: 60_000 });
    await page.getByText("Acme Support · help centre").waitFor();
    const title = unique("Walk-in: cannot log in to the shop ");
    await page.getByLabel(/^Title/).fill(title);
    await page.getByRole("button", { name: "Raise the issue" }).click();
    await page.getByRole("heading", { name: title }).waitFor();
    await page.waitForURL(/\/portal\/issues\/acme\/[^/]+$/);
    const uid = (await admin().auth.getUserByEmail(email)).uid;
    expect((await admin().db.doc(`orgs/${ORG}/members/${uid}`).get()).get("role")).toBe("customer");
    await page.getByRole("link", { name: "My issues" }).first().click();
    await page.locator(".portal-row", { hasText: title }).waitFor();
    expect(await page.locator(".portal-row", { hasText: title }).locator(".org-name").textContent()).toBe(
      "Acme Support",
    );
    expect(problems).toEqual([]);
  });

  it("an intake link of a closed org, or of none, says it found nothing", async () => {
    const { page } = await newContext(browser);
    await signInWithPassword(page, "customer@client.test", PASSWORD);
    await page.waitForURL(`${APP}/portal`);
    for (const slug of ["globex", "no-such-org"]) {
      await page.goto(`${APP}/raise/${slug}`);
      await page.getByRole("alert").waitFor();
      expect(await page.getByRole("alert").textContent()).toContain("not found");
      expect(await page.getByRole("button", { name: "Raise the issue" }).count()).toBe(0);
    }
  });
});

describe("walls between customers", () => {
  it("a customer of org A reaches neither org B's issue nor another customer's, by URL or by a guessed id", async () => {
    // Org B (globex): a customer of its own raises an issue there.
    const globexCustomer = { uid: unique("globex-customer-"), name: "Gus Globex" };
    const globexEmail = `${globexCustomer.uid}@example.test`;
    await admin().auth.createUser({
      uid: globexCustomer.uid,
      email: globexEmail,
      password: PASSWORD,
      displayName: globexCustomer.name,
      emailVerified: true,
    });
    await addMembership("globex", globexCustomer.uid, "customer", globexCustomer.name);
    const secretB = unique("Globex secret ");
    const inB = await api<{ issueId: string }>(await idToken(globexEmail), "POST", "/orgs/globex/issues", {
      title: secretB,
    });
    expect(inB.status).toBe(201);
    // Org A (acme): another customer's issue.
    const secretA = unique("Another customer's secret ");
    const inA = await api<{ issueId: string }>(await idToken("buyer@client.test"), "POST", `/orgs/${ORG}/issues`, {
      title: secretA,
    });
    expect(inA.status).toBe(201);

    const { page } = await newContext(browser);
    const traffic = await recordFirestoreTraffic(page);
    await signInWithPassword(page, "customer@client.test", PASSWORD);
    await page.waitForURL(`${APP}/portal`);
    const attempts: [string, string][] = [
      [`/portal/issues/globex/${inB.body.issueId}`, "Issue not found"],
      [`/portal/issues/${ORG}/${inB.body.issueId}`, "Issue not found"],
      [`/portal/issues/${ORG}/${inA.body.issueId}`, "Issue not found"],
      [`/o/globex/issues/${inB.body.issueId}`, "Organisation not found"],
      [`/o/${ORG}/issues/${inA.body.issueId}`, "Issue not found"],
      [`/orgs/globex/issues/${inB.body.issueId}`, "Issue not found"],
      [`/portal/issues/${ORG}/guessed-${unique("")}`, "Issue not found"],
    ];
    for (const [path, message] of attempts) {
      await page.goto(`${APP}${path}`);
      const alert = page.getByRole("alert");
      await alert.waitFor();
      expect(await alert.textContent(), path).toContain(message);
      const html = await page.content();
      expect(html, path).not.toContain(secretA);
      expect(html, path).not.toContain(secretB);
    }
    await expectAccessible(page, "issue not found");
    const received = traffic.bodies().join("\n");
    expect(received).not.toContain(secretA);
    expect(received).not.toContain(secretB);
    // Nothing of either issue came: not the issue, not its thread (the portal asked only for its own projection's path).
    expect(
      traffic
        .documentPaths()
        .filter((p) => p.startsWith("orgs/") && (p.includes(inA.body.issueId) || p.includes(inB.body.issueId))),
    ).toEqual([]);
    // Their own things only: projections and profile, and their own membership (the org layout reads the role live).
    const foreign = traffic
      .documentPaths()
      .filter((p) => !/^(users\/demo-customer(\/.*)?|orgs\/[^/]+\/members\/demo-customer)$/.test(p));
    expect(foreign).toEqual([]);
    // The recording works: the portal list's own projections came through it.
    expect(traffic.documentPaths().some((p) => p.startsWith("users/demo-customer/portalIssues/"))).toBe(true);
    // The API answers the same: nothing there (404), for either.
    const token = await idToken("customer@client.test");
    expect((await api(token, "GET", `/orgs/globex/issues/${inB.body.issueId}`)).status).toBe(404);
    expect((await api(token, "GET", `/orgs/${ORG}/issues/${inA.body.issueId}`)).status).toBe(404);
    expect((await api(token, "GET", `/orgs/${ORG}/issues/${inA.body.issueId}/comments`)).status).toBe(404);
  });
});
