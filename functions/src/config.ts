/** Deployment settings in one place. Secrets join here through defineSecret as integrations need them. */
import { defineString } from "firebase-functions/params";

export const REGION = "us-central1";

/** The `aud` that Google-signed service-account ID tokens must carry to call the API. */
export const GOOGLE_TOKEN_AUDIENCE = defineString("GOOGLE_TOKEN_AUDIENCE", {
  default: "https://firetrack.dev/api",
  description: "Audience of Google-signed ID tokens that services send (gcloud auth print-identity-token --audiences=…)",
});

/** Where the web app lives: the links in notification e-mails point here. Read `.value()` only inside handlers. */
export const APP_BASE_URL = defineString("APP_BASE_URL", {
  description: "Base URL of the Firetrack web app, used in notification links",
  default: "http://127.0.0.1:5000",
  input: { text: { validationRegex: "^https?://[^\\s]+$", validationErrorMessage: "an http(s) URL" } },
});

/** The base URL, falling back to the default where params are not loaded (unit tests, scripts). */
export function appBaseUrl(): string {
  try {
    return APP_BASE_URL.value() || "http://127.0.0.1:5000";
  } catch {
    return "http://127.0.0.1:5000";
  }
}

/**
 * The email domains that may sign in, comma-separated; empty admits anyone. The Auth
 * blocking functions (identity/signInPolicy.ts) enforce it, so nobody else gets a token.
 */
export const SIGN_IN_DOMAINS = defineString("SIGN_IN_DOMAINS", {
  default: "",
  description: "Comma list of email domains allowed to sign in (subdomains included); empty means anyone",
  input: {
    text: {
      validationRegex: "^\\s*(@?[A-Za-z0-9.-]+\\s*(,\\s*@?[A-Za-z0-9.-]+\\s*)*,?)?\\s*$",
      validationErrorMessage: "a comma-separated list of domains",
    },
  },
});
