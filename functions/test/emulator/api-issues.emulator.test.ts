import { beforeAll, describe, expect, it } from "vitest";
import { allRoutes } from "../../src/api/app";
import { expressPath } from "../../src/api/route";
import { googleIdTokenVerifier, defaultVerifiers } from "../../src/api/auth";
import { call, db, expectProblem, FUNCTION_BASE, issueCount, newUser, startLocalApp } from "./helpers";
import { ACTORS, buildWorld, fakeGoogleSigner, type World } from "./world";

let w: World;
const create = (token: string | undefined, body: object = { title: "Something broke" }) =>
  call("POST", `/orgs/${w.orgId}/issues`, { token, body });
/** A customer's new issue: they are answered with their projection, whose id is `issueId`. */
const raiseAsCustomer = async (token: string, body?: object) => {
  const response = await create(token, body);
  return { ...response.body, id: response.body.issueId as string };
};

beforeAll(async () => {
  w = await buildWorld("Issues World");
});

describe("create by role", () => {
  const expected: Record<string, [number, string?]> = {
    anonymous: [401],
    admin: [201, "internal"],
    agent: [201, "internal"],
    reporter: [201, "internal"],
    viewer: [403],
    customer: [201, "client"],
    otherCustomer: [201, "client"],
    outsider: [404],
    service: [201, "service"],
  };
  it.each(ACTORS)("as %s", async (actor) => {
    const [status, source] = expected[actor]!;
    const response = await create(w.token[actor]);
    expect(response.status).toBe(status);
    if (source) {
      // A customer's answer is their projection, which has no source: the document has.
      const id = response.headers.get("location")!.split("/").pop()!;
      expect((await db().doc(`orgs/${w.orgId}/issues/${id}`).get()).get("source")).toBe(source);
    }
  });
});

