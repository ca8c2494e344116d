/**
 * The Linear sync end to end (issue 11): the emulated functions (`linearSync` on
 * the Tasks emulator, `linearWebhook`, the triggers) talk to a Linear-compatible
 * fake server that this process runs (test/fakes/fakeLinear.ts), through the real
 * @linear/sdk. The harness (`emulators.mjs --test-env`) points LINEAR_API_URL at
 * it and gives the emulator the secrets the tests sign with. Like Linear, the fake
 * sends a signed webhook for every change, our own included, so every case also
 * runs our echo suppression. Each case asserts what the fake received and what
 * Firestore holds.
 */
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { join } from "node:path";
import { promisify } from "node:util";
import express from "express";
import type { AddressInfo } from "node:net";
import type { DocumentReference } from "firebase-admin/firestore";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { applyLinearDelivery, handleDeliveryCreated } from "../../src/integrations/linear/applyDelivery";
import { linearApi } from "../../src/integrations/linear/client";
import { handleLinearSync } from "../../src/integrations/linear/syncTask";
import { handleLinearWebhook } from "../../src/integrations/linear/webhook";
import { linearCommentId } from "../../src/integrations/linear/outbound";
import { fieldsToPush } from "../../src/domain";
import { insertIssue } from "../../src/store/issues";
import { bindLinearTeam } from "../../src/store/linearTeams";
import { FakeLinear, signWebhook, VIEWER } from "../fakes/fakeLinear";
import { createInput, fft, notificationsOf, waitFor } from "./eventsHelpers";
import {
  addMember,
  call,
  db,
  expectProblem,
  FUNCTION_BASE,
  HOSTING_BASE,
  newOrg,
  newUser,
  withTriggersPaused,
  type TestUser,
} from "./helpers";

const env = (name: string): string => {
  const value = process.env[name];
  if (!value)
    throw new Error(
      `${name} is not set: run the emulator suites through \`npm run test:emulator\` (emulators.mjs --test-env).`,
    );
  return value;
};
const WEBHOOK_URL = FUNCTION_BASE.replace(/\/api\/v1$/, "/linearWebhook");
const HOSTED_WEBHOOK_URL = HOSTING_BASE.replace(/\/api\/v1$/, "/webhooks/linear");
const API_KEY = env("FIRETRACK_LINEAR_API_KEY");
const SECRET = env("FIRETRACK_LINEAR_WEBHOOK_SECRET");
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

// A case crosses four or five emulated functions (API, triggers, the task, the webhook), each a process the
// Functions emulator may have to start cold on a loaded machine: more time than the suites' default, and more
// than the waits below, so that a wait that runs out says what it waited for.
vi.setConfig({ testTimeout: 300_000 });

const fake = new FakeLinear({ apiKey: API_KEY, webhookSecret: SECRET, webhookUrl: WEBHOOK_URL, echo: true });
let admin: TestUser;
const orgsToSilence: string[] = [];

beforeAll(async () => {
  await fake.listen(Number(env("FIRETRACK_LINEAR_FAKE_PORT")));
  admin = await newUser("linearadmin");
});

afterAll(async () => {
  // Leave no sync running for the suites after this one: the fake goes away with this file.
  // One at a time: the Functions emulator starts a process per concurrent request.
  for (const orgId of orgsToSilence)
    await call("PATCH", `/orgs/${orgId}/settings`, { token: admin.token, body: { linear: { enabled: false } } });
  await fake.close();
}, 300_000);

let teams = 0;
interface SyncedOrg {
  orgId: string;
  teamId: string;
  key: string;
}

/**
 * An org of `admin`'s whose sync is on, with a Linear team of its own, bound to it as the
 * operator's script binds (the same store code: store/linearTeams.ts).
 */
