/**
 * The portal's live reads. A customer never reads the raw issue: their projection
 * users/{uid}/portalIssues/{orgId}_{issueId} (picked by the domain's one allow-list) and
 * the public entries of the thread (`internal == false`, which the rules require).
 */
import { customerIssueSchema, portalIssueDocId, type PortalIssue } from "@firetrack/domain";
import {
  collection,
  doc,
  limit,
  orderBy,
  query,
  where,
  type DocumentSnapshot,
  type Timestamp,
} from "firebase/firestore";
import type { Comment } from "../issues/thread";
import { type Live, parseDocument, timestampSchema, useLiveDocument, useLiveQuery } from "../shared/live";
import { db } from "../firestore";

export type PortalIssueDoc = PortalIssue<Timestamp>;

export const portalDocId = portalIssueDocId;

const portalIssueSchema = customerIssueSchema(timestampSchema);
const portalIssueOf = (snapshot: DocumentSnapshot) => parseDocument(snapshot, portalIssueSchema) as PortalIssueDoc;

export const usePortalIssues = (uid: string): Live<PortalIssueDoc[]> =>
  useLiveQuery(query(collection(db, "users", uid, "portalIssues"), orderBy("updatedAt", "desc")), portalIssueOf);

/** By document id; idle (loading) while `issueId` is null. */
export const usePortalIssue = (uid: string, orgId: string, issueId: string | null): Live<PortalIssueDoc | null> =>
  useLiveDocument(
    issueId === null ? null : doc(db, "users", uid, "portalIssues", portalDocId(orgId, issueId)),
    portalIssueOf,
  );

/**
 * By number (`ISS-2026-0042`, as stored): a query of the caller's own portal, the one
 * place the rules let them look, so someone else's number finds nothing, exactly as an
 * unknown one does. Idle (loading) while `number` is null.
 */
export function usePortalIssueByNumber(uid: string, orgId: string, number: string | null): Live<PortalIssueDoc | null> {
  const found = useLiveQuery(
    number === null
      ? null
      : query(
          collection(db, "users", uid, "portalIssues"),
          where("orgId", "==", orgId),
          where("number", "==", number),
          limit(1),
        ),
    portalIssueOf,
  );
  return found.status === "ready" ? { status: "ready", value: found.value[0] ?? null } : found;
}

/** Only once the projection says the issue is theirs: a guessed id never opens a listener the rules refuse. */
export const usePublicComments = (orgId: string, issueId: string, enabled: boolean): Live<Comment[]> =>
  useLiveQuery(
    enabled
      ? query(
          collection(db, "orgs", orgId, "issues", issueId, "comments"),
          where("internal", "==", false),
          orderBy("createdAt", "asc"),
        )
      : null,
    (d) => ({ id: d.id, ...d.data() }) as Comment,
  );
