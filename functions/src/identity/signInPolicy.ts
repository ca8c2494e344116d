/**
 * Auth blocking functions: Firebase Auth (and the Auth emulator) calls them
 * before it creates an account and before every sign-in, and issues no token
 * when they throw. Both enforce SIGN_IN_DOMAINS (domain/signInPolicy.ts).
 */
import { logger } from "firebase-functions/logger";
import {
  beforeUserCreated,
  beforeUserSignedIn,
  HttpsError,
  type AuthBlockingEvent,
} from "firebase-functions/v2/identity";
import { SIGN_IN_DOMAINS } from "../config";
import { decideSignIn, parseSignInDomains, signInRefusalMessage } from "../domain";

/** Throws `permission-denied` for an address outside the admitted domains; the message is what the person reads. */
export function enforceSignInDomains(
  event: Pick<AuthBlockingEvent, "data" | "eventType">,
  domainsParam: string = SIGN_IN_DOMAINS.value(),
): void {
  const decision = decideSignIn(event.data?.email, parseSignInDomains(domainsParam));
  if (decision.ok) return;
  // No address in the log: the reason and the hook are enough to see the policy at work.
  logger.info("auth.sign_in_refused", { reason: decision.reason, hook: event.eventType });
  throw new HttpsError("permission-denied", signInRefusalMessage(decision));
}

export const beforeCreate = beforeUserCreated((event) => enforceSignInDomains(event));
export const beforeSignIn = beforeUserSignedIn((event) => enforceSignInDomains(event));
