/**
 * The dashboard's two lists: issues by the service that logged them (from the stats
 * document, no scan) and the five newest issues (one small live query on the index the
 * queue's newest-first order already has).
 */
import { can } from "@firetrack/domain";
import { collection, limit, onSnapshot, orderBy, query, where } from "firebase/firestore";
import { useEffect, useState } from "react";
import { Link } from "react-router";
import { issueAddress } from "../shared/links";
import type { Live } from "../shared/live";
import { db } from "../firestore";
import { issueNumber, issueOf, type Issue } from "../issues/issue";
import { useOrg } from "../org/OrgContext";
import { StatusBadge } from "../ui/badges";
import { RelativeTime } from "../ui/RelativeTime";
import { ErrorState, Loading } from "../ui/states";

export const LATEST_COUNT = 5;

function useLatestIssues(orgId: string): Live<Issue[]> {
  const [state, setState] = useState<Live<Issue[]>>({ status: "loading" });
  useEffect(
    () =>
      onSnapshot(
        query(
          collection(db, "orgs", orgId, "issues"),
          where("deleted", "==", false),
          orderBy("createdAt", "desc"),
          limit(LATEST_COUNT),
        ),
        (snapshot) => setState({ status: "ready", value: snapshot.docs.map((d) => issueOf(d)) }),
        (error) => setState({ status: "error", error }),
      ),
    [orgId],
  );
  return state;
}

export function LatestIssues() {
  const org = useOrg();
  const latest = useLatestIssues(org.orgId);
  if (!can(org.role, "issue.view")) return null;
  return (
    <section className="card" aria-labelledby="latest-heading">
      <h2 id="latest-heading">Latest issues</h2>
      {latest.status === "loading" && <Loading what="the latest issues" />}
      {latest.status === "error" && <ErrorState error={latest.error} compact />}
      {latest.status === "ready" && (
        <ul className="by-service">
          {latest.value.map((issue) => (
            <li key={issue.id}>
              <Link to={`/o/${org.orgId}/issues/${issueAddress(issue)}`}>
                <span className="issue-number">{issueNumber(issue)}</span> {issue.title}
              </Link>
              <span>
                <StatusBadge status={issue.status} /> <RelativeTime value={issue.createdAt} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function IssuesByService({ byService }: { byService: Record<string, number> }) {
  const org = useOrg();
  const rows = Object.entries(byService)
    .filter(([, count]) => count > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return (
    <section className="card" aria-labelledby="by-service-heading">
      <h2 id="by-service-heading">Issues by service</h2>
      {rows.length === 0 ? (
        <p className="muted">No service has logged an issue yet.</p>
      ) : (
        <ul className="by-service">
          {rows.map(([service, count]) => (
            <li key={service}>
              <Link to={`/o/${org.orgId}/issues?source=service`}>{service}</Link>
              <span>{count}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
