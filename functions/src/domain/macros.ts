/**
 * Macros: one click that answers and updates an issue (docs/automations.md). A macro
 * holds an optional reply (public or internal) and changes: a status, a priority, tags
 * to add, an assignee. Applying it posts the reply first, then moves the issue through
 * the status machine; a move the machine refuses applies nothing.
 */
import { z } from "zod";
import { docIdSchema, wellFormedString } from "./ids";
import { COMMENT_MAX, prioritySchema, statusSchema, tagsSchema } from "./schemas";
import { statusAfterComment } from "./statusMachine";
import type { Status } from "./vocabulary";

export const MACRO_NAME_MAX = 100;

const name = wellFormedString().trim().min(1).max(MACRO_NAME_MAX);
export const macroReplySchema = z.strictObject({
  body: wellFormedString().trim().min(1).max(COMMENT_MAX),
  internal: z.boolean().default(false).describe("true: an internal note; false: a public reply the customer reads"),
});
export const macroChangesSchema = z.strictObject({
  status: statusSchema
    .optional()
    .describe(
      "Moved to after the reply, through the status machine; resolved takes the public reply as resolution notes",
    ),
  priority: prioritySchema.optional(),
  addTags: tagsSchema.optional(),
  /** null unassigns. */
  assigneeUid: docIdSchema.nullable().optional(),
});
export type MacroReply = z.infer<typeof macroReplySchema>;
export type MacroChanges = z.infer<typeof macroChangesSchema>;

/** Resolving needs public notes: a macro that resolves carries a public reply, which becomes them. */
const resolvesWithPublicReply = (macro: {
  reply?: MacroReply | null | undefined;
  changes?: MacroChanges | undefined;
}) => macro.changes?.status !== "resolved" || (macro.reply != null && !macro.reply.internal);
const RESOLVE_NEEDS_REPLY = "a macro that resolves needs a public reply: it becomes the resolution notes";
const NEEDS_SOMETHING = "a macro needs a reply or at least one change";

export const macroCreateSchema = z
  .strictObject({
    name,
    reply: macroReplySchema.nullable().default(null),
    changes: macroChangesSchema.default({}),
  })
  .refine(resolvesWithPublicReply, { message: RESOLVE_NEEDS_REPLY, path: ["reply"] })
  .refine((macro) => macro.reply !== null || Object.values(macro.changes).some((value) => value !== undefined), {
    message: NEEDS_SOMETHING,
  });
export type MacroCreateInput = z.infer<typeof macroCreateSchema>;

export const macroUpdateSchema = z
  .strictObject({
    name: name.optional(),
    reply: macroReplySchema.nullable().optional(),
    changes: macroChangesSchema.optional(),
  })
  .refine((input) => Object.values(input).some((value) => value !== undefined), {
    message: "at least one field must be given",
  });
export type MacroUpdateInput = z.infer<typeof macroUpdateSchema>;

/** A stored macro after an update still has to make sense as a whole. */
export function macroProblem(macro: { reply: MacroReply | null; changes: MacroChanges }): string | null {
  if (!resolvesWithPublicReply(macro)) return RESOLVE_NEEDS_REPLY;
  if (macro.reply === null && !Object.values(macro.changes).some((value) => value !== undefined))
    return NEEDS_SOMETHING;
  return null;
}

/**
 * The status the issue has once the reply is posted, before the macro's own move: the
 * first public reply of a member answers an open issue. Applying the macro's move from
 * there lets "reply and wait for the customer" work on a fresh issue.
 */
export function statusAfterMacroReply(
  status: Status,
  reply: MacroReply | null,
  firstPublicMemberReply: boolean,
): Status {
  if (!reply) return status;
  return (
    statusAfterComment({ status, authorKind: "member", internal: reply.internal, firstPublicMemberReply }) ?? status
  );
}

/** Tags after the macro's additions, in order, each once. */
export function tagsAfterMacro(current: readonly string[], add: readonly string[] | undefined): string[] {
  return [...new Set([...current, ...(add ?? [])])];
}
