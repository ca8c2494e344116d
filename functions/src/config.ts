/** Deployment settings in one place. Secrets join here through defineSecret as integrations need them. */
export const REGION = "us-central1";
