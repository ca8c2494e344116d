import { onRequest } from "firebase-functions/v2/https";
import { GOOGLE_TOKEN_AUDIENCE, REGION } from "../config";
import { defaultVerifiers } from "./auth";
import { buildApp } from "./app";

// Creates run the number allocator before answering; under a burst that takes a
// moment, so an instance serves many requests at once rather than queueing them.
// maxInstances also bounds how far the per-instance rate limits add up.
export const api = onRequest(
  { region: REGION, concurrency: 80, maxInstances: 20, timeoutSeconds: 60 },
  buildApp({ verifiers: lazyVerifiers() }),
);

/** Params are read at request time, not at deploy-time module load. */
function lazyVerifiers() {
  let verifiers: ReturnType<typeof defaultVerifiers> | null = null;
  const get = () => (verifiers ??= defaultVerifiers(GOOGLE_TOKEN_AUDIENCE.value()));
  return {
    verifyFirebaseIdToken: (token: string) => get().verifyFirebaseIdToken(token),
    verifyGoogleIdToken: (token: string) => get().verifyGoogleIdToken(token),
  };
}
