/** The email channel (docs/email.md): on or off, the sender's name, the acknowledgement and the signature customers get. */
import { EMAIL_SIGNATURE_MAX } from "@firetrack/domain";
import { useRef, useState, type FormEvent } from "react";
import { ActionResult, CopyButton, FieldMessages, fieldMessages, useAction } from "../shared/formParts";
import { useSettings } from "./useSettings";

export function EmailSection() {
  const { settings, save } = useSettings();
  const [enabled, setEnabled] = useState(settings.email.enabled);
  const [senderName, setSenderName] = useState(settings.email.senderName ?? "");
  const [autoAcknowledge, setAutoAcknowledge] = useState(settings.email.autoAcknowledge);
  const [signature, setSignature] = useState(settings.email.signature);
  const saving = useAction();
  const addressRef = useRef<HTMLInputElement>(null);
  const fieldsShown = fieldMessages(saving.error, "email").length > 0;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await saving.run(() =>
      save({ email: { enabled, senderName: senderName.trim() || null, autoAcknowledge, signature } }),
    );
    if (saved) {
      setSenderName(saved.email.senderName ?? "");
      setSignature(saved.email.signature);
    }
  };
  const changed = () => saving.reset();

  return (
    <section aria-labelledby="email-heading" className="settings-section">
      <header className="section-head">
        <h2 id="email-heading">Email</h2>
        <p className="muted">
          Customers write to your address to open an issue and answer our mails to reply. Agents can answer
          notifications from their inbox.
        </p>
      </header>
      <form onSubmit={(event) => void submit(event)} noValidate className="stack">
        <fieldset className="card">
          <legend>Address</legend>
          <div className="field">
            <label htmlFor="inbound-address">Your support address</label>
            <div className="copy-row">
              <input
                id="inbound-address"
                ref={addressRef}
                readOnly
                value={settings.inboundAddress}
                onFocus={(event) => event.target.select()}
                aria-describedby="inbound-address-hint"
              />
              <CopyButton
                text={settings.inboundAddress}
                label="Copy address"
                selectFallback={() => addressRef.current?.select()}
              />
            </div>
            <p className="hint" id="inbound-address-hint">
              Forward your own support mailbox here, or publish it as it is. Who may open issues by mail follows your
              intake settings.
            </p>
          </div>
          <label className="inline">
            <input
              type="checkbox"
              checked={enabled}
              onChange={(event) => {
                changed();
                setEnabled(event.target.checked);
              }}
            />
            Take issues and replies by email
          </label>
        </fieldset>
        <fieldset className="card">
          <legend>What customers get</legend>
          <label>
            Sender name
            <input
              value={senderName}
              maxLength={80}
              onChange={(event) => {
                changed();
                setSenderName(event.target.value);
              }}
              placeholder="Your organisation's name"
              aria-describedby="sender-hint"
            />
          </label>
          <p className="hint" id="sender-hint">
            Shown as the sender of every mail. Empty: your organisation's name.
          </p>
          <label className="inline">
            <input
              type="checkbox"
              checked={autoAcknowledge}
              onChange={(event) => {
                changed();
                setAutoAcknowledge(event.target.checked);
              }}
            />
            Acknowledge each new issue by mail, with its number
          </label>
          <label>
            Signature
            <textarea
              rows={4}
              value={signature}
              maxLength={EMAIL_SIGNATURE_MAX}
              onChange={(event) => {
                changed();
                setSignature(event.target.value);
              }}
              aria-describedby="signature-error"
            />
          </label>
          <FieldMessages error={saving.error} path="email" id="signature-error" />
        </fieldset>
        <div className="actions">
          <button type="submit" className="primary" disabled={saving.busy}>
            {saving.busy ? "Saving…" : "Save email settings"}
          </button>
        </div>
        <ActionResult
          error={saving.error}
          done={saving.done}
          savedText="Email settings saved."
          fieldsShown={fieldsShown}
        />
      </form>
    </section>
  );
}
