/** Deployment settings in one place. Secrets join here through defineSecret as integrations need them. */
import { defineString } from "firebase-functions/params";

export const REGION = "us-central1";

/** The `aud` that Google-signed service-account ID tokens must carry to call the API. */
export const GOOGLE_TOKEN_AUDIENCE = defineString("GOOGLE_TOKEN_AUDIENCE", {
  default: "https://firetrack.dev/api",
  description: "Audience of Google-signed ID tokens that services send (gcloud auth print-identity-token --audiences=…)",
});
