/**
 * API keys for services. The whole key is shown once, right after it is made; the list
 * is live from Firestore (admins read the metadata), so "last used" moves as services call.
 */
import type { Timestamp } from "firebase/firestore";
import { useRef, useState, type FormEvent } from "react";
import { api } from "../api/client";
import { useLiveCollection as useList } from "../shared/live";
import { useOrg } from "../org/OrgContext";
import { label } from "../ui/labels";
import { RelativeTime } from "../ui/RelativeTime";
import { Empty, ErrorState, Loading } from "../ui/states";
import { Confirm, CopyButton, FieldMessages, fieldMessages, useAction } from "../shared/formParts";

const KEY_ROLES = ["service", "agent", "reporter", "viewer"] as const;

interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  role: string;
  createdAt: Timestamp | null;
  lastUsedAt: Timestamp | null;
  revokedAt: Timestamp | null;
}
const keyOf = (data: Record<string, unknown>, id: string) => ({ id, ...data }) as ApiKey;

export function ApiKeysSection() {
  const org = useOrg();
  const keys = useList(["orgs", org.orgId, "apiKeys"], "createdAt", keyOf);
  const [name, setName] = useState("");
  const [role, setRole] = useState<(typeof KEY_ROLES)[number]>("service");
  const creating = useAction();
  const [fresh, setFresh] = useState<{ name: string; key: string } | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const revocation = useAction();
  const keyRef = useRef<HTMLInputElement>(null);
  const nameInvalid = fieldMessages(creating.error, "name").length > 0;

  const create = async (event: FormEvent) => {
    event.preventDefault();
    const made = await creating.run(() =>
      api("POST", "/orgs/{orgId}/api-keys", {
        params: { path: { orgId: org.orgId } },
        body: { name: name.trim(), role },
      }),
    );
    // The answer to a create is the only one that carries the whole key.
    if (made?.data.key) {
      setFresh({ name: made.data.name, key: made.data.key });
      setName("");
    }
  };
  const revoke = async () => {
    if (!revoking) return;
    if (
      (await revocation.run(() =>
        api("DELETE", "/orgs/{orgId}/api-keys/{keyId}", { params: { path: { orgId: org.orgId, keyId: revoking.id } } }),
      )) !== undefined
    )
      setRevoking(null);
  };

  return (
    <section aria-labelledby="keys-heading" className="settings-section">
      <header className="section-head">
        <h2 id="keys-heading">API keys</h2>
        <p className="muted">
          Services log issues with a key: <code>Authorization: Bearer ftk_…</code>. Whatever its role, a key acts as a
          service: its issues and comments carry the source “service”.
        </p>
      </header>

      {fresh ? (
        <section className="card new-key" aria-label="New API key">
          <h3>Copy the key for “{fresh.name}” now</h3>
          <p>
            This is the only time the whole key is shown. Store it in your service's secrets; if it is lost, make a new
            key and revoke this one.
          </p>
          <div className="copy-row">
            <input
              ref={keyRef}
              readOnly
              value={fresh.key}
              aria-label="The new API key"
              className="key-value"
              onFocus={(event) => event.target.select()}
            />
            <CopyButton text={fresh.key} label="Copy key" selectFallback={() => keyRef.current?.select()} />
          </div>
          <div className="actions">
            <button type="button" className="primary" onClick={() => setFresh(null)}>
              I have stored it
            </button>
          </div>
        </section>
      ) : (
        <form className="card add-row" onSubmit={(event) => void create(event)} noValidate>
          <label>
            Name
            <input
              value={name}
              placeholder="e.g. Checkout service"
              onChange={(event) => {
                creating.reset();
                setName(event.target.value);
              }}
              aria-invalid={nameInvalid ? true : undefined}
              aria-describedby="key-name-error"
            />
          </label>
          <label>
            Role
            <select value={role} onChange={(event) => setRole(event.target.value as (typeof KEY_ROLES)[number])}>
              {KEY_ROLES.map((r) => (
                <option key={r} value={r}>
                  {label(r)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="primary" disabled={creating.busy || name.trim() === ""}>
            {creating.busy ? "Creating…" : "Create key"}
          </button>
        </form>
      )}
      <FieldMessages error={creating.error} path="name" id="key-name-error" />
      {creating.error !== null && <ErrorState error={creating.error} compact fieldsShown={nameInvalid} />}

      {keys.status === "loading" ? (
        <Loading what="the keys" />
      ) : keys.status === "error" ? (
        <ErrorState error={keys.error} compact />
      ) : keys.value.length === 0 ? (
        <Empty title="No API keys yet." />
      ) : (
        <div className="table-scroll">
          <table className="settings-table keys-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Key</th>
                <th scope="col">Role</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {[...keys.value].reverse().map((key) => (
                <tr key={key.id} className={key.revokedAt ? "revoked" : ""} data-key-id={key.id}>
                  <td data-label="Name">
                    <strong>{key.name}</strong>
                  </td>
                  <td data-label="Key">
                    <code>{key.prefix}…</code>
                  </td>
                  <td data-label="Role">{label(key.role)}</td>
                  <td data-label="Created">
                    <RelativeTime value={key.createdAt} />
                  </td>
                  <td data-label="Last used" className="last-used">
                    <RelativeTime value={key.lastUsedAt} fallback="Never" />
                  </td>
                  <td className="row-actions">
                    {key.revokedAt ? (
                      <span className="badge revoked-badge">
                        Revoked <RelativeTime value={key.revokedAt} />
                      </span>
                    ) : (
                      <button
                        type="button"
                        className="danger-outline"
                        aria-label={`Revoke ${key.name}`}
                        onClick={() => {
                          revocation.reset();
                          setRevoking(key);
                        }}
                      >
                        Revoke
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Confirm
        open={revoking !== null}
        title={`Revoke “${revoking?.name ?? ""}”?`}
        confirmLabel="Revoke key"
        busy={revocation.busy}
        error={revocation.error}
        onClose={() => setRevoking(null)}
        onConfirm={() => void revoke()}
      >
        <p>
          Calls with this key are refused from now on. This cannot be undone: a service that still needs access needs a
          new key.
        </p>
      </Confirm>
    </section>
  );
}
