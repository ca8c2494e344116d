import { can } from "@firetrack/domain";
import { Link, useNavigate } from "react-router";
import { api, path } from "../api/client";
import { ApiProblem } from "../api/problem";
import { IssueForm } from "../issues/IssueForm";
import { formToInput, type IssueFormValues } from "../issues/issueForm";
import { useOrg } from "../org/OrgContext";
import { ErrorState } from "../ui/states";

export default function CreateIssuePage() {
  const org = useOrg();
  const navigate = useNavigate();
  if (!can(org.role, "issue.create")) {
    return (
      <main className="page narrow" id="main">
        <ErrorState error={new ApiProblem({ status: 403, title: "You cannot create issues", detail: `Your role (${org.role}) only reads issues.` })} />
      </main>
    );
  }

  const send = async (values: IssueFormValues) => {
    const { data } = await api<{ id: string; number: string | null }>("POST", path`/orgs/${org.orgId}/issues`, { body: formToInput(values) });
    navigate(`/o/${org.orgId}/issues/${data.id}`, { state: { created: data.number } });
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
        actions={
          <Link to={`/o/${org.orgId}/issues`} className="button">
            Cancel
          </Link>
        }
      />
    </main>
  );
}
