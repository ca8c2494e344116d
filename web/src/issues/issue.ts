/** An issue as the web reads it: the one description of the document (domain/issue.ts), with client Timestamps and its id. */
import type { IssueDocument } from "@firetrack/domain";
import type { DocumentSnapshot, Timestamp } from "firebase/firestore";

export type Issue = IssueDocument<Timestamp> & { id: string };

export function issueOf(snapshot: DocumentSnapshot): Issue {
  return { id: snapshot.id, ...(snapshot.data() as IssueDocument<Timestamp>) };
}

/** "ISS-2026-0042", or a placeholder while the allocator has not numbered it yet. */
export const issueNumber = (issue: Pick<Issue, "number">) => issue.number ?? "Numbering…";
