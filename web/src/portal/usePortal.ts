/**
 * The portal's live reads. A customer never reads the raw issue: their projection
 * users/{uid}/portalIssues/{orgId}_{issueId} (picked by the domain's one allow-list) and
 * the public entries of the thread (`internal == false`, which the rules require).
 */
import { portalIssueDocId, type PortalIssue } from "@firetrack/domain";
import { collection, doc, onSnapshot, orderBy, query, where, type Timestamp } from "firebase/firestore";
import { useEffect, useState } from "react";
import type { Comment, Live } from "../detail/useIssueData";
import { db } from "../firestore";

export type PortalIssueDoc = PortalIssue<Timestamp>;

export const portalDocId = portalIssueDocId;

export function usePortalIssues(uid: string): Live<PortalIssueDoc[]> {
  const [state, setState] = useState<Live<PortalIssueDoc[]>>({ status: "loading" });
  useEffect(
    () =>
      onSnapshot(
        query(collection(db, "users", uid, "portalIssues"), orderBy("updatedAt", "desc")),
        (snapshot) => setState({ status: "ready", value: snapshot.docs.map((d) => d.data() as PortalIssueDoc) }),
        (error) => setState({ status: "error", error }),
      ),
    [uid],
  );
  return state;
}

export function usePortalIssue(uid: string, orgId: string, issueId: string): Live<PortalIssueDoc | null> {
  const [state, setState] = useState<Live<PortalIssueDoc | null>>({ status: "loading" });
  useEffect(() => {
    setState({ status: "loading" });
    return onSnapshot(
      doc(db, "users", uid, "portalIssues", portalDocId(orgId, issueId)),
      (snapshot) => setState({ status: "ready", value: snapshot.exists() ? (snapshot.data() as PortalIssueDoc) : null }),
      (error) => setState({ status: "error", error }),
    );
  }, [uid, orgId, issueId]);
  return state;
}

/** Only once the projection says the issue is theirs: a guessed id never opens a listener the rules refuse. */
export function usePublicComments(orgId: string, issueId: string, enabled: boolean): Live<Comment[]> {
  const [state, setState] = useState<Live<Comment[]>>({ status: "loading" });
  useEffect(() => {
    if (!enabled) return;
    setState({ status: "loading" });
    return onSnapshot(
      query(collection(db, "orgs", orgId, "issues", issueId, "comments"), where("internal", "==", false), orderBy("createdAt", "asc")),
      (snapshot) => setState({ status: "ready", value: snapshot.docs.map((d) => ({ id: d.id, ...d.data() }) as Comment) }),
      (error) => setState({ status: "error", error }),
    );
  }, [orgId, issueId, enabled]);
  return state;
}
