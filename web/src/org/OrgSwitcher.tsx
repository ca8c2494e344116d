import { useNavigate } from "react-router";
import { label } from "../ui/labels";
import { homeOf, useMe } from "./me";

/** Every membership from GET /me; a customer membership leads to the portal. */
export function OrgSwitcher({ current }: { current: string | undefined }) {
  const me = useMe();
  const navigate = useNavigate();
  // Someone who is only a customer has one place, the portal, across every org: nothing to switch.
  if (!me.memberships.some((m) => m.role !== "customer")) return null;
  return (
    <label className="org-switcher">
      <span className="visually-hidden">Organisation</span>
      <select
        aria-label="Organisation"
        value={current ?? ""}
        onChange={(event) => {
          const membership = me.memberships.find((m) => m.orgId === event.target.value);
          if (membership) navigate(homeOf(membership));
        }}
      >
        {current === undefined && <option value="">Choose an organisation</option>}
        {me.memberships.map((m) => (
          <option key={m.orgId} value={m.orgId}>
            {m.orgName} · {label(m.role)}
          </option>
        ))}
      </select>
    </label>
  );
}
