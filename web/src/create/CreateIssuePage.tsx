import { can, CATEGORIES, ISSUE_TYPES, issueCreateSchema, LIMITS, PRIORITIES } from "@firetrack/domain";
import { useState } from "react";
import { useForm, type FieldErrors, type Resolver } from "react-hook-form";
import { Link, useNavigate } from "react-router";
import { api } from "../api/client";
import { ApiProblem } from "../api/problem";
import { EMPTY_FORM, fieldMessages, formToInput, type IssueFormValues } from "../issues/issueForm";
import { assignable, useOrg } from "../org/OrgContext";
import { label } from "../ui/labels";
import { ErrorState } from "../ui/states";

/** The API's own schema validates the form; its messages land on the fields they name. */
export const issueFormResolver: Resolver<IssueFormValues> = async (values) => {
  const parsed = issueCreateSchema.safeParse(formToInput(values));
  if (parsed.success) return { values, errors: {} };
  const { fields } = fieldMessages(parsed.error.issues);
  const errors: FieldErrors<IssueFormValues> = {};
  for (const [name, message] of Object.entries(fields)) errors[name as keyof IssueFormValues] = { type: "validate", message };
  return { values: {}, errors };
};

export default function CreateIssuePage() {
  const org = useOrg();
  const navigate = useNavigate();
  const [problem, setProblem] = useState<unknown>(null);
  /** Staff may assign at once (checked by the API as …/assign checks it); "" leaves it to the org's round robin. */
  const [assigneeUid, setAssigneeUid] = useState("");
  const mayAssign = can(org.role, "issue.edit");
  const form = useForm<IssueFormValues>({ defaultValues: EMPTY_FORM, resolver: issueFormResolver, mode: "onSubmit", reValidateMode: "onChange" });
  const { errors, isSubmitting } = form.formState;

  if (!can(org.role, "issue.create")) {
    return (
      <main className="page narrow" id="main">
        <ErrorState error={new ApiProblem({ status: 403, title: "You cannot create issues", detail: `Your role (${org.role}) only reads issues.` })} />
      </main>
    );
  }

  const submit = form.handleSubmit(async (values) => {
    setProblem(null);
    try {
      const body = { ...formToInput(values), ...(mayAssign && assigneeUid ? { assigneeUid } : {}) };
      const { data } = await api<{ id: string; number: string | null }>("POST", `/orgs/${org.orgId}/issues`, { body });
      navigate(`/o/${org.orgId}/issues/${data.number ?? data.id}`, { state: { created: data.number } });
    } catch (error) {
      // Field errors from the server's problem+json go onto their fields; the rest shows above the form.
      if (error instanceof ApiProblem) {
        const { fields } = fieldMessages(error.errors);
        for (const [name, message] of Object.entries(fields)) form.setError(name as keyof IssueFormValues, { type: "server", message }, { shouldFocus: true });
      }
      setProblem(error);
    }
  });

  const assigneeProblem = problem instanceof ApiProblem ? problem.errors.find((e) => e.path === "assigneeUid")?.message : undefined;
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
        <select aria-label={label(name)} {...form.register(name)} {...described(name)}>
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
    <main className="page narrow" id="main">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={`/o/${org.orgId}/issues`}>Issues</Link> / <span aria-current="page">New issue</span>
      </nav>
      <h1>New issue</h1>
      {problem !== null && <ErrorState error={problem} compact fieldsShown />}
      <form className="stack create-form" onSubmit={submit} noValidate>
        {/* Hints and errors sit beside the labels, not in them: they describe the field (aria-describedby), they do not name it. */}
        <div className="field">
          <label>
            <span>
              Title <span className="required">(required)</span>
            </span>
            <input {...form.register("title")} {...described("title")} autoFocus />
          </label>
          {error("title")}
        </div>
        <div className="field">
          <label>
            Description
            <textarea rows={8} {...form.register("description")} {...described("description", "description-hint")} />
          </label>
          <span className="hint" id="description-hint">
            Markdown. Steps to reproduce, what you expected and what happened.
          </span>
          {error("description")}
        </div>
        <div className="triple">
          {select("type", ISSUE_TYPES)}
          {select("priority", PRIORITIES)}
          {select("category", CATEGORIES)}
        </div>
        <div className="field">
          <label>
            Tags
            <input {...form.register("tags")} {...described("tags", "tags-hint")} />
          </label>
          <span className="hint" id="tags-hint">
            Comma-separated, up to {LIMITS.tagsMax}.
          </span>
          {error("tags")}
        </div>
        {mayAssign && (
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
        )}
        <fieldset className="pair">
          <legend>Vendor (optional)</legend>
          {text("vendorId", "Vendor id")}
          {text("vendorName", "Vendor name")}
        </fieldset>
        <fieldset className="pair">
          <legend>Order (optional)</legend>
          {text("orderId", "Order id")}
          {text("orderRef", "Order reference")}
        </fieldset>
        <div className="actions">
          <Link to={`/o/${org.orgId}/issues`} className="button">
            Cancel
          </Link>
          <button type="submit" className="primary" disabled={isSubmitting}>
            {isSubmitting ? "Creating…" : "Create issue"}
          </button>
        </div>
      </form>
    </main>
  );
}
