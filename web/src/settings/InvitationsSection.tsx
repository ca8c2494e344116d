/**
 * Invitations: an address and a role; the addressee accepts after signing in with that
 * (verified) address. Pending ones can be revoked, lapsed ones sent again.
 */
import { MEMBER_ROLES, type MemberRole } from "@firetrack/domain";
import { useCallback, useEffect, useState, type FormEvent } from "react";
import type { OrgInvitation } from "../api/answers";
import { api } from "../api/client";
import { useOrg } from "../org/OrgContext";
import { label } from "../ui/labels";
import { RelativeTime } from "../ui/RelativeTime";
import { Empty, ErrorState, Loading } from "../ui/states";
import { ActionResult, Confirm, FieldMessages, fieldMessages, useAction } from "../shared/formParts";

type Invitation = OrgInvitation;

const STATUS_TEXT: Record<Invitation["status"], string> = {
  pending: "Pending",
  expired: "Expired",
  accepted: "Accepted",
};

export function InvitationsSection() {
  const org = useOrg();
  const [list, setList] = useState<{ invites: Invitation[] | null; error: unknown }>({ invites: null, error: null });
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<MemberRole>("agent");
  const sending = useAction();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<Invitation | null>(null);
  const revocation = useAction();

  const load = useCallback(async () => {
    try {
      const { data } = await api("GET", "/orgs/{orgId}/invites", { params: { path: { orgId: org.orgId } } });
      setList({ invites: data.data, error: null });
    } catch (error) {
      setList((current) => ({ invites: current.invites, error }));
    }
  }, [org.orgId]);
  useEffect(() => {
    void load();
  }, [load]);

  const invite = async (event: FormEvent) => {
    event.preventDefault();
    const address = email.trim();
    const sent = await sending.run(() =>
      api("POST", "/orgs/{orgId}/invites", { params: { path: { orgId: org.orgId } }, body: { email: address, role } }),
    );
    if (sent !== undefined) {
      setSentTo(address);
      setEmail("");
      await load();
    }
  };
  const renew = async (invitation: Invitation) => {
    const sent = await sending.run(() =>
      api("POST", "/orgs/{orgId}/invites", {
        params: { path: { orgId: org.orgId } },
        body: { email: invitation.email, role: invitation.role },
      }),
    );
    if (sent !== undefined) {
      setSentTo(invitation.email);
      await load();
    }
  };
  const revoke = async () => {
    if (!revoking) return;
    const done = await revocation.run(() =>
      api("DELETE", "/orgs/{orgId}/invites/{inviteId}", {
        params: { path: { orgId: org.orgId, inviteId: revoking.id } },
      }),
    );
    if (done !== undefined) {
      setRevoking(null);
      await load();
    }
  };

  const pending = list.invites?.filter((i) => i.status === "pending") ?? [];
  const others = list.invites?.filter((i) => i.status !== "pending") ?? [];

  return (
    <section aria-labelledby="invitations-heading" className="settings-section">
      <header className="section-head">
        <h2 id="invitations-heading">Invitations</h2>
        <p className="muted">
          We mail a link to the address. Whoever signs in with that address, once verified, can accept and joins with
          the role you chose. An invitation lapses after 7 days.
        </p>
      </header>
      <form className="card invite-form" onSubmit={(event) => void invite(event)} noValidate>
        <h3>Invite someone</h3>
        <div className="invite-fields">
          <label>
            Email address
            <input
              type="email"
              value={email}
              autoComplete="off"
              required
              onChange={(event) => setEmail(event.target.value)}
              aria-invalid={fieldMessages(sending.error, "email").length > 0 ? true : undefined}
              aria-describedby="invite-email-error"
            />
          </label>
          <label>
            Role
            <select value={role} onChange={(event) => setRole(event.target.value as MemberRole)}>
              {MEMBER_ROLES.map((r) => (
                <option key={r} value={r}>
                  {label(r)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="primary" disabled={sending.busy || email.trim() === ""}>
            {sending.busy ? "Sending…" : "Send invitation"}
          </button>
        </div>
        <FieldMessages error={sending.error} path="email" id="invite-email-error" />
        <ActionResult
          error={sending.error}
          done={sending.done}
          savedText={`Invitation sent to ${sentTo ?? "the address"}.`}
          fieldsShown
        />
      </form>

      <h3>Pending</h3>
      {list.error !== null && <ErrorState error={list.error} retry={() => void load()} compact />}
      {list.invites === null ? (
        list.error === null && <Loading what="the invitations" />
      ) : pending.length === 0 ? (
        <Empty title="No pending invitations." />
      ) : (
        <InvitationTable
          invitations={pending}
          onRevoke={(i) => {
            revocation.reset();
            setRevoking(i);
          }}
        />
      )}
      {others.length > 0 && (
        <>
          <h3>Accepted and expired</h3>
          <InvitationTable invitations={others} onRenew={(i) => void renew(i)} busy={sending.busy} />
        </>
      )}
      <Confirm
        open={revoking !== null}
        title="Revoke the invitation?"
        confirmLabel="Revoke invitation"
        busy={revocation.busy}
        error={revocation.error}
        onClose={() => setRevoking(null)}
        onConfirm={() => void revoke()}
      >
        <p>
          The link mailed to <strong>{revoking?.email}</strong> stops working. You can invite the address again later.
        </p>
      </Confirm>
    </section>
  );
}

function InvitationTable({
  invitations,
  onRevoke,
  onRenew,
  busy = false,
}: {
  invitations: Invitation[];
  onRevoke?: (invitation: Invitation) => void;
  onRenew?: (invitation: Invitation) => void;
  busy?: boolean;
}) {
  return (
    <div className="table-scroll">
      <table className="settings-table">
        <thead>
          <tr>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
            <th scope="col">Sent</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {invitations.map((invitation) => (
            <tr key={invitation.id}>
              <td data-label="Email" className="email-cell">
                {invitation.email}
              </td>
              <td data-label="Role">{label(invitation.role)}</td>
              <td data-label="Status">
                <span className={`badge invite-${invitation.status}`}>{STATUS_TEXT[invitation.status]}</span>{" "}
                {invitation.status === "pending" && (
                  <span className="muted">
                    expires <RelativeTime value={invitation.expiresAt} />
                  </span>
                )}
                {invitation.status === "accepted" && (
                  <span className="muted">
                    <RelativeTime value={invitation.acceptedAt} />
                  </span>
                )}
              </td>
              <td data-label="Sent">
                <RelativeTime value={invitation.createdAt} />
              </td>
              <td className="row-actions">
                {onRevoke && invitation.status === "pending" && (
                  <button
                    type="button"
                    className="danger-outline"
                    aria-label={`Revoke the invitation to ${invitation.email}`}
                    onClick={() => onRevoke(invitation)}
                  >
                    Revoke
                  </button>
                )}
                {onRenew && invitation.status === "expired" && (
                  <button
                    type="button"
                    disabled={busy}
                    aria-label={`Invite ${invitation.email} again`}
                    onClick={() => onRenew(invitation)}
                  >
                    Invite again
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
