/**
 * The customer's portal projection (docs/events.md): users/{reporterUid}/portalIssues/{orgId}_{issueId}
 * holds the customer-visible fields of every issue a customer raised, picked by the
 * domain's one classification (domain/issueViews.ts). The event core keeps it: it reads
 * the issue as it is now in a transaction, so an event delivered late or twice
 * leaves the current state, and it writes only when the projection differs.
 */
import type { Firestore } from "firebase-admin/firestore";
import { customerIssueView, deepEqual, lenientIssueSchema, timestampLike } from "../domain";
import { issueRef, orgRef, portalIssueRef } from "./refs";

/** The issue with its times kept as the Timestamps they are, to be written back as such. */
const issueWithTimestamps = lenientIssueSchema(timestampLike);

/** Timestamps as epoch ms, so a stored projection compares with a fresh one. */
function comparable(value: unknown): unknown {
  if (timestampLike.safeParse(value).success) return (value as { toMillis(): number }).toMillis();
  if (Array.isArray(value)) return value.map(comparable);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, comparable(inner)]));
  }
  return value;
}

export type PortalSync = "written" | "deleted" | "unchanged";

/** Brings the reporter's projection of one issue up to date with the issue as it is now. */
export async function syncPortalIssue(
  db: Firestore,
  orgId: string,
  issueId: string,
  reporterUid: string,
): Promise<PortalSync> {
  const source = issueRef(db, orgId, issueId);
  const target = portalIssueRef(db, reporterUid, orgId, issueId);
  return db.runTransaction(async (tx) => {
    const [issueSnapshot, current] = await tx.getAll(source, target);
    const issue = issueSnapshot!.exists ? issueWithTimestamps.parse(issueSnapshot!.data()) : null;
    const shown = issue?.raisedByCustomer && issue.deleted === false && issue.reporter?.uid === reporterUid;
    if (!shown) {
      if (!current!.exists) return "unchanged";
      tx.delete(target);
      return "deleted";
    }
    const org = await tx.get(orgRef(db, orgId));
    const view = customerIssueView(issue, { orgId, orgName: (org.get("name") as string | undefined) ?? "", issueId });
    // The projection's updatedAt is the time of the last change the customer can see: when nothing they see
    // changed (an internal note, a tag), the projection keeps its time and is not written.
    const { updatedAt: _now, ...visible } = view;
    const { updatedAt: _then, ...stored } = current!.exists ? current!.data()! : { updatedAt: null };
    if (current!.exists && deepEqual(comparable(stored), comparable(visible))) return "unchanged";
    tx.set(target, view);
    return "written";
  });
}
