/**
 * The agent's day (docs/automations.md): round-robin assignment under a burst, auto-close
 * with an injected clock, macros (a refused move changes nothing) and the assignee on create.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { sweepAutoClose } from "../../src/events/autoCloseSweep";
import { addMember, call, db, expectProblem, issueCount, newOrg, newUser, type TestUser } from "./helpers";
import { activitiesOf, addMemberWithUser, mailsOf, notificationsOf, waitFor } from "./eventsHelpers";
import { buildWorld, type World } from "./world";

const DAY = 24 * 60 * 60 * 1000;
const issueDoc = (orgId: string, id: string) => db().doc(`orgs/${orgId}/issues/${id}`);
/** Customers' answers name the issue `issueId`, the team's `id`: both are read as `id`. */
const createIssue = async (orgId: string, token: string, body: Record<string, unknown>) => {
  const response = await call("POST", `/orgs/${orgId}/issues`, { token, body });
  if (response.body && typeof response.body === "object" && response.body.id === undefined)
    response.body.id = response.body.issueId;
  return response;
};

describe("round-robin assignment", () => {
  let admin: TestUser;
  let agents: TestUser[];
  let demoted: TestUser;
  let gone: TestUser;
  let orgId: string;

  beforeAll(async () => {
    admin = await newUser("admin");
    orgId = await newOrg(admin, "Round Robin Org");
    agents = await Promise.all(["agentone", "agenttwo", "agentthree"].map((label) => newUser(label)));
    [demoted, gone] = await Promise.all([newUser("demoted"), newUser("gone")]);
    for (const agent of agents) await addMember(orgId, agent, "agent");
    await addMember(orgId, demoted, "reporter");
    const pool = [agents[0]!.uid, demoted.uid, agents[1]!.uid, gone.uid, agents[2]!.uid, admin.uid];
    const set = await call("PATCH", `/orgs/${orgId}/settings`, {
      token: admin.token,
      body: { automations: { assignment: { mode: "round_robin", pool } } },
    });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body.automations).toEqual({ autoCloseAfterDays: null, assignment: { mode: "round_robin", pool } });
  });

  it("spreads a burst of 100 concurrent creates evenly over the members still staff, each in turn", async () => {
    const created = await Promise.all(
      Array.from({ length: 100 }, (_, i) => createIssue(orgId, admin.token, { title: `Burst ${i}` })),
    );
    expect(created.map((response) => response.status)).toEqual(Array(100).fill(201));
    // The 201 already carries the pick: it is made in the numbering pass.
    const bySeq = created.map((response) => response.body).sort((a, b) => a.seq - b.seq);
    const eligible = [agents[0]!.uid, agents[1]!.uid, agents[2]!.uid, admin.uid];
    const counts = new Map<string, number>();
    for (const issue of bySeq) counts.set(issue.assignee?.uid, (counts.get(issue.assignee?.uid) ?? 0) + 1);
    expect(Object.fromEntries(counts)).toEqual(Object.fromEntries(eligible.map((uid) => [uid, 25])));
    // In number order the turn never repeats a member before all others had theirs.
    for (let i = 0; i + eligible.length <= bySeq.length; i++) {
      expect(new Set(bySeq.slice(i, i + eligible.length).map((issue) => issue.assignee.uid)).size).toBe(
        eligible.length,
      );
    }
    const stored = (await issueDoc(orgId, bySeq[0].id).get()).get("assignee");
    expect(stored).toEqual(bySeq[0].assignee);
  });

  it("records why in the activity and tells the assignee; an issue created with an assignee keeps it", async () => {
    const picked = (await createIssue(orgId, admin.token, { title: "Who takes me?" })).body;
    expect(picked.assignee).not.toBeNull();
    const activity = await waitFor("the assignment activity", async () =>
      (await activitiesOf(issueDoc(orgId, picked.id))).find((entry) => entry.type === "assigned"),
    );
    expect(activity.actor).toMatchObject({ kind: "system", via: { kind: "round_robin" } });
    if (picked.assignee.uid !== admin.uid) {
      await waitFor("the assignee's notification", async () =>
        (await notificationsOf(picked.assignee.uid, picked.id)).some((n) => n.type === "assigned"),
      );
    }
    const chosen = await createIssue(orgId, admin.token, {
      title: "Straight to agent three",
      assigneeUid: agents[2]!.uid,
    });
    expect(chosen.body.assignee).toEqual({ uid: agents[2]!.uid, name: agents[2]!.name });
  });

  it("refuses a pool setting that is not a list of distinct member ids, changing nothing", async () => {
    const before = (await call("GET", `/orgs/${orgId}/settings`, { token: admin.token })).body;
    for (const assignment of [
      { mode: "round_robin", pool: [admin.uid, admin.uid] },
      { mode: "sometimes", pool: [] },
      { mode: "round_robin", pool: ["a/b"] },
    ]) {
      expectProblem(
        await call("PATCH", `/orgs/${orgId}/settings`, { token: admin.token, body: { automations: { assignment } } }),
        422,
      );
    }
    expectProblem(
      await call("PATCH", `/orgs/${orgId}/settings`, {
        token: agents[0]!.token,
        body: { automations: { autoCloseAfterDays: 3 } },
      }),
      403,
    );
    expect((await call("GET", `/orgs/${orgId}/settings`, { token: admin.token })).body).toEqual(before);
  });
});

