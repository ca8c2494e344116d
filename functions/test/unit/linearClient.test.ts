/**
 * The client (integrations/linear/client.ts) through the real @linear/sdk
 * against the fake Linear server: the wire facts the fake honours are the ones
 * the SDK needs, and every fault comes back classified as the sync expects.
 * No emulators: a local HTTP server only.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LinearCallError, linearApi } from "../../src/integrations/linear/client";
import { FakeLinear, VIEWER } from "../fakes/fakeLinear";

const KEY = "lin_api_unit_test";
const fake = new FakeLinear({ apiKey: KEY, webhookSecret: "unused", webhookUrl: "http://127.0.0.1:9/unused" });
let url: string;

beforeAll(async () => {
  await fake.listen(0);
  url = `http://127.0.0.1:${fake.port}/graphql`;
  fake.addTeam("team-unit", "UNI");
});
afterAll(() => fake.close());

const api = (timeoutMs?: number) => linearApi(KEY, url, timeoutMs);

async function failure(work: Promise<unknown>) {
  const err = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(LinearCallError);
  return (err as LinearCallError).failure;
}

describe("the Linear client over the real SDK", () => {
  it("creates with our id, reads back identifier, url and state, updates, comments", async () => {
    const id = "3f1c6a52-9a3e-4d7b-8c1e-2a9b7c6d5e4f";
    await api().createIssue({
      id,
      teamId: "team-unit",
      title: "Hello",
      description: "World",
      priority: 2,
      stateId: "UNI-todo",
    });
    const created = fake.calls("createIssue").at(-1)!;
    expect(created.authorization).toBe(KEY);
    expect(created.variables.input).toMatchObject({
      id,
      teamId: "team-unit",
      title: "Hello",
      priority: 2,
      stateId: "UNI-todo",
    });

    const read = await api().issue(id);
    expect(read).toMatchObject({
      id,
      identifier: "UNI-1",
      url: "https://linear.app/fake/issue/UNI-1",
      stateId: "UNI-todo",
    });
    expect(read!.updatedAt).toBeGreaterThan(0);

    await api().updateIssue(id, { title: "Hello again", description: "World", priority: 1 });
    expect(fake.issues.get(id)).toMatchObject({ title: "Hello again", priority: 1 });

    await api().createComment({ id: "9c7b6a5d-4e3f-4a1b-8c2d-0e1f2a3b4c5d", issueId: id, body: "Hi" });
    expect(fake.comments.get("9c7b6a5d-4e3f-4a1b-8c2d-0e1f2a3b4c5d")?.body).toBe("Hi");
  });

  it("lists a team's workflow states and the viewer", async () => {
    const states = await api().workflowStates("team-unit");
    expect(states.map((s) => s.type)).toContain("completed");
    expect(states.find((s) => s.name === "Done")).toMatchObject({ id: "UNI-done", type: "completed" });
    expect(fake.calls("workflowStates").at(-1)!.variables.filter).toEqual({ team: { id: { eq: "team-unit" } } });
    expect(await api().viewer()).toEqual(VIEWER);
  });

  it("reads a missing issue as null", async () => {
    expect(await api().issue("00000000-0000-4000-8000-000000000000")).toBeNull();
  });

  it("meets 'already exists' on a second create with the same id as invalid input", async () => {
    const id = "7a1b2c3d-4e5f-4a6b-9c8d-7e6f5a4b3c2d";
    await api().createIssue({ id, teamId: "team-unit", title: "Once", description: "", priority: 3 });
    expect(
      await failure(api().createIssue({ id, teamId: "team-unit", title: "Once", description: "", priority: 3 })),
    ).toEqual({
      kind: "permanent",
      code: "invalid_input",
    });
    expect([...fake.issues.values()].filter((issue) => issue.id === id)).toHaveLength(1);
  });

  it.each([
    ["type", 4000],
    ["code", 3000],
    ["status429", 2000],
  ] as const)("classifies a rate limit signalled by %s, with retry-after", async (signal, ms) => {
    fake.fault({ op: "viewer", times: 1, action: { kind: "ratelimited", retryAfterSeconds: ms / 1000, signal } });
    expect(await failure(api().viewer())).toEqual({ kind: "rate_limited", retryAfterMs: ms });
  });

  it("classifies 500 as transient, bad auth as permanent", async () => {
    fake.fault({ op: "viewer", times: 1, action: { kind: "http500" } });
    expect(await failure(api().viewer())).toMatchObject({ kind: "transient" });
    expect(await failure(linearApi("wrong-key", url).viewer())).toEqual({ kind: "permanent", code: "authentication" });
  });

  it("gives up after its timeout, as a transient failure", async () => {
    fake.fault({ op: "viewer", times: 1, action: { kind: "slowAnswer", ms: 1500 } });
    const started = Date.now();
    expect(await failure(api(300).viewer())).toEqual({ kind: "transient", code: "timeout" });
    expect(Date.now() - started).toBeLessThan(1400);
  });

  it("reports a refused connection as a network failure", async () => {
    expect(await failure(linearApi(KEY, "http://127.0.0.1:9/graphql").viewer())).toEqual({
      kind: "transient",
      code: "network",
    });
  });
});
