/** Google service accounts whose ID tokens may call the API as this org's services. */
import { useState, type FormEvent } from "react";
import { ActionResult, FieldMessages, fieldMessages, useAction } from "../shared/formParts";
import { useSettings } from "./useSettings";

export function ServiceAccountsSection() {
  const { settings, save } = useSettings();
  const [email, setEmail] = useState("");
  const saving = useAction();
  const [lastChange, setLastChange] = useState("");
  const invalid = fieldMessages(saving.error, "serviceAccounts").length > 0;

  const saveList = async (list: string[], change: string) => {
    setLastChange(change);
    return saving.run(() => save({ serviceAccounts: list }));
  };
  const add = async (event: FormEvent) => {
    event.preventDefault();
    const address = email.trim().toLowerCase();
    if (!address || settings.serviceAccounts.includes(address)) return;
    if (await saveList([...settings.serviceAccounts, address], `${address} may call the API now.`)) setEmail("");
  };

  return (
    <section aria-labelledby="accounts-heading" className="settings-section">
      <header className="section-head">
        <h2 id="accounts-heading">Service accounts</h2>
        <p className="muted">
          Programs on Google Cloud can call the API with the Google-signed ID token of their service account, instead of
          an API key. List the accounts you trust; each call is a service of this organisation, and its issues carry the
          source “service”.
        </p>
      </header>
      {settings.serviceAccounts.length === 0 ? (
        <p className="muted">No service accounts yet.</p>
      ) : (
        <ul className="plain-list">
          {settings.serviceAccounts.map((account) => (
            <li key={account}>
              <code>{account}</code>
              <button
                type="button"
                className="danger-outline"
                disabled={saving.busy}
                aria-label={`Remove ${account}`}
                onClick={() =>
                  void saveList(
                    settings.serviceAccounts.filter((a) => a !== account),
                    `${account} was removed.`,
                  )
                }
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="card add-row" onSubmit={(event) => void add(event)} noValidate>
        <label>
          Service account address
          <input
            type="email"
            value={email}
            placeholder="intake@my-project.iam.gserviceaccount.com"
            onChange={(event) => {
              saving.reset();
              setEmail(event.target.value);
            }}
            aria-invalid={invalid ? true : undefined}
            aria-describedby="account-error"
          />
        </label>
        <button type="submit" className="primary" disabled={saving.busy || email.trim() === ""}>
          Add
        </button>
      </form>
      <FieldMessages error={saving.error} path="serviceAccounts" id="account-error" />
      <ActionResult error={saving.error} done={saving.done} savedText={lastChange} fieldsShown={invalid} />
    </section>
  );
}
