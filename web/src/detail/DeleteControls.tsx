/**
 * Delete (admins and agents), restore and permanent erasure (admins) on the issue page.
 * Erasure cannot be undone, so its confirmation names the issue's number and asks for it.
 */
import { can } from "@firetrack/domain";
import { useState } from "react";
import { useNavigate } from "react-router";
import { api } from "../api/client";
import { issueNumber, type Issue } from "../issues/issue";
import { useOrg } from "../org/OrgContext";
import { Confirm, useAction } from "../shared/formParts";
import { ErrorState } from "../ui/states";

export function DeleteControls({ issue }: { issue: Issue }) {
  const org = useOrg();
  const navigate = useNavigate();
  const action = useAction();
  const [confirming, setConfirming] = useState<"delete" | "erase" | null>(null);
  const [typed, setTyped] = useState("");
  const number = issueNumber(issue);
  const params = { path: { orgId: org.orgId, id: issue.id } };
  if (!can(org.role, "issue.softDelete")) return null;

  const run = async (work: () => Promise<unknown>, after?: () => void) => {
    if ((await action.run(work)) !== undefined) {
      setConfirming(null);
      after?.();
    }
  };

  return (
    <div className="delete-controls">
      {issue.deleted ? (
        can(org.role, "issue.restore") && (
          <button
            type="button"
            disabled={action.busy}
            onClick={() => void run(() => api("POST", "/orgs/{orgId}/issues/{id}/restore", { params, body: {} }))}
          >
            Restore
          </button>
        )
      ) : (
        <button
          type="button"
          className="danger-outline"
          onClick={() => {
            action.reset();
            setConfirming("delete");
          }}
        >
          Delete
        </button>
      )}
      {can(org.role, "issue.hardDelete") && (
        <button
          type="button"
          className="danger-outline"
          onClick={() => {
            action.reset();
            setTyped("");
            setConfirming("erase");
          }}
        >
          Erase permanently
        </button>
      )}
      {confirming === null && action.error !== null && <ErrorState error={action.error} compact />}
      <Confirm
        open={confirming === "delete"}
        title={`Delete ${number}?`}
        confirmLabel={`Delete ${number}`}
        busy={action.busy}
        error={action.error}
        // Only admins read deleted issues: anyone else goes back to the queue, where it is gone.
        onConfirm={() =>
          void run(
            () => api("DELETE", "/orgs/{orgId}/issues/{id}", { params }),
            can(org.role, "issue.restore") ? undefined : () => navigate(`/o/${org.orgId}/issues`),
          )
        }
        onClose={() => setConfirming(null)}
      >
        <p>It leaves every list and keeps its number. An admin can restore it from the Deleted view.</p>
      </Confirm>
      <Confirm
        open={confirming === "erase"}
        title={`Erase ${number} for good?`}
        confirmLabel={`Erase ${number}`}
        busy={action.busy || typed.trim() !== number}
        error={action.error}
        onConfirm={() =>
          void run(
            () => api("DELETE", "/orgs/{orgId}/issues/{id}", { params: { ...params, query: { permanent: "true" } } }),
            () => navigate(`/o/${org.orgId}/issues`),
          )
        }
        onClose={() => setConfirming(null)}
      >
        <p>
          The issue, its conversation and its history are erased and cannot be brought back. Its number {number} stays
          used. Type <strong>{number}</strong> to confirm.
        </p>
        <label>
          Issue number
          <input value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />
        </label>
      </Confirm>
    </div>
  );
}
