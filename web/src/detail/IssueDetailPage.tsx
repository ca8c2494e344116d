import { can } from "@firetrack/domain";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { api } from "../api/client";
import { issueNumber, type Issue } from "../issues/issue";
import { assignable, useOrg } from "../org/OrgContext";
import { InternalBadge, PriorityBadge, StatusBadge } from "../ui/badges";
import { formatDuration, label } from "../ui/labels";
import { RelativeTime, useNow } from "../ui/RelativeTime";
import { exactTime, toDate } from "../ui/time";
import { SlaDue } from "../issues/SlaDue";
import { hoursOf, openTimeLeft, slaSummary } from "../issues/slaView";
import { ErrorState, Loading } from "../ui/states";
import { ApiProblem } from "../api/problem";
import { MacroPicker } from "../macros/MacroPicker";
import { ConflictDialog } from "./ConflictDialog";
import { DeleteControls } from "./DeleteControls";
import { useIssueAddress } from "./useIssueAddress";
import { DetailsCard, FieldError, useInlineEdit } from "./DetailsCard";
import { LinearCard } from "./LinearCard";
import { MailCard, mayReadMails } from "./MailCard";
import { StatusActions } from "./StatusActions";
import { Composer, Thread } from "./Thread";
import { Timeline } from "./Timeline";
import { useActivities, useComments, useIssue } from "./useIssueData";
import { useIssueEditor } from "./useIssueEditor";

export default function IssueDetailPage() {
  const { issueId: address = "" } = useParams();
  const org = useOrg();
  const resolved = useIssueAddress(org.orgId, address, org.role);
  if (resolved.status === "ready" && resolved.value === null) return <IssueNotFound error={null} />;
  if (resolved.status === "error") return <IssueNotFound error={resolved.error} />;
  if (resolved.status === "loading") {
    return (
      <main className="page" id="main">
        <Loading what="the issue" />
      </main>
    );
  }
  return <LiveIssue issueId={resolved.value!} />;
}

function IssueNotFound({ error }: { error: unknown }) {
  const org = useOrg();
  return (
    <main className="page narrow" id="main">
      <ErrorState
        error={
          error ??
          new ApiProblem({ status: 404, title: "Issue not found", detail: "It does not exist, or it was deleted." })
        }
      />
      <p>
        <Link to={`/o/${org.orgId}/issues`}>Back to the issues</Link>
      </p>
    </main>
  );
}

function LiveIssue({ issueId }: { issueId: string }) {
  const org = useOrg();
  const live = useIssue(org.orgId, issueId);
  if (live.status === "loading") {
    return (
      <main className="page" id="main">
        <Loading what="the issue" />
      </main>
    );
  }
  if (live.status === "error" || live.value === null) {
    const error =
      live.status === "error"
        ? live.error
        : new ApiProblem({ status: 404, title: "Issue not found", detail: "It does not exist, or it was deleted." });
    return (
      <main className="page narrow" id="main">
        <ErrorState error={error} />
        <p>
          <Link to={`/o/${org.orgId}/issues`}>Back to the issues</Link>
        </p>
      </main>
    );
  }
  return <IssueView issue={live.value} />;
}

