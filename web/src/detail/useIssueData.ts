/** The issue page's live reads: the issue, its thread and its activities (DESIGN.md §1: listeners, rules decide). */
import { collection, doc, onSnapshot, orderBy, query, type Timestamp } from "firebase/firestore";
import { useEffect, useState } from "react";
import { db } from "../firestore";
import { issueOf, type Issue } from "../issues/issue";
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

export type Live<T> = { status: "loading" } | { status: "error"; error: unknown } | { status: "ready"; value: T };

export function useIssue(orgId: string, issueId: string): Live<Issue | null> {
  const [state, setState] = useState<Live<Issue | null>>({ status: "loading" });
  useEffect(() => {
    setState({ status: "loading" });
    return onSnapshot(
      doc(db, "orgs", orgId, "issues", issueId),
      (snapshot) => setState({ status: "ready", value: snapshot.exists() ? issueOf(snapshot) : null }),
      (error) => setState({ status: "error", error }),
    );
  }, [orgId, issueId]);
  return state;
}

/** A live list of one collection in `field` order (the settings pages use it too). */
export function useList<T>(path: string[], field: string, map: (data: Record<string, unknown>, id: string) => T): Live<T[]> {
  const [state, setState] = useState<Live<T[]>>({ status: "loading" });
  const key = path.join("/");
  // biome-ignore lint/correctness/useExhaustiveDependencies: `map` is a module-level function at every call site; an inline one would resubscribe on every render.
  useEffect(() => {
    setState({ status: "loading" });
    const [first, ...rest] = key.split("/");
    return onSnapshot(
      query(collection(db, first!, ...rest), orderBy(field, "asc")),
      (snapshot) => setState({ status: "ready", value: snapshot.docs.map((d) => map(d.data(), d.id)) }),
      (error) => setState({ status: "error", error }),
    );
  }, [key, field]);
  return state;
}

const commentOf = (data: Record<string, unknown>, id: string) => ({ id, ...data }) as Comment;
const activityOf = (data: Record<string, unknown>, id: string) => ({ id, changes: {}, ...data }) as Activity;

export const useComments = (orgId: string, issueId: string) => useList(["orgs", orgId, "issues", issueId, "comments"], "createdAt", commentOf);
export const useActivities = (orgId: string, issueId: string) => useList(["orgs", orgId, "issues", issueId, "activities"], "at", activityOf);
