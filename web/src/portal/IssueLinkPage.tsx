/**
 * The links in notification mail (`{app}/orgs/{orgId}/issues/{issueId}`, functions'
 * issueLink) open the issue where the reader works on it: the agent page or the portal.
 */
import { Navigate, useParams } from "react-router";
import { useMe } from "../org/me";
import { issueHref } from "../shared/links";

export default function IssueLinkPage() {
  const { orgId = "", issueId = "" } = useParams();
  const me = useMe();
  return <Navigate to={issueHref(me.memberships, orgId, issueId)} replace />;
}
