// The baseline numbering benchmark 1 compares against: what most people write
// first. One transaction per new issue reads the org's counter, stamps the
// issue with the next number and writes the counter back. Every create contends
// for the same counter document. It exists only here, in the bench.
import { FieldValue } from "firebase-admin/firestore";

/** Thrown when the bench's time limit is up: not a retryable code, so the transaction gives up. */
export class Stopped extends Error {}

export function naiveNumberIssue(db, orgId, issueId, year, stopped = () => false) {
  const counter = db.doc(`orgs/${orgId}/counters/naive_issues_${year}`);
  const issue = db.doc(`orgs/${orgId}/issues/${issueId}`);
  return db.runTransaction(async (tx) => {
    if (stopped()) throw new Stopped("time limit");
    const current = await tx.get(counter);
    const seq = current.get("next") ?? 1;
    tx.set(counter, { next: seq + 1 }, { merge: true });
    tx.update(issue, {
      number: `ISS-${year}-${String(seq).padStart(4, "0")}`,
      seq,
      year,
      version: FieldValue.increment(1),
    });
    return seq;
  });
}
