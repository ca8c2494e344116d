/**
 * What the API keeps beside an issue, and for whom (docs/security.md): an Idempotency-Key
 * replay never carries an API key's secret (none is stored), and erasing an issue also
 * erases its cached answers and the stored Linear deliveries about it.
 */
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { call, db, newOrg, newUser, type TestUser } from "./helpers";

let admin: TestUser;
let orgId: string;

beforeAll(async () => {
  admin = await newUser("keeper");
  orgId = await newOrg(admin, "Retention Org");
});

const cachedAbout = async (issueId: string) =>
  (await db().collection("idempotencyKeys").where("issueRefs", "array-contains", `${orgId}/${issueId}`).get()).docs;

describe("the idempotency cache", () => {
  it("stores no API key secret: the first answer has it, a replay leaves it out, and the stored chunks never held it", async () => {
    const headers = { "idempotency-key": `key-${randomUUID()}` };
    const first = await call("POST", `/orgs/${orgId}/api-keys`, {
      token: admin.token,
      body: { name: "Exporter" },
      headers,
    });
    expect(first.status).toBe(201);
    const secret = first.body.key as string;
    expect(secret).toMatch(/^ftk_/);
    const replay = await call("POST", `/orgs/${orgId}/api-keys`, {
      token: admin.token,
      body: { name: "Exporter" },
      headers,
    });
    expect(replay.status).toBe(201);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(replay.body.id).toBe(first.body.id);
    expect(replay.body).not.toHaveProperty("key");
    expect(JSON.stringify(replay.body)).not.toContain(secret.split("_").pop()!);
    // One key was made, not two.
    const keys = await call("GET", `/orgs/${orgId}/api-keys`, { token: admin.token });
    expect(keys.body.data.filter((key: { name: string }) => key.name === "Exporter")).toHaveLength(1);
  });
});

describe("erasure", () => {
  it("purges the issue's cached answers and stored Linear deliveries, and leaves other issues' alone", async () => {
    const create = (title: string) =>
      call("POST", `/orgs/${orgId}/issues`, {
        token: admin.token,
        body: { title },
        headers: { "idempotency-key": `create-${randomUUID()}` },
      });
    const erased = (await create("Contains a customer's card number")).body.id as string;
    const kept = (await create("Unrelated")).body.id as string;
    const comment = await call("POST", `/orgs/${orgId}/issues/${erased}/comments`, {
      token: admin.token,
      body: { body: "Card 4111 1111 1111 1111" },
      headers: { "idempotency-key": `comment-${randomUUID()}` },
    });
    expect(comment.status).toBe(201);
    expect(await cachedAbout(erased)).toHaveLength(2);
    expect(await cachedAbout(kept)).toHaveLength(1);

    // Deliveries from Linear about the erased issue's twin, and one about another issue.
    const linearId = `lin-${randomUUID()}`;
    await db()
      .doc(`orgs/${orgId}/issues/${erased}`)
      .update({
        linear: {
          id: linearId,
          identifier: "ENG-1",
          url: null,
          state: null,
          syncedAt: null,
          syncedVersion: null,
          error: null,
        },
      });
    const deliveries = db().collection("webhookDeliveries");
    const about = await deliveries.add({
      payload: '{"card":"4111"}',
      type: "Issue",
      action: "update",
      linearIssueId: linearId,
    });
    const other = await deliveries.add({
      payload: "{}",
      type: "Issue",
      action: "update",
      linearIssueId: `lin-${randomUUID()}`,
    });

    expect(
      (await call("DELETE", `/orgs/${orgId}/issues/${erased}?permanent=true`, { token: admin.token })).status,
    ).toBe(204);
    expect(await cachedAbout(erased)).toEqual([]);
    expect(await cachedAbout(kept)).toHaveLength(1);
    expect((await about.get()).exists).toBe(false);
    expect((await other.get()).exists).toBe(true);
  });
});
