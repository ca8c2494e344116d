/**
 * What follows a change to an issue, decided without Firestore: whether the customer's projection changed, and the
 * notifications the change sends (the audience table is in notifications.ts). events/onIssueWritten.ts carries
 * them out.
 */
import { deepEqual } from "./equality";
import { docIdFor } from "./ids";
import { SYSTEM_ACTOR } from "./issue";
import type { IssueFacts } from "./issueFacts";
import { customerIssueView } from "./issueViews";
import type { ActivityDraft } from "./activities";
import type { NotifyEvent } from "./notifications";
import type { SlaClockKind } from "./slaClock";

/**
 * What the reporter's portal shows of an issue: nothing unless a customer raised it and it is live. Its `updatedAt`
 * is left out: the projection's is the time of the last change a customer can see, so an internal note or a tag,
 * which move the issue's own, must not move it (nor reorder the customer's list).
 */
export function portalState(issue: IssueFacts | null, orgId: string, issueId: string) {
  if (!issue?.raisedByCustomer || issue.deleted !== false) return null;
  const { updatedAt: _changedAt, ...shown } = customerIssueView(issue, { orgId, orgName: "", issueId });
  return shown;
}

/**
 * Whether this change can have changed the projection. When it did not (search
 * tokens, SLA bookkeeping, watchers), the write that did change it syncs it.
 */
export function portalChanged(
  before: IssueFacts | null,
  after: IssueFacts | null,
  orgId: string,
  issueId: string,
): boolean {
  return !deepEqual(portalState(before, orgId, issueId), portalState(after, orgId, issueId));
}

export interface Notice {
  event: NotifyEvent;
  actor: { uid: string; name: string; kind?: string };
  key: (eventId: string, issueId: string) => string;
}

/** The notifications a change sends (the table in domain/notifications.ts). */
export function noticesFor(before: IssueFacts | null, after: IssueFacts, drafts: ActivityDraft[]): Notice[] {
  const actor = after.lastActor ?? SYSTEM_ACTOR;
  const notices: Notice[] = [];
  // Told once the issue has its number (usually the allocator's write just after the create), so the notice can name it.
  const numberedNow = after.number !== null && (before?.number ?? null) === null;
  if (numberedNow && (after.raisedByCustomer || after.source === "client")) {
    notices.push({
      event: { type: "issue_raised" },
      actor: after.reporter ?? actor,
      key: (_eventId, issueId) => docIdFor("raised", issueId),
    });
  }
  // Assigned on create (staff's assigneeUid): the assignee hears of it as of any assignment.
  if (!before && after.assignee && after.assignee.uid !== actor.uid) {
    notices.push({ event: { type: "assigned" }, actor, key: (eventId) => docIdFor(eventId, "assigned") });
  }
  if (!before) return notices;
  if (drafts.length > 0) {
    if (after.assignee && after.assignee.uid !== before.assignee?.uid) {
      notices.push({ event: { type: "assigned" }, actor, key: (eventId) => docIdFor(eventId, "assigned") });
    }
    if (before.status && after.status && before.status !== after.status) {
      notices.push({
        // An automation says why it moved the issue (auto-close); a macro's name stays the team's.
        event: {
          type: "status_changed",
          from: before.status,
          to: after.status,
          ...(actor.via && actor.via.kind !== "macro" ? { reason: actor.via.name } : {}),
        },
        actor,
        key: (eventId) => docIdFor(eventId, "status"),
      });
    }
  }
  // SLA breaches are marked by the sweep; one notification per issue and clock, whatever the event.
  for (const clock of ["firstResponse", "resolution"] as SlaClockKind[]) {
    const flag = clock === "firstResponse" ? "firstResponseBreached" : "resolutionBreached";
    if (after.sla?.[flag] && !before.sla?.[flag]) {
      notices.push({
        event: { type: "sla_breach", clock },
        actor: SYSTEM_ACTOR,
        key: (_eventId, issueId) => docIdFor("sla", issueId, clock),
      });
    }
  }
  // At-risk warnings likewise, marked by the SLA task or the sweep; a warning folded into a breach has no breach-free moment and is not sent.
  for (const clock of ["firstResponse", "resolution"] as SlaClockKind[]) {
    const flag = clock === "firstResponse" ? "firstResponseAtRisk" : "resolutionAtRisk";
    const breachFlag = clock === "firstResponse" ? "firstResponseBreached" : "resolutionBreached";
    if (after.sla?.[flag] && !before.sla?.[flag] && !after.sla[breachFlag]) {
      notices.push({
        event: { type: "sla_at_risk", clock },
        actor: SYSTEM_ACTOR,
        key: (_eventId, issueId) => docIdFor("sla-at-risk", issueId, clock),
      });
    }
  }
  return notices;
}
