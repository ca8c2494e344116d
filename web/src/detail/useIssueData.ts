/** The issue page's live reads: the issue, its thread and its activities (docs/architecture.md: listeners, rules decide). */
import { doc } from "firebase/firestore";
import type { Activity, Comment } from "../issues/thread";
import { db } from "../firestore";
import { issueOf, type Issue } from "../issues/issue";
import { type Live, useLiveCollection, useLiveDocument } from "../shared/live";

export type { Activity, Comment } from "../issues/thread";

export type { Live };

export const useIssue = (orgId: string, issueId: string): Live<Issue | null> =>
  useLiveDocument(doc(db, "orgs", orgId, "issues", issueId), issueOf);

const commentOf = (data: Record<string, unknown>, id: string) => ({ id, ...data }) as Comment;
const activityOf = (data: Record<string, unknown>, id: string) => ({ id, changes: {}, ...data }) as Activity;

export const useComments = (orgId: string, issueId: string) =>
  useLiveCollection(["orgs", orgId, "issues", issueId, "comments"], "createdAt", commentOf);
export const useActivities = (orgId: string, issueId: string) =>
  useLiveCollection(["orgs", orgId, "issues", issueId, "activities"], "at", activityOf);
