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
 * - SLA timer: a moved next SLA moment queues a task named after the issue and the moment (events/slaTimer.ts).
 * Writes that change only server-owned fields (numbering, the derived fields
 * themselves, SLA marks, the Linear link) produce no activity, no notification
 * and no push, and derive to nothing, so the trigger's own write does not loop.
 */
import { Timestamp } from "firebase-admin/firestore";
import type { Change, DocumentSnapshot, FirestoreEvent } from "firebase-functions/v2/firestore";
import { onDocumentWritten } from "firebase-functions/v2/firestore";
import { activitiesFor, noticesFor, portalChanged, isWorkableIssue, statsDelta, joinsWatchers } from "../domain";
import { REGION, REPLY_TOKEN_KEYS } from "../config";
import { db } from "../store/db";
import { docIdFor, writeActivities } from "../store/activities";
import { factsOf } from "../store/issueFacts";
import { syncDerivedFields } from "../store/issueDerived";
import { notify } from "../store/notifications";
import { syncPortalIssue } from "../store/portalIssues";
import { loadSlaRules } from "../store/slaPolicy";
import { applyStatsDelta } from "../store/stats";
import { queueIssuePush } from "../integrations/linear/enqueue";
import { queueSlaTimer } from "./slaTimer";

export type IssueWrittenEvent = FirestoreEvent<
  Change<DocumentSnapshot> | undefined,
  { orgId: string; issueId: string }
>;

export async function handleIssueWritten(event: IssueWrittenEvent): Promise<void> {
  const { orgId, issueId } = event.params;
  const firestore = db();
  const before = factsOf(event.data?.before);
  const after = factsOf(event.data?.after);
  const eventId = docIdFor(event.id);
  const at = Date.parse(event.time) || Date.now();

  await applyStatsDelta(firestore, orgId, eventId, statsDelta(before, after));

  const drafts = activitiesFor(before, after);
  await writeActivities(
    firestore,
    orgId,
    issueId,
    drafts.map((draft) => ({
      id: draft.audience === "public" ? eventId : docIdFor(eventId, "internal"),
      activity: { ...draft, at: Timestamp.fromMillis(at), eventId },
    })),
  );

  let watchers = after?.watchers ?? [];
  if (after && isWorkableIssue(after)) {
    const joinWatchers: string[] = [];
    if (!before && after.reporter && joinsWatchers(after.reporter)) joinWatchers.push(after.reporter.uid);
    if (after.assignee && after.assignee.uid !== before?.assignee?.uid) joinWatchers.push(after.assignee.uid);
    await syncDerivedFields(firestore, orgId, issueId, {
      now: at,
      policy: () => loadSlaRules(firestore, orgId),
      joinWatchers,
      written: after,
    });
    watchers = [...new Set([...watchers, ...joinWatchers])];
  }

  const reporterUid = (after ?? before)?.reporter?.uid;
  if (reporterUid && portalChanged(before, after, orgId, issueId))
    await syncPortalIssue(firestore, orgId, issueId, reporterUid);

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
  await queueSlaTimer(orgId, issueId, before, after);
}

export const onIssueWritten = onDocumentWritten(
  // The reply-token keys sign the Message-IDs and Reply-To of the mails the fan-out writes.
  { document: "orgs/{orgId}/issues/{issueId}", region: REGION, retry: true, secrets: [REPLY_TOKEN_KEYS] },
  handleIssueWritten,
);
