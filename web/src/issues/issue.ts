/** An issue as the web reads it: the shared document shape, with client Timestamps and its id. */
import type { IssueRecord } from "@firetrack/domain";
import type { DocumentSnapshot, Timestamp } from "firebase/firestore";

export type Issue = IssueRecord<Timestamp> & { id: string };

export function issueOf(snapshot: DocumentSnapshot): Issue {
  return { id: snapshot.id, ...(snapshot.data() as IssueRecord<Timestamp>) };
}

/** "ISS-2026-0042", or a placeholder while the allocator has not numbered it yet. */
export const issueNumber = (issue: Pick<Issue, "number">) => issue.number ?? "Numbering…";
