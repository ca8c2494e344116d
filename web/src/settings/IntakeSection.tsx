/** Who may raise issues without an invitation (public intake, with its link, and auto-join domains), and whose addresses may hold staff roles. */
import { useRef, useState, type FormEvent } from "react";
import { ApiProblem } from "../api/problem";
import { ActionResult, CopyButton, FieldMessages, fieldMessages, useAction } from "../shared/formParts";
import { intakeLink, parseList } from "./lists";
import { useSettings } from "./useSettings";

/** The org's short name: its intake link and its mail address. A taken one is refused on the field, with a free one to take. */
function SlugForm() {
  const { slug, changeSlug } = useSettings();
  const [value, setValue] = useState(slug);
  const saving = useAction();
  const problems = fieldMessages(saving.error, "slug");
  const suggestion =
    saving.error instanceof ApiProblem && typeof saving.error.extensions.suggestion === "string"
      ? saving.error.extensions.suggestion
      : null;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await saving.run(() => changeSlug(value.trim()));
    if (saved) setValue(saved);
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="stack">
      <fieldset className="card">
        <legend>Short name</legend>
        <label>
          Short name in links and in your mail address
          <input
            value={value}
            maxLength={50}
            onChange={(event) => {
              saving.reset();
              setValue(event.target.value);
            }}
            aria-invalid={problems.length > 0 ? true : undefined}
            aria-describedby="slug-hint slug-error"
            spellCheck={false}
          />
        </label>
        <FieldMessages error={saving.error} path="slug" id="slug-error" />
        {suggestion && (
          <p>
            <button
              type="button"
              onClick={() => {
                saving.reset();
                setValue(suggestion);
              }}
            >
              Use {suggestion}
            </button>
          </p>
        )}
        <p className="hint" id="slug-hint">
          Lowercase letters, digits and dashes. Changing it frees the old one: links and mail to the old name stop
          reaching you.
        </p>
        <div className="actions">
          <button type="submit" disabled={saving.busy || value.trim() === slug}>
            {saving.busy ? "Saving…" : "Change short name"}
          </button>
        </div>
        <ActionResult
          error={saving.error}
          done={saving.done}
          savedText="Short name changed."
          fieldsShown={problems.length > 0}
        />
      </fieldset>
    </form>
  );
}

export function IntakeSection() {
  const { settings, slug, save } = useSettings();
  const [publicIntake, setPublicIntake] = useState(settings.publicIntake);
  const [domains, setDomains] = useState(settings.autoJoinDomains.join("\n"));
  const [staffDomains, setStaffDomains] = useState((settings.staffDomains ?? []).join("\n"));
  const saving = useAction();
  const linkRef = useRef<HTMLInputElement>(null);
  const link = intakeLink(window.location.origin, slug);
  const domainsInvalid = fieldMessages(saving.error, "autoJoinDomains").length > 0;
  const staffDomainsInvalid = fieldMessages(saving.error, "staffDomains").length > 0;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await saving.run(() =>
      save({ publicIntake, autoJoinDomains: parseList(domains), staffDomains: parseList(staffDomains) }),
    );
    if (saved) {
      setPublicIntake(saved.publicIntake);
      setDomains(saved.autoJoinDomains.join("\n"));
      setStaffDomains(saved.staffDomains.join("\n"));
    }
  };

  return (
    <section aria-labelledby="intake-heading" className="settings-section">
      <header className="section-head">
        <h2 id="intake-heading">Intake</h2>
        <p className="muted">
          How people who are not members yet reach you. Whoever raises an issue this way becomes a customer: they see
          only their own issues.
        </p>
      </header>
      <SlugForm key={slug} />
      <form onSubmit={(event) => void submit(event)} noValidate className="stack">
        <fieldset className="card">
          <legend>Public intake</legend>
          <label className="inline">
            <input
              type="checkbox"
              checked={publicIntake}
              onChange={(event) => {
                saving.reset();
                setPublicIntake(event.target.checked);
              }}
            />
            Anyone who signs in may raise an issue with us
          </label>
          <div className="field intake-link">
            <label htmlFor="intake-link">Intake link</label>
            <div className="copy-row">
              <input
                id="intake-link"
                ref={linkRef}
                readOnly
                value={link}
                onFocus={(event) => event.target.select()}
                aria-describedby="intake-link-hint"
              />
              <CopyButton text={link} label="Copy link" selectFallback={() => linkRef.current?.select()} />
            </div>
            <p className="hint" id="intake-link-hint">
              {settings.publicIntake
                ? "Share it on your website or in your mail signature."
                : "The link works once public intake is on and saved. Until then it shows that this organisation takes no public issues."}
            </p>
          </div>
          <div className="field">
            <label htmlFor="intake-address">Email address</label>
            <div className="copy-row">
              <input
                id="intake-address"
                readOnly
                value={settings.inboundAddress}
                onFocus={(event) => event.target.select()}
                aria-describedby="intake-address-hint"
              />
              <CopyButton text={settings.inboundAddress} label="Copy address" />
            </div>
            <p className="hint" id="intake-address-hint">
              A mail to this address opens an issue under the same rules as the link. Email settings: on or off, sender
              name, signature.
            </p>
          </div>
        </fieldset>
        <fieldset className="card">
          <legend>Auto-join domains</legend>
          <label>
            Domains, one per line
            <textarea
              rows={4}
              value={domains}
              onChange={(event) => {
                saving.reset();
                setDomains(event.target.value);
              }}
              placeholder={"example.com\nclient.example.org"}
              aria-invalid={domainsInvalid ? true : undefined}
              aria-describedby="domains-hint domains-error"
            />
          </label>
          <FieldMessages error={saving.error} path="autoJoinDomains" id="domains-error" />
          <p className="hint" id="domains-hint">
            Someone whose verified address is at one of these domains may raise issues as a customer, even with public
            intake off. Up to 20.
          </p>
        </fieldset>
        <fieldset className="card">
          <legend>Staff domains</legend>
          <label>
            Domains, one per line
            <textarea
              rows={3}
              value={staffDomains}
              onChange={(event) => {
                saving.reset();
                setStaffDomains(event.target.value);
              }}
              placeholder={"example.com"}
              aria-invalid={staffDomainsInvalid ? true : undefined}
              aria-describedby="staff-domains-hint staff-domains-error"
            />
          </label>
          <FieldMessages error={saving.error} path="staffDomains" id="staff-domains-error" />
          <p className="hint" id="staff-domains-hint">
            Admins, agents, reporters and viewers need a verified address at one of these domains (or a subdomain):
            invitations and role changes to other addresses are refused. Customers may use any address. Empty: any
            verified address. Up to 20.
          </p>
        </fieldset>
        <div className="actions">
          <button type="submit" className="primary" disabled={saving.busy}>
            {saving.busy ? "Saving…" : "Save intake settings"}
          </button>
        </div>
        <ActionResult
          error={saving.error}
          done={saving.done}
          savedText="Intake settings saved."
          fieldsShown={domainsInvalid || staffDomainsInvalid}
        />
      </form>
    </section>
  );
}