describe("commands and edits", () => {
  it("edits with If-Match, refusing a stale version and a bad header", async () => {
    const issue = (await create(w.agent.token)).body;
    const ok = await call("PATCH", `/orgs/${w.orgId}/issues/${issue.id}`, {
      token: w.agent.token,
      body: { priority: "urgent" },
      headers: { "if-match": `"${issue.version}"` },
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ priority: "urgent", version: issue.version + 1 });
    const stale = await call("PATCH", `/orgs/${w.orgId}/issues/${issue.id}`, {
      token: w.agent.token,
      body: { priority: "low" },
      headers: { "if-match": `"${issue.version}"` },
    });
    expectProblem(stale, 409);
    expect(stale.body.currentVersion).toBe(issue.version + 1);
    expectProblem(
      await call("PATCH", `/orgs/${w.orgId}/issues/${issue.id}`, {
        token: w.agent.token,
        body: { priority: "low" },
        headers: { "if-match": "yesterday" },
      }),
      400,
    );
    expectProblem(
      await call("PATCH", `/orgs/${w.orgId}/issues/${issue.id}`, {
        token: w.reporter.token,
        body: { priority: "low" },
      }),
      403,
    );
    expectProblem(
      await call("PATCH", `/orgs/${w.orgId}/issues/${issue.id}`, {
        token: w.outsider.token,
        body: { priority: "low" },
      }),
      404,
    );
    expect((await db().doc(`orgs/${w.orgId}/issues/${issue.id}`).get()).get("priority")).toBe("urgent");
  });

  it("follows the status machine: 409 lists the allowed targets, resolve needs notes", async () => {
    const issue = await raiseAsCustomer(w.customer.token);
    const path = `/orgs/${w.orgId}/issues/${issue.id}`;
    const refused = await call("POST", `${path}/transition`, {
      token: w.agent.token,
      body: { status: "waiting_for_response" },
    });
    expectProblem(refused, 409);
    expect(refused.body.allowedTransitions.sort()).toEqual([
      "answered",
      "closed",
      "in_progress",
      "on_hold",
      "resolved",
    ]);
    expectProblem(
      await call("POST", `${path}/transition`, { token: w.viewer.token, body: { status: "in_progress" } }),
      403,
    );
    expectProblem(
      await call("POST", `${path}/transition`, { token: w.customer.token, body: { status: "in_progress" } }),
      403,
    );
    expectProblem(await call("POST", `${path}/resolve`, { token: w.agent.token, body: {} }), 422);
    expect(
      (
        await call("POST", `${path}/transition`, {
          token: w.agent.token,
          body: { status: "in_progress", note: "Looking" },
        })
      ).body.status,
    ).toBe("in_progress");
    const resolved = await call("POST", `${path}/resolve`, {
      token: w.agent.token,
      body: { notes: "Replaced the part" },
    });
    expect(resolved.body).toMatchObject({
      status: "resolved",
      resolution: { notes: "Replaced the part", by: { uid: w.agent.uid } },
    });
    expect(resolved.body.resolvedAt).not.toBeNull();
    expectProblem(await call("POST", `${path}/reopen`, { token: w.otherCustomer.token, body: {} }), 404);
    const reopened = await call("POST", `${path}/reopen`, {
      token: w.customer.token,
      body: { reason: "Still broken" },
    });
    expect(reopened.body).toMatchObject({ status: "open", resolution: null });
    expect((await call("POST", `${path}/close`, { token: w.agent.token })).body.status).toBe("closed");
    expectProblem(await call("POST", `${path}/close`, { token: w.agent.token }), 409);
    const notes = await call("GET", `${path}/comments`, { token: w.agent.token });
    expect(notes.body.data.map((c: { body: string; internal: boolean }) => [c.body, c.internal])).toEqual([
      ["Looking", true],
      ["Still broken", false],
    ]);
  });

  it("assigns to admins and agents only", async () => {
    const issue = (await create(w.agent.token)).body;
    const path = `/orgs/${w.orgId}/issues/${issue.id}/assign`;
    expect(
      (await call("POST", path, { token: w.admin.token, body: { assigneeUid: w.agent.uid } })).body.assignee,
    ).toEqual({ uid: w.agent.uid, name: w.agent.name });
    expectProblem(await call("POST", path, { token: w.admin.token, body: { assigneeUid: w.customer.uid } }), 422);
    expectProblem(await call("POST", path, { token: w.admin.token, body: { assigneeUid: "ghost" } }), 422);
    expectProblem(await call("POST", path, { token: w.reporter.token, body: { assigneeUid: null } }), 403);
    expect((await call("POST", path, { token: w.serviceKey, body: { assigneeUid: null } })).body.assignee).toBeNull();
  });

  it("soft deletes and restores: deleted issues leave lists except for admins asking", async () => {
    const issue = (await create(w.agent.token)).body;
    const path = `/orgs/${w.orgId}/issues/${issue.id}`;
    expectProblem(await call("DELETE", path, { token: w.reporter.token }), 403);
    expect((await call("DELETE", path, { token: w.agent.token })).body).toMatchObject({
      id: issue.id,
      deleted: true,
      deletedBy: { uid: w.agent.uid },
    });
    expectProblem(await call("GET", path, { token: w.agent.token }), 404);
    expect((await call("GET", path, { token: w.admin.token })).body).toMatchObject({
      id: issue.id,
      number: issue.number,
      deleted: true,
    });
    const agentList = await call("GET", `/orgs/${w.orgId}/issues?limit=100`, { token: w.agent.token });
    expect(agentList.body.data.map((i: { id: string }) => i.id)).not.toContain(issue.id);
    expectProblem(await call("GET", `/orgs/${w.orgId}/issues?deleted=true`, { token: w.agent.token }), 403);
    const deletedList = await call("GET", `/orgs/${w.orgId}/issues?deleted=true`, { token: w.admin.token });
    expect(deletedList.body.data.map((i: { id: string }) => i.id)).toEqual([issue.id]);
    expectProblem(await call("POST", `${path}/restore`, { token: w.agent.token }), 404);
    expect((await call("POST", `${path}/restore`, { token: w.admin.token })).body).toMatchObject({
      deleted: false,
      number: issue.number,
    });
  });

  it("filters and sorts the list", async () => {
    const urgent = (
      await create(w.agent.token, { title: "Filter me", priority: "critical", tags: ["Zebra"], category: "billing" })
    ).body;
    const byPriority = await call("GET", `/orgs/${w.orgId}/issues?sort=-priority&limit=1`, { token: w.agent.token });
    expect(byPriority.body.data[0].priority).toBe("critical");
    for (const query of [
      "tag=zebra",
      "category=billing&priority=critical",
      "status=open,answered&tag=zebra",
      "assignee=none&tag=zebra",
    ]) {
      const response = await call("GET", `/orgs/${w.orgId}/issues?${query}`, { token: w.agent.token });
      expect(response.status, query).toBe(200);
      expect(
        response.body.data.map((i: { id: string }) => i.id),
        query,
      ).toContain(urgent.id);
    }
    expect(
      (await call("GET", `/orgs/${w.orgId}/issues?tag=zebra&status=closed`, { token: w.agent.token })).body.data,
    ).toEqual([]);
    expectProblem(await call("GET", `/orgs/${w.orgId}/issues?status=open,nonsense`, { token: w.agent.token }), 422);
  });
});

