import { beforeAll, describe, expect, it } from "vitest";
import {
  addMember,
  call,
  db,
  expectProblem,
  HOSTING_BASE,
  issueCount,
  newOrg,
  newUser,
  startLocalApp,
  type TestUser,
} from "./helpers";

const year = new Date().getUTCFullYear();

let admin: TestUser;
let orgId: string;

beforeAll(async () => {
  admin = await newUser("admin");
  orgId = await newOrg(admin, "Acme Support");
});

describe("health", () => {
  it("answers without a token, directly and through the hosting rewrite", async () => {
    for (const base of [undefined, HOSTING_BASE]) {
      const response = await call("GET", "/health", { base });
      expect(response.status).toBe(200);
      expect(response.body.status).toBe("ok");
      expect(response.headers.get("x-request-id")).toBeTruthy();
    }
  });
});

describe("POST /orgs", () => {
  it("makes the caller the admin", async () => {
    const owner = await newUser("owner");
    const response = await call("POST", "/orgs", { token: owner.token, body: { name: "Zürich Café Ops" } });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ name: "Zürich Café Ops", slug: "zurich-cafe-ops", role: "admin" });
    const member = await db().doc(`orgs/${response.body.id}/members/${owner.uid}`).get();
    expect(member.get("role")).toBe("admin");
  });

  it("refuses a blank name and unknown fields", async () => {
    const owner = await newUser("owner");
    expectProblem(await call("POST", "/orgs", { token: owner.token, body: { name: " " } }), 422);
    expectProblem(await call("POST", "/orgs", { token: owner.token, body: { name: "X", plan: "gold" } }), 422);
  });
});

describe("create and read an issue", () => {
  it("creates with a number, then reads it by id, by number and in the list — also through hosting", async () => {
    const response = await call("POST", `/orgs/${orgId}/issues`, {
      token: admin.token,
      body: { title: "Checkout button does nothing", priority: "high", type: "bug", tags: ["Checkout"] },
    });
    expect(response.status).toBe(201);
    const issue = response.body;
    expect(issue.number).toBe(`ISS-${year}-0001`);
    expect(issue).toMatchObject({
      title: "Checkout button does nothing",
      status: "open",
      priority: "high",
      type: "bug",
      category: "general",
      tags: ["checkout"],
      source: "internal",
      deleted: false,
      seq: 1,
      year,
      reporter: { uid: admin.uid, kind: "member" },
    });
    expect(issue.searchTokens).toBeUndefined();
    expect(response.headers.get("location")).toContain(`/orgs/${orgId}/issues/${issue.id}`);
    expect(response.headers.get("etag")).toBe(`"${issue.version}"`);

    for (const key of [issue.id, `ISS-${year}-0001`, `iss-${year}-0001`, "0001", "1"]) {
      const byKey = await call("GET", `/orgs/${orgId}/issues/${key}`, { token: admin.token });
      expect(byKey.status, key).toBe(200);
      expect(byKey.body.id).toBe(issue.id);
    }
    const viaHosting = await call("GET", `/orgs/${orgId}/issues/${issue.id}`, {
      token: admin.token,
      base: HOSTING_BASE,
    });
    expect(viaHosting.body.number).toBe(issue.number);

    const list = await call("GET", `/orgs/${orgId}/issues?sort=number&limit=10`, { token: admin.token });
    expect(list.status).toBe(200);
    expect(list.body.data.map((row: { id: string }) => row.id)).toContain(issue.id);
  });

  it("answers 404 for an unknown id or number", async () => {
    expectProblem(await call("GET", `/orgs/${orgId}/issues/doesNotExist123`, { token: admin.token }), 404);
    expectProblem(await call("GET", `/orgs/${orgId}/issues/ISS-${year}-9999`, { token: admin.token }), 404);
    expectProblem(await call("GET", `/orgs/${orgId}/issues/ISS-1999-0001`, { token: admin.token }), 404);
  });
});

