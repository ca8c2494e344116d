import { lazy, Suspense } from "react";
import { BrowserRouter, Navigate, Outlet, Route, Routes, useLocation } from "react-router";
import { AppShell } from "./AppShell";
import { AuthProvider, useAuth } from "./auth/AuthProvider";
import { SignInPage } from "./auth/SignInPage";
import { homeOf, MeProvider, useMe } from "./org/me";
import { Empty, ErrorState, Loading } from "./ui/states";
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
  if (state.status === "signedOut") return <Navigate to="/signin" replace state={{ from: location.pathname + location.search }} />;
  void loadQueue();
  return (
    <MeProvider>
      <Outlet />
    </MeProvider>
  );
}

function Home() {
  const me = useMe();
  const first = me.memberships[0];
  if (first) return <Navigate to={homeOf(first)} replace />;
  return (
    <AppShell>
      <main className="page narrow" id="main">
        <h1>Welcome to Firetrack</h1>
        <Empty title="You are not a member of any organisation yet.">
          <p>Ask an admin of your organisation to invite you{me.invites?.length ? ", or accept one of your invitations" : ""}.</p>
        </Empty>
      </main>
    </AppShell>
  );
}

function PageLoading() {
  return (
    <main className="page" id="main">
      <Loading what="the page" />
    </main>
  );
}

function NotFound() {
  return (
    <main className="page narrow" id="main">
      <ErrorState error={new ApiProblem({ status: 404, title: "Page not found", detail: "There is nothing at this address." })} />
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
          </Route>
          <Route path="*" element={<NotFound />} />
        </Routes>
      </BrowserRouter>
    </AuthProvider>
  );
}
