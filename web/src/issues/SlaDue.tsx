import { useNow } from "../ui/RelativeTime";
import { exactTime } from "../ui/time";
import type { Issue } from "./issue";
import { slaSummary } from "./slaView";

/** The queue's SLA cell: the next due time, live, amber when at risk and red when breached. */
export function SlaDue({ issue }: { issue: Pick<Issue, "sla"> }) {
  const now = useNow();
  const summary = slaSummary(issue, now);
  if (!summary) return <span className="muted">—</span>;
  return (
    <span
      className={`sla-due sla-${summary.tone}`}
      title={`${summary.detail} (${exactTime(new Date(summary.dueAt))})`}
      data-sla={summary.tone}
    >
      {summary.tone === "at-risk" && <span className="visually-hidden">At risk: </span>}
      {summary.tone === "breached" && <span className="visually-hidden">Breached: </span>}
      {summary.text}
    </span>
  );
}