function IssueView({ issue }: { issue: Issue }) {
  const org = useOrg();
  const comments = useComments(org.orgId, issue.id);
  const activities = useActivities(org.orgId, issue.id);
  const editor = useIssueEditor(org.orgId, issue);
  const heading = useInlineEdit(issue, editor.save);
  const owns = issue.reporter.uid === org.uid;
  const mayEdit = can(org.role, "issue.edit", owns);

  return (
    <main className="page detail" id="main">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={`/o/${org.orgId}/issues`}>Issues</Link> / <span aria-current="page">{issueNumber(issue)}</span>
      </nav>
      <header className="detail-head">
        {heading.editing ? (
          <form className="stack" onSubmit={heading.submit} noValidate>
            <label>
              Title
              <input {...heading.field("title")} className="title-input" />
            </label>
            <FieldError name="title" errors={heading.errors} />
            <label>
              Description
              <textarea rows={8} {...heading.field("description")} />
            </label>
            <FieldError name="description" errors={heading.errors} />
            {heading.problem !== null && <ErrorState error={heading.problem} compact fieldsShown />}
            <div className="actions">
              <button type="button" onClick={heading.cancel}>
                Cancel
              </button>
              <button type="submit" className="primary" disabled={heading.busy}>
                Save
              </button>
            </div>
          </form>
        ) : (
          <>
            <p className="issue-number big">{issueNumber(issue)}</p>
            <h1>{issue.title}</h1>
            <div className="badges">
              <StatusBadge status={issue.status} />
              <PriorityBadge priority={issue.priority} />
              <span className={`badge source-${issue.source}`}>Source: {label(issue.source)}</span>
              {issue.sla?.firstResponseBreached && <span className="badge breach">First response SLA breached</span>}
              {issue.sla?.resolutionBreached && <span className="badge breach">Resolution SLA breached</span>}
              {issue.deleted && <span className="badge breach">Deleted</span>}
            </div>
            {mayEdit && (
              <button type="button" className="link-button" onClick={heading.start}>
                Edit title and description
              </button>
            )}
          </>
        )}
      </header>

      <StatusActions orgId={org.orgId} issue={issue} role={org.role} uid={org.uid} />
      {mayEdit && !issue.deleted && <MacroPicker issueId={issue.id} />}
      <DeleteControls issue={issue} />
      <div className="detail-grid">
        <div className="detail-main">
          {!heading.editing && (
            <section aria-labelledby="description-heading" className="card">
              <h2 id="description-heading">Description</h2>
              {issue.description ? (
                <p className="description">{issue.description}</p>
              ) : (
                <p className="muted">No description.</p>
              )}
            </section>
          )}
          {issue.resolution && (
            <section className="card resolution" aria-labelledby="resolution-heading">
              <h2 id="resolution-heading">Resolution (public)</h2>
              <p>{issue.resolution.notes}</p>
              <p className="muted">
                {issue.resolution.by.name}, <RelativeTime value={issue.resolution.at} />
              </p>
            </section>
          )}
          <section aria-labelledby="conversation-heading">
            <h2 id="conversation-heading">
              Conversation ({comments.status === "ready" ? comments.value.length : "…"})
            </h2>
            <Thread comments={comments} />
            <Composer orgId={org.orgId} issueId={issue.id} role={org.role} owns={owns} />
          </section>
          <section aria-labelledby="activity-heading">
            <h2 id="activity-heading">Activity</h2>
            <Timeline activities={activities} />
          </section>
        </div>
        <aside className="detail-side" aria-label="Issue properties">
          <AssigneeCard issue={issue} />
          <DetailsCard issue={issue} role={org.role} save={editor.save} />
          <SlaCard issue={issue} />
          <PeopleCard issue={issue} />
          {(issue.source === "service" || issue.occurrences > 1) && <ServiceCard issue={issue} />}
          <LinearCard issue={issue} />
          {mayReadMails(org.role) && <MailCard orgId={org.orgId} issueId={issue.id} />}
        </aside>
      </div>
      <ConflictDialog
        conflict={editor.conflict}
        current={issue}
        onReload={editor.dismiss}
        onOverwrite={editor.overwrite}
      />
    </main>
  );
}