async function syncedOrg(linear: Record<string, unknown> = {}): Promise<SyncedOrg> {
  const orgId = await newOrg(admin, `Linear org ${++teams}`);
  const teamId = `team-${randomUUID()}`;
  const key = `T${teams}`;
  fake.addTeam(teamId, key);
  await bindLinearTeam(db(), teamId, orgId);
  const response = await call("PATCH", `/orgs/${orgId}/settings`, {
    token: admin.token,
    body: { linear: { teamId, enabled: true, ...linear } },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  orgsToSilence.push(orgId);
  return { orgId, teamId, key };
}

const issueDoc = (orgId: string, issueId: string) => db().doc(`orgs/${orgId}/issues/${issueId}`);

async function createIssue(orgId: string, body: Record<string, unknown>): Promise<string> {
  const response = await call("POST", `/orgs/${orgId}/issues`, { token: admin.token, body });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.id as string;
}

/**
 * Waits for the issue to be linked and for Linear to hold its title, description, status and priority
 * as they are now (writes of other fields, which bump `version` too, send nothing).
 */
async function synced(ref: DocumentReference, label = "the push") {
  return waitFor(
    label,
    async () => {
      const snapshot = await ref.get();
      const linear = snapshot.get("linear");
      const field = (name: string) => String(snapshot.get(name) ?? "");
      const now = {
        title: field("title"),
        description: field("description"),
        status: field("status"),
        priority: field("priority"),
      };
      return linear?.identifier && fieldsToPush(now, linear.syncedFields).length === 0 ? snapshot : null;
    },
    120_000,
  );
}

/**
 * Waits until the fake has had no request and sent no webhook (nor has one on its way) for `quietMs`. With the
 * Functions emulator's workers capped (scripts/lib/emulatorEnv.mjs) a trigger follows its write within a second,
 * so 3 s of silence proves nothing more is coming; the 6 s this used to wait covered workers starting by the dozen.
 */
async function quiet(quietMs = 3_000, deadlineMs = 120_000) {
  const started = Date.now();
  let last = -1;
  let since = Date.now();
  for (;;) {
    const now = fake.requests.length + fake.webhooks.length;
    if (now !== last || fake.sending > 0) {
      last = now;
      since = Date.now();
    }
    if (Date.now() - since >= quietMs) return;
    if (Date.now() - started > deadlineMs) throw new Error("the sync did not settle");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const forTeam = (teamId: string) => (variables: Record<string, any>) => variables.input?.teamId === teamId;
const forIssue = (linearId: string) => (variables: Record<string, any>) =>
  variables.id === linearId || variables.input?.issueId === linearId;
const teamIssues = (teamId: string) => [...fake.issues.values()].filter((issue) => issue.teamId === teamId);

async function deliveryOutcome(deliveryId: string) {
  return waitFor(`delivery ${deliveryId} applied`, async () => {
    const delivery = await db().doc(`webhookDeliveries/${deliveryId}`).get();
    return delivery.get("appliedAt") ? (delivery.get("outcome") as string) : null;
  });
}

describe("settings", () => {
  it("a new organisation starts with LINEAR_DEFAULT_TEAM_ID as its Linear team, the sync off", async () => {
    const orgId = await newOrg(admin, "Fresh org");
    const settings = await call("GET", `/orgs/${orgId}/settings`, { token: admin.token });
    expect(settings.body.linear).toEqual({
      teamId: env("FIRETRACK_LINEAR_DEFAULT_TEAM_ID"),
      enabled: false,
      mirrorComments: "public",
      stateMap: {},
    });
  });

  it("an admin turns the sync on only for a team the operator bound to their org: unbound or bound elsewhere → 409 on the field, nothing changed", async () => {
    const first = await syncedOrg();
    expect((await db().doc(`linearTeams/${first.teamId}`).get()).get("orgId")).toBe(first.orgId);
    const otherOrg = await newOrg(admin, "Second claimant");
    const before = (await call("GET", `/orgs/${otherOrg}/settings`, { token: admin.token })).body;
    const unbound = `team-${randomUUID()}`;
    for (const teamId of [unbound, first.teamId]) {
      const refused = await call("PATCH", `/orgs/${otherOrg}/settings`, {
        token: admin.token,
        body: { linear: { teamId, enabled: true }, publicIntake: true },
      });
      expectProblem(refused, 409);
      // The same answer for a free team and another org's: nothing learnt about other tenants.
      expect(refused.body.errors).toEqual([expect.objectContaining({ path: "linear.teamId", code: "not_bound" })]);
      expect(refused.body.detail).toMatch(/operator/);
      expect((await call("GET", `/orgs/${otherOrg}/settings`, { token: admin.token })).body).toEqual(before);
    }
    expect((await db().doc(`linearTeams/${unbound}`).get()).exists).toBe(false);
    // Pre-filling a team with the sync off needs no binding.
    const prefilled = await call("PATCH", `/orgs/${otherOrg}/settings`, {
      token: admin.token,
      body: { linear: { teamId: first.teamId } },
    });
    expect(prefilled.status, JSON.stringify(prefilled.body)).toBe(200);
  });

  it("the operator's script moves a team: the org that loses it stops syncing and cannot turn it back on; unbind stops the new one", async () => {
    const script = (...args: string[]) =>
      promisify(execFile)(process.execPath, [join(__dirname, "../../../scripts/linear-team.mjs"), ...args], {
        env: process.env,
      });
    const first = await syncedOrg();
    const otherOrg = await newOrg(admin, "Next owner");
    orgsToSilence.push(otherOrg);

    const moved = await script("bind", first.teamId, otherOrg);
    expect(moved.stdout).toContain(`bound to ${otherOrg}`);
    expect(moved.stdout).toContain(`the sync of ${first.orgId} with it is now off`);
    expect((await db().doc(`linearTeams/${first.teamId}`).get()).get("orgId")).toBe(otherOrg);
    const firstSettings = (await call("GET", `/orgs/${first.orgId}/settings`, { token: admin.token })).body;
    expect(firstSettings.linear).toMatchObject({ teamId: first.teamId, enabled: false });
    expectProblem(
      await call("PATCH", `/orgs/${first.orgId}/settings`, {
        token: admin.token,
        body: { linear: { enabled: true } },
      }),
      409,
    );

    const taken = await call("PATCH", `/orgs/${otherOrg}/settings`, {
      token: admin.token,
      body: { linear: { teamId: first.teamId, enabled: true, stateMap: { on_hold: "Blocked" } } },
    });
    expect(taken.status, JSON.stringify(taken.body)).toBe(200);
    expect(taken.body.linear).toMatchObject({ teamId: first.teamId, enabled: true, stateMap: { on_hold: "Blocked" } });

    expect((await script("show", first.teamId)).stdout).toContain(`bound to ${otherOrg}`);
    const unbound = await script("unbind", first.teamId);
    expect(unbound.stdout).toContain(`the sync of ${otherOrg} with it is now off`);
    expect((await db().doc(`linearTeams/${first.teamId}`).get()).exists).toBe(false);
    expect((await call("GET", `/orgs/${otherOrg}/settings`, { token: admin.token })).body.linear.enabled).toBe(false);

    // Bad usage says how, and binds nothing.
    const misuse = await script("bind", first.teamId).catch((err: { code: number; stderr: string }) => err);
    expect(misuse).toMatchObject({ code: 2, stderr: expect.stringContaining("usage:") });
    const noOrg = await script("bind", first.teamId, "no-such-org").catch(
      (err: { code: number; stderr: string }) => err,
    );
    expect(noOrg).toMatchObject({ code: 1, stderr: expect.stringContaining("no organisation no-such-org") });
    expect((await db().doc(`linearTeams/${first.teamId}`).get()).exists).toBe(false);
  });
});

describe("outbound", () => {
  it("create → exactly one createIssue with our UUID; the issue shows identifier and URL; customers never see the link", async () => {
    const org = await syncedOrg();
    const customer = await newUser("linearcustomer");
    await addMember(org.orgId, customer, "customer");
    const raised = await call("POST", `/orgs/${org.orgId}/issues`, {
      token: customer.token,
      body: { title: "Invoice export broken", description: "CSV is empty", priority: "high" },
    });
    expect(raised.status).toBe(201);
    // A customer is answered with their projection, which names the issue as `issueId`.
    expect(raised.body.issueId, JSON.stringify(raised.body)).toEqual(expect.any(String));
    const ref = issueDoc(org.orgId, raised.body.issueId);
    const issue = await synced(ref);
    const linear = issue.get("linear");
    expect(linear.id).toMatch(UUID_V4);

    const creates = fake.calls("createIssue", forTeam(org.teamId));
    expect(creates).toHaveLength(1);
    expect(creates[0]!.authorization).toBe(API_KEY);
    expect(creates[0]!.variables.input).toMatchObject({
      id: linear.id,
      teamId: org.teamId,
      title: "Invoice export broken",
      description: "CSV is empty",
      priority: 2,
      stateId: `${org.key}-todo`,
    });
    const remote = fake.issues.get(linear.id)!;
    expect(linear).toMatchObject({
      identifier: remote.identifier,
      url: remote.url,
      state: "unstarted",
      stateName: "Todo",
      error: null,
    });
    expect(linear.syncedAt).not.toBeNull();

    // Our own create comes back as a webhook from the integration's user: recognised, nothing changes.
    await quiet();
    const echo = fake.webhooks.find(
      (w) => JSON.parse(w.body).type === "Issue" && JSON.parse(w.body).data.id === linear.id,
    );
    expect(
      echo?.status,
      JSON.stringify({
        webhooks: fake.webhooks.map((w) => [w.status, w.body.slice(0, 120)]),
        requests: fake.requests.map((r) => r.op),
      }),
    ).toBe(200);
    expect(await deliveryOutcome(echo!.deliveryId)).toBe("own_echo");
    expect((await ref.get()).get("version")).toBe(issue.get("version"));
    expect(fake.calls("createIssue", forTeam(org.teamId))).toHaveLength(1);

    const asCustomer = await call("GET", `/orgs/${org.orgId}/issues/${ref.id}`, { token: customer.token });
    expect(asCustomer.status).toBe(200);
    expect(asCustomer.body).not.toHaveProperty("linear");
    const asAdmin = await call("GET", `/orgs/${org.orgId}/issues/${ref.id}`, { token: admin.token });
    expect(asAdmin.body.linear).toMatchObject({ id: linear.id, identifier: remote.identifier });
  });

  it("edits → updateIssue with only what changed; ten quick edits → the final state wins", async () => {
    const org = await syncedOrg();
    const issueId = await createIssue(org.orgId, { title: "Edit me", priority: "low" });
    const ref = issueDoc(org.orgId, issueId);
    const linearId = (await synced(ref)).get("linear.id") as string;

    expect(
      (
        await call("PATCH", `/orgs/${org.orgId}/issues/${issueId}`, {
          token: admin.token,
          body: { priority: "urgent", tags: ["x"] },
        })
      ).status,
    ).toBe(200);
    await synced(ref, "the priority push");
    const priorityPush = fake.calls("updateIssue", forIssue(linearId));
    expect(priorityPush.map((r) => r.variables.input)).toEqual([{ priority: 1 }]);

    expect(
      (
        await call("POST", `/orgs/${org.orgId}/issues/${issueId}/transition`, {
          token: admin.token,
          body: { status: "in_progress" },
        })
      ).status,
    ).toBe(200);
    await waitFor("the status push", async () => fake.issues.get(linearId)!.stateId === `${org.key}-progress`);

    // A change Linear does not show sends nothing.
    await quiet(3_000);
    const before = fake.calls("updateIssue", forIssue(linearId)).length;
    expect(
      (
        await call("PATCH", `/orgs/${org.orgId}/issues/${issueId}`, {
          token: admin.token,
          body: { category: "billing" },
        })
      ).status,
    ).toBe(200);
    await quiet(5_000);
    expect(fake.calls("updateIssue", forIssue(linearId))).toHaveLength(before);

    for (let i = 1; i <= 10; i++) {
      const edit = await call("PATCH", `/orgs/${org.orgId}/issues/${issueId}`, {
        token: admin.token,
        body: { title: `Edit ${i}` },
      });
      expect(edit.status).toBe(200);
    }
    const final = await synced(ref, "the ten edits");
    await quiet();
    expect(final.get("title")).toBe("Edit 10");
    expect(fake.issues.get(linearId)!.title).toBe("Edit 10");
    const titlePushes = fake.calls("updateIssue", forIssue(linearId)).slice(before);
    expect(titlePushes.length).toBeGreaterThanOrEqual(1);
    expect(titlePushes.length).toBeLessThanOrEqual(10);
    expect(titlePushes.every((r) => Object.keys(r.variables.input).join() === "title")).toBe(true);
    expect(titlePushes.at(-1)!.variables.input.title).toBe("Edit 10");
    expect(fake.calls("createIssue", forTeam(org.teamId))).toHaveLength(1);
  });

  it("500 three times, then OK → one Linear issue, the same id every time", async () => {
    const org = await syncedOrg();
    fake.fault({ op: "createIssue", times: 3, when: forTeam(org.teamId), action: { kind: "http500" } });
    const ref = issueDoc(org.orgId, await createIssue(org.orgId, { title: "Flaky upstream" }));
    const issue = await synced(ref, "the push after three 500s");
    const creates = fake.calls("createIssue", forTeam(org.teamId));
    expect(creates).toHaveLength(4);
    expect(new Set(creates.map((r) => r.variables.input.id))).toEqual(new Set([issue.get("linear.id")]));
    expect(teamIssues(org.teamId)).toHaveLength(1);
    expect(issue.get("linear.error")).toBeNull();
  });

  it("RATELIMITED with retry-after → waits that long, then succeeds", async () => {
    const org = await syncedOrg();
    fake.fault({
      op: "createIssue",
      times: 1,
      when: forTeam(org.teamId),
      action: { kind: "ratelimited", retryAfterSeconds: 3, signal: "code" },
    });
    const ref = issueDoc(org.orgId, await createIssue(org.orgId, { title: "Busy Linear" }));
    const issue = await synced(ref, "the push after the rate limit");
    const creates = fake.calls("createIssue", forTeam(org.teamId));
    expect(creates).toHaveLength(2);
    expect(creates[1]!.at - creates[0]!.at).toBeGreaterThanOrEqual(2_900);
    expect(creates[1]!.variables.input.id).toBe(issue.get("linear.id"));
    expect(teamIssues(org.teamId)).toHaveLength(1);
  });

  it("the task honours retry-after beyond its own wait by queueing itself that much later; without one, the queue's backoff; the last attempt records the error", async () => {
    const org = await syncedOrg();
    const reporter = { uid: admin.uid, name: admin.name, kind: "member" as const };
    const id = await withTriggersPaused(() =>
      insertIssue(db(), org.orgId, { input: createInput("Handled in process"), source: "internal", reporter }),
    );
    const path = `orgs/${org.orgId}/issues/${id}`;
    const requeued: [unknown, number][] = [];
    const slept: number[] = [];
    const deps = {
      apiKey: () => API_KEY,
      api: (key: string) => linearApi(key, `http://127.0.0.1:${fake.port}/graphql`),
      sleep: async (ms: number) => void slept.push(ms),
      requeue: async (task: unknown, seconds: number) => void requeued.push([task, seconds]),
    };
    const run = (taskId: string, retryCount = 0) => handleLinearSync({ data: { path }, retryCount, taskId }, deps);

    fake.fault({
      op: "createIssue",
      times: 1,
      when: forTeam(org.teamId),
      action: { kind: "ratelimited", retryAfterSeconds: 90 },
    });
    await run("long-wait");
    expect(requeued).toEqual([[{ path }, 90]]);
    expect(slept).toEqual([]);

    fake.fault({
      op: "createIssue",
      times: 1,
      when: forTeam(org.teamId),
      action: { kind: "ratelimited", signal: "status429" },
    });
    await expect(run("no-retry-after")).rejects.toMatchObject({ code: "unavailable" });

    fake.fault({ op: "createIssue", times: 1, when: forTeam(org.teamId), action: { kind: "http500" } });
    await run("last-attempt", 7);
    expect((await issueDoc(org.orgId, id).get()).get("linear.error")).toMatchObject({ code: "http_500", attempts: 8 });

    await run("fine");
    const issue = await issueDoc(org.orgId, id).get();
    expect(issue.get("linear.identifier")).toBe(teamIssues(org.teamId)[0]!.identifier);
    expect(issue.get("linear.error")).toBeNull();
    expect(fake.calls("createIssue", forTeam(org.teamId))).toHaveLength(4);
    expect(teamIssues(org.teamId)).toHaveLength(1);
  });

  it("a timeout → retried, no duplicate: the retry adopts the issue the lost answer created", async () => {
    const org = await syncedOrg();
    // Linear does the work, but the answer comes after our 10 s timeout. Without the echo
    // (which would tell us of the new issue first), the retry meets "already exists".
    fake.fault({ op: "createIssue", times: 1, when: forTeam(org.teamId), action: { kind: "slowAnswer", ms: 13_000 } });
    fake.echo = false;
    const ref = issueDoc(org.orgId, await createIssue(org.orgId, { title: "Slow network" }));
    const issue = await synced(ref, "the push after the timeout").finally(() => (fake.echo = true));
    const linearId = issue.get("linear.id") as string;
    const creates = fake.calls("createIssue", forTeam(org.teamId));
    expect(creates.length).toBeGreaterThanOrEqual(2);
    expect(creates.every((r) => r.variables.input.id === linearId)).toBe(true);
    expect(teamIssues(org.teamId).map((i) => i.id)).toEqual([linearId]);
    expect(issue.get("linear.identifier")).toBe(fake.issues.get(linearId)!.identifier);
  });

  it("an auth error → linear.error, no retry; an admin's push again clears it", async () => {
    const org = await syncedOrg();
    fake.fault({ op: "createIssue", times: 1, when: forTeam(org.teamId), action: { kind: "auth" } });
    const issueId = await createIssue(org.orgId, { title: "Wrong key" });
    const ref = issueDoc(org.orgId, issueId);
    const error = await waitFor("linear.error", async () => (await ref.get()).get("linear.error"));
    expect(error).toMatchObject({ code: "authentication", attempts: 1 });
    expect(error.message).toMatch(/auth/i);
    // Longer than the queue's backoff: a retry would have come.
    await quiet(8_000);
    expect(fake.calls("createIssue", forTeam(org.teamId))).toHaveLength(1);
    expect((await ref.get()).get("linear.identifier")).toBeNull();

    const again = await call("POST", `/orgs/${org.orgId}/issues/${issueId}/linear:sync`, {
      token: admin.token,
      body: {},
    });
    expect(again.status, JSON.stringify(again.body)).toBe(202);
    const issue = await synced(ref, "the admin's push");
    expect(issue.get("linear.error")).toBeNull();
    expect(fake.calls("createIssue", forTeam(org.teamId))).toHaveLength(2);
  });

  it("push again: 409 while the org's sync is off, refused to agents", async () => {
    const orgId = await newOrg(admin, "No sync");
    const issueId = await createIssue(orgId, { title: "Local only" });
    const off = await call("POST", `/orgs/${orgId}/issues/${issueId}/linear:sync`, { token: admin.token, body: {} });
    expect(off.status).toBe(409);
    expect(off.headers.get("content-type")).toContain("application/problem+json");
    const org = await syncedOrg();
    const agent = await newUser("linearagent");
    await addMember(org.orgId, agent, "agent");
    const agentIssue = await createIssue(org.orgId, { title: "Agent tries" });
    expect(
      (await call("POST", `/orgs/${org.orgId}/issues/${agentIssue}/linear:sync`, { token: agent.token, body: {} }))
        .status,
    ).toBe(403);
    expect(
      (await call("POST", `/orgs/${org.orgId}/issues/nope/linear:sync`, { token: admin.token, body: {} })).status,
    ).toBe(404);
  });
});

describe("webhook", () => {
  const issuePayload = () =>
    fake.payload(
      "Issue",
      "update",
      { id: randomUUID(), title: "x", updatedAt: new Date().toISOString() },
      { id: "user-ada", name: "Ada" },
      { title: "y" },
    );
  const stored = async (deliveryId: string) => (await db().doc(`webhookDeliveries/${deliveryId}`).get()).exists;

  it("a forged signature → 401, nothing stored", async () => {
    const result = await fake.sendWebhook(issuePayload(), {
      signature: signWebhook(JSON.stringify({ other: 1 }), SECRET),
    });
    expect(result.status).toBe(401);
    const wrongSecret = await fake.sendWebhook(issuePayload(), {
      signature: signWebhook(JSON.stringify(issuePayload()), "not-the-secret"),
    });
    expect(wrongSecret.status).toBe(401);
    expect(await stored(result.deliveryId)).toBe(false);
    expect(await stored(wrongSecret.deliveryId)).toBe(false);
  });

  it("a timestamp 61 s old → 401, nothing stored; 50 s old is still accepted", async () => {
    const stale = { ...issuePayload(), webhookTimestamp: Date.now() - 61_000 };
    const result = await fake.sendWebhook(stale);
    expect(result.status).toBe(401);
    expect(await stored(result.deliveryId)).toBe(false);
    const recent = await fake.sendWebhook({ ...issuePayload(), webhookTimestamp: Date.now() - 50_000 });
    expect(recent.status).toBe(200);
    expect(await stored(recent.deliveryId)).toBe(true);
  });

  it("verifies before it parses: unsigned non-JSON is 401, signed non-JSON is 400, a signed non-payload is 400", async () => {
    const text = "this is not json";
    const unsigned = await fake.sendWebhook(null, {
      rawBody: text,
      contentType: "text/plain",
      signature: "0".repeat(64),
    });
    expect(unsigned.status).toBe(401);
    const signed = await fake.sendWebhook(null, { rawBody: text, contentType: "text/plain" });
    expect(signed.status).toBe(400);
    const notPayload = await fake.sendWebhook({ hello: "world", webhookTimestamp: Date.now() });
    expect(notPayload.status).toBe(400);
    for (const id of [unsigned.deliveryId, signed.deliveryId, notPayload.deliveryId])
      expect(await stored(id)).toBe(false);
    const body = JSON.stringify(issuePayload());
    const missingDelivery = await fetch(WEBHOOK_URL, {
      method: "POST",
      headers: { "content-type": "application/json", "linear-signature": signWebhook(body, SECRET) },
      body,
    });
    expect(missingDelivery.status).toBe(400);
    expect((await fetch(WEBHOOK_URL)).status).toBe(405);
  });

  it("answers through hosting at /webhooks/linear as well", async () => {
    const payload = issuePayload();
    const result = await fake.sendWebhook(payload, { url: HOSTED_WEBHOOK_URL });
    expect(result.status).toBe(200);
    expect(await stored(result.deliveryId)).toBe(true);
    expect(await deliveryOutcome(result.deliveryId)).toBe("unlinked");
  });

  it("without a webhook secret configured, refuses every delivery (401), never 5xx", async () => {
    delete process.env.LINEAR_WEBHOOK_SECRET;
    const app = express().post("/", handleLinearWebhook);
    const server = app.listen(0, "127.0.0.1");
    await new Promise<void>((resolve) => server.once("listening", () => resolve()));
    try {
      const result = await fake.sendWebhook(issuePayload(), {
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
      });
      expect(result.status).toBe(401);
      expect(await stored(result.deliveryId)).toBe(false);
    } finally {
      server.close();
    }
  });
});

describe("inbound", () => {
  it("a state change to completed → ours becomes resolved, recorded as Linear's, notified; no updateIssue back", async () => {
    const org = await syncedOrg();
    const issueId = await createIssue(org.orgId, { title: "Fix the login", priority: "medium" });
    const ref = issueDoc(org.orgId, issueId);
    const linearId = (await synced(ref)).get("linear.id") as string;
    await quiet();
    const updatesBefore = fake.calls("updateIssue", forIssue(linearId)).length;

    const result = await fake.personUpdates(
      linearId,
      { stateId: `${org.key}-done` },
      { id: "user-ada", name: "Ada Lovelace" },
    );
    expect(result.status).toBe(200);
    const resolved = await waitFor("resolved from Linear", async () => {
      const snapshot = await ref.get();
      return snapshot.get("status") === "resolved" && snapshot.get("resolvedAt") ? snapshot : null;
    });
    expect(resolved.get("resolution.by")).toEqual({ uid: "linear:user-ada", name: "Ada Lovelace", kind: "linear" });
    // The notes are public: neutral, without Linear's identifier or user; staff keep the Linear user in lastActor.
    expect(resolved.get("resolution.notes")).toBe("Resolved by the support team.");
    expect(resolved.get("lastActor")).toEqual({ uid: "linear:user-ada", name: "Ada Lovelace", kind: "linear" });
    expect(resolved.get("linear")).toMatchObject({ state: "completed", stateName: "Done" });
    expect(await deliveryOutcome(result.deliveryId)).toBe("applied");

    const activity = await waitFor("the activity", async () => {
      const activities = await ref.collection("activities").where("type", "==", "resolved").get();
      return activities.docs[0]?.data();
    });
    // A public activity, which customers read: the team acted, not a Linear user.
    expect(activity.actor).toEqual({ uid: "support-team", name: "Support team", kind: "system" });
    const notes = await waitFor("the reporter's notification", async () =>
      (await notificationsOf(admin.uid, issueId)).find((n) => n.type === "status_changed"),
    );
    expect(notes).toBeTruthy();

    await quiet();
    expect(fake.calls("updateIssue", forIssue(linearId))).toHaveLength(updatesBefore);
    expect(fake.issues.get(linearId)!.stateId).toBe(`${org.key}-done`);
  });

  it("the same delivery twice → 200 both times, applied once", async () => {
    const org = await syncedOrg();
    const ref = issueDoc(org.orgId, await createIssue(org.orgId, { title: "Twice", priority: "low" }));
    const linearId = (await synced(ref)).get("linear.id") as string;
    await quiet();
    const issue = fake.issues.get(linearId)!;
    issue.priority = 1;
    issue.updatedAt = new Date(Date.parse(issue.updatedAt) + 1000).toISOString();
    const payload = fake.payload(
      "Issue",
      "update",
      fake.issueData(issue),
      { id: "user-ada", name: "Ada" },
      { priority: 4 },
    );
    const deliveryId = randomUUID();
    const first = await fake.sendWebhook(payload, { deliveryId });
    const second = await fake.sendWebhook(payload, { deliveryId });
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(await deliveryOutcome(deliveryId)).toBe("applied");
    const after = await waitFor("urgent", async () =>
      (await ref.get()).get("priority") === "urgent" ? ref.get() : null,
    );
    await quiet(4_000);
    const changes = await ref.collection("activities").get();
    expect(changes.docs.filter((doc) => doc.get("actor.uid") === "support-team")).toHaveLength(1);
    expect((await ref.get()).get("version")).toBe(after.get("version"));
  });

  it("the delivery trigger run twice (and twice at once) with the same event applies once", async () => {
    const org = await syncedOrg();
    const ref = issueDoc(org.orgId, await createIssue(org.orgId, { title: "Handler twice" }));
    const linearId = (await synced(ref)).get("linear.id") as string;
    await quiet();
    const version = (await ref.get()).get("version") as number;
    const issue = fake.issues.get(linearId)!;
    const payload = fake.payload(
      "Issue",
      "update",
      {
        ...fake.issueData(issue),
        title: "Renamed in Linear",
        updatedAt: new Date(Date.parse(issue.updatedAt) + 1000).toISOString(),
      },
      { id: "user-ada", name: "Ada" },
      { title: issue.title },
    );
    const deliveryId = `handler-twice-${randomUUID()}`;
    const deliveryRef = db().doc(`webhookDeliveries/${deliveryId}`);
    await withTriggersPaused(async () => {
      await deliveryRef.create({
        payload: JSON.stringify(payload),
        type: "Issue",
        action: "update",
        receivedAt: new Date(),
        appliedAt: null,
        outcome: null,
        expireAt: new Date(Date.now() + 86_400_000),
      });
      const event = {
        id: randomUUID(),
        time: new Date().toISOString(),
        data: await deliveryRef.get(),
        params: { deliveryId },
      };
      const deps = { viewerId: async () => VIEWER.id };
      const outcomes = [
        await handleDeliveryCreated(event as never, deps),
        await handleDeliveryCreated(event as never, deps),
      ];
      outcomes.push(
        ...(await Promise.all([
          handleDeliveryCreated(event as never, deps),
          handleDeliveryCreated(event as never, deps),
        ])),
      );
      expect(outcomes).toEqual(["applied", "already_applied", "already_applied", "already_applied"]);
      // And through the deployed wrapper, once more.
      await fft.wrap(applyLinearDelivery)(event as never);
    });
    const after = await ref.get();
    expect(after.get("title")).toBe("Renamed in Linear");
    expect(after.get("version")).toBe(version + 1);
  });

  it("a webhook that arrives while our create is still in flight is applied to the right issue", async () => {
    const org = await syncedOrg();
    fake.fault({ op: "createIssue", times: 1, when: forTeam(org.teamId), action: { kind: "slowAnswer", ms: 5_000 } });
    const issueId = await createIssue(org.orgId, { title: "Racing" });
    const ref = issueDoc(org.orgId, issueId);
    const remote = await waitFor("Linear has the issue", async () => teamIssues(org.teamId)[0]);
    // The link was stored before the create went out.
    expect((await ref.get()).get("linear.id")).toBe(remote.id);
    expect((await ref.get()).get("linear.syncedAt")).toBeNull();
    const result = await fake.personUpdates(remote.id, { stateId: `${org.key}-progress` });
    expect(result.status).toBe(200);
    expect(await deliveryOutcome(result.deliveryId)).toBe("applied");
    expect((await ref.get()).get("status")).toBe("in_progress");

    const issue = await waitFor("the late answer recorded", async () =>
      (await ref.get()).get("linear.syncedAt") ? ref.get() : null,
    );
    await quiet();
    expect(issue.get("linear.identifier")).toBe(remote.identifier);
    expect((await ref.get()).get("status")).toBe("in_progress");
    expect(teamIssues(org.teamId)).toHaveLength(1);
    expect(fake.calls("createIssue", forTeam(org.teamId))).toHaveLength(1);
    expect((await db().doc(`orgs/${org.orgId}/issues/linear-${remote.id}`).get()).exists).toBe(false);
    expect(fake.issues.get(remote.id)!.stateId).toBe(`${org.key}-progress`);
  });

  it("imports an issue created in Linear: numbered, source linear, linked; an import run again adds nothing", async () => {
    const org = await syncedOrg({ stateMap: { on_hold: "Blocked" } });
    const {
      issue: remote,
      payload,
      result,
    } = await fake.personCreates(org.teamId, {
      title: "Crash on save",
      description: "Stack trace",
      priority: 2,
      stateType: "started",
    });
    expect(result.status).toBe(200);
    const ref = issueDoc(org.orgId, `linear-${remote.id}`);
    const imported = await waitFor("the import, numbered", async () => {
      const snapshot = await ref.get();
      return snapshot.get("number") ? snapshot : null;
    });
    expect(imported.get("number")).toMatch(/^ISS-\d{4}-\d{4,}$/);
    expect(imported.data()).toMatchObject({
      title: "Crash on save",
      description: "Stack trace",
      source: "linear",
      status: "in_progress",
      priority: "high",
      deleted: false,
    });
    expect(imported.get("reporter")).toMatchObject({ kind: "linear", name: "Ada Lovelace" });
    expect(imported.get("linear")).toMatchObject({
      id: remote.id,
      identifier: remote.identifier,
      url: remote.url,
      state: "started",
    });

    // Linear refuses nothing older than 60 s either: the re-run is signed anew.
    const again = await fake.sendWebhook({ ...payload, webhookTimestamp: Date.now() });
    expect(again.status).toBe(200);
    // The issue is linked now, and the event is no news about it.
    expect(await deliveryOutcome(again.deliveryId)).toBe("stale");
    const linked = await db().collection(`orgs/${org.orgId}/issues`).where("linear.id", "==", remote.id).get();
    expect(linked.size).toBe(1);
    await quiet();
    expect(fake.requests.filter((r) => r.variables.id === remote.id || r.variables.input?.id === remote.id)).toEqual(
      [],
    );

    // A Linear team no org syncs with imports nothing.
    fake.addTeam("team-nobody", "NOB");
    const stray = await fake.personCreates("team-nobody", { title: "Not ours" });
    expect(await deliveryOutcome(stray.result.deliveryId)).toBe("unmapped");
  });

  it("comments go each way once, and neither comes back", async () => {
    const org = await syncedOrg({ mirrorComments: "public" });
    const issueId = await createIssue(org.orgId, { title: "Talk about it" });
    const ref = issueDoc(org.orgId, issueId);
    const linearId = (await synced(ref)).get("linear.id") as string;

    const posted = await call("POST", `/orgs/${org.orgId}/issues/${issueId}/comments`, {
      token: admin.token,
      body: { body: "Please check the logs" },
    });
    expect(posted.status).toBe(201);
    const internal = await call("POST", `/orgs/${org.orgId}/issues/${issueId}/comments`, {
      token: admin.token,
      body: { body: "Team only", internal: true },
    });
    expect(internal.status).toBe(201);
    await waitFor("the comment in Linear", async () => fake.calls("createComment", forIssue(linearId)).length > 0);
    await quiet();
    const mirrored = fake.calls("createComment", forIssue(linearId));
    expect(mirrored).toHaveLength(1);
    expect(mirrored[0]!.variables.input.id).toBe(linearCommentId(org.orgId, issueId, posted.body.id));
    expect(mirrored[0]!.variables.input.body).toContain("Please check the logs");
    expect(mirrored[0]!.variables.input.body).toContain(`ftc:${posted.body.id}`);
    // The echo of our comment was recognised: still our two comments only.
    expect((await ref.collection("comments").get()).size).toBe(2);

    const { comment, result } = await fake.personComments(linearId, "Fixed upstream in 2.3", {
      id: "user-ada",
      name: "Ada Lovelace",
    });
    expect(result.status).toBe(200);
    const local = await waitFor("the Linear comment", async () => {
      const snapshot = await ref.collection("comments").doc(`linear-${comment.id}`).get();
      return snapshot.exists ? snapshot : null;
    });
    expect(local.data()).toMatchObject({
      body: "Fixed upstream in 2.3",
      internal: true,
      source: "linear",
      author: { kind: "linear", name: "Ada Lovelace" },
    });
    await waitFor("commentCount", async () => (await ref.get()).get("commentCount") === 3);

    // Someone relays our comment back into Linear under their own name: our mark still stops it.
    const relayed = await fake.personComments(linearId, mirrored[0]!.variables.input.body, {
      id: "user-bob",
      name: "Bob",
    });
    expect(await deliveryOutcome(relayed.result.deliveryId)).toBe("own_echo");
    await quiet();
    expect(fake.calls("createComment", forIssue(linearId))).toHaveLength(1);
    expect((await ref.collection("comments").get()).size).toBe(3);
  });

  it("an issue removed in Linear is marked, kept here, and not created again by itself", async () => {
    const org = await syncedOrg();
    const issueId = await createIssue(org.orgId, { title: "Going away" });
    const ref = issueDoc(org.orgId, issueId);
    const linearId = (await synced(ref)).get("linear.id") as string;
    await quiet();
    const removed = await fake.personRemoves(linearId);
    expect(removed.status).toBe(200);
    await waitFor("linear.state deleted", async () => (await ref.get()).get("linear.state") === "deleted");
    expect((await ref.get()).get("deleted")).toBe(false);
    expect(
      (
        await call("PATCH", `/orgs/${org.orgId}/issues/${issueId}`, {
          token: admin.token,
          body: { title: "Still here" },
        })
      ).status,
    ).toBe(200);
    await quiet();
    expect(fake.calls("createIssue", forTeam(org.teamId))).toHaveLength(1);
    expect(fake.calls("updateIssue", forIssue(linearId))).toHaveLength(0);
  });
});

describe("without an API key", () => {
  it("the push task does nothing and fails nothing", async () => {
    const org = await syncedOrg();
    const id = await withTriggersPaused(() =>
      insertIssue(db(), org.orgId, {
        input: createInput("Keyless"),
        source: "internal",
        reporter: { uid: admin.uid, name: admin.name, kind: "member" },
      }),
    );
    const requests = fake.requests.length;
    await handleLinearSync(
      { data: { path: `orgs/${org.orgId}/issues/${id}` }, retryCount: 0, taskId: "keyless" },
      {
        apiKey: () => "",
        api: () => {
          throw new Error("no client without a key");
        },
        sleep: async () => undefined,
        requeue: async () => undefined,
      },
    );
    expect(fake.requests.length).toBe(requests);
    expect((await issueDoc(org.orgId, id).get()).get("linear")).toBeNull();
  });
});

describe("a burst", () => {
  it("100 issues created at once → exactly 100 Linear issues, none twice", { timeout: 600_000 }, async () => {
    const org = await syncedOrg();
    // The echoes of 100 creates would double the emulator's work without testing more than the cases above.
    fake.echo = false;
    const reporter = { uid: admin.uid, name: admin.name, kind: "member" as const };
    // Two waves of 50 simultaneous creates, as the API writes them: the Functions emulator starts a
    // process per concurrent trigger and drops events it cannot start in time (stats.emulator.test.ts
    // explains the pacing). The pushes of the first wave are still running while the second lands.
    const ids: string[] = [];
    const started = performance.now();
    for (const wave of [0, 1]) {
      const created = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          insertIssue(db(), org.orgId, {
            input: createInput(`Burst ${wave * 50 + i + 1}`),
            source: "internal",
            reporter,
          }),
        ),
      );
      ids.push(...created);
      await waitFor(
        `wave ${wave + 1} queued`,
        async () =>
          (await db().collection(`orgs/${org.orgId}/issues`).where("linear.id", ">", "").count().get()).data().count >=
          ids.length - 10,
        240_000,
      );
    }
    const created = performance.now();
    await waitFor("100 Linear issues", async () => teamIssues(org.teamId).length >= 100 && ids.length, 480_000);
    console.log(
      `[linear burst] 100 creates written in ${Math.round(created - started)} ms; all in Linear ${Math.round(performance.now() - started)} ms after the first`,
    );
    await waitFor(
      "every issue linked",
      async () => {
        const linked = await db()
          .collection(`orgs/${org.orgId}/issues`)
          .where("linear.identifier", "!=", null)
          .count()
          .get();
        return linked.data().count === 100;
      },
      240_000,
    );
    await quiet(8_000, 300_000);
    const remote = teamIssues(org.teamId);
    expect(remote).toHaveLength(100);
    const docs = await Promise.all(ids.map((id) => issueDoc(org.orgId, id).get()));
    const linearIds = docs.map((doc) => doc.get("linear.id") as string);
    expect(new Set(linearIds).size).toBe(100);
    expect(new Set(remote.map((issue) => issue.id))).toEqual(new Set(linearIds));
    expect(new Set(docs.map((doc) => doc.get("linear.identifier"))).size).toBe(100);
    expect(new Set(remote.map((issue) => issue.title)).size).toBe(100);
    fake.echo = true;
  });
});