describe("auto-close", () => {
  let w: World;
  let quietOrg: { orgId: string; admin: TestUser };

  beforeAll(async () => {
    w = await buildWorld("Auto Close World");
    const set = await call("PATCH", `/orgs/${w.orgId}/settings`, {
      token: w.admin.token,
      body: { automations: { autoCloseAfterDays: 3 } },
    });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    const admin = await newUser("quietadmin");
    quietOrg = { orgId: await newOrg(admin, "No Auto Close"), admin };
  });

  async function resolvedIssue(orgId: string, reporterToken: string, resolverToken: string, title: string) {
    const issue = (await createIssue(orgId, reporterToken, { title })).body;
    const resolved = await call("POST", `/orgs/${orgId}/issues/${issue.id}/resolve`, {
      token: resolverToken,
      body: { notes: "Fixed in the last release." },
    });
    expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);
    const resolvedAt = (await issueDoc(orgId, issue.id).get()).get("resolvedAt").toMillis() as number;
    return { id: issue.id as string, resolvedAt };
  }

  it("closes a resolved issue once the wait has passed, says why, and tells the customer; a second run does nothing", async () => {
    // A customer with a profile and a verified address, so that mail reaches them.
    const customer = await newUser("mailedcustomer");
    await addMemberWithUser(w.orgId, customer, "customer");
    const issue = await resolvedIssue(w.orgId, customer.token, w.agent.token, "Printer jams again");
    const ref = issueDoc(w.orgId, issue.id);
    await sweepAutoClose(db(), issue.resolvedAt + 3 * DAY - 60_000);
    expect((await ref.get()).get("status")).toBe("resolved");

    const first = await sweepAutoClose(db(), issue.resolvedAt + 3 * DAY);
    expect(first.closed).toBeGreaterThanOrEqual(1);
    const closed = await ref.get();
    expect(closed.get("status")).toBe("closed");
    expect(closed.get("closedAt").toMillis()).toBe(issue.resolvedAt + 3 * DAY);
    const version = closed.get("version");

    const again = await sweepAutoClose(db(), issue.resolvedAt + 4 * DAY);
    expect((await ref.get()).get("version")).toBe(version);
    expect(again.closed).toBe(0);

    const activity = await waitFor("the close activity", async () =>
      (await activitiesOf(ref)).find((entry) => entry.type === "closed"),
    );
    expect(activity.internal).toBe(false);
    expect(activity.actor).toMatchObject({
      kind: "system",
      via: { kind: "auto_close", name: expect.stringContaining("3 days") },
    });
    const mail = await waitFor("the customer's mail", async () =>
      (await mailsOf(customer.uid, issue.id)).find((m) => m.message.text.includes("to closed")),
    );
    expect(mail.message.text).toContain("Closed automatically: resolved 3 days ago");
  });

  it("leaves alone an issue the customer answered (reopened), and orgs without auto-close", async () => {
    const answered = await resolvedIssue(w.orgId, w.customer.token, w.agent.token, "Still broken");
    const reply = await call("POST", `/orgs/${w.orgId}/issues/${answered.id}/comments`, {
      token: w.customer.token,
      body: { body: "It is not fixed." },
    });
    expect(reply.status).toBe(201);
    await waitFor("the reopen", async () => (await issueDoc(w.orgId, answered.id).get()).get("status") === "open");
    const elsewhere = await resolvedIssue(
      quietOrg.orgId,
      quietOrg.admin.token,
      quietOrg.admin.token,
      "Nobody closes me",
    );
    await sweepAutoClose(db(), Math.max(answered.resolvedAt, elsewhere.resolvedAt) + 30 * DAY);
    expect((await issueDoc(w.orgId, answered.id).get()).get("status")).toBe("open");
    expect((await issueDoc(quietOrg.orgId, elsewhere.id).get()).get("status")).toBe("resolved");
  });

  it("refuses a wait outside 1–365 days", async () => {
    for (const autoCloseAfterDays of [0, 366, 2.5, "3"]) {
      expectProblem(
        await call("PATCH", `/orgs/${w.orgId}/settings`, {
          token: w.admin.token,
          body: { automations: { autoCloseAfterDays } },
        }),
        422,
      );
    }
    expect(
      (await call("GET", `/orgs/${w.orgId}/settings`, { token: w.admin.token })).body.automations.autoCloseAfterDays,
    ).toBe(3);
  });
});

