/**
 * Admin settings (`/o/{orgId}/settings/...`): members, invitations, SLA, intake, API
 * keys, service accounts, Linear and saved replies. Admins only: anyone else gets a
 * plain "admins only" page here, and the API and the rules refuse them anyway.
 */
import { can } from "@firetrack/domain";
import { useEffect, useRef } from "react";
import { Navigate, NavLink, Route, Routes, useLocation } from "react-router";
import { useOrg } from "../org/OrgContext";
import SavedRepliesSection from "../replies/SavedRepliesSection";
import { Empty } from "../ui/states";
import MacrosSection from "../macros/MacrosSection";
import { ApiKeysSection } from "./ApiKeysSection";
import { AutomationsSection } from "./AutomationsSection";
import { OrganisationSection } from "./OrganisationSection";
import { BusinessHoursSection } from "./BusinessHoursSection";
import { EmailSection } from "./EmailSection";
import { IntakeSection } from "./IntakeSection";
import { InvitationsSection } from "./InvitationsSection";
import { LinearSection } from "./LinearSection";
import { MembersSection } from "./MembersSection";
import { ServiceAccountsSection } from "./ServiceAccountsSection";
import "./settings.css";
import { SettingsProvider } from "./useSettings";
import { SlaSection } from "./SlaSection";

export const SETTINGS_SECTIONS = [
  { path: "members", title: "Members" },
  { path: "invitations", title: "Invitations" },
  { path: "sla", title: "SLA policy" },
  { path: "hours", title: "Business hours" },
  { path: "intake", title: "Intake" },
  { path: "email", title: "Email" },
  { path: "api-keys", title: "API keys" },
  { path: "service-accounts", title: "Service accounts" },
  { path: "linear", title: "Linear" },
  { path: "saved-replies", title: "Saved replies" },
  { path: "macros", title: "Macros" },
  { path: "automations", title: "Automations" },
  { path: "organisation", title: "Organisation" },
] as const;

/** On a phone the section list is one scrolling row: keep the open section in sight. */
function useActiveInView() {
  const nav = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  // biome-ignore lint/correctness/useExhaustiveDependencies: each navigation moves the active link, so `pathname` is the trigger though it is not read.
  useEffect(() => {
    nav.current?.querySelector("a.active")?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [pathname]);
  return nav;
}

export default function SettingsPage() {
  const org = useOrg();
  const nav = useActiveInView();
  if (!can(org.role, "settings.manage")) {
    return (
      <main className="page narrow" id="main">
        <h1>Settings</h1>
        <Empty title="Settings are for admins only.">
          <p>
            Your role in {org.orgName || "this organisation"} does not include managing it. Ask one of its admins if
            something here needs changing.
          </p>
        </Empty>
      </main>
    );
  }
  return (
    <main className="page settings" id="main">
      <h1>Settings</h1>
      <div className="settings-grid">
        <nav aria-label="Settings sections" className="settings-nav" ref={nav}>
          <ul>
            {SETTINGS_SECTIONS.map((section) => (
              <li key={section.path}>
                <NavLink to={`/o/${org.orgId}/settings/${section.path}`}>{section.title}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="settings-body">
          <SettingsProvider orgId={org.orgId}>
            <Routes>
              <Route index element={<Navigate to="members" replace />} />
              <Route path="members" element={<MembersSection />} />
              <Route path="invitations" element={<InvitationsSection />} />
              <Route path="sla" element={<SlaSection />} />
              <Route path="hours" element={<BusinessHoursSection />} />
              <Route path="intake" element={<IntakeSection />} />
              <Route path="email" element={<EmailSection />} />
              <Route path="api-keys" element={<ApiKeysSection />} />
              <Route path="service-accounts" element={<ServiceAccountsSection />} />
              <Route path="linear" element={<LinearSection />} />
              <Route path="saved-replies" element={<SavedRepliesSection />} />
              <Route path="macros" element={<MacrosSection />} />
              <Route path="automations" element={<AutomationsSection />} />
              <Route path="organisation" element={<OrganisationSection />} />
              <Route path="*" element={<Navigate to="members" replace />} />
            </Routes>
          </SettingsProvider>
        </div>
      </div>
    </main>
  );
}