describe("comments", () => {
  it("keeps internal comments from customers, who post only public ones on their own issues", async () => {
    const issue = await raiseAsCustomer(w.customer.token);
    const path = `/orgs/${w.orgId}/issues/${issue.id}/comments`;
    expect(
      (await call("POST", path, { token: w.agent.token, body: { body: "Team only", internal: true } })).status,
    ).toBe(201);
    expect((await call("POST", path, { token: w.agent.token, body: { body: "Hello!", solution: true } })).status).toBe(
      201,
    );
    expect((await call("POST", path, { token: w.customer.token, body: { body: "Thanks" } })).status).toBe(201);
    expectProblem(await call("POST", path, { token: w.customer.token, body: { body: "Sneaky", internal: true } }), 403);
    expectProblem(await call("POST", path, { token: w.otherCustomer.token, body: { body: "Hi" } }), 404);
    expectProblem(await call("POST", path, { token: w.viewer.token, body: { body: "Hi" } }), 403);
    expectProblem(await call("POST", path, { token: w.customer.token, body: { body: "" } }), 422);
    const seenByCustomer = await call("GET", path, { token: w.customer.token });
    expect(seenByCustomer.body.data.map((c: { body: string }) => c.body)).toEqual(["Hello!", "Thanks"]);
    const seenByViewer = await call("GET", path, { token: w.viewer.token });
    expect(seenByViewer.body.data).toHaveLength(3);
  });

  it("filters activities the same way", async () => {
    const issue = await raiseAsCustomer(w.customer.token);
    const activities = db().collection(`orgs/${w.orgId}/issues/${issue.id}/activities`);
    await activities.doc("a1").set({
      type: "created",
      internal: false,
      at: new Date(1000),
      actor: { uid: "x", name: "x", kind: "member" },
      changes: {},
    });
    await activities.doc("a2").set({
      type: "assigned",
      internal: true,
      at: new Date(2000),
      actor: { uid: "x", name: "x", kind: "member" },
      changes: {},
    });
    const path = `/orgs/${w.orgId}/issues/${issue.id}/activities`;
    expect((await call("GET", path, { token: w.customer.token })).body.data.map((a: { id: string }) => a.id)).toEqual([
      "a1",
    ]);
    expect((await call("GET", path, { token: w.agent.token })).body.data.map((a: { id: string }) => a.id)).toEqual([
      "a1",
      "a2",
    ]);
    expectProblem(await call("GET", path, { token: w.otherCustomer.token }), 404);
  });
});

