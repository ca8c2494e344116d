/** The org's saved replies, live and by title (admins and agents read them; the rules say so). */
import { type Live, useLiveCollection as useList } from "../shared/live";
import type { SavedReply } from "./savedReplies";

const replyOf = (data: Record<string, unknown>, id: string): SavedReply => ({
  id,
  title: String(data.title ?? ""),
  body: String(data.body ?? ""),
  internal: data.internal === true,
  updatedAt: (data.updatedAt as SavedReply["updatedAt"]) ?? null,
});

export function useSavedReplies(orgId: string): Live<SavedReply[]> {
  return useList(["orgs", orgId, "savedReplies"], "title", replyOf);
}
