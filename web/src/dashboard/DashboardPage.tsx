import { CATEGORIES, ISSUE_TYPES, PRIORITIES, SOURCES, STATUSES, type OrgStats } from "@firetrack/domain";
import { useMemo } from "react";
import { useOrg } from "../org/OrgContext";
import { formatDuration, label } from "../ui/labels";
import { Empty, ErrorState, Loading } from "../ui/states";
import { ChartFigure, type Series } from "./Chart";
import { IssuesByService, LatestIssues } from "./LatestIssues";
import { useStats } from "./useStats";

const TREND_DAYS = 30;

function family<K extends string>(
  keys: readonly K[],
  counts: Record<K, number>,
): { labels: string[]; series: Series[] } {
  return { labels: keys.map(label), series: [{ label: "Issues", values: keys.map((k) => counts[k]) }] };
}

export default function DashboardPage() {
  const org = useOrg();
  const state = useStats(org.orgId);
  return (
    <main className="page" id="main">
      <div className="page-head">
        <h1>Dashboard</h1>
        <p className="muted">Live from the statistics the event core keeps.</p>
      </div>
      {state.status === "loading" && <Loading what="statistics" />}
      {state.status === "error" && <ErrorState error={state.error} />}
      {state.status === "ready" &&
        (state.stats.total === 0 ? (
          <Empty title="No issues yet: the figures appear with the first one." />
        ) : (
          <Figures stats={state.stats} />
        ))}
    </main>
  );
}

function Figures({ stats }: { stats: OrgStats }) {
  const org = useOrg();
  const charts = useMemo(() => {
    const trend = stats.createdPerDay.slice(-TREND_DAYS);
    const resolved = stats.resolvedPerDay.slice(-TREND_DAYS);
    const assignees = Object.entries(stats.openByAssignee).sort((a, b) => b[1] - a[1]);
    return {
      status: family(STATUSES, stats.byStatus),
      priority: family(PRIORITIES, stats.byPriority),
      category: family(CATEGORIES, stats.byCategory),
      type: family(ISSUE_TYPES, stats.byType),
      source: family(SOURCES, stats.bySource),
      trend: {
        labels: trend.map((d) => d.day.slice(5)),
        series: [
          { label: "Created", values: trend.map((d) => d.count), color: "#2f5fd0" },
          { label: "Resolved", values: resolved.map((d) => d.count), color: "#2e8b57" },
        ],
      },
      assignees: {
        labels: [...assignees.map(([uid]) => org.memberName(uid)), "Unassigned"],
        series: [
          { label: "Open issues", values: [...assignees.map(([, n]) => n), stats.openUnassigned], color: "#7a5af8" },
        ],
      },
    };
  }, [stats, org]);

  const cards: [string, string, string?][] = [
    ["Open issues", String(stats.open), `of ${stats.total} in total`],
    ["Unassigned", String(stats.openUnassigned), "open and nobody on it"],
    [
      "SLA compliance",
      stats.sla.compliancePct === null ? "—" : `${stats.sla.compliancePct}%`,
      `${stats.sla.breached} of ${stats.sla.tracked} breached`,
    ],
    ["Median first response", formatDuration(stats.firstResponse.medianMs), `${stats.firstResponse.count} answered`],
    ["Median resolution", formatDuration(stats.resolution.medianMs), `${stats.resolution.count} resolved`],
  ];

  return (
    <>
      <section aria-label="Key figures" className="stat-cards">
        {cards.map(([title, value, note]) => (
          <div key={title} className="stat-card card">
            <p className="stat-title">{title}</p>
            <p className="stat-value">{value}</p>
            {note && <p className="stat-note">{note}</p>}
          </div>
        ))}
      </section>
      <div className="chart-grid">
        <ChartFigure
          title={`Created and resolved per day (last ${TREND_DAYS} days, UTC)`}
          kind="line"
          {...charts.trend}
        />
        <ChartFigure title="Open issues per assignee" kind="bar" horizontal {...charts.assignees} />
        <ChartFigure title="By status" kind="bar" {...charts.status} />
        <ChartFigure title="By priority" kind="bar" {...charts.priority} />
        <ChartFigure title="By category" kind="bar" horizontal {...charts.category} />
        <ChartFigure title="By type" kind="doughnut" {...charts.type} />
        <ChartFigure title="By source" kind="doughnut" {...charts.source} />
        <IssuesByService byService={stats.byService} />
        <LatestIssues />
      </div>
    </>
  );
}
