/**
 * Who knocks. Every collection's table has one column per actor, in this order.
 * All of them act on the world of world.ts: org A (the org under test) and org B.
 */
import type { RulesTestEnvironment } from "@firebase/rules-unit-testing";
import type { Firestore } from "firebase/firestore";

export const ACTORS = [
  "unauthenticated",
  "admin",
  "agent",
  "reporter",
  "viewer",
  /** The customer of org A who raised the issues under test (and a customer of org B too). */
  "owner",
  /** Another customer of org A. */
  "otherCustomer",
  /** The admin of org B, and no member of org A. */
  "outsider",
  /** A signed-in token with no membership anywhere: services use the API, never rules. */
  "service",
] as const;
export type ActorName = (typeof ACTORS)[number];

/** Fixed uids, so failures name who was refused. */
export const UID: Record<Exclude<ActorName, "unauthenticated">, string> = {
  admin: "u-admin",
  agent: "u-agent",
  reporter: "u-reporter",
  viewer: "u-viewer",
  owner: "u-owner",
  otherCustomer: "u-other-customer",
  outsider: "u-outsider",
  service: "svc-intake",
};

export function firestoreAs(env: RulesTestEnvironment, actor: ActorName): Firestore {
  const context =
    actor === "unauthenticated"
      ? env.unauthenticatedContext()
      : env.authenticatedContext(UID[actor], {
          email_verified: true,
          ...(actor === "service"
            ? { email: "intake@demo-firetrack.iam.gserviceaccount.com" }
            : { email: `${UID[actor]}@example.test` }),
        });
  // rules-unit-testing hands out a compat instance; the modular functions accept it.
  return context.firestore() as unknown as Firestore;
}