function AssigneeCard({ issue }: { issue: Issue }) {
  const org = useOrg();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const mayEdit = can(org.role, "issue.edit");
  const options = assignable(org.members);
  const assign = async (uid: string | null) => {
    setBusy(true);
    setError(null);
    try {
      await api("POST", "/orgs/{orgId}/issues/{id}/assign", {
        params: { path: { orgId: org.orgId, id: issue.id } },
        body: { assigneeUid: uid },
      });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" aria-labelledby="assignee-heading">
      <h2 id="assignee-heading">Assignee</h2>
      {mayEdit ? (
        <>
          <label>
            <span className="visually-hidden">{issue.assignee ? "Transfer to" : "Assign to"}</span>
            <select
              aria-label={issue.assignee ? "Transfer to" : "Assign to"}
              value={issue.assignee?.uid ?? ""}
              disabled={busy}
              onChange={(e) => void assign(e.target.value || null)}
            >
              <option value="">Unassigned</option>
              {issue.assignee && !options.some((m) => m.uid === issue.assignee!.uid) && (
                <option value={issue.assignee.uid}>{issue.assignee.name}</option>
              )}
              {options.map((m) => (
                <option key={m.uid} value={m.uid}>
                  {m.displayName}
                </option>
              ))}
            </select>
          </label>
          {issue.assignee?.uid !== org.uid && options.some((m) => m.uid === org.uid) && (
            <button type="button" className="link-button" disabled={busy} onClick={() => void assign(org.uid)}>
              Assign to me
            </button>
          )}
          {error !== null && <ErrorState error={error} compact />}
        </>
      ) : (
        <p>{issue.assignee?.name ?? <span className="muted">Unassigned</span>}</p>
      )}
    </section>
  );
}

function SlaCard({ issue }: { issue: Issue }) {
  const sla = issue.sla;
  return (
    <section className="card" aria-labelledby="sla-heading">
      <h2 id="sla-heading">SLA</h2>
      {!sla ? (
        <p className="muted">No SLA applies.</p>
      ) : (
        <dl className="facts">
          <dt>First response</dt>
          <dd>
            {issue.firstResponseAt ? (
              <>
                answered <RelativeTime value={issue.firstResponseAt} />
              </>
            ) : (
              <Due at={sla.firstResponseDueAt} />
            )}{" "}
            {sla.firstResponseBreached && <span className="badge breach">Breached</span>}
          </dd>
          <dt>Resolution</dt>
          <dd>
            {issue.resolvedAt ? (
              <>
                resolved <RelativeTime value={issue.resolvedAt} />
              </>
            ) : (
              <Due at={sla.resolutionDueAt} />
            )}{" "}
            {sla.resolutionBreached && <span className="badge breach">Breached</span>}
          </dd>
          <SlaClockFacts issue={issue} />
        </dl>
      )}
    </section>
  );
}

/** How the clock counts, why it stands still, and the open time left on the clock that runs out next. */
function SlaClockFacts({ issue }: { issue: Issue }) {
  const now = useNow();
  const sla = issue.sla!;
  const hours = hoursOf(issue);
  const summary = slaSummary(issue, now);
  return (
    <>
      <dt>Clock</dt>
      <dd>
        {hours
          ? `business hours (${hours.timezone}); evenings, weekends and holidays do not count`
          : "calendar time: every hour counts"}
      </dd>
      {sla.pausedAt && !issue.resolvedAt && (
        <>
          <dt>Paused</dt>
          <dd>
            while {label(issue.status).toLowerCase()}, since <RelativeTime value={sla.pausedAt} />
          </dd>
        </>
      )}
      {summary && (
        <>
          <dt>Due at</dt>
          <dd>
            {exactTime(new Date(summary.dueAt))} {summary.tone !== "paused" && <SlaDue issue={issue} />}
          </dd>
          <dt>{hours ? "Open time left" : "Time left"}</dt>
          <dd>{openLeftText(openTimeLeft(issue, summary.dueAt, now))}</dd>
        </>
      )}
    </>
  );
}

const openLeftText = (left: number) => (left >= 0 ? formatDuration(left) : `none: over by ${formatDuration(-left)}`);

/** A due time; once passed it says so in words, before the sweep marks the breach. */
function Due({ at }: { at: unknown }) {
  const due = toDate(at);
  const overdue = due !== null && due.getTime() < Date.now();
  return (
    <>
      {overdue ? "was due " : "due "}
      <RelativeTime value={at} />
      {overdue && <span className="badge overdue">Overdue</span>}
    </>
  );
}

function PeopleCard({ issue }: { issue: Issue }) {
  const org = useOrg();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const watching = issue.watchers?.includes(org.uid) ?? false;
  const toggleWatch = async () => {
    setBusy(true);
    setError(null);
    try {
      const params = { path: { orgId: org.orgId, id: issue.id } };
      if (watching) await api("DELETE", "/orgs/{orgId}/issues/{id}/watch", { params });
      else await api("POST", "/orgs/{orgId}/issues/{id}/watch", { params, body: {} });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" aria-labelledby="people-heading">
      <h2 id="people-heading">People</h2>
      <dl className="facts">
        <dt>Reporter</dt>
        <dd>
          {issue.reporter.name}
          {issue.raisedByCustomer && <span className="badge">Customer</span>}
        </dd>
        <dt>Created</dt>
        <dd>
          <RelativeTime value={issue.createdAt} />
        </dd>
        <dt>Updated</dt>
        <dd>
          <RelativeTime value={issue.updatedAt} />
        </dd>
        <dt>Watchers</dt>
        <dd>{issue.watchers?.length ?? 0}</dd>
      </dl>
      {/* Watching subscribes me to notifications; it changes nothing of the issue, so every member who sees it may. */}
      <button type="button" aria-pressed={watching} disabled={busy} onClick={() => void toggleWatch()}>
        {watching ? "Unwatch" : "Watch"}
      </button>
      {error !== null && <ErrorState error={error} compact />}
    </section>
  );
}

function ServiceCard({ issue }: { issue: Issue }) {
  return (
    <section className="card" aria-labelledby="service-heading">
      <h2 id="service-heading">
        Service <InternalBadge />
      </h2>
      <dl className="facts">
        {issue.reporter.kind === "service" && (
          <>
            <dt>Logged by</dt>
            <dd>{issue.reporter.name}</dd>
          </>
        )}
        <dt>Occurrences</dt>
        <dd>{issue.occurrences}</dd>
        <dt>Last seen</dt>
        <dd>
          <RelativeTime value={issue.lastSeenAt} />
        </dd>
      </dl>
    </section>
  );
}
