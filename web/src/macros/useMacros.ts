/** The org's macros, live and by name (the team reads them; the rules say so). */
import type { MacroChanges, MacroReply } from "@firetrack/domain";
import type { Timestamp } from "firebase/firestore";
import { type Live, useLiveCollection as useList } from "../shared/live";

export interface Macro {
  id: string;
  name: string;
  reply: MacroReply | null;
  changes: MacroChanges;
  updatedAt: Timestamp | null;
}

const macroOf = (data: Record<string, unknown>, id: string): Macro => ({
  id,
  name: String(data.name ?? ""),
  reply: (data.reply as MacroReply | null) ?? null,
  changes: (data.changes as MacroChanges | undefined) ?? {},
  updatedAt: (data.updatedAt as Timestamp | undefined) ?? null,
});

export function useMacros(orgId: string): Live<Macro[]> {
  return useList(["orgs", orgId, "macros"], "name", macroOf);
}

/** What a macro does, in a line: for the pickers and the settings list. */
export function describeMacro(macro: Macro, memberName: (uid: string) => string): string {
  const parts: string[] = [];
  if (macro.reply) parts.push(macro.reply.internal ? "adds an internal note" : "replies to the customer");
  const { status, priority, addTags, assigneeUid } = macro.changes;
  if (status) parts.push(`sets status ${status.replaceAll("_", " ")}`);
  if (priority) parts.push(`sets priority ${priority}`);
  if (addTags?.length) parts.push(`tags ${addTags.join(", ")}`);
  if (assigneeUid !== undefined) parts.push(assigneeUid === null ? "unassigns" : `assigns ${memberName(assigneeUid)}`);
  return parts.join(", ");
}
