import type { Role } from "@firetrack/domain";
import { render } from "@testing-library/react";
import type { ReactNode } from "react";
import { MemoryRouter, Route, Routes } from "react-router";
import { OrgContext, type Member, type OrgState } from "../src/org/OrgContext";

export const MEMBERS: Member[] = [
  { uid: "u-admin", displayName: "Ada Admin", role: "admin" },
  { uid: "u-agent", displayName: "Sam Agent", role: "agent" },
  { uid: "u-viewer", displayName: "Vera Viewer", role: "viewer" },
];

export function renderInOrg(
  ui: ReactNode,
  { role = "agent", uid = "u-agent", path = "/o/acme/x" }: { role?: Role; uid?: string; path?: string } = {},
) {
  const org: OrgState = {
    orgId: "acme",
    orgName: "Acme",
    role,
    uid,
    userName: "Me",
    members: MEMBERS,
    memberName: (id) => MEMBERS.find((m) => m.uid === id)?.displayName ?? "Former member",
  };
  return render(
    <OrgContext.Provider value={org}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route path="/o/acme/*" element={ui} />
        </Routes>
      </MemoryRouter>
    </OrgContext.Provider>,
  );
}
