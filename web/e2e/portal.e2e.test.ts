/**
 * The client portal against the real emulators, two browsers side by side: a customer
 * raises an issue and an agent sees it arrive live with the client badge while the
 * bell counts up; the agent answers publicly and notes internally, and the customer's
 * page shows the public reply and never the note — checked on the DOM and on every
 * document the customer's Firestore listeners received; the agent resolves, the
 * customer reads the notes and reopens. Then the bell's panel and the preferences, and the
 * page's address: the issue's number, as in mail, with the id of older links still working.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeViolations, seriousViolations } from "./support/axe";
import { APP, launchBrowser, newContext, signInWithPassword } from "./support/browser";
import { recordFirestoreTraffic, type Traffic } from "./support/firestoreTraffic";
import { addMembership, admin, api, idToken, markPage, ORG, PASSWORD, unique, wasNotReloaded } from "./support/world";

const CUSTOMER = { email: "customer@client.test", uid: "demo-customer", name: "Cora Customer" };

let browser: Browser;
let customer: Page;
let agent: Page;
let traffic: Traffic;
const problems: string[][] = [];
const agentUser = { uid: unique("portal-agent-"), name: "Pat Portal" };
const title = unique("Parcel arrived with a cracked screen ");
const publicReply = unique("Sorry about that: a replacement ships today, reference ");
const internalNote = unique("INTERNAL courier claim number ");
const resolutionNotes = unique("Replacement delivered and signed for, parcel ");
const reopenReason = unique("The replacement is cracked too, box ");
let issueId = "";
/** The raised issue's number, which its portal address names (`/portal/issues/acme/ISS-…`). */
let number = "";

/** Staff-only fields of the issue document: never in anything a customer's page receives. */
const STAFF_ONLY_FIELDS = [
  "tags",
  "watchers",
  "lastActor",
  "fingerprint",
  "occurrences",
  "linear",
  "sla",
  "metrics",
  "searchTokens",
  "reporter",
  "raisedByCustomer",
  "version",
];

async function expectAccessible(page: Page, what: string) {
  const violations = await seriousViolations(page);
  expect(violations, `${what}:\n${describeViolations(violations)}`).toEqual([]);
}

const bell = (page: Page) => page.getByRole("button", { name: /^Notifications,/ });
const unreadCount = async (page: Page) => {
  const name = (await bell(page).getAttribute("aria-label")) ?? "";
  return /none unread/.test(name) ? 0 : Number(/(\d+) unread/.exec(name)?.[1] ?? NaN);
};

