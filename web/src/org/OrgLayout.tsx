import { Suspense, useMemo } from "react";
import { Navigate, Outlet, useLocation, useParams } from "react-router";
import { ApiProblem } from "../api/problem";
import { AppShell } from "../AppShell";
import { useUser } from "../auth/AuthProvider";
import { portalPathForOrgPath } from "../shared/links";
import { ErrorState, Loading } from "../ui/states";
import { useMe } from "./me";
import { OrgProvider, useOwnRole } from "./OrgContext";

/** An org's pages: the agent workspace for members; a customer is taken to the same issue in the portal. */
export default function OrgLayout() {
  const { orgId = "" } = useParams();
  const me = useMe();
  const user = useUser();
  const location = useLocation();
  const membership = me.memberships.find((m) => m.orgId === orgId);
  const role = useOwnRole(orgId, user.uid, membership?.role ?? "viewer");
  const value = useMemo(
    () => ({ orgId, orgName: membership?.orgName ?? "", role, uid: user.uid, userName: me.name }),
    [orgId, membership?.orgName, role, user.uid, me.name],
  );
  if (!membership) {
    return (
      <AppShell>
        <main className="page narrow" id="main">
          <ErrorState
            error={
              new ApiProblem({
                status: 404,
                title: "Organisation not found",
                detail: "You are not a member of this organisation, or it does not exist.",
              })
            }
          />
        </main>
      </AppShell>
    );
  }
  // The rules refuse customers the raw issue and the member list; the portal reads their projection.
  if (role === "customer") return <Navigate to={portalPathForOrgPath(location.pathname, orgId)} replace />;
  return (
    <OrgProvider value={value}>
      <AppShell orgId={orgId} role={role}>
        <Suspense
          fallback={
            <main className="page" id="main">
              <Loading what="the page" />
            </main>
          }
        >
          <Outlet />
        </Suspense>
      </AppShell>
    </OrgProvider>
  );
}
