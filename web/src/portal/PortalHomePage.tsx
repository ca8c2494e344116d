/** My issues, across every org I raised issues with: users/{uid}/portalIssues, live. */
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { AppShell } from "../AppShell";
import { useUser } from "../auth/AuthProvider";
import { PriorityBadge, StatusBadge } from "../ui/badges";
import { RelativeTime } from "../ui/RelativeTime";
import { Empty, ErrorState, Loading } from "../ui/states";
import { portalIssueHref, raisePath } from "../shared/links";
import { inTab, PORTAL_TABS, type PortalTab } from "./portalStatus";
import { usePortalIssues, type PortalIssueDoc } from "./usePortal";
import "./portal.css";

export default function PortalHomePage() {
  const user = useUser();
  const issues = usePortalIssues(user.uid);
  const [params, setParams] = useSearchParams();
  const [tab, setTab] = useState<PortalTab>("open");
  const orgFilter = params.get("org");

  const all = issues.status === "ready" ? issues.value : [];
  const orgs = [...new Map(all.map((i) => [i.orgId, i.orgName])).entries()];
  const inOrg = all.filter((i) => !orgFilter || i.orgId === orgFilter);
  const shown = inOrg.filter((i) => inTab(i.status, tab));
  const counts = Object.fromEntries(
    PORTAL_TABS.map((t) => [t.id, inOrg.filter((i) => inTab(i.status, t.id)).length]),
  ) as Record<PortalTab, number>;

  return (
    <AppShell portal>
      <main className="page portal" id="main">
        <section className="portal-hero">
          <div>
            <h1>Your support requests</h1>
            <p>Follow what you asked us about, reply, and see the answers as they arrive.</p>
          </div>
          <Link to={raisePath(orgFilter ?? undefined)} className="button primary">
            Raise an issue
          </Link>
        </section>

        {issues.status === "loading" && <Loading what="your issues" />}
        {issues.status === "error" && <ErrorState error={issues.error} />}
        {issues.status === "ready" && (
          <>
            <div className="portal-toolbar">
              <fieldset className="tabs" aria-label="Show">
                {PORTAL_TABS.map((t) => (
                  <button
                    key={t.id}
                    type="button"
                    aria-pressed={tab === t.id}
                    className={tab === t.id ? "tab chosen" : "tab"}
                    onClick={() => setTab(t.id)}
                  >
                    {t.label} <span className="tab-count">{counts[t.id]}</span>
                    {t.id === "done" && <span className="visually-hidden"> (closed included)</span>}
                  </button>
                ))}
              </fieldset>
              {orgs.length > 1 && (
                <label className="inline org-filter">
                  Organisation
                  <select
                    value={orgFilter ?? ""}
                    onChange={(e) => setParams(e.target.value ? { org: e.target.value } : {}, { replace: true })}
                  >
                    <option value="">All organisations</option>
                    {orgs.map(([id, name]) => (
                      <option key={id} value={id}>
                        {name}
                      </option>
                    ))}
                  </select>
                </label>
              )}
            </div>
            {shown.length === 0 ? (
              <Empty
                title={
                  all.length === 0
                    ? "You have not raised any issues yet."
                    : tab === "open"
                      ? "Nothing open. All your issues are resolved."
                      : "No issues here."
                }
              >
                {all.length === 0 && (
                  <p>
                    <Link to={raisePath()}>Raise an issue</Link> and we will answer you here.
                  </p>
                )}
              </Empty>
            ) : (
              <ul className="portal-list" aria-label="Your issues">
                {shown.map((issue) => (
                  <PortalRow key={`${issue.orgId}_${issue.issueId}`} issue={issue} />
                ))}
              </ul>
            )}
          </>
        )}
      </main>
    </AppShell>
  );
}

function PortalRow({ issue }: { issue: PortalIssueDoc }) {
  return (
    <li className="portal-row">
      <Link to={portalIssueHref(issue)} className="portal-row-link">
        <span className="portal-row-main">
          <span className="portal-row-title">{issue.title}</span>
          <span className="portal-row-meta">
            <span className="issue-number">{issue.number ?? "Being filed…"}</span>
            <span className="org-name">{issue.orgName}</span>
            <span>
              Updated <RelativeTime value={issue.updatedAt} />
            </span>
            <span>
              {issue.publicCommentCount} {issue.publicCommentCount === 1 ? "reply" : "replies"}
            </span>
            {issue.status === "waiting_for_response" && <span className="needs-you">Waiting for your reply</span>}
          </span>
        </span>
        <span className="portal-row-badges">
          <StatusBadge status={issue.status} />
          <PriorityBadge priority={issue.priority} />
        </span>
      </Link>
    </li>
  );
}