describe("list pagination", () => {
  it("walks pages with the cursor, each issue once and in number order", async () => {
    const owner = await newUser("pager");
    const pagedOrg = await newOrg(owner, "Pager Org");
    for (let i = 0; i < 7; i++) {
      const created = await call("POST", `/orgs/${pagedOrg}/issues`, {
        token: owner.token,
        body: { title: `Issue ${i}` },
      });
      expect(created.status).toBe(201);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `/orgs/${pagedOrg}/issues?sort=number&limit=3${cursor ? `&cursor=${cursor}` : ""}`;
      const page = await call("GET", query, { token: owner.token });
      expect(page.status).toBe(200);
      seen.push(...page.body.data.map((row: { number: string }) => row.number));
      cursor = page.body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(Array.from({ length: 7 }, (_, i) => `ISS-${year}-000${i + 1}`));

    const newestFirst = await call("GET", `/orgs/${pagedOrg}/issues?sort=-createdAt&limit=2`, { token: owner.token });
    expect(newestFirst.body.data.map((row: { title: string }) => row.title)).toEqual(["Issue 6", "Issue 5"]);
  });

  it.each([
    ["a forged cursor", "cursor=bm90LWEtY3Vyc29y", 400],
    ["a cursor of another sort", "sort=createdAt&cursor=eyJ2IjpbMjAyNiwxXSwiaWQiOiJ4In0", 400],
    ["a limit over 100", "limit=101", 422],
    ["a limit of zero", "limit=0", 422],
    ["an unknown sort", "sort=colour", 422],
    ["an unknown parameter", "colour=red", 422],
  ])("refuses %s", async (_label, query, status) => {
    expectProblem(await call("GET", `/orgs/${orgId}/issues?${query}`, { token: admin.token }), status);
  });
});

describe("who may do what", () => {
  let viewer: TestUser;
  let reporter: TestUser;
  let outsider: TestUser;
  let customer: TestUser;
  let otherCustomer: TestUser;
  let issueId: string;

  beforeAll(async () => {
    [viewer, reporter, outsider, customer, otherCustomer] = await Promise.all([
      newUser("viewer"),
      newUser("reporter"),
      newUser("outsider"),
      newUser("customer"),
      newUser("othercustomer"),
    ]);
    await Promise.all([
      addMember(orgId, viewer, "viewer"),
      addMember(orgId, reporter, "reporter"),
      addMember(orgId, customer, "customer"),
      addMember(orgId, otherCustomer, "customer"),
      newOrg(outsider, "Outsider Org"),
    ]);
    const created = await call("POST", `/orgs/${orgId}/issues`, {
      token: admin.token,
      body: { title: "Internal thing" },
    });
    issueId = created.body.id;
  });

  it("answers 401 without a token, with a bad token, or with a malformed header", async () => {
    for (const headers of [
      {},
      { authorization: "Bearer not-a-token" },
      { authorization: "Basic abc" },
      { authorization: "Bearer" },
    ] as Record<string, string>[]) {
      const response = await call("GET", `/orgs/${orgId}/issues`, { headers });
      expectProblem(response, 401);
      expect(response.headers.get("www-authenticate")).toContain("Bearer");
    }
    expectProblem(await call("POST", `/orgs/${orgId}/issues`, { body: { title: "x" } }), 401);
    expect(await issueCount(orgId)).toBeGreaterThan(0);
  });

  it("answers 404 to a member of another org, for reads and writes alike", async () => {
    const before = await issueCount(orgId);
    expectProblem(await call("GET", `/orgs/${orgId}/issues/${issueId}`, { token: outsider.token }), 404);
    expectProblem(await call("GET", `/orgs/${orgId}/issues`, { token: outsider.token }), 404);
    expectProblem(
      await call("POST", `/orgs/${orgId}/issues`, { token: outsider.token, body: { title: "Sneaky" } }),
      404,
    );
    expectProblem(await call("GET", `/orgs/no-such-org/issues`, { token: outsider.token }), 404);
    expect(await issueCount(orgId)).toBe(before);
  });

  it("lets a viewer read but not create", async () => {
    const before = await issueCount(orgId);
    expect((await call("GET", `/orgs/${orgId}/issues/${issueId}`, { token: viewer.token })).status).toBe(200);
    expectProblem(await call("POST", `/orgs/${orgId}/issues`, { token: viewer.token, body: { title: "Nope" } }), 403);
    expect(await issueCount(orgId)).toBe(before);
  });

  it("lets a reporter create an internal issue", async () => {
    const created = await call("POST", `/orgs/${orgId}/issues`, {
      token: reporter.token,
      body: { title: "Found a bug" },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      source: "internal",
      raisedByCustomer: false,
      reporter: { uid: reporter.uid },
    });
  });

  it("gives a customer a client issue and shows them only their own", async () => {
    const created = await call("POST", `/orgs/${orgId}/issues`, {
      token: customer.token,
      body: { title: "My order is late" },
    });
    expect(created.status).toBe(201);
    const id = created.body.issueId as string;
    // The customer is answered with their projection; the document says who raised it.
    expect(created.body.watchers).toBeUndefined();
    expect(created.body.reporter).toBeUndefined();
    expect((await db().doc(`orgs/${orgId}/issues/${id}`).get()).data()).toMatchObject({
      source: "client",
      raisedByCustomer: true,
      reporter: { uid: customer.uid, kind: "customer" },
    });

    expect((await call("GET", `/orgs/${orgId}/issues/${id}`, { token: customer.token })).status).toBe(200);
    expectProblem(await call("GET", `/orgs/${orgId}/issues/${id}`, { token: otherCustomer.token }), 404);
    expectProblem(await call("GET", `/orgs/${orgId}/issues/${issueId}`, { token: customer.token }), 404);
    expectProblem(
      await call("GET", `/orgs/${orgId}/issues/${created.body.number}`, { token: otherCustomer.token }),
      404,
    );

    const mine = await call("GET", `/orgs/${orgId}/issues?limit=100`, { token: customer.token });
    expect(mine.body.data.map((row: { issueId: string }) => row.issueId)).toEqual([id]);
    const theirs = await call("GET", `/orgs/${orgId}/issues?limit=100`, { token: otherCustomer.token });
    expect(theirs.body.data).toEqual([]);
  });
});

describe("bad input changes nothing", () => {
  const cases: [string, unknown, number, string | null][] = [
    ["a missing title", { priority: "low" }, 422, "title"],
    ["a 201-character title", { title: "x".repeat(201) }, 422, "title"],
    ["an unknown priority", { title: "t", priority: "asap" }, 422, "priority"],
    ["an unknown field", { title: "t", number: "ISS-2026-0001" }, 422, null],
    ["a body that is an array", [{ title: "t" }], 422, null],
    ["a 20,001-character description", { title: "t", description: "d".repeat(20_001) }, 422, "description"],
  ];

  it.each(cases)("refuses %s with problem+json and field details", async (_label, body, status, path) => {
    const before = await issueCount(orgId);
    const response = await call("POST", `/orgs/${orgId}/issues`, { token: admin.token, body });
    expectProblem(response, status);
    expect(response.body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: expect.any(String), message: expect.any(String) })]),
    );
    if (path) expect(response.body.errors.map((error: { path: string }) => error.path)).toContain(path);
    expect(await issueCount(orgId)).toBe(before);
  });

  it("refuses a non-JSON content type with 415", async () => {
    const before = await issueCount(orgId);
    const response = await call("POST", `/orgs/${orgId}/issues`, {
      token: admin.token,
      rawBody: "title=hello",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expectProblem(response, 415);
    expect(await issueCount(orgId)).toBe(before);
  });

  it("refuses malformed JSON with 400 through the function and writes nothing", async () => {
    const before = await issueCount(orgId);
    // The functions runtime parses JSON before our app runs, so its own 400 answers here.
    const response = await call("POST", `/orgs/${orgId}/issues`, {
      token: admin.token,
      rawBody: '{"title": "unterminated',
      headers: { "content-type": "application/json" },
    });
    expect(response.status).toBe(400);
    expect(await issueCount(orgId)).toBe(before);
  });

  it("answers malformed JSON with problem+json where the app parses the body itself", async () => {
    const local = await startLocalApp();
    try {
      const before = await issueCount(orgId);
      for (const rawBody of ['{"title": "unterminated', "{'title': 'single quotes'}", "nul\u0000l"]) {
        const response = await call("POST", `/orgs/${orgId}/issues`, {
          token: admin.token,
          rawBody,
          headers: { "content-type": "application/json" },
          base: local.base,
        });
        expectProblem(response, 400);
      }
      expect(await issueCount(orgId)).toBe(before);
    } finally {
      await local.close();
    }
  });

  it("answers unknown routes with a 404 problem", async () => {
    expectProblem(await call("GET", "/nothing-here", { token: admin.token }), 404);
  });
});
