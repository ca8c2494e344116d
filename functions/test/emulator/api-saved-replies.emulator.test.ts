/**
 * Saved replies (issue 10): admins keep them, admins and agents read them, nobody else
 * in the org does and nobody outside it learns they exist. Bad input is a 422 that
 * writes nothing.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { call, db, expectProblem } from "./helpers";
import { buildWorld, type World } from "./world";

let w: World;
beforeAll(async () => {
  w = await buildWorld("Saved Replies World");
});

const base = () => `/orgs/${w.orgId}/saved-replies`;
const stored = async () =>
  (await db().collection(`orgs/${w.orgId}/savedReplies`).get()).docs.map((doc) => ({ id: doc.id, ...doc.data() }));
const create = (body: unknown, token = w.admin.token) => call("POST", base(), { token, body });

describe("saved replies", () => {
  it("an admin saves one: 201 with the reply, stored as sent, trimmed, public unless said otherwise", async () => {
    const created = await create({
      title: "  Refund on its way ",
      body: "We issued the refund.\n\nIt takes five working days.",
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      title: "Refund on its way",
      body: "We issued the refund.\n\nIt takes five working days.",
      internal: false,
      createdBy: w.admin.uid,
      createdAt: expect.any(String),
      updatedBy: w.admin.uid,
      updatedAt: expect.any(String),
    });
    expect(created.headers.get("location")).toMatch(new RegExp(`/orgs/${w.orgId}/saved-replies/${created.body.id}$`));
    const doc = await db().doc(`orgs/${w.orgId}/savedReplies/${created.body.id}`).get();
    expect(doc.data()).toMatchObject({ title: "Refund on its way", internal: false, createdBy: w.admin.uid });
  });

  it("admins and agents list them by title and read one; reporters, viewers, customers and services get 403, outsiders 404", async () => {
    const internal = await create({ title: "Escalated to billing", body: "Billing has it now.", internal: true });
    expect(internal.status).toBe(201);
    for (const token of [w.admin.token, w.agent.token]) {
      const listed = await call("GET", base(), { token });
      expect(listed.status).toBe(200);
      const titles = listed.body.data.map((r: { title: string }) => r.title);
      expect(titles).toEqual([...titles].sort());
      expect(titles).toContain("Escalated to billing");
      expect(listed.body.nextCursor).toBeNull();
      const one = await call("GET", `${base()}/${internal.body.id}`, { token });
      expect(one.status).toBe(200);
      expect(one.body).toEqual(internal.body);
    }
    for (const token of [w.reporter.token, w.viewer.token, w.customer.token, w.serviceKey]) {
      expectProblem(await call("GET", base(), { token }), 403);
      expectProblem(await call("GET", `${base()}/${internal.body.id}`, { token }), 403);
    }
    expectProblem(await call("GET", base(), { token: w.outsider.token }), 404);
    expectProblem(await call("GET", `${base()}/${internal.body.id}`, { token: w.outsider.token }), 404);
    expectProblem(await call("GET", base(), {}), 401);
    // Another org's id does not reach this org's reply.
    expectProblem(
      await call("GET", `/orgs/${w.otherOrgId}/saved-replies/${internal.body.id}`, { token: w.outsider.token }),
      404,
    );
  });

  it("an admin edits one field at a time and deletes it; a second delete is a 404", async () => {
    const created = (await create({ title: "Draft", body: "First words" })).body;
    const edited = await call("PATCH", `${base()}/${created.id}`, {
      token: w.admin.token,
      body: { body: "Better words", internal: true },
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      id: created.id,
      title: "Draft",
      body: "Better words",
      internal: true,
      createdAt: created.createdAt,
    });
    expect(Date.parse(edited.body.updatedAt)).toBeGreaterThanOrEqual(Date.parse(created.updatedAt));
    expect((await call("DELETE", `${base()}/${created.id}`, { token: w.admin.token })).status).toBe(204);
    expect((await db().doc(`orgs/${w.orgId}/savedReplies/${created.id}`).get()).exists).toBe(false);
    expectProblem(await call("DELETE", `${base()}/${created.id}`, { token: w.admin.token }), 404);
    // Editing a deleted reply does not bring it back.
    expectProblem(
      await call("PATCH", `${base()}/${created.id}`, { token: w.admin.token, body: { title: "Back?" } }),
      404,
    );
    expect((await db().doc(`orgs/${w.orgId}/savedReplies/${created.id}`).get()).exists).toBe(false);
  });

  it("refuses writes from everyone but an admin, changing nothing", async () => {
    const target = (await create({ title: "Guarded", body: "Only admins change me" })).body;
    const before = await stored();
    for (const token of [w.agent.token, w.reporter.token, w.viewer.token, w.customer.token, w.serviceKey]) {
      expectProblem(await create({ title: "Sneaky", body: "x" }, token), 403);
      expectProblem(await call("PATCH", `${base()}/${target.id}`, { token, body: { body: "Changed" } }), 403);
      expectProblem(await call("DELETE", `${base()}/${target.id}`, { token }), 403);
    }
    expectProblem(await create({ title: "Sneaky", body: "x" }, w.outsider.token), 404);
    expectProblem(await call("DELETE", `${base()}/${target.id}`, { token: w.outsider.token }), 404);
    expect(await stored()).toEqual(before);
  });

  it("answers bad input with a 422 problem naming the field, and writes nothing", async () => {
    const target = (await create({ title: "Target", body: "Body" })).body;
    const before = await stored();
    const bad: [unknown, string][] = [
      [{ body: "no title" }, "title"],
      [{ title: "   ", body: "blank title" }, "title"],
      [{ title: "x".repeat(101), body: "long title" }, "title"],
      [{ title: "No body" }, "body"],
      [{ title: "Long", body: "x".repeat(10_001) }, "body"],
      [{ title: "Surrogate", body: "broken \ud83d" }, "body"],
      [{ title: "Flag", body: "b", internal: "yes" }, "internal"],
      [{ title: "Extra", body: "b", author: "me" }, ""],
    ];
    for (const [body, path] of bad) {
      const answer = await create(body);
      expectProblem(answer, 422);
      expect(
        answer.body.errors.map((e: { path: string }) => e.path),
        JSON.stringify(body),
      ).toContain(path);
    }
    expectProblem(await call("PATCH", `${base()}/${target.id}`, { token: w.admin.token, body: {} }), 422);
    expectProblem(await call("PATCH", `${base()}/${target.id}`, { token: w.admin.token, body: { title: "" } }), 422);
    expectProblem(await call("GET", `${base()}?limit=5`, { token: w.admin.token }), 422);
    // Ids that are no document id are no reply: 404, not a 500. (A literal ".." never arrives: fetch resolves it.)
    for (const id of ["__x__", "a%2Fb"]) {
      expectProblem(await call("GET", `${base()}/${id}`, { token: w.admin.token }), 404);
      expectProblem(await call("PATCH", `${base()}/${id}`, { token: w.admin.token, body: { title: "x" } }), 404);
    }
    expectProblem(await call("GET", `${base()}/no-such-reply`, { token: w.admin.token }), 404);
    expect(await stored()).toEqual(before);
  });
});
