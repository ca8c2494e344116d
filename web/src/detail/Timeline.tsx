import { InternalBadge } from "../ui/badges";
import { label } from "../ui/labels";
import { RelativeTime } from "../ui/RelativeTime";
import { Empty, ErrorState, Loading } from "../ui/states";
import { formatValue } from "./format";
import type { Activity, Live } from "./useIssueData";

const VERBS: Record<string, string> = {
  created: "created the issue",
  updated: "edited",
  status_changed: "changed the status",
  resolved: "resolved the issue",
  reopened: "reopened the issue",
  closed: "closed the issue",
  assigned: "changed the assignee",
  deleted: "deleted the issue",
  restored: "restored the issue",
  occurrence: "saw it happen again",
  commented: "commented",
  sla_breached: "SLA breached",
  sla_at_risk: "SLA at risk",
};

export function Timeline({ activities }: { activities: Live<Activity[]> }) {
  if (activities.status === "loading") return <Loading what="the activity" />;
  if (activities.status === "error") return <ErrorState error={activities.error} compact />;
  if (activities.value.length === 0) return <Empty title="No activity yet." />;
  return (
    <ol className="timeline">
      {activities.value.map((a) => (
        <li key={a.id} className={a.internal ? "internal" : ""}>
          <div>
            <strong>{a.actor?.name ?? "Firetrack"}</strong> {VERBS[a.type] ?? label(a.type)}
            {a.actor?.via?.kind === "macro" && <span className="via"> with the macro “{a.actor.via.name}”</span>}{" "}
            {a.internal && <InternalBadge />} <RelativeTime value={a.at} />
          </div>
          {/* Automations say why they acted (docs/automations.md). */}
          {a.actor?.via && a.actor.via.kind !== "macro" && <p className="via-reason">{a.actor.via.name}</p>}
          {a.type !== "created" && Object.keys(a.changes ?? {}).length > 0 && (
            <ul className="changes">
              {Object.entries(a.changes).map(([field, change]) => (
                <li key={field}>
                  {label(field)}: <del>{formatValue(field, change.from)}</del> →{" "}
                  <ins>{formatValue(field, change.to)}</ins>
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
