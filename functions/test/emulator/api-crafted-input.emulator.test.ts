/**
 * Crafted input that used to reach Firestore and come back as a 500: ids that are
 * not document ids (in cursors, bodies and bulk lists), lone surrogates in stored
 * text, and cursors reused for another query. Each must be a 4xx problem and
 * change nothing.
 */
import { getAuth } from "firebase-admin/auth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, db, expectProblem, newUser, setBackgroundTriggers, type ApiResponse } from "./helpers";
import { buildWorld, type World } from "./world";

let w: World;
let issueId: string;
let otherIssueId: string;

// Triggers paused, setup included: a late trigger write would move the update times
// these tests read to show that a refused request changed nothing.
beforeAll(async () => {
  await setBackgroundTriggers(false);
  w = await buildWorld("Crafted Input");
  const created = await Promise.all(
    ["Crafted target", "Second target", "Third target"].map((title) =>
      call("POST", `/orgs/${w.orgId}/issues`, { token: w.admin.token, body: { title } }),
    ),
  );
  issueId = created[0]!.body.id;
  otherIssueId = created[1]!.body.id;
  await call("POST", `/orgs/${w.orgId}/issues/${issueId}/comments`, { token: w.admin.token, body: { body: "First" } });
  await call("POST", `/orgs/${w.orgId}/issues/${issueId}/comments`, { token: w.admin.token, body: { body: "Second" } });
});

afterAll(async () => {
  await setBackgroundTriggers(true);
});

/** A cursor in the format the API wrote before cursors named their query: a well-formed shape around a bad id. */
const oldCursor = (values: unknown[], id: string) =>
  Buffer.from(JSON.stringify({ v: values, id })).toString("base64url");
const BAD_IDS = ["a/b", "..", ".", "__x__", "\ud83d"];
const LONE_SURROGATE = "x\ud83dy";

/** Firestore's update time of a document, to show a refused request left it alone. */
const updateTime = async (path: string) => (await db().doc(path).get()).updateTime?.toMillis();

function expect4xx(response: ApiResponse, status: number, label: string) {
  try {
    expectProblem(response, status);
  } catch (err) {
    throw new Error(`${label}: ${(err as Error).message}`);
  }
}

describe("ids that are not document ids", () => {
  it.each(BAD_IDS)(
    "refuses a list cursor naming the id %j with 400 on issues, comments and activities",
    async (bad) => {
      const lists = [
        [`/orgs/${w.orgId}/issues?limit=1`, [2026, 1]],
        [`/orgs/${w.orgId}/issues?limit=1&sort=createdAt`, [{ ts: [1_700_000_000, 0] }]],
        [`/orgs/${w.orgId}/issues/${issueId}/comments?limit=1`, [{ ts: [1_700_000_000, 0] }]],
        [`/orgs/${w.orgId}/issues/${issueId}/activities?limit=1`, [{ ts: [1_700_000_000, 0] }]],
      ] as const;
      for (const [path, values] of lists) {
        const response = await call("GET", `${path}&cursor=${oldCursor([...values], bad)}`, { token: w.admin.token });
        expect4xx(response, 400, path);
      }
    },
  );

  it("refuses cursor values Firestore cannot take: a lone surrogate, a timestamp out of range", async () => {
    for (const values of [[LONE_SURROGATE], [{ ts: [1e15, 0] }], [{ ts: [-1e12, 0] }]]) {
      const response = await call(
        "GET",
        `/orgs/${w.orgId}/issues?limit=1&sort=createdAt&cursor=${oldCursor(values, "abc")}`,
        { token: w.admin.token },
      );
      expect4xx(response, 400, JSON.stringify(values));
    }
  });

  it.each(BAD_IDS)("refuses assign {assigneeUid: %j} with 422 and leaves the issue alone", async (bad) => {
    const before = await updateTime(`orgs/${w.orgId}/issues/${issueId}`);
    const response = await call("POST", `/orgs/${w.orgId}/issues/${issueId}/assign`, {
      token: w.admin.token,
      body: { assigneeUid: bad },
    });
    expect4xx(response, 422, "assign");
    expect(response.body.errors.map((e: { path: string }) => e.path)).toContain("assigneeUid");
    expect(await updateTime(`orgs/${w.orgId}/issues/${issueId}`)).toBe(before);
  });

  it("refuses a bulk list holding bad ids with 422 before changing any issue", async () => {
    const before = await updateTime(`orgs/${w.orgId}/issues/${otherIssueId}`);
    for (const bad of BAD_IDS) {
      const response = await call("POST", `/orgs/${w.orgId}/issues:bulk`, {
        token: w.admin.token,
        body: { ids: [otherIssueId, bad], change: { priority: "urgent" } },
      });
      expect4xx(response, 422, `bulk ${JSON.stringify(bad)}`);
      expect(response.body.errors.map((e: { path: string }) => e.path)).toContain("ids.1");
    }
    expect(await updateTime(`orgs/${w.orgId}/issues/${otherIssueId}`)).toBe(before);
    expect((await db().doc(`orgs/${w.orgId}/issues/${otherIssueId}`).get()).get("priority")).toBe("medium");
  });

  it("answers a bulk id that is a valid id but no issue with its own 404, and still changes the others", async () => {
    const response = await call("POST", `/orgs/${w.orgId}/issues:bulk`, {
      token: w.admin.token,
      body: { ids: ["no-such-issue", otherIssueId], change: { category: "billing" } },
    });
    expect(response.status).toBe(200);
    expect(response.body.results.map((r: { id: string; status: number }) => [r.id, r.status])).toEqual([
      ["no-such-issue", 404],
      [otherIssueId, 200],
    ]);
    expect(response.body.results[0].problem.status).toBe(404);
    expect(response.body.summary).toEqual({ succeeded: 1, failed: 1 });
  });
});