describe("macros", () => {
  let w: World;
  const base = () => `/orgs/${w.orgId}/macros`;
  const apply = (issueId: string, macroId: string, token = w.agent.token) =>
    call("POST", `/orgs/${w.orgId}/issues/${issueId}/macros/${macroId}:apply`, { token, body: {} });
  const comments = async (issueId: string) =>
    (await issueDoc(w.orgId, issueId).collection("comments").get()).docs.map((doc) => doc.data());

  beforeAll(async () => {
    w = await buildWorld("Macro World");
  });

  it("admins create, list, edit and delete macros; the team reads them; others are refused", async () => {
    const created = await call("POST", base(), {
      token: w.admin.token,
      body: { name: "  Thanks ", reply: { body: "Thanks for the report." } },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      name: "Thanks",
      reply: { body: "Thanks for the report.", internal: false },
      changes: {},
    });
    for (const token of [w.admin.token, w.agent.token, w.reporter.token, w.viewer.token, w.serviceKey]) {
      const listed = await call("GET", base(), { token });
      expect(listed.status).toBe(200);
      expect(listed.body.data.map((m: { id: string }) => m.id)).toContain(created.body.id);
    }
    expectProblem(await call("GET", base(), { token: w.customer.token }), 403);
    expectProblem(await call("GET", base(), { token: w.outsider.token }), 404);
    for (const token of [w.agent.token, w.reporter.token, w.customer.token, w.serviceKey]) {
      expectProblem(await call("POST", base(), { token, body: { name: "Mine", reply: { body: "x" } } }), 403);
      expectProblem(await call("DELETE", `${base()}/${created.body.id}`, { token }), 403);
    }
    const edited = await call("PATCH", `${base()}/${created.body.id}`, {
      token: w.admin.token,
      body: { changes: { priority: "low" } },
    });
    expect(edited.body).toMatchObject({ name: "Thanks", changes: { priority: "low" } });
    // Resolving needs public notes: a macro that resolves with an internal reply is refused.
    expectProblem(
      await call("PATCH", `${base()}/${created.body.id}`, {
        token: w.admin.token,
        body: { reply: { body: "note", internal: true }, changes: { status: "resolved" } },
      }),
      422,
    );
    expectProblem(await call("POST", base(), { token: w.admin.token, body: { name: "Empty" } }), 422);
    expectProblem(
      await call("POST", base(), { token: w.admin.token, body: { name: "Bad", changes: { status: "sleeping" } } }),
      422,
    );
    expect((await call("DELETE", `${base()}/${created.body.id}`, { token: w.admin.token })).status).toBe(204);
    expectProblem(await call("DELETE", `${base()}/${created.body.id}`, { token: w.admin.token }), 404);
  });

  it("applies reply first, then the changes, as one write: open → answered by the reply → waiting for the customer", async () => {
    const macro = (
      await call("POST", base(), {
        token: w.admin.token,
        body: {
          name: "Ask for logs",
          reply: { body: "Could you send the logs from when it failed?", internal: false },
          changes: {
            status: "waiting_for_response",
            priority: "high",
            addTags: ["needs-logs"],
            assigneeUid: w.agent.uid,
          },
        },
      })
    ).body;
    const issue = (await createIssue(w.orgId, w.customer.token, { title: "Checkout fails" })).body;
    const version = (await issueDoc(w.orgId, issue.id).get()).get("version");
    const applied = await apply(issue.id, macro.id);
    expect(applied.status, JSON.stringify(applied.body)).toBe(200);
    expect(applied.body).toMatchObject({
      status: "waiting_for_response",
      priority: "high",
      tags: ["needs-logs"],
      assignee: { uid: w.agent.uid },
    });
    expect(applied.body.version).toBe(version + 1);
    expect(await comments(issue.id)).toEqual([
      expect.objectContaining({ body: "Could you send the logs from when it failed?", internal: false }),
    ]);

    const ref = issueDoc(w.orgId, issue.id);
    const entries = await waitFor("the macro's activities", async () => {
      const all = await activitiesOf(ref);
      return all.some((a) => a.type === "status_changed") && all.some((a) => a.type === "commented") ? all : null;
    });
    const macroEntries = entries.filter((a) => a.type !== "created" && a.type !== "commented");
    // One change in the audit trail: one activity per audience, both from the macro's single write.
    expect(new Set(macroEntries.map((a) => (a as unknown as { eventId: string }).eventId)).size).toBe(1);
    const pub = macroEntries.find((a) => !a.internal)!;
    const internal = macroEntries.find((a) => a.internal)!;
    expect(Object.keys(pub.changes).sort()).toEqual(["assignee", "priority", "status"]);
    expect(pub.changes.status).toEqual({ from: "open", to: "waiting_for_response" });
    expect(pub.actor.via).toBeUndefined();
    expect(internal.actor.via).toEqual({ kind: "macro", name: "Ask for logs" });
    // The reply was the first public member reply: the comment trigger records it, and moves nothing more.
    await waitFor("the first response", async () => (await ref.get()).get("firstResponseAt") !== null);
    expect((await ref.get()).get("status")).toBe("waiting_for_response");
  });

  it("a move the status machine refuses is a 409 that posts no reply and changes nothing", async () => {
    const macro = (
      await call("POST", base(), {
        token: w.admin.token,
        body: {
          name: "Start work",
          reply: { body: "Picking this up.", internal: true },
          changes: { status: "in_progress", addTags: ["started"] },
        },
      })
    ).body;
    const issue = (await createIssue(w.orgId, w.agent.token, { title: "Already done" })).body;
    expect(
      (await call("POST", `/orgs/${w.orgId}/issues/${issue.id}/close`, { token: w.agent.token, body: {} })).status,
    ).toBe(200);
    // Triggers keep writing server-owned fields for a while; what the macro would touch is compared.
    const touched = (data: FirebaseFirestore.DocumentData | undefined) => ({
      status: data?.status,
      tags: data?.tags,
      version: data?.version,
      commentCount: data?.commentCount,
    });
    const before = touched((await issueDoc(w.orgId, issue.id).get()).data());
    const refused = await apply(issue.id, macro.id);
    expectProblem(refused, 409);
    expect(refused.body).toMatchObject({ from: "closed", to: "in_progress", allowedTransitions: ["open"] });
    expect(await comments(issue.id)).toEqual([]);
    expect(touched((await issueDoc(w.orgId, issue.id).get()).data())).toEqual(before);
  });

  it("refuses those who may not edit, hides other orgs' issues, and a missing macro is a 404", async () => {
    const macro = (
      await call("POST", base(), { token: w.admin.token, body: { name: "Bump", changes: { priority: "urgent" } } })
    ).body;
    const issue = (await createIssue(w.orgId, w.customer.token, { title: "Mine" })).body;
    for (const token of [w.reporter.token, w.viewer.token, w.customer.token])
      expectProblem(await apply(issue.id, macro.id, token), 403);
    expectProblem(await apply(issue.id, macro.id, w.otherCustomer.token), 404);
    expectProblem(await apply(issue.id, macro.id, w.outsider.token), 404);
    expectProblem(await apply(issue.id, "no-such-macro"), 404);
    expect((await issueDoc(w.orgId, issue.id).get()).get("priority")).toBe("medium");
  });

  it("applies from the bulk bar: a result per issue", async () => {
    const macro = (
      await call("POST", base(), {
        token: w.admin.token,
        body: { name: "Triage", changes: { priority: "high", addTags: ["triaged"] } },
      })
    ).body;
    const ids = await Promise.all(
      ["One", "Two"].map(async (title) => (await createIssue(w.orgId, w.agent.token, { title })).body.id as string),
    );
    const bulk = await call("POST", `/orgs/${w.orgId}/issues:bulk`, {
      token: w.agent.token,
      body: { ids: [...ids, "missing-issue"], change: { macroId: macro.id } },
    });
    expect(bulk.status).toBe(200);
    expect(bulk.body.results.map((r: { status: number }) => r.status)).toEqual([200, 200, 404]);
    for (const id of ids)
      expect((await issueDoc(w.orgId, id).get()).data()).toMatchObject({ priority: "high", tags: ["triaged"] });
  });
});

