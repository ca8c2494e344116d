/** A populated org for the API suites: one account per role, an outsider with an org of their own, a service key. */
import { generateKeyPairSync, sign } from "node:crypto";
import { addMember, call, newOrg, newUser, type TestUser } from "./helpers";

export interface World {
  orgId: string;
  otherOrgId: string;
  admin: TestUser;
  agent: TestUser;
  reporter: TestUser;
  viewer: TestUser;
  customer: TestUser;
  otherCustomer: TestUser;
  outsider: TestUser;
  serviceKey: string;
  token: Record<Actor, string | undefined>;
}

export type Actor =
  | "anonymous"
  | "admin"
  | "agent"
  | "reporter"
  | "viewer"
  | "customer"
  | "otherCustomer"
  | "outsider"
  | "service";
export const ACTORS: Actor[] = [
  "anonymous",
  "admin",
  "agent",
  "reporter",
  "viewer",
  "customer",
  "otherCustomer",
  "outsider",
  "service",
];

export async function buildWorld(name: string): Promise<World> {
  const [admin, agent, reporter, viewer, customer, otherCustomer, outsider] = await Promise.all(
    ["admin", "agent", "reporter", "viewer", "customer", "othercustomer", "outsider"].map((label) => newUser(label)),
  );
  const [orgId, otherOrgId] = await Promise.all([newOrg(admin!, name), newOrg(outsider!, `${name} (outsider)`)]);
  await Promise.all([
    addMember(orgId, agent!, "agent"),
    addMember(orgId, reporter!, "reporter"),
    addMember(orgId, viewer!, "viewer"),
    addMember(orgId, customer!, "customer"),
    addMember(orgId, otherCustomer!, "customer"),
  ]);
  const key = await call("POST", `/orgs/${orgId}/api-keys`, {
    token: admin!.token,
    body: { name: "Checkout service" },
  });
  if (key.status !== 201) throw new Error(`key creation failed: ${JSON.stringify(key.body)}`);
  const world = {
    orgId,
    otherOrgId,
    admin: admin!,
    agent: agent!,
    reporter: reporter!,
    viewer: viewer!,
    customer: customer!,
    otherCustomer: otherCustomer!,
    outsider: outsider!,
    serviceKey: key.body.key as string,
  };
  return {
    ...world,
    token: {
      anonymous: undefined,
      admin: world.admin.token,
      agent: world.agent.token,
      reporter: world.reporter.token,
      viewer: world.viewer.token,
      customer: world.customer.token,
      otherCustomer: world.otherCustomer.token,
      outsider: world.outsider.token,
      service: world.serviceKey,
    },
  };
}

/** A locally made RSA key standing in for Google's: tokens signed with it verify against its public key only. */
export function fakeGoogleSigner() {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const kid = "local-test-key";
  const certs = { [kid]: publicKey.export({ type: "spki", format: "pem" }).toString() };
  const signToken = (claims: Record<string, unknown>, signWith = privateKey) => {
    const now = Math.floor(Date.now() / 1000);
    const header = Buffer.from(JSON.stringify({ alg: "RS256", typ: "JWT", kid })).toString("base64url");
    const payload = Buffer.from(
      JSON.stringify({
        iss: "https://accounts.google.com",
        iat: now,
        exp: now + 3600,
        email_verified: true,
        ...claims,
      }),
    ).toString("base64url");
    const signature = sign("RSA-SHA256", Buffer.from(`${header}.${payload}`), signWith).toString("base64url");
    return `${header}.${payload}.${signature}`;
  };
  return { certs, signToken, otherKey: generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey };
}
