/**
 * The guarantee behind issue numbers: whatever created the issue (API, Linear,
 * an import), this trigger queues it for the allocator (an issue written
 * without a `number` field gets `number: null`; one without a usable
 * `createdAt` is quarantined) and runs the allocator. It does not wait for a number:
 * if another caller holds the numbering lease, that holder looks again after it
 * releases and numbers this issue too (see numberPendingIssues). Running it
 * again for the same event finds the issue numbered, or the lease held, and
 * does nothing.
 */
import type { FirestoreEvent, QueryDocumentSnapshot } from "firebase-functions/v2/firestore";
import { onDocumentCreated } from "firebase-functions/v2/firestore";
import { REGION } from "../config";
import { db } from "../store/db";
import { admitForNumbering, numberPendingIssues } from "../store/numberAllocator";

export type IssueCreatedEvent = FirestoreEvent<QueryDocumentSnapshot | undefined, { orgId: string; issueId: string }>;

export async function handleIssueCreated(event: IssueCreatedEvent): Promise<void> {
  if (event.data?.get("number")) return;
  // Usually the API numbered it before this event arrived: one read, and done.
  const admission = await admitForNumbering(db(), event.params.orgId, event.params.issueId);
  if (admission === "queued") await numberPendingIssues(db(), event.params.orgId);
}

export const numberIssueOnCreate = onDocumentCreated(
  { document: "orgs/{orgId}/issues/{issueId}", region: REGION, retry: true },
  handleIssueCreated,
);