describe("assignee on create", () => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld("Assignee On Create World");
  });

  it("staff name an admin or agent: the 201 carries them and they are told", async () => {
    for (const token of [w.admin.token, w.agent.token, w.serviceKey]) {
      const created = await createIssue(w.orgId, token, { title: "Assigned from the start", assigneeUid: w.agent.uid });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      expect(created.body.assignee).toEqual({ uid: w.agent.uid, name: w.agent.name });
    }
    const byAdmin = await createIssue(w.orgId, w.admin.token, { title: "For the agent", assigneeUid: w.agent.uid });
    await waitFor("the assignee's notification", async () =>
      (await notificationsOf(w.agent.uid, byAdmin.body.id)).some((n) => n.type === "assigned"),
    );
  });

  it("refuses others and non-staff assignees, creating nothing", async () => {
    const count = await issueCount(w.orgId);
    for (const token of [w.reporter.token, w.customer.token]) {
      expectProblem(await createIssue(w.orgId, token, { title: "Pick for me", assigneeUid: w.agent.uid }), 403);
    }
    for (const assigneeUid of [w.reporter.uid, w.customer.uid, w.outsider.uid, "nobody-here"]) {
      const refused = await createIssue(w.orgId, w.admin.token, { title: "To a non-agent", assigneeUid });
      expectProblem(refused, 422);
      expect(refused.body.errors[0].path).toBe("assigneeUid");
    }
    expectProblem(await createIssue(w.orgId, w.admin.token, { title: "Bad id", assigneeUid: "a/b" }), 422);
    expect(await issueCount(w.orgId)).toBe(count);
  });
});
