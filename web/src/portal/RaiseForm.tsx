/**
 * The customer's "raise an issue" form: title, description, priority, category and type,
 * and optionally a vendor and an order reference. The API's own schema validates it (the
 * create form's resolver), and server field errors land on the fields.
 */
import { CATEGORIES, ISSUE_TYPES, PRIORITIES } from "@firetrack/domain";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { api , path } from "../api/client";
import { ApiProblem } from "../api/problem";
import { issueFormResolver } from "../issues/issueForm";
import { EMPTY_FORM, fieldMessages, formToInput, type IssueFormValues } from "../issues/issueForm";
import { label } from "../ui/labels";
import { ErrorState } from "../ui/states";
import type { PortalIssueDoc } from "./usePortal";

export interface RaiseTarget {
  orgId: string;
  orgName: string;
}

/** What the API answers a customer: their projection, times as ISO strings. */
export type RaisedIssue = Omit<PortalIssueDoc, "createdAt" | "updatedAt" | "resolvedAt" | "closedAt" | "resolution"> & {
  createdAt: string;
  updatedAt: string;
  resolvedAt: string | null;
  closedAt: string | null;
  resolution: { notes: string; at: string } | null;
};

/** The body a customer sends: tags are the team's own filing, so the portal does not ask for them. */
export function portalIssueInput(values: IssueFormValues) {
  const { tags: _tags, ...input } = formToInput(values);
  return input;
}

export function RaiseForm({ targets, initialOrgId, onRaised }: { targets: RaiseTarget[]; initialOrgId?: string; onRaised: (orgId: string, issue: RaisedIssue) => void }) {
  const [orgId, setOrgId] = useState(initialOrgId && targets.some((t) => t.orgId === initialOrgId) ? initialOrgId : (targets[0]?.orgId ?? ""));
  const [problem, setProblem] = useState<unknown>(null);
  const form = useForm<IssueFormValues>({ defaultValues: EMPTY_FORM, resolver: issueFormResolver, mode: "onSubmit", reValidateMode: "onChange" });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setProblem(null);
    try {
      const { data } = await api<RaisedIssue>("POST", path`/orgs/${orgId}/issues`, { body: portalIssueInput(values) });
      onRaised(orgId, data);
    } catch (error) {
      if (error instanceof ApiProblem) {
        const { fields } = fieldMessages(error.errors);
        for (const [name, message] of Object.entries(fields)) form.setError(name as keyof IssueFormValues, { type: "server", message }, { shouldFocus: true });
      }
      setProblem(error);
    }
  });

  const described = (name: keyof IssueFormValues, hint?: string) => ({
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": [hint, errors[name] ? `error-${name}` : null].filter(Boolean).join(" ") || undefined,
  });
  const error = (name: keyof IssueFormValues) =>
    errors[name]?.message ? (
      <span className="field-error" id={`error-${name}`}>
        {errors[name]?.message}
      </span>
    ) : null;
  const select = (name: "type" | "priority" | "category", options: readonly string[]) => (
    <div className="field">
      <label>
        {label(name)}
        <select {...form.register(name)} {...described(name)}>
          {options.map((o) => (
            <option key={o} value={o}>
              {label(o)}
            </option>
          ))}
        </select>
      </label>
      {error(name)}
    </div>
  );
  const text = (name: "vendorId" | "vendorName" | "orderId" | "orderRef", caption: string) => (
    <div className="field">
      <label>
        {caption}
        <input {...form.register(name)} {...described(name)} />
      </label>
      {error(name)}
    </div>
  );

  return (
    <form className="stack raise-form card" onSubmit={submit} noValidate>
      {targets.length > 1 ? (
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
      )}
      {problem !== null && <ErrorState error={problem} compact fieldsShown />}
      <div className="field">
        <label>
          <span>
            Title <span className="required">(required)</span>
          </span>
          <input {...form.register("title")} {...described("title", "title-hint")} autoFocus />
        </label>
        <span className="hint" id="title-hint">
          A short summary, like “Invoice shows the wrong VAT rate”.
        </span>
        {error("title")}
      </div>
      <div className="field">
        <label>
          Description
          <textarea rows={7} {...form.register("description")} {...described("description", "description-hint")} />
        </label>
        <span className="hint" id="description-hint">
          What happened, what you expected, and the steps to see it.
        </span>
        {error("description")}
      </div>
      <div className="triple">
        {select("priority", PRIORITIES)}
        {select("category", CATEGORIES)}
        {select("type", ISSUE_TYPES)}
      </div>
      {/* Optional, and always in view: an error on a reference must never hide in a folded part. */}
      <div className="references">
        <p className="references-title">
          Vendor and order <span className="required">(optional)</span>
        </p>
        <div className="pair">
          <fieldset className="pair">
            <legend>Vendor</legend>
            {text("vendorId", "Vendor id")}
            {text("vendorName", "Vendor name")}
          </fieldset>
          <fieldset className="pair">
            <legend>Order</legend>
            {text("orderId", "Order id")}
            {text("orderRef", "Order reference")}
          </fieldset>
        </div>
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={isSubmitting || !orgId}>
          {isSubmitting ? "Sending…" : "Raise the issue"}
        </button>
      </div>
    </form>
  );
}
