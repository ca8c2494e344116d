import {
  can,
  CATEGORIES,
  ISSUE_TYPES,
  issueUpdateSchema,
  PRIORITIES,
  type IssueUpdateInput,
  type Role,
} from "@firetrack/domain";
import { useState, type FormEvent } from "react";
import { fieldMessages, formToInput, issueToForm, type IssueFormValues } from "../issues/issueForm";
import type { Issue } from "../issues/issue";
import { label } from "../ui/labels";
import { ErrorState } from "../ui/states";
import { ApiProblem } from "../api/problem";

/** The editable fields that differ from the issue, as a PATCH body. */
export function changedInput(issue: Issue, values: IssueFormValues): Record<string, unknown> {
  const next = formToInput(values);
  const before = formToInput(issueToForm(issue));
  return Object.fromEntries(
    Object.entries(next).filter(
      ([key, value]) => JSON.stringify(value) !== JSON.stringify(before[key as keyof typeof before]),
    ),
  );
}

type Save = (changes: IssueUpdateInput, baseline: Issue) => Promise<boolean>;

/** Inline editing of the issue's fields; `baseline` is the version the edit started from (its If-Match). */
export function useInlineEdit(issue: Issue, save: Save) {
  const [baseline, setBaseline] = useState<Issue | null>(null);
  const [values, setValues] = useState<IssueFormValues | null>(null);
  const [errors, setErrors] = useState<Partial<Record<keyof IssueFormValues, string>>>({});
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const start = () => {
    setBaseline(issue);
    setValues(issueToForm(issue));
    setErrors({});
    setProblem(null);
  };
  const cancel = () => {
    setBaseline(null);
    setValues(null);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!baseline || !values) return;
    const changes = changedInput(baseline, values);
    if (Object.keys(changes).length === 0) return cancel();
    const parsed = issueUpdateSchema.safeParse(changes);
    if (!parsed.success) {
      setErrors(fieldMessages(parsed.error.issues).fields);
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      // Saved or turned into a conflict (the dialog takes over): either way the edit form closes.
      await save(parsed.data, baseline);
      cancel();
    } catch (error) {
      if (error instanceof ApiProblem) setErrors(fieldMessages(error.errors).fields);
      setProblem(error);
    } finally {
      setBusy(false);
    }
  };
  const field = (name: keyof IssueFormValues) => ({
    value: values?.[name] ?? "",
    onChange: (e: { target: { value: string } }) => setValues((v) => (v ? { ...v, [name]: e.target.value } : v)),
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": errors[name] ? `err-${name}` : undefined,
  });
  return { editing: values !== null, start, cancel, submit, field, errors, problem, busy };
}

export function FieldError({
  name,
  errors,
}: {
  name: keyof IssueFormValues;
  errors: Partial<Record<keyof IssueFormValues, string>>;
}) {
  return errors[name] ? (
    <span className="field-error" id={`err-${name}`}>
      {errors[name]}
    </span>
  ) : null;
}

export function DetailsCard({ issue, role, save }: { issue: Issue; role: Role; save: Save }) {
  const edit = useInlineEdit(issue, save);
  const mayEdit = can(role, "issue.edit");
  if (!edit.editing) {
    return (
      <section className="card" aria-labelledby="details-heading">
        <div className="card-head">
          <h2 id="details-heading">Details</h2>
          {mayEdit && (
            <button type="button" className="link-button" onClick={edit.start}>
              Edit details
            </button>
          )}
        </div>
        <dl className="facts">
          <dt>Type</dt>
          <dd>{label(issue.type)}</dd>
          <dt>Priority</dt>
          <dd>{label(issue.priority)}</dd>
          <dt>Category</dt>
          <dd>{label(issue.category)}</dd>
          <dt>Tags</dt>
          <dd>
            {issue.tags.length ? (
              issue.tags.map((t) => (
                <span key={t} className="tag">
                  {t}
                </span>
              ))
            ) : (
              <span className="muted">None</span>
            )}
          </dd>
          <dt>Vendor</dt>
          <dd>{issue.vendor ? `${issue.vendor.name} (${issue.vendor.id})` : <span className="muted">None</span>}</dd>
          <dt>Order</dt>
          <dd>{issue.order ? `${issue.order.ref} (${issue.order.id})` : <span className="muted">None</span>}</dd>
        </dl>
      </section>
    );
  }
  const select = (name: "type" | "priority" | "category", options: readonly string[]) => (
    <label>
      {label(name)}
      <select aria-label={label(name)} {...edit.field(name)}>
        {options.map((o) => (
          <option key={o} value={o}>
            {label(o)}
          </option>
        ))}
      </select>
      <FieldError name={name} errors={edit.errors} />
    </label>
  );
  return (
    <section className="card" aria-labelledby="details-heading">
      <h2 id="details-heading">Edit details</h2>
      <form className="stack" onSubmit={edit.submit} noValidate>
        {select("type", ISSUE_TYPES)}
        {select("priority", PRIORITIES)}
        {select("category", CATEGORIES)}
        <label>
          Tags (comma-separated)
          <input {...edit.field("tags")} />
        </label>
        <FieldError name="tags" errors={edit.errors} />
        <div className="pair">
          <label>
            Vendor id
            <input {...edit.field("vendorId")} />
          </label>
          <FieldError name="vendorId" errors={edit.errors} />
          <label>
            Vendor name
            <input {...edit.field("vendorName")} />
          </label>
          <FieldError name="vendorName" errors={edit.errors} />
        </div>
        <div className="pair">
          <label>
            Order id
            <input {...edit.field("orderId")} />
          </label>
          <FieldError name="orderId" errors={edit.errors} />
          <label>
            Order reference
            <input {...edit.field("orderRef")} />
          </label>
          <FieldError name="orderRef" errors={edit.errors} />
        </div>
        {edit.problem !== null && <ErrorState error={edit.problem} compact fieldsShown />}
        <div className="actions">
          <button type="button" onClick={edit.cancel}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={edit.busy}>
            Save details
          </button>
        </div>
      </form>
    </section>
  );
}
