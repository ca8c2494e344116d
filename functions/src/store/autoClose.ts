/**
 * Auto-close (docs/automations.md): resolved issues whose customer stayed quiet for the
 * org's `autoCloseAfterDays` close by themselves. A customer reply reopens a resolved
 * issue (domain/statusMachine.ts), so an issue still resolved has had no customer reply
 * since `resolvedAt`, and that is the time the wait counts from.
 */
import { Timestamp, type Firestore, type QueryDocumentSnapshot } from "firebase-admin/firestore";
import { autoCloseActor, DAY_MS, decideTransition, isDueForAutoClose, type AutomationSettings } from "../domain";
import { factsOf } from "./issueFacts";
import { mutateIssue } from "./issues";
import { getOrgSettings } from "./orgs";
import { allIssues } from "./refs";

/** The shortest wait an org may set: nothing resolved more recently can be due anywhere. */
const MIN_WAIT_MS = DAY_MS;

/**
 * Resolved live issues of every org resolved at least a day before `now`, oldest first
 * (composite index status, deleted, resolvedAt; COLLECTION_GROUP; store/queryShapes.ts).
 */
export async function autoCloseCandidates(db: Firestore, now: number, limit = 500): Promise<QueryDocumentSnapshot[]> {
  const result = await allIssues(db)
    .where("status", "==", "resolved")
    .where("deleted", "==", false)
    .where("resolvedAt", "<=", Timestamp.fromMillis(now - MIN_WAIT_MS))
    .orderBy("resolvedAt")
    .limit(limit)
    .get();
  return result.docs;
}

/**
 * Closes one issue if it is still due: the decision is taken again inside the
 * transaction, so a reply or a reopen that came meanwhile wins, and a second run finds
 * the issue closed and writes nothing. Returns whether this call closed it.
 */
export async function autoCloseIssue(
  db: Firestore,
  orgId: string,
  issueId: string,
  days: number,
  now: number,
): Promise<boolean> {
  let closed = false;
  await mutateIssue(db, orgId, issueId, autoCloseActor(days), (current) => {
    const facts = factsOf(current);
    if (!facts || !isDueForAutoClose(facts, null, days, now)) return null;
    if (!decideTransition("resolved", "closed").ok) return null;
    closed = true;
    return { status: "closed", closedAt: Timestamp.fromMillis(now) };
  });
  return closed;
}

/** One pass over every org; settings are read once per org. */
export async function runAutoClose(db: Firestore, now: number): Promise<{ closed: number }> {
  const settings = new Map<string, AutomationSettings | null>();
  let closed = 0;
  for (const doc of await autoCloseCandidates(db, now)) {
    const orgId = doc.ref.parent.parent!.id;
    if (!settings.has(orgId)) settings.set(orgId, (await getOrgSettings(db, orgId))?.automations ?? null);
    const days = settings.get(orgId)?.autoCloseAfterDays ?? null;
    if (days === null) continue;
    if (await autoCloseIssue(db, orgId, doc.id, days, now)) closed++;
  }
  return { closed };
}
