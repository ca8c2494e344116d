/**
 * What the API tells a customer, and what it lets others slip past it (issue 8):
 * fingerprints are for services only, customers get the portal projection and
 * nothing else, a transition's note stays with the team, and assigning checks
 * who may act before it looks at the assignee.
 */
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { FieldValue, type Timestamp } from "firebase-admin/firestore";
import { beforeAll, describe, expect, it } from "vitest";
import {
  addMember,
  call,
  db,
  expectProblem,
  FUNCTION_BASE,
  issueCount,
  newUser,
  withTriggersPaused,
  type ApiResponse,
} from "./helpers";
import { waitFor } from "./eventsHelpers";
import { buildWorld, type World } from "./world";
import { CUSTOMER_FIELDS } from "../customerFields";

let w: World;
const issues = () => `/orgs/${w.orgId}/issues`;
const create = (token: string | undefined, body: object = { title: "Something broke" }) =>
  call("POST", issues(), { token, body });
/** The new issue's id, from the Location of the 201 (whatever the body shows the caller). */
const createdId = (response: ApiResponse) => response.headers.get("location")!.split("/").pop()!;
const raise = async (token: string) => createdId(await create(token));

/** docs/product.md: everything a customer may see of an issue, and nothing more. */
const INTERNAL_VALUES = ["secret-tag", "fp-internal", "Team-only note"];

function expectCustomerView(body: Record<string, unknown>) {
  expect(Object.keys(body).sort()).toEqual(CUSTOMER_FIELDS);
  for (const value of INTERNAL_VALUES) expect(JSON.stringify(body)).not.toContain(value);
}

beforeAll(async () => {
  w = await buildWorld("Customer World");
});

describe("fingerprint is for services only", () => {
  it("answers 422 on `fingerprint` to members, customers and intake users, and writes nothing", async () => {
    const logged = await create(w.serviceKey, {
      title: "Payment gateway timeout",
      description: "stack trace with internals",
      fingerprint: "gw-hijack",
    });
    expect(logged.status).toBe(201);
    const target = db().doc(`orgs/${w.orgId}/issues/${logged.body.id}`);
    await call("PATCH", `/orgs/${w.orgId}/settings`, { token: w.admin.token, body: { publicIntake: true } });
    const stranger = await newUser("intaker");
    try {
      const before = await issueCount(w.orgId);
      for (const token of [w.customer.token, w.agent.token, w.reporter.token, w.admin.token, stranger.token]) {
        const response = await create(token, { title: "Payment gateway timeout", fingerprint: "gw-hijack" });
        expectProblem(response, 422);
        expect(response.body.errors.map((e: { path: string }) => e.path)).toEqual(["fingerprint"]);
        expect(JSON.stringify(response.body)).not.toContain("stack trace");
      }
      expect(await issueCount(w.orgId)).toBe(before);
      expect((await target.get()).get("occurrences")).toBe(1);
      // Refused before intake admits anyone: the stranger did not become a customer.
      expect((await db().doc(`orgs/${w.orgId}/members/${stranger.uid}`).get()).exists).toBe(false);
      // The service itself still folds its repeats into the issue.
      const repeat = await create(w.serviceKey, { title: "Payment gateway timeout", fingerprint: "gw-hijack" });
      expect(repeat.status).toBe(200);
      expect(repeat.body).toMatchObject({ id: target.id, deduplicated: true });
    } finally {
      await call("PATCH", `/orgs/${w.orgId}/settings`, { token: w.admin.token, body: { publicIntake: false } });
    }
  });
});

