import { can } from "@firetrack/domain";
import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { api } from "../api/client";
import { ApiProblem } from "../api/problem";
import { IssueForm } from "../issues/IssueForm";
import { formToInput, type IssueFormValues } from "../issues/issueForm";
import { assignable, useOrg } from "../org/OrgContext";
import { ErrorState } from "../ui/states";

export default function CreateIssuePage() {
  const org = useOrg();
  const navigate = useNavigate();
  /** Staff may assign at once (checked by the API as …/assign checks it); "" leaves it to the org's round robin. */
  const [assigneeUid, setAssigneeUid] = useState("");
  const mayAssign = can(org.role, "issue.edit");

  if (!can(org.role, "issue.create")) {
    return (
      <main className="page narrow" id="main">
        <ErrorState
          error={
            new ApiProblem({
              status: 403,
              title: "You cannot create issues",
              detail: `Your role (${org.role}) only reads issues.`,
            })
          }
        />
      </main>
    );
  }

  const send = async (values: IssueFormValues) => {
    const body = { ...formToInput(values), ...(mayAssign && assigneeUid ? { assigneeUid } : {}) };
    const { data } = await api("POST", "/orgs/{orgId}/issues", { params: { path: { orgId: org.orgId } }, body });
    // Staff get the member view (`id`); the customer view names the same document `issueId`.
    const id = "id" in data ? data.id : data.issueId;
    navigate(`/o/${org.orgId}/issues/${data.number ?? id}`, { state: { created: data.number } });
  };

  const assignee = (problem: unknown) => {
    if (!mayAssign) return null;
    const assigneeProblem =
      problem instanceof ApiProblem ? problem.errors.find((e) => e.path === "assigneeUid")?.message : undefined;
    return (
      <div className="field">
        <label>
          Assignee
          <select
            value={assigneeUid}
            onChange={(e) => setAssigneeUid(e.target.value)}
            aria-invalid={assigneeProblem ? true : undefined}
            aria-describedby={["assignee-hint", assigneeProblem ? "error-assignee" : null].filter(Boolean).join(" ")}
          >
            <option value="">Nobody yet</option>
            {assignable(org.members).map((m) => (
              <option key={m.uid} value={m.uid}>
                {m.displayName}
              </option>
            ))}
          </select>
        </label>
        <span className="hint" id="assignee-hint">
          Leave it to pick later, or to the round robin if your organisation uses one.
        </span>
        {assigneeProblem && (
          <span className="field-error" id="error-assignee">
            {assigneeProblem}
          </span>
        )}
      </div>
    );
  };

  return (
    <main className="page narrow" id="main">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={`/o/${org.orgId}/issues`}>Issues</Link> / <span aria-current="page">New issue</span>
      </nav>
      <h1>New issue</h1>
      <IssueForm
        audience="team"
        className="create-form"
        send={send}
        submitLabel="Create issue"
        submittingLabel="Creating…"
        extra={assignee}
        actions={
          <Link to={`/o/${org.orgId}/issues`} className="button">
            Cancel
          </Link>
        }
      />
    </main>
  );
}
