import type { Priority, Status } from "@firetrack/domain";
import { label } from "./labels";
import { LockIcon } from "./LockIcon";

export function StatusBadge({ status }: { status: Status }) {
  return <span className={`badge status-${status}`}>{label(status)}</span>;
}

export function PriorityBadge({ priority }: { priority: Priority }) {
  return (
    <span className={`badge priority-${priority}`}>
      <span className="priority-bars" aria-hidden="true" />
      {label(priority)}
    </span>
  );
}

/** Internal text looks different everywhere: a padlock and the word, never colour alone. */
export function InternalBadge() {
  return (
    <span className="badge internal-badge">
      <LockIcon />
      Internal
    </span>
  );
}