describe("a customer gets the portal projection", () => {
  it("on create, GET, list, reopen, watch and CSV, with no internal field", async () => {
    const created = await create(w.customer.token, { title: "Parcel arrived damaged", priority: "high" });
    expect(created.status).toBe(201);
    expectCustomerView(created.body);
    expect(created.body).toMatchObject({
      orgId: w.orgId,
      orgName: "Customer World",
      title: "Parcel arrived damaged",
      status: "open",
      publicCommentCount: 0,
    });
    expect(created.body.number).toMatch(/^ISS-\d{4}-\d{4,}$/);
    const id = createdId(created);
    expect(created.body.issueId).toBe(id);
    const path = `${issues()}/${id}`;

    // The team works it, with things the customer must not read.
    await call("PATCH", path, { token: w.agent.token, body: { tags: ["secret-tag"] } });
    await call("POST", `${path}/assign`, { token: w.agent.token, body: { assigneeUid: w.agent.uid } });
    await call("POST", `${path}/comments`, { token: w.agent.token, body: { body: "Team-only note", internal: true } });
    await call("POST", `${path}/comments`, { token: w.agent.token, body: { body: "We are on it" } });
    const resolved = await call("POST", `${path}/resolve`, { token: w.agent.token, body: { notes: "Sent a new one" } });
    expect(resolved.status).toBe(200);
    // Staff still get the whole document.
    expect(resolved.body).toMatchObject({
      id,
      tags: ["secret-tag"],
      assignee: { uid: w.agent.uid },
      reporter: { uid: w.customer.uid },
    });
    expect(resolved.body).not.toHaveProperty("searchTokens");

    const got = await call("GET", path, { token: w.customer.token });
    expect(got.status).toBe(200);
    expectCustomerView(got.body);
    expect(got.body).toMatchObject({
      issueId: id,
      status: "resolved",
      assignee: { name: w.agent.name },
      resolution: { notes: "Sent a new one", at: expect.any(String) },
    });
    expect(Object.keys(got.body.assignee)).toEqual(["name"]);
    expect(Object.keys(got.body.resolution).sort()).toEqual(["at", "notes"]);
    // The comment trigger counts the public reply only.
    await waitFor(
      "the public comment count",
      async () => (await call("GET", path, { token: w.customer.token })).body.publicCommentCount === 1,
    );

    const list = await call("GET", `${issues()}?limit=100`, { token: w.customer.token });
    expect(list.body.data.length).toBeGreaterThan(0);
    for (const item of list.body.data) expectCustomerView(item);

    const reopened = await call("POST", `${path}/reopen`, {
      token: w.customer.token,
      body: { reason: "Still broken" },
    });
    expect(reopened.status).toBe(200);
    expectCustomerView(reopened.body);
    expect(reopened.body).toMatchObject({ status: "open", resolution: null });
    const watched = await call("POST", `${path}/watch`, { token: w.customer.token });
    expectCustomerView(watched.body);

    const csv = await fetch(`${FUNCTION_BASE}${issues()}/export.csv`, {
      headers: { authorization: `Bearer ${w.customer.token}` },
    });
    const text = await csv.text();
    const header = text.split("\r\n")[0]!.split(",");
    for (const internal of ["tags", "source", "reporter"]) expect(header).not.toContain(internal);
    expect(text).not.toContain("secret-tag");
  });

  it("refuses a customer the filters and orders on fields they may not see", async () => {
    for (const query of ["tag=secret-tag", "source=client", `assignee=${w.agent.uid}`, "sla=breached", "sla=at_risk"]) {
      const response = await call("GET", `${issues()}?${query}`, { token: w.customer.token });
      expectProblem(response, 422);
      expect(response.body.errors[0].path, query).toBe(`query.${query.split("=")[0]}`);
    }
    for (const sort of ["due", "-due"]) {
      const response = await call("GET", `${issues()}?sort=${sort}`, { token: w.customer.token });
      expectProblem(response, 422);
      expect(response.body.errors).toEqual([expect.objectContaining({ path: "query.sort", code: "not_allowed" })]);
    }
    // The team may: the same queries answer staff.
    for (const query of ["tag=secret-tag", "sla=breached", "sort=due"])
      expect((await call("GET", `${issues()}?${query}`, { token: w.agent.token })).status, query).toBe(200);
    // And a customer's own orders still answer.
    expect((await call("GET", `${issues()}?sort=-updatedAt`, { token: w.customer.token })).status).toBe(200);
  });

  it("serves comments and activities through serializers: no raw document fields", async () => {
    const id = await raise(w.customer.token);
    const path = `${issues()}/${id}`;
    await call("POST", `${path}/comments`, { token: w.agent.token, body: { body: "Hello" } });
    const comments = await call("GET", `${path}/comments`, { token: w.customer.token });
    expect(Object.keys(comments.body.data[0]).sort()).toEqual(
      ["author", "createdAt", "editedAt", "id", "internal", "solution", "source", "body"].sort(),
    );
    await db()
      .doc(`orgs/${w.orgId}/issues/${id}/activities/raw`)
      .set({
        type: "updated",
        internal: false,
        at: new Date(),
        actor: { uid: "x", name: "x", kind: "member" },
        changes: {},
        eventId: "evt-secret",
        commentId: null,
      });
    const activities = await call("GET", `${path}/activities`, { token: w.customer.token });
    for (const activity of activities.body.data) {
      expect(Object.keys(activity).sort()).toEqual(["actor", "at", "changes", "id", "internal", "type"]);
    }
  });
});

