/**
 * The links in notification mail sent before they named the page itself
 * (`{app}/orgs/{orgId}/issues/{issueId}`) still open the issue where the reader works on
 * it: the agent page or the portal. Newer mail links there directly (domain/issueLinks.ts).
 */
import { Navigate, useParams } from "react-router";
import { useMe } from "../org/me";
import { issueHref } from "../shared/links";

export default function IssueLinkPage() {
  const { orgId = "", issueId = "" } = useParams();
  const me = useMe();
  return <Navigate to={issueHref(me.memberships, orgId, issueId)} replace />;
}
