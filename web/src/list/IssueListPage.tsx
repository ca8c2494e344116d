import { can } from "@firetrack/domain";
import { useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import { Link, useLocation, useNavigate, useSearchParams } from "react-router";
import { api } from "../api/client";
import { issueNumber } from "../issues/issue";
import { SlaDue } from "../issues/SlaDue";
import { useOrg } from "../org/OrgContext";
import { PriorityBadge, StatusBadge } from "../ui/badges";
import { Dialog } from "../ui/Dialog";
import { RelativeTime } from "../ui/RelativeTime";
import { Empty, ErrorState, Loading } from "../ui/states";
import { issueAddress } from "../shared/links";
import { BulkBar } from "./BulkBar";
import { Filters } from "./Filters";
import { apiQuery, readView, writeView, type FilterKey } from "./listView";
import { useIssuePage } from "./useIssuePage";
import { useShortcuts } from "./useShortcuts";

const SHORTCUTS: [string, string][] = [
  ["j", "Next issue"],
  ["k", "Previous issue"],
  ["Enter", "Open the issue"],
  ["x", "Select or unselect the issue"],
  ["c", "Create an issue"],
  ["/", "Search"],
  ["?", "Show these shortcuts"],
];

export default function IssueListPage() {
  const org = useOrg();
  const navigate = useNavigate();
  const location = useLocation();
  const [search, setSearch] = useSearchParams();
  const view = useMemo(() => readView(search, org.uid), [search, org.uid]);
  const page = useIssuePage(org.orgId, view.filter, view.after);
  const [selected, setSelected] = useState<string[]>([]);
  const [active, setActive] = useState(-1);
  const [help, setHelp] = useState(false);
  const [exportError, setExportError] = useState<unknown>(null);
  const [exporting, setExporting] = useState(false);
  const [query, setQuery] = useState(view.params.q ?? "");
  const searchRef = useRef<HTMLInputElement>(null);
  const rowLinks = useRef<(HTMLAnchorElement | null)[]>([]);
  const mayEdit = can(org.role, "issue.edit");
  const mayCreate = can(org.role, "issue.create");
  const mayRestore = can(org.role, "issue.restore");
  const deletedView = view.filter.deleted === true;
  /** Page starts seen on the way here, for "Previous page". */
  const trail = ((location.state as { trail?: (string | null)[] } | null)?.trail ?? []) as (string | null)[];

  useEffect(() => setQuery(view.params.q ?? ""), [view.params.q]);
  // A new view starts with no active row: reset while rendering, so no frame shows the old index on new rows.
  const [activeView, setActiveView] = useState(search);
  if (activeView !== search) {
    setActiveView(search);
    setActive(-1);
  }

  const setParam = (key: FilterKey | "sort", value: string) => {
    setSelected([]);
    setSearch(writeView({ ...view.params, [key]: value || undefined }));
  };
  const submitSearch = (event: FormEvent) => {
    event.preventDefault();
    setParam("q", query.trim());
  };

  const focusRow = (index: number) => {
    const bounded = Math.max(0, Math.min(page.rows.length - 1, index));
    setActive(bounded);
    rowLinks.current[bounded]?.focus();
  };
  const toggle = (id: string) =>
    setSelected((current) => (current.includes(id) ? current.filter((x) => x !== id) : [...current, id]));

  useShortcuts({
    j: () => focusRow(active + 1),
    k: () => focusRow(active - 1),
    x: () => {
      const row = page.rows[active];
      if (row && mayEdit) toggle(row.id);
    },
    // biome-ignore lint/correctness/noComponentHookFactories: "Enter" is the key it answers, not a component.
    Enter: (event) => {
      // A focused link or button opens itself.
      if ((event.target as HTMLElement).closest?.("a,button")) return;
      const row = page.rows[active];
      if (row) navigate(`/o/${org.orgId}/issues/${issueAddress(row.item)}`);
    },
    c: () => {
      if (mayCreate) navigate(`/o/${org.orgId}/issues/new`);
    },
    "/": (event) => {
      event.preventDefault();
      searchRef.current?.focus();
    },
    "?": () => setHelp(true),
  });

  const exportCsv = async () => {
    setExporting(true);
    setExportError(null);
    try {
      const { data: blob } = await api("GET", "/orgs/{orgId}/issues/export.csv", {
        params: { path: { orgId: org.orgId }, query: apiQuery(view.filter) },
        parseAs: "blob",
      });
      const url = URL.createObjectURL(blob);
      const link = document.createElement("a");
      link.href = url;
      link.download = `issues-${org.orgId}.csv`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      setExportError(error);
    } finally {
      setExporting(false);
    }
  };

  const rowIds = page.rows.map((row) => row.id);
  const allSelected = rowIds.length > 0 && rowIds.every((id) => selected.includes(id));
  const describe = (id: string) => {
    const row = page.rows.find((r) => r.id === id);
    return row ? `${issueNumber(row.item)} ${row.item.title}` : id;
  };
  const pageNumber = trail.length + 1;

  return (
    <main className="page" id="main">
      <div className="page-head">
        <h1>{deletedView ? "Deleted issues" : "Issues"}</h1>
        <div className="page-actions">
          <button type="button" onClick={() => void exportCsv()} disabled={exporting}>
            {exporting ? "Exporting…" : "Export CSV"}
          </button>
          {mayCreate && (
            <Link to={`/o/${org.orgId}/issues/new`} className="button primary">
              New issue
            </Link>
          )}
          <button type="button" className="icon-button" aria-label="Keyboard shortcuts" onClick={() => setHelp(true)}>
            ?
          </button>
        </div>
      </div>
      {exportError !== null && <ErrorState error={exportError} compact />}
      {mayRestore && (
        <nav className="view-tabs" aria-label="Views">
          <Link
            to={{ search: writeView({ ...view.params, deleted: undefined }).toString() }}
            aria-current={deletedView ? undefined : "page"}
          >
            All issues
          </Link>
          <Link
            to={{ search: writeView({ ...view.params, deleted: "true" }).toString() }}
            aria-current={deletedView ? "page" : undefined}
          >
            Deleted
          </Link>
        </nav>
      )}

      <search>
        <form className="search" onSubmit={submitSearch}>
          <label htmlFor="issue-search" className="visually-hidden">
            Search issues
          </label>
          <input
            id="issue-search"
            ref={searchRef}
            type="search"
            placeholder="Search by number (42, ISS-2026-0042) or words — press /"
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              if (e.target.value === "" && view.params.q) setParam("q", "");
            }}
          />
          <button type="submit">Search</button>
        </form>
      </search>

      <Filters
        params={view.params}
        onChange={setParam}
        onClear={() => setSearch(writeView({ q: view.params.q, sort: view.params.sort, deleted: view.params.deleted }))}
      />
      {view.ignored.length > 0 && (
        <p className="notice" role="status">
          Ignored invalid {view.ignored.join(", ")} in the address.
        </p>
      )}

      {mayEdit && selected.length > 0 && (
        <BulkBar selected={selected} describe={describe} onDone={() => setSelected([])} deletedView={deletedView} />
      )}

      {(page.incoming > 0 || page.moved || page.rows.some((r) => r.gone)) && (
        <div className="live-banner" role="status">
          <span>
            {page.incoming > 0
              ? `${page.incoming} new or changed issue${page.incoming === 1 ? "" : "s"} match this view. `
              : ""}
            {page.moved || page.rows.some((r) => r.gone) ? "Some issues changed position. " : ""}
          </span>
          <button type="button" onClick={page.applyLatest}>
            Show latest
          </button>
        </div>
      )}

      {page.status === "loading" && <Loading what="issues" />}
      {page.status === "error" && <ErrorState error={page.error} retry={() => setSearch(writeView(view.params))} />}
      {page.status === "ready" && page.rows.length === 0 && (
        <Empty
          title={
            deletedView
              ? "No deleted issues."
              : view.params.q || Object.keys(view.params).length > 0
                ? "No issues match this view."
                : "No issues yet."
          }
        >
          {mayCreate && <Link to={`/o/${org.orgId}/issues/new`}>Create an issue</Link>}
        </Empty>
      )}
      {page.status === "ready" && page.rows.length > 0 && (
        <div className="table-scroll">
          <table className="issue-table">
            <caption className="visually-hidden">Issues, page {pageNumber}</caption>
            <thead>
              <tr>
                {mayEdit && (
                  <th scope="col" className="col-select">
                    <input
                      type="checkbox"
                      aria-label="Select all on this page"
                      checked={allSelected}
                      onChange={() => setSelected(allSelected ? [] : rowIds)}
                    />
                  </th>
                )}
                <th scope="col">Issue</th>
                <th scope="col">Status</th>
                <th scope="col">Priority</th>
                <th scope="col">Due</th>
                <th scope="col">Assignee</th>
                <th scope="col">Updated</th>
              </tr>
            </thead>
            <tbody>
              {page.rows.map(({ id, item: issue, gone }, index) => (
                <tr
                  key={id}
                  className={`${index === active ? "active" : ""} ${gone ? "gone" : ""} ${selected.includes(id) ? "selected" : ""}`}
                  data-issue-id={id}
                >
                  {mayEdit && (
                    <td className="col-select">
                      <input
                        type="checkbox"
                        aria-label={`Select ${issueNumber(issue)}`}
                        checked={selected.includes(id)}
                        onChange={() => toggle(id)}
                      />
                    </td>
                  )}
                  <td className="col-title">
                    <Link
                      ref={(el) => {
                        rowLinks.current[index] = el;
                      }}
                      to={`/o/${org.orgId}/issues/${issueAddress(issue)}`}
                      onFocus={() => setActive(index)}
                    >
                      <span className="issue-number">{issueNumber(issue)}</span>
                      <span className="issue-title">{issue.title}</span>
                    </Link>
                    {/* A customer is waiting on the other side: the queue says so at a glance. */}
                    {issue.source === "client" && <span className="badge source-client">Client</span>}
                    {issue.tags.length > 0 && (
                      <span className="tags">
                        {issue.tags.map((tag) => (
                          <span key={tag} className="tag">
                            {tag}
                          </span>
                        ))}
                      </span>
                    )}
                    {gone && <span className="gone-note"> — no longer in this view</span>}
                  </td>
                  <td data-label="Status">
                    <StatusBadge status={issue.status} />
                  </td>
                  <td data-label="Priority">
                    <PriorityBadge priority={issue.priority} />
                  </td>
                  <td data-label="Due">
                    <SlaDue issue={issue} />
                  </td>
                  <td data-label="Assignee">{issue.assignee?.name ?? <span className="muted">Unassigned</span>}</td>
                  <td data-label="Updated">
                    <RelativeTime value={issue.updatedAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {page.status === "ready" && (trail.length > 0 || page.hasMore) && (
        <nav className="pager" aria-label="Pages">
          {trail.length > 0 && (
            <>
              <Link to={{ search: writeView(view.params).toString() }}>First page</Link>
              <Link
                to={{ search: writeView(view.params, trail[trail.length - 1] ?? null).toString() }}
                state={{ trail: trail.slice(0, -1) }}
              >
                Previous page
              </Link>
            </>
          )}
          <span>Page {pageNumber}</span>
          {page.hasMore && page.lastExamined && (
            <Link
              to={{ search: writeView(view.params, page.lastExamined).toString() }}
              state={{ trail: [...trail, view.after] }}
            >
              Next page
            </Link>
          )}
        </nav>
      )}

      <Dialog open={help} title="Keyboard shortcuts" onClose={() => setHelp(false)}>
        <dl className="shortcuts">
          {SHORTCUTS.map(([key, what]) => (
            <div key={key}>
              <dt>
                <kbd>{key}</kbd>
              </dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
      </Dialog>
    </main>
  );
}
