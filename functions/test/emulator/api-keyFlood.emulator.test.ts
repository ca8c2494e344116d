/**
 * An API key is rate-limited before it is read (docs/security.md): repeating an unknown
 * key, or inventing a new key id for every request, soon meets 429 instead of a
 * Firestore read per request; a good key keeps working. Drives the same Express app in
 * this process with small limits, as the idempotency suite does.
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, expectProblem, newOrg, newUser, startLocalApp } from "./helpers";

const limits = {
  user: { capacity: 100, refillPerSecond: 10 },
  service: { capacity: 3, refillPerSecond: 0.001 },
  badApiKeys: { capacity: 4, refillPerSecond: 0.001 },
};
let local: Awaited<ReturnType<typeof startLocalApp>>;
let orgId: string;
let goodKey: string;

const alphanumeric = (length: number) =>
  randomBytes(length * 2)
    .toString("base64")
    .replace(/[^A-Za-z0-9]/g, "")
    .slice(0, length);
const forgedKey = (keyId = alphanumeric(16)) => `ftk_${keyId}_${alphanumeric(40)}`;

beforeAll(async () => {
  const admin = await newUser("flood");
  orgId = await newOrg(admin, "Flood Org");
  goodKey = (await call("POST", `/orgs/${orgId}/api-keys`, { token: admin.token, body: { name: "Good" } })).body
    .key as string;
  local = await startLocalApp({ rateLimits: limits });
  // The service's first call, before anyone floods: its key id is known good from here on.
  expect((await call("GET", `/orgs/${orgId}/issues`, { token: goodKey, base: local.base })).status).toBe(200);
});
afterAll(() => local.close());

describe("unknown API keys", () => {
  it("limits one unknown key by the id it claims: 401 up to its bucket, then 429", async () => {
    const key = forgedKey();
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await call("GET", "/me", { token: key, base: local.base })).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
  });

  it("limits failures per client address, so a new key id per request meets 429 too, while a good key still works", async () => {
    // The address has one failure left after the case above (4 allowed, 3 spent).
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await call("GET", "/me", { token: forgedKey(), base: local.base })).status);
    expect(statuses).toEqual([401, 429, 429]);
    const refused = await call("GET", "/me", { token: forgedKey(), base: local.base });
    expectProblem(refused, 429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    // A real key this instance has verified before keeps working from the same address.
    expect((await call("GET", `/orgs/${orgId}/issues`, { token: goodKey, base: local.base })).status).toBe(200);
  });
});
