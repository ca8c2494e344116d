/**
 * One issue as its customer sees it: the projection (never the raw issue) and the public
 * thread, both live; reply, and reopen a resolved or closed issue with a reason. The
 * address names the issue by number (`/portal/issues/acme/ISS-2026-0042`), as mail links
 * do, or by document id (older mail, an issue not numbered yet).
 */
import { COMMENT_MAX, isReopen, issueNumberInAddress, statusAfterComment } from "@firetrack/domain";
import { useId, useState, type FormEvent, type ReactNode } from "react";
import { Link, useLocation, useParams } from "react-router";
import { api } from "../api/client";
import { ApiProblem } from "../api/problem";
import { AppShell } from "../AppShell";
import { useUser } from "../auth/AuthProvider";
import { CommentList } from "../issues/CommentList";
import type { Comment } from "../issues/thread";
import type { Live } from "../shared/live";
import { Dialog } from "../ui/Dialog";
import { PriorityBadge, StatusBadge } from "../ui/badges";
import { label } from "../ui/labels";
import { RelativeTime } from "../ui/RelativeTime";
import { ErrorState, Loading } from "../ui/states";
import { PORTAL_HOME } from "../shared/links";
import { statusExplanation } from "./portalStatus";
import type { RaisedIssue } from "./RaiseForm";
import { usePortalIssue, usePortalIssueByNumber, usePublicComments, type PortalIssueDoc } from "./usePortal";
import "./portal.css";

type Shown = PortalIssueDoc | RaisedIssue;

export default function PortalIssuePage() {
  const { orgId = "", issueId: address = "" } = useParams();
  const user = useUser();
  const location = useLocation();
  const number = issueNumberInAddress(address);
  const byId = usePortalIssue(user.uid, orgId, number === null ? address : null);
  const byNumber = usePortalIssueByNumber(user.uid, orgId, number);
  const live = number === null ? byId : byNumber;
  // Right after raising, the API's answer stands in until the event core writes the projection.
  const raised = (location.state as { raised?: RaisedIssue } | null)?.raised;
  const justRaised =
    raised && raised.orgId === orgId && (number === null ? raised.issueId === address : raised.number === number)
      ? raised
      : null;
  const issue: Shown | null = live.status === "ready" ? (live.value ?? justRaised) : justRaised;
  // The thread is named by the id the projection carries, whichever way the address named the issue.
  const comments = usePublicComments(orgId, issue?.issueId ?? "", issue !== null);

  let body: ReactNode;
  if (issue) body = <IssueView issue={issue} comments={comments} />;
  else if (live.status === "loading") body = <Loading what="your issue" />;
  else
    body = (
      <>
        <ErrorState
          error={
            live.status === "error"
              ? live.error
              : new ApiProblem({
                  status: 404,
                  title: "Issue not found",
                  detail: "There is no issue of yours at this address. It may have been removed, or the link is wrong.",
                })
          }
        />
        <p>
          <Link to={PORTAL_HOME}>Back to my issues</Link>
        </p>
      </>
    );
  return (
    <AppShell portal>
      <main className="page portal portal-issue" id="main">
        {body}
      </main>
    </AppShell>
  );
}