describe("lone surrogates in stored text", () => {
  const issuePath = () => `/orgs/${w.orgId}/issues`;
  const onIssue = (command: string) => `/orgs/${w.orgId}/issues/${issueId}/${command}`;
  const cases: [string, () => string, string, unknown, string?][] = [
    ["issue title", issuePath, "POST", { title: LONE_SURROGATE }],
    ["issue description", issuePath, "POST", { title: "t", description: LONE_SURROGATE }],
    ["issue tag", issuePath, "POST", { title: "t", tags: ["ok", LONE_SURROGATE] }],
    ["vendor id", issuePath, "POST", { title: "t", vendor: { id: LONE_SURROGATE, name: "v" } }],
    ["vendor name", issuePath, "POST", { title: "t", vendor: { id: "v", name: LONE_SURROGATE } }],
    ["order id", issuePath, "POST", { title: "t", order: { id: LONE_SURROGATE, ref: "r" } }],
    ["order ref", issuePath, "POST", { title: "t", order: { id: "o", ref: LONE_SURROGATE } }],
    ["a low surrogate alone", issuePath, "POST", { title: "x\udc00" }],
    ["a reversed pair", issuePath, "POST", { title: "\ude00\ud83d" }],
    ["patched title", () => `/orgs/${w.orgId}/issues/${issueId}`, "PATCH", { title: LONE_SURROGATE }],
    ["patched tags", () => `/orgs/${w.orgId}/issues/${issueId}`, "PATCH", { tags: [LONE_SURROGATE] }],
    ["comment body", () => onIssue("comments"), "POST", { body: LONE_SURROGATE }],
    ["transition note", () => onIssue("transition"), "POST", { status: "in_progress", note: LONE_SURROGATE }],
    ["resolution notes", () => onIssue("resolve"), "POST", { notes: LONE_SURROGATE }],
    [
      "bulk note",
      () => `/orgs/${w.orgId}/issues:bulk`,
      "POST",
      { ids: ["x"], change: { status: "in_progress", note: LONE_SURROGATE } },
    ],
    [
      "bulk tag",
      () => `/orgs/${w.orgId}/issues:bulk`,
      "POST",
      { ids: ["x"], change: { tags: { add: [LONE_SURROGATE] } } },
    ],
    ["org name", () => "/orgs", "POST", { name: LONE_SURROGATE }],
    ["renamed org", () => `/orgs/${w.orgId}`, "PATCH", { name: LONE_SURROGATE }],
    ["Linear team id", () => `/orgs/${w.orgId}/settings`, "PATCH", { linear: { teamId: LONE_SURROGATE } }],
    ["API key name", () => `/orgs/${w.orgId}/api-keys`, "POST", { name: LONE_SURROGATE }],
  ];

  it.each(cases)("refuses a lone surrogate in the %s with 422", async (label, path, method, body) => {
    const before = await updateTime(`orgs/${w.orgId}/issues/${issueId}`);
    const issues = (await db().collection(`orgs/${w.orgId}/issues`).count().get()).data().count;
    const response = await call(method, path(), { token: w.admin.token, body });
    expect4xx(response, 422, label);
    expect(await updateTime(`orgs/${w.orgId}/issues/${issueId}`)).toBe(before);
    expect((await db().collection(`orgs/${w.orgId}/issues`).count().get()).data().count).toBe(issues);
  });

  it("refuses a lone surrogate in a service's fingerprint with 422", async () => {
    const response = await call("POST", `/orgs/${w.orgId}/issues`, {
      token: w.serviceKey,
      body: { title: "t", fingerprint: LONE_SURROGATE },
    });
    expect4xx(response, 422, "fingerprint");
  });

  it("takes well-formed astral characters as they are", async () => {
    const response = await call("POST", `/orgs/${w.orgId}/issues`, {
      token: w.admin.token,
      body: { title: "On fire 🔥 𝔘𝔫𝔦𝔠𝔬𝔡𝔢", tags: ["🔥"] },
    });
    expect(response.status).toBe(201);
    expect(response.body.title).toBe("On fire 🔥 𝔘𝔫𝔦𝔠𝔬𝔡𝔢");
    expect(response.body.tags).toEqual(["🔥"]);
  });
});

