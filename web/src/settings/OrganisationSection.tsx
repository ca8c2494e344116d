/** The org's name and slug (PATCH /orgs/{orgId}); a slug another org holds comes back as a field error. */
import { useState, type FormEvent } from "react";
import { api } from "../api/client";
import { useOrg } from "../org/OrgContext";
import { ActionResult, FieldMessages, fieldMessages, useAction } from "../shared/formParts";
import { useSettings } from "./useSettings";

export function OrganisationSection() {
  const org = useOrg();
  const { slug: currentSlug } = useSettings();
  const [name, setName] = useState(org.orgName);
  const [slug, setSlug] = useState(currentSlug);
  const saving = useAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body: Record<string, string> = {};
    if (name.trim() !== org.orgName) body.name = name;
    if (slug.trim() !== currentSlug) body.slug = slug.trim();
    if (Object.keys(body).length === 0) return;
    await saving.run(() => api("PATCH", "/orgs/{orgId}", { params: { path: { orgId: org.orgId } }, body }));
  };
  const nameInvalid = fieldMessages(saving.error, "name").length > 0;
  const slugInvalid = fieldMessages(saving.error, "slug").length > 0;
  return (
    <section aria-labelledby="organisation-heading" className="settings-section">
      <header className="section-head">
        <h2 id="organisation-heading">Organisation</h2>
        <p className="muted">
          The name everyone sees, and the slug in your intake link and mail address. Changing the slug breaks links
          already shared.
        </p>
      </header>
      <form onSubmit={(event) => void submit(event)} noValidate className="card stack">
        <label>
          Name
          <input
            value={name}
            maxLength={100}
            onChange={(e) => {
              saving.reset();
              setName(e.target.value);
            }}
            aria-invalid={nameInvalid || undefined}
            aria-describedby="org-name-error"
          />
        </label>
        <FieldMessages error={saving.error} path="name" id="org-name-error" />
        <label>
          Slug
          <input
            value={slug}
            maxLength={50}
            onChange={(e) => {
              saving.reset();
              setSlug(e.target.value);
            }}
            aria-invalid={slugInvalid || undefined}
            aria-describedby="org-slug-error"
          />
        </label>
        <FieldMessages error={saving.error} path="slug" id="org-slug-error" />
        <div className="actions">
          <button type="submit" className="primary" disabled={saving.busy}>
            {saving.busy ? "Saving…" : "Save organisation"}
          </button>
        </div>
        <ActionResult
          error={saving.error}
          done={saving.done}
          savedText="Organisation saved."
          fieldsShown={nameInvalid || slugInvalid}
        />
      </form>
    </section>
  );
}