describe("intake", () => {
  it("makes a stranger a customer where public intake is on, and nowhere else", async () => {
    const stranger = await newUser("stranger");
    expectProblem(await create(stranger.token), 404);
    await call("PATCH", `/orgs/${w.orgId}/settings`, { token: w.admin.token, body: { publicIntake: true } });
    const raised = await create(stranger.token, { title: "Hello from outside" });
    expect(raised.status).toBe(201);
    expect((await db().doc(`orgs/${w.orgId}/issues/${raised.body.issueId}`).get()).data()).toMatchObject({
      source: "client",
      raisedByCustomer: true,
    });
    expect((await db().doc(`orgs/${w.orgId}/members/${stranger.uid}`).get()).get("role")).toBe("customer");
    expectProblem(await call("GET", `/orgs/${w.orgId}/settings`, { token: stranger.token }), 403);
    await call("PATCH", `/orgs/${w.orgId}/settings`, { token: w.admin.token, body: { publicIntake: false } });
  });

  it("makes a stranger a customer only once the request has validated", async () => {
    await call("PATCH", `/orgs/${w.orgId}/settings`, { token: w.admin.token, body: { publicIntake: true } });
    try {
      const stranger = await newUser("stranger");
      const before = await issueCount(w.orgId);
      for (const body of [
        { title: "" },
        { title: "Fine", priority: "whenever" },
        { title: "Fine", plan: "gold" },
        {},
      ]) {
        expectProblem(await create(stranger.token, body), 422);
      }
      expect((await db().doc(`orgs/${w.orgId}/members/${stranger.uid}`).get()).exists).toBe(false);
      expect((await db().doc(`orgs/${w.orgId}/memberEmails/${stranger.uid}`).get()).exists).toBe(false);
      expect(await issueCount(w.orgId)).toBe(before);
      expect((await create(stranger.token, { title: "Now properly" })).status).toBe(201);
      expect((await db().doc(`orgs/${w.orgId}/members/${stranger.uid}`).get()).get("role")).toBe("customer");
    } finally {
      await call("PATCH", `/orgs/${w.orgId}/settings`, { token: w.admin.token, body: { publicIntake: false } });
    }
  });

  it("admits by domain only a verified address", async () => {
    // A subdomain of example.test, which SIGN_IN_DOMAINS admits (functions/.env): the blocking functions would refuse any other.
    const domain = `intake-${Date.now()}.example.test`;
    await call("PATCH", `/orgs/${w.orgId}/settings`, { token: w.admin.token, body: { autoJoinDomains: [domain] } });
    try {
      const unverified = await newUser("claimer", { emailVerified: false, domain });
      expectProblem(await create(unverified.token), 403);
      expect((await db().doc(`orgs/${w.orgId}/members/${unverified.uid}`).get()).exists).toBe(false);
      const verified = await newUser("colleague", { domain });
      // The newcomer is a customer now, answered with their projection; the document says who raised it.
      const raised = await create(verified.token);
      expect(raised.status).toBe(201);
      expect((await db().doc(`orgs/${w.orgId}/issues/${raised.body.issueId}`).get()).data()).toMatchObject({
        source: "client",
        reporter: { uid: verified.uid, kind: "customer" },
      });
      expect((await db().doc(`orgs/${w.orgId}/memberEmails/${verified.uid}`).get()).data()).toMatchObject({
        email: verified.email,
        emailVerified: true,
      });
    } finally {
      await call("PATCH", `/orgs/${w.orgId}/settings`, { token: w.admin.token, body: { autoJoinDomains: [] } });
    }
  });
});

