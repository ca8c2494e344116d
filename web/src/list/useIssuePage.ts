/**
 * One page of the queue, live: a Firestore listener on the shared list plan,
 * paged with query cursors (the page starts after the document `after`).
 */
import type { IssueFilter } from "@firetrack/domain";
import { matchesResidual } from "@firetrack/domain";
import { doc, getDoc, onSnapshot } from "firebase/firestore";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { ApiProblem } from "../api/problem";
import { db } from "../firestore";
import { issueOf, type Issue } from "../issues/issue";
import { issueListQuery, planFor } from "./issueQuery";
import { mayReplace, reconcile, type StableView } from "./stableRows";

export const PAGE_SIZE = 50;

interface PageState {
  status: "loading" | "ready" | "error";
  error: unknown;
  live: { id: string; item: Issue }[];
  /** The id of the last row the query returned (shown or not): the next page starts after it. */
  lastExamined: string | null;
  hasMore: boolean;
  settled: boolean;
}

const LOADING: PageState = {
  status: "loading",
  error: null,
  live: [],
  lastExamined: null,
  hasMore: false,
  settled: false,
};

export interface IssuePage extends StableView<Issue> {
  status: PageState["status"];
  error: unknown;
  lastExamined: string | null;
  hasMore: boolean;
  /** Show the live order and the newcomers. */
  applyLatest: () => void;
}

export function useIssuePage(
  orgId: string,
  filter: IssueFilter,
  after: string | null,
  pageSize = PAGE_SIZE,
): IssuePage {
  const [state, setState] = useState<PageState>(LOADING);
  const [displayed, setDisplayed] = useState<string[] | null>(null);
  const known = useRef(new Map<string, Issue>());
  const filterKey = JSON.stringify(filter);

  useEffect(() => {
    const plan = planFor(JSON.parse(filterKey) as IssueFilter);
    setState(LOADING);
    setDisplayed(null);
    known.current = new Map();
    if (plan.empty) {
      setState({ ...LOADING, status: "ready", settled: true });
      return;
    }
    let unsubscribe = () => {};
    let cancelled = false;
    // Until the first answer from the server, snapshots (from the cache) may replace the screen.
    let everSettled = false;
    (async () => {
      const start = after ? await getDoc(doc(db, "orgs", orgId, "issues", after)) : null;
      if (cancelled) return;
      if (start && !start.exists()) {
        throw new ApiProblem({
          status: 404,
          title: "This page no longer exists",
          detail: "The issue this page started after is gone. Go back to the first page.",
        });
      }
      unsubscribe = onSnapshot(
        issueListQuery(orgId, plan, { after: start, pageSize }),
        { includeMetadataChanges: true },
        (snapshot) => {
          let issues: Issue[];
          try {
            issues = snapshot.docs.map(issueOf);
          } catch (error) {
            setState({ ...LOADING, status: "error", error });
            return;
          }
          const live = issues.filter((issue) => matchesResidual(plan, issue)).map((item) => ({ id: item.id, item }));
          for (const row of live) known.current.set(row.id, row.item);
          const replace = !everSettled;
          everSettled ||= !snapshot.metadata.fromCache;
          setState((current) => ({
            status: "ready",
            error: null,
            live,
            lastExamined: snapshot.docs[snapshot.docs.length - 1]?.id ?? null,
            hasMore: snapshot.docs.length === pageSize,
            settled: current.settled || everSettled,
          }));
          setDisplayed((current) => (mayReplace(current, !replace) ? live.map((row) => row.id) : current));
        },
        (error) => setState({ ...LOADING, status: "error", error }),
      );
    })().catch((error: unknown) => {
      if (!cancelled) setState({ ...LOADING, status: "error", error });
    });
    return () => {
      cancelled = true;
      unsubscribe();
    };
  }, [orgId, filterKey, after, pageSize]);

  const applyLatest = useCallback(() => {
    setDisplayed(state.live.map((row) => row.id));
    known.current = new Map(state.live.map((row) => [row.id, row.item]));
  }, [state.live]);

  const view = useMemo(() => reconcile(displayed ?? [], state.live, known.current), [displayed, state.live]);
  return {
    ...view,
    status: state.status,
    error: state.error,
    lastExamined: state.lastExamined,
    hasMore: state.hasMore,
    applyLatest,
  };
}
