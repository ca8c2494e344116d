/**
 * The customer's "raise an issue" form: the shared issue form (issues/IssueForm.tsx) for a
 * customer, with the choice of organisation when they can raise in several.
 */
import { useState } from "react";
import type { CreatedIssue } from "../api/answers";
import { api } from "../api/client";
import { ApiProblem } from "../api/problem";
import { IssueForm } from "../issues/IssueForm";
import { formToInput, type IssueFormValues } from "../issues/issueForm";

export interface RaiseTarget {
  orgId: string;
  orgName: string;
}

/** What the API answers a customer: their projection, times as ISO strings. */
export type RaisedIssue = Extract<CreatedIssue, { issueId: string }>;

/** The body a customer sends: tags are the team's own filing, so the portal does not ask for them. */
export function portalIssueInput(values: IssueFormValues) {
  const { tags: _tags, ...input } = formToInput(values);
  return input;
}

export function RaiseForm({
  targets,
  initialOrgId,
  onRaised,
}: {
  targets: RaiseTarget[];
  initialOrgId?: string;
  onRaised: (orgId: string, issue: RaisedIssue) => void;
}) {
  const [orgId, setOrgId] = useState(
    initialOrgId && targets.some((t) => t.orgId === initialOrgId) ? initialOrgId : (targets[0]?.orgId ?? ""),
  );
  const send = async (values: IssueFormValues) => {
    const { data } = await api("POST", "/orgs/{orgId}/issues", {
      params: { path: { orgId } },
      body: portalIssueInput(values),
    });
    // The API answers a customer with their view; staff raise through the agent form, which reads the other one.
    if (!("issueId" in data))
      throw new ApiProblem({
        status: 0,
        title: "Unexpected answer",
        detail: "The issue was raised; open it from My issues.",
      });
    onRaised(orgId, data);
  };

  const choice =
    targets.length > 1 ? (
      <div className="field">
        <label>
          Organisation
          <select value={orgId} onChange={(e) => setOrgId(e.target.value)} aria-describedby="org-hint">
            {targets.map((t) => (
              <option key={t.orgId} value={t.orgId}>
                {t.orgName}
              </option>
            ))}
          </select>
        </label>
        <span className="hint" id="org-hint">
          Who should help you with this.
        </span>
      </div>
    ) : (
      <p className="raise-to">
        To <strong>{targets[0]?.orgName}</strong>
      </p>
    );

  return (
    <IssueForm
      audience="customer"
      className="raise-form card"
      send={send}
      submitLabel="Raise the issue"
      submittingLabel="Sending…"
      disabled={!orgId}
      before={choice}
    />
  );
}
