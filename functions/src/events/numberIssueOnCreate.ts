/**
 * The guarantee behind issue numbers: whatever created the issue (API, Linear,
 * an import), this trigger runs the allocator until it has a number. Running it
 * again for the same event finds the issue numbered and does nothing.
 */
import type { FirestoreEvent, QueryDocumentSnapshot } from "firebase-functions/v2/firestore";
import { onDocumentCreated } from "firebase-functions/v2/firestore";
import { REGION } from "../config";
import { db } from "../store/db";
import { ensureIssueNumbered } from "../store/numberAllocator";

export type IssueCreatedEvent = FirestoreEvent<QueryDocumentSnapshot | undefined, { orgId: string; issueId: string }>;

export async function handleIssueCreated(event: IssueCreatedEvent): Promise<void> {
  if (event.data?.get("number")) return;
  await ensureIssueNumbered(db(), event.params.orgId, event.params.issueId);
}

export const numberIssueOnCreate = onDocumentCreated(
  { document: "orgs/{orgId}/issues/{issueId}", region: REGION, retry: true },
  handleIssueCreated,
);