describe("cursors belong to their query", () => {
  it("refuses with 400 a cursor reused with other filters or another sort, and takes it back with its own", async () => {
    const first = await call("GET", `/orgs/${w.orgId}/issues?limit=1&sort=createdAt`, { token: w.admin.token });
    expect(first.status).toBe(200);
    const cursor = first.body.nextCursor as string;
    expect(cursor).toEqual(expect.any(String));
    for (const other of [
      "sort=updatedAt",
      "sort=-createdAt",
      "sort=createdAt&priority=high",
      "sort=createdAt&status=open",
      "sort=createdAt&q=target",
    ]) {
      expect4xx(
        await call("GET", `/orgs/${w.orgId}/issues?limit=1&${other}&cursor=${cursor}`, { token: w.admin.token }),
        400,
        other,
      );
    }
    // The page size is not part of the query: a cursor resumes with any limit.
    const again = await call("GET", `/orgs/${w.orgId}/issues?limit=2&sort=createdAt&cursor=${cursor}`, {
      token: w.admin.token,
    });
    expect(again.status).toBe(200);
    expect(again.body.data.map((issue: { id: string }) => issue.id)).not.toContain(first.body.data[0].id);
  });

  it("refuses with 400 a comments cursor used on another issue's comments or on activities", async () => {
    const first = await call("GET", `/orgs/${w.orgId}/issues/${issueId}/comments?limit=1`, { token: w.admin.token });
    const cursor = first.body.nextCursor as string;
    expect(cursor).toEqual(expect.any(String));
    expect(
      (
        await call("GET", `/orgs/${w.orgId}/issues/${issueId}/comments?limit=1&cursor=${cursor}`, {
          token: w.admin.token,
        })
      ).status,
    ).toBe(200);
    expect4xx(
      await call("GET", `/orgs/${w.orgId}/issues/${otherIssueId}/comments?limit=1&cursor=${cursor}`, {
        token: w.admin.token,
      }),
      400,
      "other issue",
    );
    expect4xx(
      await call("GET", `/orgs/${w.orgId}/issues/${issueId}/activities?limit=1&cursor=${cursor}`, {
        token: w.admin.token,
      }),
      400,
      "activities",
    );
    expect4xx(
      await call("GET", `/orgs/${w.orgId}/issues?limit=1&sort=createdAt&cursor=${cursor}`, { token: w.admin.token }),
      400,
      "issues",
    );
  });
});

describe("text we did not parse ourselves", () => {
  it("takes a person whose display name holds a lone surrogate, storing it well-formed", async () => {
    const user = await newUser("surrogate");
    await getAuth().updateUser(user.uid, { displayName: `Broken ${"\ud83d"} name` });
    // A fresh sign-in, so the token carries the new name.
    const again = await fetch(
      `http://${process.env.FIREBASE_AUTH_EMULATOR_HOST}/identitytoolkit.googleapis.com/v1/accounts:signInWithPassword?key=demo-key`,
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: user.email, password: "correct-horse-battery", returnSecureToken: true }),
      },
    );
    const token = ((await again.json()) as { idToken: string }).idToken;
    const created = await call("POST", "/orgs", { token, body: { name: "Surrogate Org" } });
    expect(created.status).toBe(201);
    const member = await db().doc(`orgs/${created.body.id}/members/${user.uid}`).get();
    expect(member.get("displayName")).toBe("Broken \uFFFD name");
  });
});

describe("the OpenAPI document says so", () => {
  it("documents the cursor's 400 on every list, path ids, and a problem per bulk result", async () => {
    const doc = (await call("GET", "/openapi.json")).body;
    for (const path of [
      "/orgs/{orgId}/issues",
      "/orgs/{orgId}/issues/{id}/comments",
      "/orgs/{orgId}/issues/{id}/activities",
    ]) {
      const cursor = doc.paths[path].get.parameters.find((p: { name: string }) => p.name === "cursor");
      expect(cursor.schema.description ?? cursor.description, path).toMatch(/same filters and sort.*400/);
      expect(Object.keys(doc.paths[path].get.responses)).toContain("400");
    }
    const idParam = doc.paths["/orgs/{orgId}/issues/{id}/assign"].post.parameters.find(
      (p: { name: string }) => p.name === "id",
    );
    expect(idParam.description).toMatch(/document id/);
    const item =
      doc.paths["/orgs/{orgId}/issues:bulk"].post.responses["200"].content["application/json"].schema.properties.results
        .items;
    expect(Object.keys(item.properties)).toEqual(expect.arrayContaining(["id", "status", "issue", "problem"]));
    expect(item.properties.error).toBeUndefined();
  });
});