describe("services", () => {
  // 50 at once through the Functions emulator would start 50 worker processes (see numbering.emulator.test.ts),
  // so the same app serves them in this process, against the same emulators.
  it("folds 50 concurrent logs with one fingerprint into one issue with 50 occurrences", async () => {
    const before = await issueCount(w.orgId);
    const local = await startLocalApp();
    const responses = await Promise.all(
      Array.from({ length: 50 }, () =>
        call("POST", `/orgs/${w.orgId}/issues`, {
          token: w.serviceKey,
          body: { title: "Payment gateway timeout", fingerprint: "gw-timeout" },
          base: local.base,
        }),
      ),
    ).finally(() => local.close());
    expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
    expect(responses.filter((r) => r.status === 200 && r.body.deduplicated === true)).toHaveLength(49);
    expect(new Set(responses.map((r) => r.body.id)).size).toBe(1);
    expect(await issueCount(w.orgId)).toBe(before + 1);
    const stored = await db().doc(`orgs/${w.orgId}/issues/${responses[0]!.body.id}`).get();
    expect(stored.get("occurrences")).toBe(50);

    // Once resolved, the next log starts a new issue.
    await call("POST", `/orgs/${w.orgId}/issues/${stored.id}/resolve`, {
      token: w.agent.token,
      body: { notes: "Gateway fixed" },
    });
    const fresh = await create(w.serviceKey, { title: "Payment gateway timeout", fingerprint: "gw-timeout" });
    expect(fresh.status).toBe(201);
    expect(fresh.body.id).not.toBe(stored.id);
  });

  it("answers 10 concurrent requests with one Idempotency-Key with one issue", async () => {
    const before = await issueCount(w.orgId);
    const headers = { "idempotency-key": `retry-${Date.now()}` };
    const local = await startLocalApp();
    const responses = await Promise.all(
      Array.from({ length: 10 }, () =>
        call("POST", `/orgs/${w.orgId}/issues`, {
          token: w.serviceKey,
          body: { title: "Once only" },
          headers,
          base: local.base,
        }),
      ),
    ).finally(() => local.close());
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(201));
    expect(new Set(responses.map((r) => r.body.id)).size).toBe(1);
    expect(responses.filter((r) => r.headers.get("idempotent-replayed") === "true")).toHaveLength(9);
    expect(await issueCount(w.orgId)).toBe(before + 1);
    expectProblem(
      await call("POST", `/orgs/${w.orgId}/issues`, { token: w.serviceKey, body: { title: "Different" }, headers }),
      422,
    );
    // Another caller's identical key is theirs alone.
    expect(
      (
        await call("POST", `/orgs/${w.orgId}/issues`, { token: w.agent.token, body: { title: "Once only" }, headers })
      ).headers.get("idempotent-replayed"),
    ).toBeNull();
  });

  it("leaves no idempotency record behind a refused request", async () => {
    const headers = { "idempotency-key": `bad-${Date.now()}` };
    expectProblem(
      await call("POST", `/orgs/${w.orgId}/issues`, { token: w.serviceKey, body: { title: "" }, headers }),
      422,
    );
    const fixed = await call("POST", `/orgs/${w.orgId}/issues`, {
      token: w.serviceKey,
      body: { title: "Fixed" },
      headers,
    });
    expect(fixed.status).toBe(201);
    expect(fixed.headers.get("idempotent-replayed")).toBeNull();
  });

  it("accepts a Google-signed token of a listed service account, and nothing else", async () => {
    const google = fakeGoogleSigner();
    const audience = "https://firetrack.test/api";
    const local = await startLocalApp({
      verifiers: {
        ...defaultVerifiers(audience),
        verifyGoogleIdToken: googleIdTokenVerifier({ audience, certs: google.certs }),
      },
    });
    try {
      await call("PATCH", `/orgs/${w.orgId}/settings`, {
        token: w.admin.token,
        body: { serviceAccounts: ["robot@demo.iam.gserviceaccount.com"] },
      });
      const good = google.signToken({ aud: audience, email: "robot@demo.iam.gserviceaccount.com", sub: "1" });
      const created = await call("POST", `/orgs/${w.orgId}/issues`, {
        token: good,
        body: { title: "From a robot", service: "robot-sync" },
        base: local.base,
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ source: "service", reporter: { kind: "service", service: "robot-sync" } });
      const unlisted = google.signToken({ aud: audience, email: "stranger@demo.iam.gserviceaccount.com", sub: "2" });
      expectProblem(await call("GET", `/orgs/${w.orgId}/issues`, { token: unlisted, base: local.base }), 404);
      const wrongAudience = google.signToken({
        aud: "https://elsewhere",
        email: "robot@demo.iam.gserviceaccount.com",
        sub: "1",
      });
      expectProblem(await call("GET", `/orgs/${w.orgId}/issues`, { token: wrongAudience, base: local.base }), 401);
      const forged = google.signToken(
        { aud: audience, email: "robot@demo.iam.gserviceaccount.com", sub: "1" },
        google.otherKey,
      );
      expectProblem(await call("GET", `/orgs/${w.orgId}/issues`, { token: forged, base: local.base }), 401);
      const expired = google.signToken({
        aud: audience,
        email: "robot@demo.iam.gserviceaccount.com",
        sub: "1",
        iat: 1000,
        exp: 2000,
      });
      expectProblem(await call("GET", `/orgs/${w.orgId}/issues`, { token: expired, base: local.base }), 401);
      // The address must be one Google asserts as verified: false, absent or merely truthy is not enough.
      for (const emailVerified of [false, undefined, "true"]) {
        const unverified = google.signToken({
          aud: audience,
          email: "robot@demo.iam.gserviceaccount.com",
          sub: "1",
          email_verified: emailVerified,
        });
        expectProblem(await call("GET", `/orgs/${w.orgId}/issues`, { token: unverified, base: local.base }), 401);
      }
    } finally {
      await local.close();
    }
  });

  it("takes a service's own name from an API key, lists by it, and refuses it from people", async () => {
    const named = await create(w.serviceKey, { title: "Consumer lag", service: "billing.worker" });
    expect(named.status).toBe(201);
    expect(named.body.reporter).toMatchObject({ kind: "service", service: "billing.worker" });
    expect((await db().doc(`orgs/${w.orgId}/issues/${named.body.id}`).get()).get("reporter.service")).toBe(
      "billing.worker",
    );
    const unnamed = await create(w.serviceKey, { title: "Consumer lag, anonymous" });
    expect(unnamed.body.reporter.service).toBeUndefined();

    const listed = await call("GET", `/orgs/${w.orgId}/issues?service=billing.worker&sort=-createdAt`, {
      token: w.agent.token,
    });
    expect(listed.status).toBe(200);
    expect(listed.body.data.map((issue: { id: string }) => issue.id)).toEqual([named.body.id]);
    expect((await call("GET", `/orgs/${w.orgId}/issues?service=nobody`, { token: w.agent.token })).body.data).toEqual(
      [],
    );
    expectProblem(await call("GET", `/orgs/${w.orgId}/issues?service=Not%20A%20Name`, { token: w.agent.token }), 422);

    const before = await issueCount(w.orgId);
    for (const token of [w.admin.token, w.agent.token, w.customer.token]) {
      const refused = await create(token, { title: "Pretending", service: "billing.worker" });
      expectProblem(refused, 422);
      expect(refused.body.errors).toEqual([expect.objectContaining({ path: "service", code: "not_allowed" })]);
    }
    for (const service of ["", "UPPER", "a/b", "s".repeat(65)])
      expectProblem(await create(w.serviceKey, { title: "Bad name", service }), 422);
    expect(await issueCount(w.orgId)).toBe(before);
  });

  it("rate limits per caller with 429 and Retry-After", async () => {
    const local = await startLocalApp({
      rateLimits: { user: { capacity: 3, refillPerSecond: 0.5 }, service: { capacity: 3, refillPerSecond: 0.5 } },
    });
    try {
      const statuses = [];
      for (let i = 0; i < 4; i++)
        statuses.push(
          (await call("GET", `/orgs/${w.orgId}/issues?limit=1`, { token: w.agent.token, base: local.base })).status,
        );
      expect(statuses).toEqual([200, 200, 200, 429]);
      const limited = await call("GET", `/orgs/${w.orgId}/issues?limit=1`, { token: w.agent.token, base: local.base });
      expectProblem(limited, 429);
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      // Another caller has a bucket of their own.
      expect(
        (await call("GET", `/orgs/${w.orgId}/issues?limit=1`, { token: w.admin.token, base: local.base })).status,
      ).toBe(200);
    } finally {
      await local.close();
    }
  });
});

