/** Deployment settings in one place: every defineString and defineSecret. Read `.value()` only inside handlers. */
import { defineSecret, defineString } from "firebase-functions/params";

export const REGION = "us-central1";

/** The `aud` that Google-signed service-account ID tokens must carry to call the API. */
export const GOOGLE_TOKEN_AUDIENCE = defineString("GOOGLE_TOKEN_AUDIENCE", {
  default: "https://firetrack.dev/api",
  description:
    "Audience of Google-signed ID tokens that services send (gcloud auth print-identity-token --audiences=…)",
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

// Linear (integrations/linear). Without an API key the sync is off and nothing fails.
// The emulator reads secrets from functions/.secret.local and param overrides from functions/.env.local (docs/operations.md).

/** A Linear personal or workspace API key; sent as `Authorization: <key>`. */
export const LINEAR_API_KEY = defineSecret("LINEAR_API_KEY");
/** The signing secret of the Linear webhook that points at `linearWebhook`. */
export const LINEAR_WEBHOOK_SECRET = defineSecret("LINEAR_WEBHOOK_SECRET");

export const DEFAULT_LINEAR_API_URL = "https://api.linear.app/graphql";
export const LINEAR_API_URL = defineString("LINEAR_API_URL", {
  default: DEFAULT_LINEAR_API_URL,
  description: "Linear's GraphQL endpoint (tests point it at a local fake)",
  input: { text: { validationRegex: "^https?://[^\\s]+$", validationErrorMessage: "an http(s) URL" } },
});
export const LINEAR_DEFAULT_TEAM_ID = defineString("LINEAR_DEFAULT_TEAM_ID", {
  default: "",
  description:
    "Linear team a new organisation starts with (its sync still off until an admin turns it on); empty for none",
});

/** Params read where they may not be loaded (scripts, unit tests): an unset param reads as its default. */
export function linearApiUrl(): string {
  return readParam(() => LINEAR_API_URL.value()) || DEFAULT_LINEAR_API_URL;
}
export function linearDefaultTeamId(): string | null {
  return readParam(() => LINEAR_DEFAULT_TEAM_ID.value()).trim() || null;
}
/** The secrets read straight from the environment the runtime fills, so an unset one is "" without a warning per call. */
export const linearApiKey = (): string => process.env[LINEAR_API_KEY.name] ?? "";
export const linearWebhookSecret = (): string => process.env[LINEAR_WEBHOOK_SECRET.name] ?? "";

function readParam(read: () => string): string {
  try {
    return read();
  } catch {
    return "";
  }
}

// Email (docs/email.md). Without SMTP_URI nothing is sent and each mail document says so.

/** Where mail goes out, e.g. `smtps://user:pass@smtp.example.com:465`; the emulator points it at MailDev. */
export const SMTP_URI = defineSecret("SMTP_URI");
/** Signs the raw messages the mail provider's relay posts to `inboundEmail`. */
export const INBOUND_EMAIL_SECRET = defineSecret("INBOUND_EMAIL_SECRET");
/** Keys of reply tokens and Message-IDs, newest first: `2:<key>,1:<old key>` (each ≥ 16 characters). */
export const REPLY_TOKEN_KEYS = defineSecret("REPLY_TOKEN_KEYS");

export const DEFAULT_INBOUND_EMAIL_DOMAIN = "inbound.firetrack.test";
export const INBOUND_EMAIL_DOMAIN = defineString("INBOUND_EMAIL_DOMAIN", {
  default: DEFAULT_INBOUND_EMAIL_DOMAIN,
  description: "The domain whose mail reaches inboundEmail: <org slug>@ opens issues, reply+<token>@ answers them",
  input: { text: { validationRegex: "^[A-Za-z0-9.-]+\\.[A-Za-z]{2,}$", validationErrorMessage: "a domain name" } },
});
export const DEFAULT_MAIL_FROM = "support@firetrack.test";
export const MAIL_FROM = defineString("MAIL_FROM", {
  default: DEFAULT_MAIL_FROM,
  description: "The From address of every mail (the display name is the org's sender name)",
});

export const smtpUri = (): string => process.env[SMTP_URI.name] ?? "";
export const inboundEmailSecret = (): string => process.env[INBOUND_EMAIL_SECRET.name] ?? "";
export const replyTokenKeys = (): string => process.env[REPLY_TOKEN_KEYS.name] ?? "";
export function inboundEmailDomain(): string {
  return (readParam(() => INBOUND_EMAIL_DOMAIN.value()) || DEFAULT_INBOUND_EMAIL_DOMAIN).toLowerCase();
}
export function mailFrom(): string {
  return readParam(() => MAIL_FROM.value()) || DEFAULT_MAIL_FROM;
}
