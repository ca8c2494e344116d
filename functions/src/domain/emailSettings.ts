/** An org's email settings (settings.email), shared with the web's settings page (docs/email.md). */
import { z } from "zod";

export const EMAIL_SIGNATURE_MAX = 2000;
export const emailSettingsSchema = z.strictObject({
  /** Off: the org's address takes no mail and mails carry no reply address. */
  enabled: z.boolean(),
  /** The display name of the From header; null: the org's name. */
  senderName: z.string().trim().min(1).max(80).nullable(),
  /** Acknowledge a mail that opens an issue, with its number. */
  autoAcknowledge: z.boolean(),
  /** Appended to every mail customers get. */
  signature: z.string().max(EMAIL_SIGNATURE_MAX),
});
export type EmailSettings = z.infer<typeof emailSettingsSchema>;
export const DEFAULT_EMAIL_SETTINGS: Readonly<EmailSettings> = {
  enabled: true,
  senderName: null,
  autoAcknowledge: true,
  signature: "",
};
export const emailSettingsOf = (stored: unknown): EmailSettings => {
  const parsed = emailSettingsSchema.partial().safeParse(stored ?? {});
  return {
    ...DEFAULT_EMAIL_SETTINGS,
    ...(parsed.success ? Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined)) : {}),
  };
};