describe("bulk, stats and export", () => {
  it("applies one change per id with the single-change rules, and reports each", async () => {
    const [a, b] = await Promise.all([create(w.agent.token), create(w.agent.token)]);
    await call("POST", `/orgs/${w.orgId}/issues/${b.body.id}/close`, { token: w.agent.token });
    const foreign = (
      await call("POST", `/orgs/${w.otherOrgId}/issues`, { token: w.outsider.token, body: { title: "Theirs" } })
    ).body.id;
    const response = await call("POST", `/orgs/${w.orgId}/issues:bulk`, {
      token: w.agent.token,
      body: { ids: [a.body.id, b.body.id, foreign, "missing"], change: { status: "in_progress" } },
    });
    expect(response.status).toBe(200);
    expect(response.body.results.map((r: { status: number }) => r.status)).toEqual([200, 409, 404, 404]);
    expect(response.body.summary).toEqual({ succeeded: 1, failed: 3 });
    expect((await db().doc(`orgs/${w.otherOrgId}/issues/${foreign}`).get()).get("status")).toBe("open");

    const tagged = await call("POST", `/orgs/${w.orgId}/issues:bulk`, {
      token: w.agent.token,
      body: { ids: [a.body.id], change: { tags: { add: ["Bulk"] } } },
    });
    expect(tagged.body.results[0].issue.tags).toContain("bulk");
    expectProblem(
      await call("POST", `/orgs/${w.orgId}/issues:bulk`, {
        token: w.reporter.token,
        body: { ids: [a.body.id], change: { priority: "low" } },
      }),
      403,
    );
    expectProblem(
      await call("POST", `/orgs/${w.orgId}/issues:bulk`, {
        token: w.agent.token,
        body: { ids: Array.from({ length: 501 }, (_, i) => `id${i}`), change: { priority: "low" } },
      }),
      422,
    );
    expectProblem(
      await call("POST", `/orgs/${w.orgId}/issues:bulk`, {
        token: w.agent.token,
        body: { ids: [a.body.id], change: { priority: "low", category: "billing" } },
      }),
      422,
    );
  });

  it("serves the statistics the triggers keep, which settle on the count() truth, for the team only", async () => {
    const truth = async () => {
      const live = db().collection(`orgs/${w.orgId}/issues`).where("deleted", "==", false);
      const open = (
        await live
          .where("status", "in", ["open", "answered", "in_progress", "on_hold", "waiting_for_response"])
          .count()
          .get()
      ).data().count;
      return { total: (await live.count().get()).data().count, open };
    };
    let stats: { status: number; body: Record<string, any> } = { status: 0, body: {} };
    let expected = await truth();
    // The triggers apply each change a moment after it is written.
    for (let i = 0; i < 120; i++) {
      stats = await call("GET", `/orgs/${w.orgId}/stats`, { token: w.viewer.token });
      expected = await truth();
      if (stats.body.total === expected.total && stats.body.open === expected.open) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(stats.status).toBe(200);
    expect({ total: stats.body.total, open: stats.body.open }).toEqual(expected);
    expect(Object.values(stats.body.byStatus as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(
      expected.total,
    );
    expect(stats.body).toHaveProperty("sla.compliancePct");
    expectProblem(await call("GET", `/orgs/${w.orgId}/stats`, { token: w.customer.token }), 403);
    expectProblem(await call("GET", `/orgs/${w.orgId}/stats`, { token: w.outsider.token }), 404);
  });

  it("exports CSV with quoting and formula cells defused, customers only their own", async () => {
    await create(w.customer.token, { title: '=HYPERLINK("http://evil","click"), "quoted"' });
    const response = await fetch(`${FUNCTION_BASE}/orgs/${w.orgId}/issues/export.csv`, {
      headers: { authorization: `Bearer ${w.customer.token}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    const text = await response.text();
    const lines = text.trimEnd().split("\r\n");
    // A customer's export has the columns of what they may see of an issue.
    expect(lines[0]).toBe(
      "number,title,status,priority,category,type,assignee,createdAt,updatedAt,resolvedAt,description,vendor,order,closedAt",
    );
    expect(text).toContain(`"'=HYPERLINK(""http://evil"",""click""), ""quoted"""`);
    const customerIssues = (
      await db()
        .collection(`orgs/${w.orgId}/issues`)
        .where("reporter.uid", "==", w.customer.uid)
        .where("deleted", "==", false)
        .count()
        .get()
    ).data().count;
    expect(lines).toHaveLength(customerIssues + 1);
  });
});

describe("CSV for the team", () => {
  it("has the description, vendor, order, closed time and the running SLA deadline", async () => {
    const issue = (
      await create(w.agent.token, {
        title: "Pallet labels print blank",
        description: "Since the driver update",
        vendor: { id: "v-9", name: "Labelco" },
        order: { id: "o-1", ref: "SO-4411" },
      })
    ).body;
    await waitForSla(issue.id);
    const text = await (
      await fetch(`${FUNCTION_BASE}/orgs/${w.orgId}/issues/export.csv?q=pallet`, {
        headers: { authorization: `Bearer ${w.agent.token}` },
      })
    ).text();
    const [header, row] = text.trimEnd().split("\r\n");
    const columns = header!.split(",");
    expect(columns.slice(-5)).toEqual(["description", "vendor", "order", "closedAt", "slaDue"]);
    const cells = row!.split(",");
    const stored = (await db().doc(`orgs/${w.orgId}/issues/${issue.id}`).get())
      .get("sla.firstResponseDueAt")
      .toDate()
      .toISOString();
    expect(cells.slice(-5)).toEqual(["Since the driver update", "Labelco", "SO-4411", "", stored]);
  });
});

async function waitForSla(issueId: string) {
  for (let i = 0; i < 120; i++) {
    if ((await db().doc(`orgs/${w.orgId}/issues/${issueId}`).get()).get("sla")) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("the SLA was never derived");
}

describe("search", () => {
  it("finds issues by number forms, title prefixes and description words, all words required", async () => {
    const checkout = (
      await create(w.agent.token, {
        title: "Checkout crashes on Safari",
        description: "Payment page freezes with intermittent spinners",
      })
    ).body;
    const invoice = await raiseAsCustomer(w.customer.token, {
      title: "Invoice shows wrong VAT",
      description: "The December statement",
    });
    const ids = async (q: string, token = w.agent.token) =>
      (await call("GET", `/orgs/${w.orgId}/issues?limit=100&q=${encodeURIComponent(q)}`, { token })).body.data.map(
        // A customer's rows are their projection, named by issueId.
        (i: { id?: string; issueId?: string }) => (token === w.customer.token ? i.issueId : i.id),
      );
    // Words are searchable from the create itself, before any trigger has run.
    expect(await ids("checko")).toContain(checkout.id);
    expect(await ids("invoice")).toContain(invoice.id);
    // The number's forms come with the trigger that derives them after numbering.
    for (let i = 0; i < 120 && !(await ids(checkout.number)).includes(checkout.id); i++)
      await new Promise((r) => setTimeout(r, 500));

    expect(await ids("CHECKOUT safari")).toEqual([checkout.id]);
    expect(await ids("checkout invoice")).toEqual([]);
    expect(await ids("intermittent")).toEqual([checkout.id]);
    expect(await ids(checkout.number)).toEqual([checkout.id]);
    expect(await ids(String(checkout.seq))).toContain(checkout.id);
    expect(await ids(String(checkout.seq).padStart(4, "0"))).toContain(checkout.id);
    expect(await ids("décember")).toEqual([invoice.id]);
    expect(await ids("a")).toEqual([]);
    // A customer's search sees only their own issues.
    expect(await ids("checkout", w.customer.token)).toEqual([]);
    expect(await ids("invoice", w.customer.token)).toEqual([invoice.id]);
    const csv = await fetch(`${FUNCTION_BASE}/orgs/${w.orgId}/issues/export.csv?q=safari`, {
      headers: { authorization: `Bearer ${w.agent.token}` },
    });
    expect((await csv.text()).trimEnd().split("\r\n")).toHaveLength(2);
  });
});

describe("OpenAPI", () => {
  it("documents every route the app serves", async () => {
    const doc = (await call("GET", "/openapi.json")).body;
    expect(doc.openapi).toBe("3.1.0");
    const routes = allRoutes();
    expect(routes.length).toBeGreaterThan(25);
    for (const route of routes) {
      expect(doc.paths[route.path]?.[route.method], `${route.method} ${route.path}`).toBeDefined();
    }
    // And the documented paths are what Express matches.
    expect(expressPath("/orgs/{orgId}/issues:bulk")).toBe("/orgs/:orgId/issues\\:bulk");
    const documented = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods as object).map((m) => `${m} ${path}`),
    );
    expect(documented.sort()).toEqual(routes.map((r) => `${r.method} ${r.path}`).sort());
    expect(
      doc.paths["/orgs/{orgId}/issues"].post.requestBody.content["application/json"].schema.properties.title.maxLength,
    ).toBe(200);
  });
});