function IssueView({ issue, comments }: { issue: Shown; comments: Live<Comment[]> }) {
  const user = useUser();
  const reopenable = isReopen(issue.status, "open");
  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={PORTAL_HOME}>My issues</Link> / <span aria-current="page">{issue.number ?? "New issue"}</span>
      </nav>
      <header className="detail-head">
        <p className="eyebrow">
          <span className="issue-number big">{issue.number ?? "Being filed…"}</span> ·{" "}
          <span className="org-name">{issue.orgName}</span>
        </p>
        <h1>{issue.title}</h1>
        <div className="badges">
          <StatusBadge status={issue.status} />
          <PriorityBadge priority={issue.priority} />
        </div>
      </header>

      <section className={`status-panel status-panel-${issue.status}`} aria-live="polite" aria-label="Status">
        <p>
          <strong>{label(issue.status)}.</strong> {statusExplanation(issue.status)}
        </p>
        {reopenable && <ReopenButton orgId={issue.orgId} issueId={issue.issueId} />}
      </section>

      <div className="detail-grid">
        <div className="detail-main">
          {issue.resolution && (
            <section className="card resolution" aria-labelledby="resolution-heading">
              <h2 id="resolution-heading">How it was resolved</h2>
              <p>{issue.resolution.notes}</p>
              <p className="muted">
                Resolved <RelativeTime value={issue.resolution.at} />
              </p>
            </section>
          )}
          <section aria-labelledby="description-heading" className="card">
            <h2 id="description-heading">Your description</h2>
            {issue.description ? (
              <p className="description">{issue.description}</p>
            ) : (
              <p className="muted">No description.</p>
            )}
          </section>
          <section aria-labelledby="conversation-heading">
            <h2 id="conversation-heading">Conversation</h2>
            <CommentList comments={comments} audience={{ kind: "customer", uid: user.uid }} />
            <ReplyBox
              orgId={issue.orgId}
              issueId={issue.issueId}
              reopens={isReopen(
                issue.status,
                statusAfterComment({
                  status: issue.status,
                  authorKind: "customer",
                  internal: false,
                  firstPublicMemberReply: false,
                }) ?? issue.status,
              )}
            />
          </section>
        </div>
        <aside className="detail-side" aria-label="About this issue">
          <section className="card" aria-labelledby="facts-heading">
            <h2 id="facts-heading">Details</h2>
            <dl className="facts">
              <dt>Organisation</dt>
              <dd>{issue.orgName}</dd>
              <dt>Handled by</dt>
              <dd>{issue.assignee?.name ?? <span className="muted">Not assigned yet</span>}</dd>
              <dt>Category</dt>
              <dd>{label(issue.category)}</dd>
              <dt>Type</dt>
              <dd>{label(issue.type)}</dd>
              {issue.vendor && (
                <>
                  <dt>Vendor</dt>
                  <dd>
                    {issue.vendor.name}
                    <span className="ref-id">id {issue.vendor.id}</span>
                  </dd>
                </>
              )}
              {issue.order && (
                <>
                  <dt>Order</dt>
                  <dd>
                    {issue.order.ref}
                    <span className="ref-id">id {issue.order.id}</span>
                  </dd>
                </>
              )}
              <dt>Raised</dt>
              <dd>
                <RelativeTime value={issue.createdAt} />
              </dd>
              <dt>Updated</dt>
              <dd>
                <RelativeTime value={issue.updatedAt} />
              </dd>
            </dl>
          </section>
        </aside>
      </div>
    </>
  );
}

function ReplyBox({ orgId, issueId, reopens }: { orgId: string; issueId: string; reopens: boolean }) {
  const [body, setBody] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const hintId = useId();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) {
      setFieldError("Write something first.");
      return;
    }
    setBusy(true);
    setError(null);
    setFieldError(null);
    try {
      await api("POST", "/orgs/{orgId}/issues/{id}/comments", {
        params: { path: { orgId, id: issueId } },
        body: { body: body.trim() },
      });
      setBody("");
    } catch (err) {
      const bodyProblem = err instanceof ApiProblem ? err.errors.find((e) => e.path === "body") : undefined;
      if (bodyProblem) setFieldError(bodyProblem.message);
      else setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="composer public" onSubmit={submit} noValidate>
      <label>
        Your reply
        <textarea
          rows={4}
          value={body}
          maxLength={COMMENT_MAX}
          onChange={(e) => setBody(e.target.value)}
          aria-describedby={hintId}
          aria-invalid={fieldError ? true : undefined}
        />
      </label>
      <p className="hint" id={hintId}>
        {reopens ? "Replying reopens this issue." : "The support team sees your reply and answers here."}
      </p>
      {fieldError && <p className="field-error">{fieldError}</p>}
      {error !== null && <ErrorState error={error} compact />}
      <div className="composer-foot">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? "Sending…" : "Send reply"}
        </button>
      </div>
    </form>
  );
}

function ReopenButton({ orgId, issueId }: { orgId: string; issueId: string }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) {
      setFieldError("Tell the team why, so they can pick it up.");
      return;
    }
    setBusy(true);
    setError(null);
    setFieldError(null);
    try {
      await api("POST", "/orgs/{orgId}/issues/{id}/reopen", {
        params: { path: { orgId, id: issueId } },
        body: { reason: reason.trim() },
      });
      setOpen(false);
      setReason("");
    } catch (err) {
      const reasonProblem = err instanceof ApiProblem ? err.errors.find((e) => e.path === "reason") : undefined;
      if (reasonProblem) setFieldError(reasonProblem.message);
      else setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Reopen this issue
      </button>
      <Dialog open={open} title="Reopen this issue" onClose={() => setOpen(false)}>
        <form className="stack" onSubmit={submit} noValidate>
          <label>
            Why are you reopening it?
            <textarea
              rows={4}
              value={reason}
              maxLength={COMMENT_MAX}
              onChange={(e) => setReason(e.target.value)}
              aria-invalid={fieldError ? true : undefined}
              autoFocus
            />
          </label>
          {fieldError && <p className="field-error">{fieldError}</p>}
          {error !== null && <ErrorState error={error} compact />}
          <div className="actions">
            <button type="button" onClick={() => setOpen(false)}>
              Cancel
            </button>
            <button type="submit" className="primary" disabled={busy}>
              {busy ? "Reopening…" : "Reopen"}
            </button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
