/**
 * Raising an issue: with one of my customer orgs (/portal/raise, ?org= preselects), or
 * with an org that takes public intake through its link (/raise/{slug}). Raising through
 * the link makes a newcomer the org's customer, so GET /me is read again afterwards.
 */
import { useEffect, useState } from "react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import type { IntakeOrg } from "../api/answers";
import { api } from "../api/client";
import { AppShell } from "../AppShell";
import { useMe } from "../org/me";
import { Empty, ErrorState, Loading } from "../ui/states";
import { customerMemberships, isStaffRole, portalIssueHref } from "../shared/links";
import { RaiseForm, type RaisedIssue } from "./RaiseForm";
import "./portal.css";

function useAfterRaise() {
  const navigate = useNavigate();
  const me = useMe();
  return async (orgId: string, issue: RaisedIssue, joined: boolean) => {
    if (joined) await me.refresh();
    // The projection is written by the event core a moment later; the page shows the answer until then.
    // The answer carries the number already, so the address is the one the customer will see in mail.
    navigate(portalIssueHref({ ...issue, orgId }), { state: { raised: issue } });
  };
}

export default function RaisePage() {
  const me = useMe();
  const [params] = useSearchParams();
  const afterRaise = useAfterRaise();
  const targets = customerMemberships(me.memberships).map((m) => ({ orgId: m.orgId, orgName: m.orgName }));
  return (
    <AppShell portal>
      <main className="page narrow portal" id="main">
        <nav aria-label="Breadcrumb" className="breadcrumb">
          <Link to="/portal">My issues</Link> / <span aria-current="page">Raise an issue</span>
        </nav>
        <h1>How can we help?</h1>
        <p className="lead">Tell us what happened. We answer here, and by email if you want it.</p>
        {targets.length === 0 ? (
          <Empty title="You are not a customer of any organisation yet.">
            <p>
              An organisation that takes requests from anyone gives you a link to raise an issue with it.{" "}
              <Link to="/welcome">Enter it here</Link>.
            </p>
          </Empty>
        ) : (
          <RaiseForm
            targets={targets}
            initialOrgId={params.get("org") ?? undefined}
            onRaised={(orgId, issue) => void afterRaise(orgId, issue, false)}
          />
        )}
      </main>
    </AppShell>
  );
}

/** /raise/{slug}: the org comes from GET /intake/{slug}, which answers only if it takes me in (or I belong to it). */
export function RaiseBySlugPage() {
  const { orgSlug = "" } = useParams();
  const afterRaise = useAfterRaise();
  const [state, setState] = useState<{ org: IntakeOrg | null; error: unknown }>({ org: null, error: null });
  useEffect(() => {
    const controller = new AbortController();
    setState({ org: null, error: null });
    api("GET", "/intake/{slug}", { params: { path: { slug: orgSlug } }, signal: controller.signal }).then(
      ({ data }) => setState({ org: data, error: null }),
      (error: unknown) => {
        if ((error as Error).name !== "AbortError") setState({ org: null, error });
      },
    );
    return () => controller.abort();
  }, [orgSlug]);

  const { org, error } = state;
  return (
    <AppShell portal>
      <main className="page narrow portal" id="main">
        {error !== null ? (
          <>
            <h1>Raise an issue</h1>
            <ErrorState error={error} />
            <p>
              Check the link you were given. An organisation shows here only if it takes requests from you.{" "}
              <Link to="/portal">Back to my issues</Link>
            </p>
          </>
        ) : !org ? (
          <Loading what="the organisation" />
        ) : isStaffRole(org.role) ? (
          <>
            <h1>{org.name}</h1>
            <p className="notice">
              You are on the team of {org.name}: raise it in the workspace,{" "}
              <Link to={`/o/${encodeURIComponent(org.orgId)}/issues/new`}>New issue</Link>.
            </p>
          </>
        ) : (
          <>
            <p className="eyebrow">{org.name} · help centre</p>
            <h1>How can we help?</h1>
            <p className="lead">
              Tell {org.name} what happened. You can follow the answers in your portal
              {org.role === null ? ", which opens once you raise this" : ""}.
            </p>
            <RaiseForm
              targets={[{ orgId: org.orgId, orgName: org.name }]}
              onRaised={(orgId, issue) => void afterRaise(orgId, issue, org.role === null)}
            />
          </>
        )}
      </main>
    </AppShell>
  );
}
