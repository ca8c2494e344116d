/**
 * The one issue form, for the team's "New issue" page and the customer's "Raise an issue". The API's own schema
 * validates it (issueFormResolver), and a server problem's field errors land on the fields they name. Customers
 * are not asked for tags: tags are the team's own filing, and the API refuses them from customers.
 */
import { CATEGORIES, ISSUE_TYPES, LIMITS, PRIORITIES } from "@firetrack/domain";
import { useState, type ReactNode } from "react";
import { useForm } from "react-hook-form";
import { ApiProblem } from "../api/problem";
import { label } from "../ui/labels";
import { ErrorState } from "../ui/states";
import { EMPTY_FORM, fieldMessages, issueFormResolver, type IssueFormValues } from "./issueForm";

export type IssueFormAudience = "team" | "customer";

const COPY = {
  team: { description: "Markdown. Steps to reproduce, what you expected and what happened.", rows: 8, title: null },
  customer: {
    description: "What happened, what you expected, and the steps to see it.",
    rows: 7,
    title: "A short summary, like “Invoice shows the wrong VAT rate”.",
  },
} as const;

export function IssueForm({
  audience,
  className,
  send,
  submitLabel,
  submittingLabel,
  disabled = false,
  before,
  extra,
  actions,
}: {
  audience: IssueFormAudience;
  className: string;
  /** Sends the form; an ApiProblem it throws is shown, its field errors on their fields. */
  send: (values: IssueFormValues) => Promise<void>;
  submitLabel: string;
  submittingLabel: string;
  disabled?: boolean;
  /** Above the fields (the customer's choice of organisation). */
  before?: ReactNode;
  /** Fields of the page's own after the tags (the team's assignee), given the last problem so they can show theirs. */
  extra?: (problem: unknown) => ReactNode;
  /** Beside the submit button (the team's Cancel). */
  actions?: ReactNode;
}) {
  const [problem, setProblem] = useState<unknown>(null);
  const form = useForm<IssueFormValues>({
    defaultValues: EMPTY_FORM,
    resolver: issueFormResolver,
    mode: "onSubmit",
    reValidateMode: "onChange",
  });
  const { errors, isSubmitting } = form.formState;
  const copy = COPY[audience];

  const submit = form.handleSubmit(async (values) => {
    setProblem(null);
    try {
      await send(values);
    } catch (error) {
      if (error instanceof ApiProblem) {
        const { fields } = fieldMessages(error.errors);
        for (const [name, message] of Object.entries(fields))
          form.setError(name as keyof IssueFormValues, { type: "server", message }, { shouldFocus: true });
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
    <form className={`stack ${className}`} onSubmit={submit} noValidate>
      {before}
      {problem !== null && <ErrorState error={problem} compact fieldsShown />}
      {/* Hints and errors sit beside the labels, not in them: they describe the field (aria-describedby), they do not name it. */}
      <div className="field">
        <label>
          <span>
            Title <span className="required">(required)</span>
          </span>
          <input {...form.register("title")} {...described("title", copy.title ? "title-hint" : undefined)} autoFocus />
        </label>
        {copy.title && (
          <span className="hint" id="title-hint">
            {copy.title}
          </span>
        )}
        {error("title")}
      </div>
      <div className="field">
        <label>
          Description
          <textarea
            rows={copy.rows}
            {...form.register("description")}
            {...described("description", "description-hint")}
          />
        </label>
        <span className="hint" id="description-hint">
          {copy.description}
        </span>
        {error("description")}
      </div>
      <div className="triple">
        {select("type", ISSUE_TYPES)}
        {select("priority", PRIORITIES)}
        {select("category", CATEGORIES)}
      </div>
      {audience === "team" && (
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
      )}
      {extra?.(problem)}
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
        {actions}
        <button type="submit" className="primary" disabled={isSubmitting || disabled}>
          {isSubmitting ? submittingLabel : submitLabel}
        </button>
      </div>
    </form>
  );
}
