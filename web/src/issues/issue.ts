/** An issue as the web reads it: the one description of the document (domain/issue.ts), with client Timestamps and its id. */
import { issueShape, type IssueDocument } from "@firetrack/domain";
import type { DocumentSnapshot, Timestamp } from "firebase/firestore";
import { parseDocument, timestampSchema, tolerantObject } from "../shared/live";

export type Issue = IssueDocument<Timestamp> & { id: string };

const issueSchema = tolerantObject(issueShape(timestampSchema));

/** Parsed with the domain's schema: an issue that does not fit is an UnreadableDocument, shown as an error. */
export function issueOf(snapshot: DocumentSnapshot): Issue {
  return { id: snapshot.id, ...(parseDocument(snapshot, issueSchema) as IssueDocument<Timestamp>) };
}

/** "ISS-2026-0042", or a placeholder while the allocator has not numbered it yet. */
export const issueNumber = (issue: Pick<Issue, "number">) => issue.number ?? "Numbering…";
