/**
 * Members: change a role, remove a member. The API keeps at least one admin (409); the
 * page marks the only admin and shows the refusal beside the list rather than guessing.
 */
import { MEMBER_ROLES, type MemberRole } from "@firetrack/domain";
import { collection, onSnapshot } from "firebase/firestore";
import { useEffect, useState } from "react";
import { api } from "../api/client";
import { db } from "../firestore";
import { useOrg, type Member } from "../org/OrgContext";
import { label } from "../ui/labels";
import { ErrorState } from "../ui/states";
import { Confirm, useAction } from "../shared/formParts";

/** uid → address, live (admins and agents read memberEmails). */
function useMemberEmails(orgId: string): Map<string, string> {
  const [emails, setEmails] = useState(new Map<string, string>());
  useEffect(
    () =>
      onSnapshot(
        collection(db, "orgs", orgId, "memberEmails"),
        (snapshot) =>
          setEmails(
            new Map(
              snapshot.docs
                .filter((d) => typeof d.get("email") === "string")
                .map((d) => [d.id, d.get("email") as string]),
            ),
          ),
        () => setEmails(new Map()),
      ),
    [orgId],
  );
  return emails;
}

export function MembersSection() {
  const org = useOrg();
  const emails = useMemberEmails(org.orgId);
  const change = useAction();
  const [failed, setFailed] = useState<{ name: string; what: string } | null>(null);
  const [removing, setRemoving] = useState<Member | null>(null);
  const removal = useAction();
  const admins = org.members.filter((m) => m.role === "admin").length;

  const changeRole = async (member: Member, role: MemberRole) => {
    setFailed({ name: member.displayName, what: "change the role of" });
    await change.run(() =>
      api("PATCH", "/orgs/{orgId}/members/{uid}", {
        params: { path: { orgId: org.orgId, uid: member.uid } },
        body: { role },
      }),
    );
  };
  const remove = async () => {
    if (!removing) return;
    const done = await removal.run(() =>
      api("DELETE", "/orgs/{orgId}/members/{uid}", { params: { path: { orgId: org.orgId, uid: removing.uid } } }),
    );
    if (done !== undefined) setRemoving(null);
  };

  return (
    <section aria-labelledby="members-heading" className="settings-section">
      <header className="section-head">
        <h2 id="members-heading">Members</h2>
        <p className="muted">
          Everyone with a role in {org.orgName}. People join by invitation, by raising an issue through public intake,
          or by an auto-join domain.
        </p>
      </header>
      {change.error !== null && failed && (
        <div className="refusal">
          <p className="refusal-lead">
            Could not {failed.what} {failed.name}.
          </p>
          <ErrorState error={change.error} compact />
        </div>
      )}
      <div className="table-scroll">
        <table className="settings-table members-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {org.members.map((member) => {
              const onlyAdmin = member.role === "admin" && admins === 1;
              return (
                <tr key={member.uid}>
                  <td data-label="Name">
                    <strong>{member.displayName}</strong>
                    {member.uid === org.uid && <span className="muted"> (you)</span>}
                    {onlyAdmin && (
                      <span className="badge only-admin" title="An organisation must keep at least one admin">
                        Only admin
                      </span>
                    )}
                  </td>
                  <td data-label="Email" className="email-cell">
                    {emails.get(member.uid) ?? <span className="muted">—</span>}
                  </td>
                  <td data-label="Role">
                    <select
                      aria-label={`Role of ${member.displayName}`}
                      value={member.role}
                      disabled={change.busy}
                      onChange={(event) => void changeRole(member, event.target.value as MemberRole)}
                    >
                      {MEMBER_ROLES.map((role) => (
                        <option key={role} value={role}>
                          {label(role)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td className="row-actions">
                    <button
                      type="button"
                      className="danger-outline"
                      aria-label={`Remove ${member.displayName}`}
                      onClick={() => {
                        removal.reset();
                        setRemoving(member);
                      }}
                    >
                      Remove
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="hint">
        Roles: admins manage everything here; agents work issues; reporters raise and comment; viewers read; customers
        use the client portal and see only their own issues.
      </p>
      <Confirm
        open={removing !== null}
        title={`Remove ${removing?.displayName ?? ""}?`}
        confirmLabel="Remove member"
        busy={removal.busy}
        error={removal.error}
        onClose={() => setRemoving(null)}
        onConfirm={() => void remove()}
      >
        <p>
          {removing?.displayName} loses access to {org.orgName} at once. Issues they raised or were assigned stay as
          they are. To bring them back, invite them again.
        </p>
      </Confirm>
    </section>
  );
}
