/**
 * Saved replies ("canned replies"): texts an admin keeps for the team, which an agent
 * drops into the reply box and edits before sending. The body becomes a comment, so it
 * is held to a comment's limits; `internal` says the text is meant as an internal note.
 */
import { z } from "zod";
import { wellFormedString } from "./ids";
import { COMMENT_MAX } from "./schemas";

export const SAVED_REPLY_TITLE_MAX = 100;

const title = wellFormedString().trim().min(1).max(SAVED_REPLY_TITLE_MAX);
const body = wellFormedString().trim().min(1).max(COMMENT_MAX);

export const savedReplyCreateSchema = z.strictObject({
  title,
  body: body.describe("The reply's text; inserted into the reply box, where the agent edits it before sending"),
  internal: z
    .boolean()
    .default(false)
    .describe("true: meant as an internal note; the reply box switches to internal when it is inserted"),
});
export type SavedReplyCreateInput = z.infer<typeof savedReplyCreateSchema>;

export const savedReplyUpdateSchema = z
  .strictObject({ title: title.optional(), body: body.optional(), internal: z.boolean().optional() })
  .refine((input) => Object.values(input).some((value) => value !== undefined), {
    message: "at least one field must be given",
  });
export type SavedReplyUpdateInput = z.infer<typeof savedReplyUpdateSchema>;
