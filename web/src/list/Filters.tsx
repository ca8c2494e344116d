import {
  ACTIVE_STATUSES,
  CATEGORIES,
  ISSUE_SORTS,
  ISSUE_TYPES,
  PRIORITIES,
  SOURCES,
  STATUSES,
} from "@firetrack/domain";
import { useEffect, useId, useState } from "react";
import { assignable, useOrg } from "../org/OrgContext";
import { label } from "../ui/labels";
import { activeFilterCount, type FilterKey, type ListView } from "./listView";

const SORT_LABELS: Record<string, string> = {
  "-number": "Newest first",
  number: "Oldest first",
  "-updatedAt": "Recently updated",
  updatedAt: "Least recently updated",
  "-createdAt": "Recently created",
  createdAt: "First created",
  "-priority": "Highest priority",
  priority: "Lowest priority",
  due: "Due soonest",
  "-due": "Due latest",
};

type Params = ListView["params"];

function Select({
  name,
  text,
  value,
  options,
  onChange,
}: {
  name: FilterKey | "sort";
  text: string;
  value: string | undefined;
  options: [string, string][];
  onChange: (key: FilterKey | "sort", value: string) => void;
}) {
  const known = options.some(([v]) => v === (value ?? ""));
  const id = useId();
  // Label and control side by side (not nested), so the name is the label alone, not "Priority Any priority".
  return (
    <div className="filter">
      <label htmlFor={id}>{text}</label>
      <select id={id} name={name} value={value ?? ""} onChange={(e) => onChange(name, e.target.value)}>
        {!known && <option value={value}>{value}</option>}
        {options.map(([v, t]) => (
          <option key={v} value={v}>
            {t}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A text filter applied on Enter or when leaving the field. */
function TextFilter({
  name,
  text,
  value,
  onChange,
}: {
  name: FilterKey;
  text: string;
  value: string | undefined;
  onChange: (key: FilterKey, value: string) => void;
}) {
  const [draft, setDraft] = useState(value ?? "");
  useEffect(() => setDraft(value ?? ""), [value]);
  const commit = () => {
    if (draft.trim() !== (value ?? "")) onChange(name, draft.trim());
  };
  const id = useId();
  return (
    <div className="filter">
      <label htmlFor={id}>{text}</label>
      <input
        id={id}
        name={name}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === "Enter") commit();
        }}
      />
    </div>
  );
}

export function Filters({
  params,
  onChange,
  onClear,
}: {
  params: Params;
  onChange: (key: FilterKey | "sort", value: string) => void;
  onClear: () => void;
}) {
  const { members } = useOrg();
  const any = (what: string): [string, string] => ["", `Any ${what}`];
  const count = activeFilterCount(params);
  // Open on wide screens; on a phone the list comes first and the filters fold away.
  const [openAtFirst] = useState(
    () => typeof window !== "undefined" && window.matchMedia?.("(min-width: 900px)").matches === true,
  );
  return (
    <details className="filters" open={openAtFirst}>
      <summary>Filters{count > 0 ? ` (${count})` : ""}</summary>
      <div className="filter-grid">
        <Select
          name="status"
          text="Status"
          value={params.status}
          onChange={onChange}
          options={[
            any("status"),
            [ACTIVE_STATUSES.join(","), "Active (not resolved or closed)"],
            ...STATUSES.map((s): [string, string] => [s, label(s)]),
          ]}
        />
        <Select
          name="priority"
          text="Priority"
          value={params.priority}
          onChange={onChange}
          options={[any("priority"), ...PRIORITIES.map((p): [string, string] => [p, label(p)])]}
        />
        <Select
          name="category"
          text="Category"
          value={params.category}
          onChange={onChange}
          options={[any("category"), ...CATEGORIES.map((c): [string, string] => [c, label(c)])]}
        />
        <Select
          name="type"
          text="Type"
          value={params.type}
          onChange={onChange}
          options={[any("type"), ...ISSUE_TYPES.map((t): [string, string] => [t, label(t)])]}
        />
        <Select
          name="assignee"
          text="Assignee"
          value={params.assignee}
          onChange={onChange}
          options={[
            ["", "Anyone"],
            ["me", "Me"],
            ["none", "Unassigned"],
            ...assignable(members).map((m): [string, string] => [m.uid, m.displayName]),
          ]}
        />
        <Select
          name="sla"
          text="SLA"
          value={params.sla}
          onChange={onChange}
          options={[
            ["", "Any SLA state"],
            ["at_risk", "At risk"],
            ["breached", "Breached"],
          ]}
        />
        <Select
          name="source"
          text="Source"
          value={params.source}
          onChange={onChange}
          options={[any("source"), ...SOURCES.map((s): [string, string] => [s, label(s)])]}
        />
        <TextFilter name="tag" text="Tag" value={params.tag} onChange={onChange} />
        <TextFilter name="vendor" text="Vendor id" value={params.vendor} onChange={onChange} />
        <TextFilter name="order" text="Order id" value={params.order} onChange={onChange} />
        <Select
          name="sort"
          text="Sort"
          value={params.sort ?? "-number"}
          onChange={onChange}
          options={ISSUE_SORTS.map((s): [string, string] => [s, SORT_LABELS[s] ?? s])}
        />
        {count > 0 && (
          <button type="button" className="link-button clear-filters" onClick={onClear}>
            Clear filters
          </button>
        )}
      </div>
    </details>
  );
}