/** What the customer's listeners received, checked against what a customer may see. */
function expectNothingInternal(received: Traffic) {
  const bodies = received.bodies().join("\n");
  // The fields arrive in the shape the checks below read: a customer-visible one, found as such.
  expect(bodies).toMatch(/"title"\s*:\s*\{\s*"stringValue"/);
  expect(bodies).not.toContain(internalNote);
  expect(bodies).not.toMatch(/"internal"\s*:\s*\{\s*"booleanValue"\s*:\s*true/);
  for (const field of STAFF_ONLY_FIELDS)
    expect(bodies, `the field ${field} reached the customer`).not.toMatch(
      new RegExp(
        `"${field}"\\s*:\\s*\\{\\s*"(mapValue|arrayValue|stringValue|integerValue|booleanValue|nullValue|timestampValue)"`,
      ),
    );
  for (const path of received.documentPaths()) {
    // Their own projections, notifications and profile; the public comments of their own issue.
    expect(path, "a document the customer may not receive").toMatch(
      new RegExp(
        `^(users/${CUSTOMER.uid}(/(portalIssues|notifications)/[^/]+)?|orgs/${ORG}/issues/[^/]+/comments/[^/]+)$`,
      ),
    );
  }
}

beforeAll(async () => {
  browser = await launchBrowser();
  const { auth } = admin();
  await auth.createUser({
    uid: agentUser.uid,
    email: `${agentUser.uid}@example.test`,
    password: PASSWORD,
    displayName: agentUser.name,
    emailVerified: true,
  });
  await addMembership(ORG, agentUser.uid, "agent", agentUser.name);
  const a = await newContext(browser);
  const c = await newContext(browser);
  agent = a.page;
  customer = c.page;
  problems.push(a.problems, c.problems);
  traffic = await recordFirestoreTraffic(customer);
});
afterAll(async () => {
  await browser?.close();
});

describe("the client portal", () => {
  it("a customer raises an issue; the agent sees it live with the client badge and the bell counts up without a reload", async () => {
    await signInWithPassword(agent, `${agentUser.uid}@example.test`, PASSWORD);
    await agent.waitForURL(`${APP}/o/${ORG}/issues`);
    await agent.locator("table.issue-table tbody tr").first().waitFor();
    // Whatever earlier files of the suite left unread: the count is compared with where it starts.
    await expect.poll(() => unreadCount(agent)).not.toBeNaN();
    const unreadBefore = await unreadCount(agent);
    await markPage(agent);

    await signInWithPassword(customer, CUSTOMER.email, PASSWORD);
    // Only a customer: the portal, not a workspace.
    await customer.waitForURL(`${APP}/portal`);
    await customer.getByRole("heading", { name: "Your support requests" }).waitFor();
    expect(await customer.getByRole("navigation", { name: "Sections" }).count()).toBe(0);
    await customer.locator(".portal-row, .state-empty").first().waitFor();
    await expectAccessible(customer, "portal list");

    await customer.getByRole("link", { name: "Raise an issue" }).first().click();
    await customer.getByRole("heading", { name: "How can we help?" }).waitFor();
    await expectAccessible(customer, "raise form");
    await customer.getByRole("button", { name: "Raise the issue" }).click();
    await expect.poll(() => customer.locator("#error-title").textContent()).toBe("Required.");
    await customer.getByLabel(/^Title/).fill(title);
    await customer.getByLabel("Description").fill("The screen was cracked when I opened the box. Photos on request.");
    await customer.getByLabel("Priority").selectOption("high");
    await customer.getByLabel("Category").selectOption("delivery");
    await customer.getByLabel("Type").selectOption("bug");
    await customer.getByLabel("Order id").fill("o-5521");
    await customer.getByLabel("Order reference").fill("SO-5521");
    await customer.getByRole("button", { name: "Raise the issue" }).click();
    await customer.getByRole("heading", { name: title }).waitFor();
    // The API's answer carries the number, so the page's address is the one mail will name.
    number = decodeURIComponent(/\/portal\/issues\/acme\/([^/]+)$/.exec(customer.url())?.[1] ?? "");
    expect(number).toMatch(/^ISS-\d{4}-\d{4,}$/);
    await expect.poll(() => customer.locator(".issue-number.big").textContent()).toBe(number);
    const numbered = await admin().db.collection(`orgs/${ORG}/issues`).where("number", "==", number).get();
    expect(numbered.size).toBe(1);
    issueId = numbered.docs[0]!.id;
    await customer.locator(".status-panel", { hasText: "We have your request" }).waitFor();

    // The agent's queue: the newcomer is announced in place, and shown with its badge on request.
    const row = agent.locator("table.issue-table tbody tr", { hasText: title });
    const showLatest = agent.getByRole("button", { name: "Show latest" });
    await expect
      .poll(async () => {
        if ((await row.count()) > 0) return true;
        if ((await showLatest.count()) > 0) await showLatest.click().catch(() => undefined);
        return false;
      })
      .toBe(true);
    expect(await row.locator(".badge.source-client").textContent()).toBe("Client");
    await expect.poll(() => unreadCount(agent)).toBeGreaterThan(unreadBefore);
    expect(await wasNotReloaded(agent)).toBe(true);
  });

  it("the agent replies publicly and notes internally; the customer sees the reply and never the note, on the page and in every document received", async () => {
    await agent.goto(`${APP}/o/${ORG}/issues/${issueId}`);
    await agent.getByRole("heading", { name: title }).waitFor();
    await markPage(customer);
    const composer = agent.locator("form.composer");
    await composer.getByRole("textbox").fill(publicReply);
    await agent.getByRole("button", { name: "Send public reply" }).click();
    await agent.locator(".comment.public", { hasText: publicReply }).waitFor();
    await agent.getByText("Internal note", { exact: true }).click();
    await composer.getByRole("textbox").fill(internalNote);
    await agent.getByRole("button", { name: "Add internal note" }).click();
    await agent.locator(".comment.internal", { hasText: internalNote }).waitFor();

    const reply = customer.locator(".portal-thread .comment", { hasText: publicReply });
    await reply.waitFor();
    expect(await reply.locator(".team-badge").textContent()).toBe("Support team");
    // The first public reply answers the issue; the status arrives live too.
    await customer.locator(".detail-head .badge.status-answered").waitFor();
    // Give the note every chance to arrive, then look everywhere.
    await customer.waitForTimeout(1500);
    expect(await customer.content()).not.toContain(internalNote);
    expect(await customer.locator(".portal-thread .comment").count()).toBe(1);
    expect(await wasNotReloaded(customer)).toBe(true);

    // The recording works: the public reply is in it, and the projection and the comment came as documents.
    expect(traffic.bodies().join("\n")).toContain(publicReply);
    expect(traffic.documentPaths()).toEqual(
      expect.arrayContaining([`users/${CUSTOMER.uid}/portalIssues/${ORG}_${issueId}`]),
    );
    expect(traffic.documentPaths().some((p) => p.startsWith(`orgs/${ORG}/issues/${issueId}/comments/`))).toBe(true);
    expectNothingInternal(traffic);
    await expectAccessible(customer, "portal issue page");
  });

  it("the agent resolves; the customer sees it resolved with the notes, and reopens it with a reason", async () => {
    await agent.getByRole("button", { name: "Resolve…" }).click();
    const dialog = agent.getByRole("dialog", { name: /Resolve/ });
    await dialog.getByLabel(/Resolution notes/).fill(resolutionNotes);
    await dialog.getByRole("button", { name: "Resolve with these public notes" }).click();
    await agent.locator(".detail-head .badge.status-resolved").waitFor();

    await customer.locator(".detail-head .badge.status-resolved").waitFor();
    const resolution = customer.getByRole("region", { name: "How it was resolved" });
    await resolution.waitFor();
    expect(await resolution.textContent()).toContain(resolutionNotes);
    await customer.getByRole("button", { name: "Reopen this issue" }).click();
    const reopen = customer.getByRole("dialog", { name: "Reopen this issue" });
    await reopen.getByRole("button", { name: "Reopen", exact: true }).click();
    await reopen.getByText("Tell the team why").waitFor();
    await expectAccessible(customer, "reopen dialog");
    await reopen.getByLabel("Why are you reopening it?").fill(reopenReason);
    await reopen.getByRole("button", { name: "Reopen", exact: true }).click();
    await customer.locator(".detail-head .badge.status-open").waitFor();
    // The reason is the customer's public word in the thread; the notes of the old resolution are gone.
    await customer.locator(".portal-thread .comment.mine", { hasText: reopenReason }).waitFor();
    await expect.poll(() => customer.getByRole("region", { name: "How it was resolved" }).count()).toBe(0);
    await agent.locator(".detail-head .badge.status-open").waitFor();
    await agent.locator(".comment.public", { hasText: reopenReason }).waitFor();
    expect(await wasNotReloaded(customer)).toBe(true);
    expectNothingInternal(traffic);
  });

  it("the customer's bell counts the reply and the status changes; an entry opens the portal page; mark read and mark all read", async () => {
    await expect.poll(() => unreadCount(customer)).toBeGreaterThanOrEqual(2);
    await customer.goto(`${APP}/portal`);
    await customer.locator(".portal-row", { hasText: title }).waitFor();
    const before = await unreadCount(customer);
    await bell(customer).click();
    const panel = customer.getByRole("region", { name: "Notifications" });
    await panel.waitFor();
    const entries = panel.locator(".notif-list li", { hasText: title });
    await entries.first().waitFor();
    await expectAccessible(customer, "notifications panel");
    // Every entry about this issue leads to the portal page, never the agent's, by the issue's number.
    for (const href of await entries.locator("a").evaluateAll((links) => links.map((a) => a.getAttribute("href")))) {
      expect(href).toBe(`/portal/issues/${ORG}/${number}`);
    }
    await entries
      .first()
      .getByRole("button", { name: /^Mark read:/ })
      .click();
    await expect.poll(() => unreadCount(customer)).toBe(before - 1);
    await panel.getByRole("button", { name: "Mark all read" }).click();
    await expect.poll(() => unreadCount(customer)).toBe(0);
    expect(await customer.getByTestId("bell-count").count()).toBe(0);
    await entries.first().locator("a").click();
    await customer.waitForURL(`${APP}/portal/issues/${ORG}/${number}`);
    await customer.getByRole("heading", { name: title }).waitFor();
    expectNothingInternal(traffic);
  });

  it("the agent's bell entry for the raised issue opens the agent page", async () => {
    await bell(agent).click();
    const panel = agent.getByRole("region", { name: "Notifications" });
    const entry = panel.locator(".notif-list li", { hasText: title }).first();
    await entry.waitFor();
    // The team's address is the readable number, as in the entry itself.
    expect(await entry.locator(".issue-number").textContent()).toBe(number);
    expect(await entry.locator("a").getAttribute("href")).toBe(`/o/${ORG}/issues/${number}`);
  });

  it("preferences: a customer is offered replies and status changes, in the app and by email, and the choice is stored", async () => {
    await customer.goto(`${APP}/account/notifications`);
    await customer.getByRole("heading", { name: "Notification settings" }).waitFor();
    const rows = customer.locator(".prefs-table tbody tr");
    await rows.first().waitFor();
    expect(await rows.count()).toBe(2);
    await expectAccessible(customer, "notification settings");
    const replyMail = customer.getByRole("checkbox", { name: "Replies: email" });
    expect(await replyMail.isChecked()).toBe(true);
    await replyMail.uncheck();
    await customer.getByRole("button", { name: "Save settings" }).click();
    await customer.getByText("Saved.").waitFor();
    const { db } = admin();
    await expect
      .poll(async () => (await db.doc(`users/${CUSTOMER.uid}`).get()).get("notificationPrefs.comment"))
      .toEqual({ inApp: true, email: false });
    // Back as it was, for the other suites that count this customer's mail.
    await replyMail.check();
    await customer.getByRole("button", { name: "Save settings" }).click();
    await expect
      .poll(async () => (await db.doc(`users/${CUSTOMER.uid}`).get()).get("notificationPrefs.comment"))
      .toEqual({ inApp: true, email: true });
    expect(problems.flat()).toEqual([]);
  });

  it("the link in the customer's notification mail opens their portal page by number, as the team's mail opens the agent page; an older mail's link still finds both", async () => {
    const { db } = admin();
    const linkIn = async (mine: (mail: FirebaseFirestore.QueryDocumentSnapshot) => boolean) => {
      const mails = (await db.collection("mail").where("issueId", "==", issueId).get()).docs.filter(mine);
      expect(mails.length).toBeGreaterThan(0);
      return new URL(/Open it: (\S+)/.exec(mails[0]!.get("message.text") as string)?.[1] ?? "").pathname;
    };
    const customerPath = await linkIn((mail) => mail.get("uid") === CUSTOMER.uid);
    expect(customerPath).toBe(`/portal/issues/${ORG}/${number}`);
    await customer.goto(`${APP}${customerPath}`);
    await customer.getByRole("heading", { name: title }).waitFor();
    // The team heard of the new issue by mail ("issue raised" goes to every admin and agent).
    const agentPath = await linkIn((mail) => mail.get("kind") === "issue_raised");
    expect(agentPath).toBe(`/o/${ORG}/issues/${number}`);
    await agent.goto(`${APP}${agentPath}`);
    await agent.getByRole("heading", { name: title }).waitFor();
    // Mail sent before the links named the page: one link, each reader to their own page.
    const older = `/orgs/${ORG}/issues/${issueId}`;
    await customer.goto(`${APP}${older}`);
    await customer.waitForURL(`${APP}/portal/issues/${ORG}/${issueId}`);
    await customer.getByRole("heading", { name: title }).waitFor();
    await agent.goto(`${APP}${older}`);
    await agent.waitForURL(`${APP}/o/${ORG}/issues/${issueId}`);
    await agent.getByRole("heading", { name: title }).waitFor();
    expectNothingInternal(traffic);
  });

  it("the API agrees: the customer's own issue answers with the projection, without staff fields", async () => {
    const answer = await api<Record<string, unknown>>(
      await idToken(CUSTOMER.email),
      "GET",
      `/orgs/${ORG}/issues/${issueId}`,
    );
    expect(answer.status).toBe(200);
    for (const field of STAFF_ONLY_FIELDS) expect(answer.body).not.toHaveProperty(field);
  });
});

describe("the portal page's address", () => {
  const theirTitle = unique("Another customer's parcel went to the neighbours ");
  let theirNumber = "";
  let notFoundPage: Page;
  let notFoundTraffic: Traffic;

  beforeAll(async () => {
    // Another customer of the same org, with a numbered issue of their own.
    const raised = await api<{ issueId: string; number: string | null }>(
      await idToken("buyer@client.test"),
      "POST",
      `/orgs/${ORG}/issues`,
      { title: theirTitle },
    );
    expect(raised.status).toBe(201);
    theirNumber = raised.body.number ?? "";
    expect(theirNumber).toMatch(/^ISS-\d{4}-\d{4,}$/);
    const context = await newContext(browser);
    notFoundPage = context.page;
    problems.push(context.problems);
    notFoundTraffic = await recordFirestoreTraffic(notFoundPage);
    await signInWithPassword(notFoundPage, CUSTOMER.email, PASSWORD);
    await notFoundPage.waitForURL(`${APP}/portal`);
  });

  it("a row of the portal list opens the issue at its number, and the number in any case opens it too", async () => {
    await customer.goto(`${APP}/portal`);
    const row = customer.locator(".portal-row", { hasText: title });
    await row.getByRole("link").click();
    await customer.waitForURL(`${APP}/portal/issues/${ORG}/${number}`);
    await customer.getByRole("heading", { level: 1, name: title }).waitFor();
    expect(await customer.locator(".issue-number.big").textContent()).toBe(number);
    // The thread comes by the id the projection names: the public reply is there, the note is not.
    await customer.locator(".portal-thread .comment", { hasText: publicReply }).waitFor();
    expect(await customer.content()).not.toContain(internalNote);
    await expectAccessible(customer, "portal issue page by number");
    // Typed by hand: lower case, and without the zero padding.
    const [, year, seq] = /^ISS-(\d{4})-(\d+)$/.exec(number)!;
    await customer.goto(`${APP}/portal/issues/${ORG}/iss-${year}-${Number(seq)}`);
    await customer.getByRole("heading", { level: 1, name: title }).waitFor();
    expectNothingInternal(traffic);
  });

  it("an old link by id still opens the same page", async () => {
    await customer.goto(`${APP}/portal/issues/${ORG}/${issueId}`);
    await customer.getByRole("heading", { level: 1, name: title }).waitFor();
    expect(await customer.locator(".issue-number.big").textContent()).toBe(number);
    await customer.locator(".portal-thread .comment", { hasText: publicReply }).waitFor();
  });

  it("another customer's number, a number in another org and a number nobody has all show the same not-found state, and nothing of the other issue arrives", async () => {
    const year = theirNumber.slice(4, 8);
    const attempts = [
      `/portal/issues/${ORG}/${theirNumber}`,
      `/portal/issues/globex/${number}`,
      `/portal/issues/${ORG}/ISS-${year}-99999999`,
      `/portal/issues/${ORG}/guessed-${unique("")}`,
    ];
    const shown: string[] = [];
    for (const path of attempts) {
      await notFoundPage.goto(`${APP}${path}`);
      const alert = notFoundPage.getByRole("alert");
      await alert.waitFor();
      shown.push((await alert.textContent()) ?? "");
      expect(await notFoundPage.content(), path).not.toContain(theirTitle);
    }
    // One message for every case, so a number's existence can't be told from the page.
    expect(shown[0]).toContain("Issue not found");
    expect(new Set(shown).size).toBe(1);
    await expectAccessible(notFoundPage, "portal issue not found by number");
    expect(notFoundTraffic.bodies().join("\n")).not.toContain(theirTitle);
    // The page asked its own portal only: their own documents came (the portal list's projections, so the
    // recording works), and nothing of anyone else's.
    const paths = notFoundTraffic.documentPaths();
    expect(paths.some((path) => path.startsWith(`users/${CUSTOMER.uid}/portalIssues/`))).toBe(true);
    for (const path of paths)
      expect(path).toMatch(
        new RegExp(
          `^(users/${CUSTOMER.uid}(/(portalIssues|notifications)/[^/]+)?|orgs/[^/]+/members/${CUSTOMER.uid})$`,
        ),
      );
    expect(problems.flat()).toEqual([]);
  });
});
