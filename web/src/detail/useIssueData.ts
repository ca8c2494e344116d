/** The issue page's live reads: the issue, its thread and its activities (docs/architecture.md: listeners, rules decide). */
import { collection, doc, orderBy, query, type Timestamp } from "firebase/firestore";
import { db } from "../firestore";
import { issueOf, type Issue } from "../issues/issue";
import { type Live, useLiveDocument, useLiveQuery } from "../shared/live";
import type { Actor } from "@firetrack/domain";

export interface Comment {
  id: string;
  body: string;
  author: Actor;
  internal: boolean;
  solution: boolean;
  createdAt: Timestamp | null;
}

export interface Activity {
  id: string;
  type: string;
  actor: Actor;
  changes: Record<string, { from: unknown; to: unknown }>;
  internal: boolean;
  at: Timestamp | null;
}

export type { Live };

export const useIssue = (orgId: string, issueId: string): Live<Issue | null> =>
  useLiveDocument(doc(db, "orgs", orgId, "issues", issueId), issueOf);

/** A live list of one collection in `field` order (the settings pages use it too). */
export function useList<T>(path: string[], field: string, map: (data: Record<string, unknown>, id: string) => T): Live<T[]> {
  const [first, ...rest] = path;
  return useLiveQuery(query(collection(db, first!, ...rest), orderBy(field, "asc")), (d) => map(d.data(), d.id));
}

const commentOf = (data: Record<string, unknown>, id: string) => ({ id, ...data }) as Comment;
const activityOf = (data: Record<string, unknown>, id: string) => ({ id, changes: {}, ...data }) as Activity;

export const useComments = (orgId: string, issueId: string) => useList(["orgs", orgId, "issues", issueId, "comments"], "createdAt", commentOf);
export const useActivities = (orgId: string, issueId: string) => useList(["orgs", orgId, "issues", issueId, "activities"], "at", activityOf);
