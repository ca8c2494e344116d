/**
 * Everything that follows a write of an issue, in one trigger (one worker per
 * write rather than five): statistics, the activity, the derived server-owned
 * fields, the customer's portal projection, and notifications. Each step is
 * idempotent on its own, so a redelivered event — or a retry after a step failed — repeats nothing:
 * - stats: a batch creates the event's marker with the increments (store/stats.ts);
 * - activity: named after the event id, written with create();
 * - derived fields: compared with the current document in a transaction, written only when they differ;
 * - portal projection: likewise, from the current document (store/portalIssues.ts);
 * - notifications: named after the event id and the recipient, written with create().
 * - Linear: a create or a change of a synced field queues a push, named after the event.
 * Writes that change only server-owned fields (numbering, the derived fields
 * themselves, SLA marks, the Linear link) produce no activity, no notification
 * and no push, and derive to nothing, so the trigger's own write does not loop.
 */
import { Timestamp } from "firebase-admin/firestore";
import type { Change, DocumentSnapshot, FirestoreEvent } from "firebase-functions/v2/firestore";
import { onDocumentWritten } from "firebase-functions/v2/firestore";
import {
  activitiesFor,
  customerIssueView,
  deepEqual,
  isWorkableIssue,
  statsDelta,
  SYSTEM_ACTOR,
  type ActivityDraft,
  type IssueFacts,
  type NotifyEvent,
  type SlaClockKind,
} from "../domain";
import { probeEvent } from "../benchProbe";
import { REGION, REPLY_TOKEN_KEYS } from "../config";
import { db } from "../store/db";
import { docIdFor, writeActivity } from "../store/activities";
import { factsOf } from "../store/issueFacts";
import { syncDerivedFields } from "../store/issueDerived";
import { notify } from "../store/notifications";
import { syncPortalIssue } from "../store/portalIssues";
import { loadSlaPolicy } from "../store/slaPolicy";
import { applyStatsDelta } from "../store/stats";
import { queueIssuePush } from "../integrations/linear/enqueue";

export type IssueWrittenEvent = FirestoreEvent<Change<DocumentSnapshot> | undefined, { orgId: string; issueId: string }>;

const PERSON_KINDS = ["member", "customer"];

export async function handleIssueWritten(event: IssueWrittenEvent): Promise<void> {
  const { orgId, issueId } = event.params;
  const firestore = db();
  const before = factsOf(event.data?.before);
  const after = factsOf(event.data?.after);
  const eventId = docIdFor(event.id);
  const at = Date.parse(event.time) || Date.now();

  await applyStatsDelta(firestore, orgId, eventId, statsDelta(before, after));

  const drafts = activitiesFor(before, after);
  for (const draft of drafts) {
    const id = draft.audience === "public" ? eventId : docIdFor(eventId, "internal");
    await writeActivity(firestore, orgId, issueId, id, { ...draft, at: Timestamp.fromMillis(at), eventId });
  }

  let watchers = after?.watchers ?? [];
  if (after && isWorkableIssue(after)) {
    const joinWatchers: string[] = [];
    if (!before && after.reporter && PERSON_KINDS.includes(after.reporter.kind)) joinWatchers.push(after.reporter.uid);
    if (after.assignee && after.assignee.uid !== before?.assignee?.uid) joinWatchers.push(after.assignee.uid);
    await syncDerivedFields(firestore, orgId, issueId, { now: at, policy: () => loadSlaPolicy(firestore, orgId), joinWatchers, written: after });
    watchers = [...new Set([...watchers, ...joinWatchers])];
  }

  const reporterUid = (after ?? before)?.reporter?.uid;
  if (reporterUid && portalChanged(before, after, orgId, issueId)) await syncPortalIssue(firestore, orgId, issueId, reporterUid);

  if (after && after.deleted === false) {
    // In precedence order: someone assigned in the same write as a status change hears of the assignment only.
    const told = new Set<string>();
    for (const notice of noticesFor(before, after, drafts)) {
      const recipients = await notify(firestore, {
        orgId,
        issueId,
        issueNumber: after.number,
        title: after.title,
        event: notice.event,
        actor: notice.actor,
        audience: { reporterUid: after.reporter?.uid ?? null, assigneeUid: after.assignee?.uid ?? null, watchers },
        eventKey: notice.key(eventId, issueId),
        exclude: told,
      });
      for (const uid of recipients) told.add(uid);
    }
  }

  await queueIssuePush(firestore, orgId, issueId, before, after, eventId);
}

/** What the reporter's portal shows of an issue: nothing unless a customer raised it and it is live. */
function portalState(issue: IssueFacts | null, orgId: string, issueId: string) {
  if (!issue?.raisedByCustomer || issue.deleted !== false) return null;
  return customerIssueView(issue, { orgId, orgName: "", issueId });
}

/**
 * Whether this change can have changed the projection. When it did not (search
 * tokens, SLA bookkeeping, watchers), the write that did change it syncs it.
 */
function portalChanged(before: IssueFacts | null, after: IssueFacts | null, orgId: string, issueId: string): boolean {
  return !deepEqual(portalState(before, orgId, issueId), portalState(after, orgId, issueId));
}

interface Notice {
  event: NotifyEvent;
  actor: { uid: string; name: string };
  key: (eventId: string, issueId: string) => string;
}

/** The notifications a change sends (the table in domain/notifications.ts). */
export function noticesFor(before: IssueFacts | null, after: IssueFacts, drafts: ActivityDraft[]): Notice[] {
  const actor = after.lastActor ?? SYSTEM_ACTOR;
  const notices: Notice[] = [];
  // Told once the issue has its number (usually the allocator's write just after the create), so the notice can name it.
  const numberedNow = after.number !== null && (before?.number ?? null) === null;
  if (numberedNow && (after.raisedByCustomer || after.source === "client")) {
    notices.push({ event: { type: "issue_raised" }, actor: after.reporter ?? actor, key: (_eventId, issueId) => docIdFor("raised", issueId) });
  }
  if (!before) return notices;
  if (drafts.length > 0) {
    if (after.assignee && after.assignee.uid !== before.assignee?.uid) {
      notices.push({ event: { type: "assigned" }, actor, key: (eventId) => docIdFor(eventId, "assigned") });
    }
    if (before.status && after.status && before.status !== after.status) {
      notices.push({
        event: { type: "status_changed", from: before.status, to: after.status },
        actor,
        key: (eventId) => docIdFor(eventId, "status"),
      });
    }
  }
  // SLA breaches are marked by the sweep; one notification per issue and clock, whatever the event.
  for (const clock of ["firstResponse", "resolution"] as SlaClockKind[]) {
    const flag = clock === "firstResponse" ? "firstResponseBreached" : "resolutionBreached";
    if (after.sla?.[flag] && !before.sla?.[flag]) {
      notices.push({ event: { type: "sla_breach", clock }, actor: SYSTEM_ACTOR, key: (_eventId, issueId) => docIdFor("sla", issueId, clock) });
    }
  }
  return notices;
}

export const onIssueWritten = onDocumentWritten(
  // The reply-token keys sign the Message-IDs and Reply-To of the mails the fan-out writes.
  { document: "orgs/{orgId}/issues/{issueId}", region: REGION, retry: true, secrets: [REPLY_TOKEN_KEYS] },
  probeEvent("onIssueWritten", handleIssueWritten),
);
