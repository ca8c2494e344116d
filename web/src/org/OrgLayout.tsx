import { Suspense, useMemo } from "react";
import { Outlet, useParams } from "react-router";
import { ApiProblem } from "../api/problem";
import { AppShell } from "../AppShell";
import { useUser } from "../auth/AuthProvider";
import { Empty, ErrorState, Loading } from "../ui/states";
import { useMe } from "./me";
import { OrgProvider, useOwnRole } from "./OrgContext";

/** An org's pages: a member's role decides between the agent workspace and the (coming) client portal. */
export default function OrgLayout() {
  const { orgId = "" } = useParams();
  const me = useMe();
  const user = useUser();
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
          <ErrorState error={new ApiProblem({ status: 404, title: "Organisation not found", detail: "You are not a member of this organisation, or it does not exist." })} />
        </main>
      </AppShell>
    );
  }
  return (
    <OrgProvider value={value}>
      <AppShell orgId={orgId} role={role}>
        {role === "customer" ? (
          <PortalComing orgName={membership.orgName} />
        ) : (
          <Suspense
            fallback={
              <main className="page" id="main">
                <Loading what="the page" />
              </main>
            }
          >
            <Outlet />
          </Suspense>
        )}
      </AppShell>
    </OrgProvider>
  );
}

/** Web app II brings the client portal; until then a customer lands here. */
function PortalComing({ orgName }: { orgName: string }) {
  return (
    <main className="page narrow" id="main">
      <h1>{orgName} client portal</h1>
      <Empty title="The client portal is coming soon.">
        <p>You are a customer of {orgName}. Following and raising your issues here will be possible in the client portal, which is on its way.</p>
      </Empty>
    </main>
  );
}
