import { lazy, Suspense, type ReactNode } from "react";
import { BrowserRouter, Navigate, Outlet, Route, Routes, useLocation } from "react-router";
import { AuthProvider, useAuth } from "./auth/AuthProvider";
import { SignInPage } from "./auth/SignInPage";
import { VerifyEmailPage } from "./auth/VerifyEmailPage";
import { MeProvider, useMe } from "./org/me";
import { landingPath } from "./shared/links";
import { ErrorState, Loading } from "./ui/states";
import { ApiProblem } from "./api/problem";

// Every page loads when visited, so the first download is the shell and the sign-in
// page; the queue (with Firestore) starts loading as soon as a session exists, and
// the dashboard brings its chart library.
const loadQueue = () => import("./list/IssueListPage");
const IssueListPage = lazy(loadQueue);
const OrgLayout = lazy(() => import("./org/OrgLayout"));
const IssueDetailPage = lazy(() => import("./detail/IssueDetailPage"));
const SettingsPage = lazy(() => import("./settings/SettingsPage"));
const CreateIssuePage = lazy(() => import("./create/CreateIssuePage"));
const DashboardPage = lazy(() => import("./dashboard/DashboardPage"));
// The client portal, notifications and registration.
const PortalHomePage = lazy(() => import("./portal/PortalHomePage"));
const PortalIssuePage = lazy(() => import("./portal/PortalIssuePage"));
const RaisePage = lazy(() => import("./portal/RaisePage"));
const RaiseBySlugPage = lazy(() => import("./portal/RaisePage").then((m) => ({ default: m.RaiseBySlugPage })));
const IssueLinkPage = lazy(() => import("./portal/IssueLinkPage"));
const NotificationPrefsPage = lazy(() => import("./notifications/NotificationPrefsPage"));
const WelcomePage = lazy(() => import("./welcome/WelcomePage"));

function RequireSignIn() {
  const state = useAuth();
  const location = useLocation();
  if (state.status === "loading") {
    return (
      <main className="page narrow" id="main">
        <Loading what="your session" />
      </main>
    );
  }
  if (state.status === "signedOut")
    return <Navigate to="/signin" replace state={{ from: location.pathname + location.search }} />;
  if (!state.emailVerified) return <VerifyEmailPage user={state.user} />;
  void loadQueue();
  return (
    <MeProvider>
      <Outlet />
    </MeProvider>
  );
}

/** The workspace of a staff membership, else the portal, else registration (the welcome page). */
function Home() {
  const me = useMe();
  const landing = landingPath(me.memberships);
  if (landing) return <Navigate to={landing} replace />;
  return <Lazy page={<WelcomePage />} />;
}

function PageLoading() {
  return (
    <main className="page" id="main">
      <Loading what="the page" />
    </main>
  );
}

function Lazy({ page }: { page: ReactNode }) {
  return <Suspense fallback={<PageLoading />}>{page}</Suspense>;
}

function NotFound() {
  return (
    <main className="page narrow" id="main">
      <ErrorState
        error={new ApiProblem({ status: 404, title: "Page not found", detail: "There is nothing at this address." })}
      />
    </main>
  );
}

export function App() {
  return (
    <AuthProvider>
      <BrowserRouter>
        <Routes>
          <Route path="/signin" element={<SignInPage />} />
          <Route element={<RequireSignIn />}>
            <Route index element={<Home />} />
            <Route
              path="o/:orgId"
              element={
                <Suspense fallback={<PageLoading />}>
                  <OrgLayout />
                </Suspense>
              }
            >
              <Route index element={<Navigate to="issues" replace />} />
              <Route path="issues" element={<IssueListPage />} />
              <Route path="issues/new" element={<CreateIssuePage />} />
              <Route path="issues/:issueId" element={<IssueDetailPage />} />
              <Route path="dashboard" element={<DashboardPage />} />
              <Route path="settings/*" element={<SettingsPage />} />
              <Route path="portal" element={<Navigate to="../issues" replace />} />
            </Route>
            <Route path="portal" element={<Lazy page={<PortalHomePage />} />} />
            <Route path="portal/raise" element={<Lazy page={<RaisePage />} />} />
            <Route path="portal/issues/:orgId/:issueId" element={<Lazy page={<PortalIssuePage />} />} />
            <Route path="raise/:orgSlug" element={<Lazy page={<RaiseBySlugPage />} />} />
            <Route path="welcome" element={<Lazy page={<WelcomePage />} />} />
            <Route path="invites/:inviteId" element={<Lazy page={<WelcomePage />} />} />
            <Route path="account/notifications" element={<Lazy page={<NotificationPrefsPage />} />} />
            <Route path="orgs/:orgId/issues/:issueId" element={<Lazy page={<IssueLinkPage />} />} />
          </Route>
          <Route path="*" element={<NotFound />} />
        </Routes>
      </BrowserRouter>
    </AuthProvider>
  );
}