describe("a customer's updatedAt is the time of the last change they can see", () => {
  it("an internal note and a tag edit leave it and the customer's list order alone; a public reply moves both; staff see the real updatedAt", async () => {
    const customer = await newUser("ordercustomer");
    await addMember(w.orgId, customer, "customer");
    const first = await raise(customer.token);
    const second = await raise(customer.token);
    const doc = (id: string) => db().doc(`orgs/${w.orgId}/issues/${id}`);
    // The event core has fingerprinted what the customer sees of both.
    for (const id of [first, second])
      await waitFor(`${id} handled`, async () => ((await doc(id).get()).get("publicFingerprint") ? true : null));
    const asCustomer = async (id: string) => (await call("GET", `${issues()}/${id}`, { token: customer.token })).body;
    const asAgent = async (id: string) => (await call("GET", `${issues()}/${id}`, { token: w.agent.token })).body;
    const listed = async (token: string, query = "sort=-updatedAt&limit=100") =>
      (await call("GET", `${issues()}?${query}`, { token })).body as {
        data: { id?: string; issueId?: string; updatedAt: string }[];
        nextCursor: string | null;
      };
    const idsOf = (page: { data: { id?: string; issueId?: string }[] }) =>
      page.data.map((row) => row.issueId ?? row.id);
    const seen = (await asCustomer(first)).updatedAt as string;
    expect(idsOf(await listed(customer.token))).toEqual([second, first]);

    // Internal work on the older issue: a note for the team and a tag.
    const note = await call("POST", `${issues()}/${first}/comments`, {
      token: w.agent.token,
      body: { body: "Team-only note", internal: true },
    });
    expect(note.status, JSON.stringify(note.body)).toBe(201);
    const tagged = await call("PATCH", `${issues()}/${first}`, {
      token: w.agent.token,
      body: { tags: ["secret-tag"] },
    });
    expect(tagged.status, JSON.stringify(tagged.body)).toBe(200);
    const staffTime = (await asAgent(first)).updatedAt as string;
    expect(Date.parse(staffTime)).toBeGreaterThan(Date.parse(seen));
    expect((await asCustomer(first)).updatedAt).toBe(seen);
    // And once the event core has handled it all: still the same, and the same order, page by page too.
    await waitFor("the note counted", async () => ((await doc(first).get()).get("commentCount") === 1 ? true : null));
    expect((await asCustomer(first)).updatedAt).toBe(seen);
    expect((await doc(first).get()).get("publicUpdatedAt").toDate().toISOString()).toBe(seen);
    expect(idsOf(await listed(customer.token))).toEqual([second, first]);
    const page1 = await listed(customer.token, "sort=-updatedAt&limit=1");
    expect(idsOf(page1)).toEqual([second]);
    const page2 = await listed(
      customer.token,
      `sort=-updatedAt&limit=1&cursor=${encodeURIComponent(page1.nextCursor!)}`,
    );
    expect(idsOf(page2)).toEqual([first]);
    const customerRow = (await listed(customer.token)).data.find((row) => (row.issueId ?? row.id) === first)!;
    expect(customerRow.updatedAt).toBe(seen);
    // Staff order by the issue's own time: the internal work moved it up theirs.
    const staffIds = idsOf(await listed(w.agent.token)).filter((id) => id === first || id === second);
    expect(staffIds).toEqual([first, second]);

    // A public reply is news to the customer: their time moves at once, and their list follows.
    const reply = await call("POST", `${issues()}/${first}/comments`, {
      token: w.agent.token,
      body: { body: "We are on it." },
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    await waitFor("the reply counted", async () =>
      (await doc(first).get()).get("publicCommentCount") === 1 ? true : null,
    );
    expect(Date.parse((await asCustomer(first)).updatedAt as string)).toBeGreaterThan(Date.parse(seen));
    // The reply's follow-up writes (the count, the status) settle; the customer's time is then the one recorded.
    await waitFor("the customer's time recorded", async () => {
      const shown = (await asCustomer(first)).updatedAt as string;
      const stored = (await doc(first).get()).get("publicUpdatedAt").toDate().toISOString() as string;
      return shown === stored && Date.parse(shown) > Date.parse(seen) ? true : null;
    });
    expect(idsOf(await listed(customer.token))).toEqual([first, second]);
    expect(idsOf(await listed(customer.token, "sort=updatedAt&limit=100"))).toEqual([second, first]);
  });
});

describe("internal text stays internal", () => {
  it("keeps a transition's note internal for every actor and target, and sends resolving to …/resolve", async () => {
    const id = await raise(w.customer.token);
    const path = `${issues()}/${id}`;
    const refused = await call("POST", `${path}/transition`, {
      token: w.agent.token,
      body: { status: "resolved", note: "Customer is a pain" },
    });
    expectProblem(refused, 422);
    expect(refused.body.errors[0]).toMatchObject({ path: "status" });
    expect(refused.body.detail).toContain(`/resolve`);
    const stored = await db().doc(`orgs/${w.orgId}/issues/${id}`).get();
    expect(stored.get("status")).toBe("open");
    expect(stored.get("resolution")).toBeNull();
    expectProblem(await call("POST", `${path}/transition`, { token: w.serviceKey, body: { status: "resolved" } }), 422);

    expect(
      (
        await call("POST", `${path}/transition`, {
          token: w.serviceKey,
          body: { status: "in_progress", note: "Service note" },
        })
      ).status,
    ).toBe(200);
    expect(
      (await call("POST", `${path}/resolve`, { token: w.agent.token, body: { notes: "Replaced the part" } })).status,
    ).toBe(200);
    // A customer reopening through transition: a customer writes nothing internal, so their note is public.
    expect(
      (
        await call("POST", `${path}/transition`, {
          token: w.customer.token,
          body: { status: "open", note: "Transition note" },
        })
      ).status,
    ).toBe(200);

    const all = await call("GET", `${path}/comments`, { token: w.agent.token });
    expect(all.body.data.map((c: { body: string; internal: boolean }) => [c.body, c.internal])).toEqual([
      ["Service note", true],
      ["Transition note", false],
    ]);
    const seen = await call("GET", `${path}/comments`, { token: w.customer.token });
    expect(seen.body.data.map((c: { body: string }) => c.body)).toEqual(["Transition note"]);
  });

  it("stores a customer's reopen reason as public, a member's as internal", async () => {
    const id = await raise(w.customer.token);
    const path = `${issues()}/${id}`;
    expect((await call("POST", `${path}/resolve`, { token: w.agent.token, body: { notes: "Fixed" } })).status).toBe(
      200,
    );
    expect(
      (await call("POST", `${path}/reopen`, { token: w.customer.token, body: { reason: "Still broken here" } })).status,
    ).toBe(200);
    expect(
      (await call("POST", `${path}/resolve`, { token: w.agent.token, body: { notes: "Fixed again" } })).status,
    ).toBe(200);
    expect(
      (await call("POST", `${path}/reopen`, { token: w.agent.token, body: { reason: "Team reopens" } })).status,
    ).toBe(200);
    const all = await call("GET", `${path}/comments`, { token: w.agent.token });
    expect(all.body.data.map((c: { body: string; internal: boolean }) => [c.body, c.internal])).toEqual([
      ["Still broken here", false],
      ["Team reopens", true],
    ]);
  });
});

describe("customers write only what customers may", () => {
  it("refuses tags from a customer with a 422 naming the field, and writes nothing", async () => {
    const before = await issueCount(w.orgId);
    const refused = await create(w.customer.token, { title: "Please hurry", tags: ["vip"] });
    expectProblem(refused, 422);
    expect(refused.body.errors.map((e: { path: string }) => e.path)).toEqual(["tags"]);
    expect(await issueCount(w.orgId)).toBe(before);
    // The team still tags on create.
    const tagged = await create(w.agent.token, { title: "Tagged by the team", tags: ["vip"] });
    expect(tagged.status).toBe(201);
    expect(tagged.body.tags).toEqual(["vip"]);
  });

  it("gives a customer no bulk: 403 for every change, the issues untouched", async () => {
    const id = await raise(w.customer.token);
    const changes = [{ status: "closed" }, { status: "open", note: "n" }, { priority: "urgent" }, { delete: true }];
    for (const change of changes) {
      const response = await call("POST", `${issues()}:bulk`, { token: w.customer.token, body: { ids: [id], change } });
      expectProblem(response, 403);
    }
    const stored = await db().doc(`orgs/${w.orgId}/issues/${id}`).get();
    expect([stored.get("status"), stored.get("priority"), stored.get("deleted")]).toEqual(["open", "medium", false]);
    // Staff bulk still works on the same issue, and its note stays internal.
    const staff = await call("POST", `${issues()}:bulk`, {
      token: w.agent.token,
      body: { ids: [id], change: { status: "in_progress", note: "Bulk triage" } },
    });
    expect(staff.body.summary).toEqual({ succeeded: 1, failed: 0 });
    const comments = await call("GET", `${issues()}/${id}/comments`, { token: w.agent.token });
    expect(comments.body.data.map((c: { body: string; internal: boolean }) => [c.body, c.internal])).toEqual([
      ["Bulk triage", true],
    ]);
  });

  it("takes a command's comment through the comment rules: a note longer than a comment may be is refused", async () => {
    const id = await raise(w.agent.token);
    const long = "x".repeat(10_001);
    expectProblem(
      await call("POST", `${issues()}/${id}/comments`, { token: w.agent.token, body: { body: long } }),
      422,
    );
    expectProblem(
      await call("POST", `${issues()}/${id}/transition`, {
        token: w.agent.token,
        body: { status: "in_progress", note: long },
      }),
      422,
    );
    expect((await db().doc(`orgs/${w.orgId}/issues/${id}`).get()).get("status")).toBe("open");
  });

  it("documents which text is public in the OpenAPI", async () => {
    const doc = (await call("GET", "/openapi.json")).body;
    const bodyOf = (path: string) => doc.paths[path].post.requestBody.content["application/json"].schema;
    expect(bodyOf("/orgs/{orgId}/issues/{id}/transition").properties.note.description).toMatch(/internal/i);
    expect(bodyOf("/orgs/{orgId}/issues/{id}/resolve").properties.notes.description).toMatch(/public/i);
    const answer =
      doc.paths["/orgs/{orgId}/issues/{idOrNumber}"].get.responses["200"].content["application/json"].schema;
    const variants = (answer.oneOf ?? answer.anyOf) as { properties: Record<string, unknown> }[];
    const customer = variants.find((variant) => "orgName" in variant.properties)!;
    expect(Object.keys(customer.properties).sort()).toEqual(CUSTOMER_FIELDS);
  });
});

describe("assign checks who acts before whom they name", () => {
  it("gives a customer the same answer for a staff uid and a stranger's", async () => {
    const own = await raise(w.customer.token);
    const others = await raise(w.otherCustomer.token);
    const assign = (issueId: string, assigneeUid: string) =>
      call("POST", `${issues()}/${issueId}/assign`, { token: w.customer.token, body: { assigneeUid } });
    for (const uid of [w.agent.uid, "ghost", w.otherCustomer.uid]) {
      expectProblem(await assign(own, uid), 403);
      expectProblem(await assign(others, uid), 404);
    }
    // A viewer may see the issue but not assign: 403, whoever is named.
    for (const uid of [w.agent.uid, "ghost"]) {
      expectProblem(
        await call("POST", `${issues()}/${own}/assign`, { token: w.viewer.token, body: { assigneeUid: uid } }),
        403,
      );
    }
    expect((await db().doc(`orgs/${w.orgId}/issues/${own}`).get()).get("assignee")).toBeNull();
  });
});

describe("issues from before customers had a time of their own", () => {
  it("come back into the customer's list once the operator's backfill gives them their time; a second run writes nothing", async () => {
    const customer = await newUser("backfillcustomer");
    await addMember(w.orgId, customer, "customer");
    const id = await raise(customer.token);
    const ref = db().doc(`orgs/${w.orgId}/issues/${id}`);
    const derived = await waitFor("the event core's fingerprint", async () =>
      typeof (await ref.get()).get("publicFingerprint") === "string" ? (await ref.get()).data()! : null,
    );
    // As the issue was before the upgrade: neither field.
    await withTriggersPaused(() =>
      ref.update({ publicFingerprint: FieldValue.delete(), publicUpdatedAt: FieldValue.delete() }),
    );
    const listed = async () =>
      (
        (await call("GET", `${issues()}?sort=-updatedAt&limit=100`, { token: customer.token })).body.data as {
          issueId: string;
        }[]
      ).map((row) => row.issueId);
    expect(await listed()).not.toContain(id);

    const script = (...args: string[]) =>
      promisify(execFile)(
        process.execPath,
        [join(__dirname, "../../../scripts/backfill-customer-times.mjs"), ...args],
        {
          env: process.env,
        },
      );
    const first = await script("--org", w.orgId);
    expect(first.stdout).toMatch(/: 1 of \d+ issues given/);
    const after = (await ref.get()).data()!;
    expect(after.publicFingerprint).toBe(derived.publicFingerprint);
    expect((after.publicUpdatedAt as Timestamp).isEqual(after.updatedAt as Timestamp)).toBe(true);
    expect(after.version).toBe(derived.version);
    expect(await listed()).toContain(id);

    expect((await script("--org", w.orgId)).stdout).toMatch(/: 0 of \d+ issues given/);
    await expect(script("--org")).rejects.toMatchObject({ code: 2 });
  });
});
