import { can, type Role } from "@firetrack/domain";
import { lazy, Suspense, type ReactNode } from "react";
import { NavLink, useLocation } from "react-router";
import { signOutNow, useUser } from "./auth/AuthProvider";
import { onEmulators } from "./firebase";
import { OrgSwitcher } from "./org/OrgSwitcher";
import { PORTAL_HOME, raisePath } from "./shared/links";

// Firestore comes with the bell, after the shell: the sign-in page does not need it.
const NotificationBell = lazy(() => import("./notifications/NotificationBell"));

/** Header with the org switcher, the org's sections (or the portal's), the bell and the account; the page below. */
export function AppShell({
  orgId,
  role,
  portal = false,
  children,
}: {
  orgId?: string;
  role?: Role;
  portal?: boolean;
  children: ReactNode;
}) {
  const user = useUser();
  const location = useLocation();
  const staff = role !== undefined && role !== "customer";
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <NavLink to="/" className="brand">
          <span className="brand-mark" aria-hidden="true">
            ▲
          </span>
          Firetrack
        </NavLink>
        <OrgSwitcher current={orgId} />
        {orgId && staff && (
          <nav aria-label="Sections" className="sections">
            <NavLink
              to={`/o/${orgId}/issues`}
              className={({ isActive }) => (isActive && !location.pathname.endsWith("/issues/new") ? "active" : "")}
            >
              Issues
            </NavLink>
            <NavLink to={`/o/${orgId}/dashboard`}>Dashboard</NavLink>
            {can(role, "settings.manage") && <NavLink to={`/o/${orgId}/settings`}>Settings</NavLink>}
            {can(role, "issue.create") && (
              <NavLink to={`/o/${orgId}/issues/new`} className="nav-create">
                New issue
              </NavLink>
            )}
          </nav>
        )}
        {portal && (
          <nav aria-label="Support" className="sections">
            <NavLink to={PORTAL_HOME} end>
              My issues
            </NavLink>
            <NavLink to={raisePath()} className="nav-create">
              Raise an issue
            </NavLink>
          </nav>
        )}
        <div className="account">
          {onEmulators && <span className="env-tag">Emulators</span>}
          <Suspense fallback={null}>
            <NotificationBell />
          </Suspense>
          <span className="account-name" title={user.email ?? undefined}>
            {user.displayName ?? user.email}
          </span>
          <button type="button" onClick={() => void signOutNow()}>
            Sign out
          </button>
        </div>
      </header>
      {children}
    </>
  );
}
