/**
 * Registration: where a signed-in person without a membership starts, and where an
 * invitation link from mail (/invites/{inviteId}) lands after sign-in. It offers the
 * pending invitations from GET /me (verified address only), creating an organisation
 * (its creator is its admin), and raising an issue with an org that takes public intake.
 */
import { LIMITS } from "@firetrack/domain";
import { sendEmailVerification } from "firebase/auth";
import { useState, type FormEvent } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { api } from "../api/client";
import { ApiProblem } from "../api/problem";
import { AppShell } from "../AppShell";
import { useUser } from "../auth/AuthProvider";
import { homeOf, useMe, type Invitation } from "../org/me";
import { slugFromIntakeInput } from "../shared/links";
import { label } from "../ui/labels";
import { RelativeTime } from "../ui/RelativeTime";
import { ErrorState } from "../ui/states";
import "../portal/portal.css";

export default function WelcomePage() {
  const { inviteId } = useParams();
  const me = useMe();
  const user = useUser();
  const invites = me.invites ?? [];
  const linked = inviteId ? invites.find((i) => i.id === inviteId) : undefined;
  const ordered = linked ? [linked, ...invites.filter((i) => i !== linked)] : invites;

  return (
    <AppShell>
      <main className="page narrow welcome" id="main">
        <h1>Welcome to Firetrack{me.name ? `, ${me.name}` : ""}</h1>
        <p className="lead">
          {me.memberships.length === 0
            ? "You are not a member of any organisation yet. Start here."
            : "Join another organisation, create one, or raise an issue with one."}
        </p>

        {inviteId && !linked && <InviteNotFound verified={user.emailVerified} email={user.email} />}

        <section className="card welcome-card" aria-labelledby="invites-heading">
          <h2 id="invites-heading">Your invitations</h2>
          {ordered.length === 0 ? (
            <p className="muted">
              No pending invitations for {user.email ?? "your account"}
              {user.emailVerified ? "." : ". Invitations show once your address is verified."}
            </p>
          ) : (
            <ul className="invite-list">
              {ordered.map((invite) => (
                <InviteRow key={invite.id} invite={invite} highlighted={invite === linked} />
              ))}
            </ul>
          )}
        </section>

        <CreateOrgCard />
        <IntakeCard />
      </main>
    </AppShell>
  );
}

function InviteNotFound({ verified, email }: { verified: boolean; email: string | null }) {
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const user = useUser();
  return (
    <div className="notice invite-missing" role="status">
      {verified ? (
        <p>
          This invitation is not open for {email ?? "this account"}: it was sent to another address, or it was accepted,
          revoked or has expired. Sign in with the address it was sent to, or ask for a new one.
        </p>
      ) : (
        <>
          <p>
            Invitations open only for a verified address. Verify {email ?? "your address"}, then sign in again and
            follow the link.
          </p>
          {sent ? (
            <p>We sent a verification mail to {email}.</p>
          ) : (
            <button type="button" onClick={() => sendEmailVerification(user).then(() => setSent(true), setError)}>
              Send the verification mail
            </button>
          )}
          {error !== null && <ErrorState error={error} compact />}
        </>
      )}
    </div>
  );
}

function InviteRow({ invite, highlighted }: { invite: Invitation; highlighted: boolean }) {
  const me = useMe();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const accept = async () => {
    setBusy(true);
    setError(null);
    try {
      const { data } = await api("POST", "/invites/{inviteId}/accept", {
        params: { path: { inviteId: invite.id } },
        body: {},
      });
      await me.refresh();
      navigate(homeOf(data));
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };
  return (
    <li className={highlighted ? "invite highlighted" : "invite"}>
      <div>
        <strong>{invite.orgName}</strong> invites you as <strong>{label(invite.role)}</strong>
        <p className="muted">
          Expires <RelativeTime value={invite.expiresAt} />
        </p>
      </div>
      <button
        type="button"
        className="primary"
        disabled={busy}
        onClick={() => void accept()}
        aria-label={`Accept the invitation to ${invite.orgName}`}
      >
        {busy ? "Joining…" : "Accept"}
      </button>
      {error !== null && <ErrorState error={error} compact />}
    </li>
  );
}

function CreateOrgCard() {
  const me = useMe();
  const navigate = useNavigate();
  const [name, setName] = useState("");
  const [slug, setSlug] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [slugError, setSlugError] = useState<{ message: string; suggestion: string | null } | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setFieldError("Required.");
      return;
    }
    setBusy(true);
    setError(null);
    setFieldError(null);
    setSlugError(null);
    try {
      const body = slug.trim() ? { name: name.trim(), slug: slug.trim() } : { name: name.trim() };
      const { data } = await api("POST", "/orgs", { body });
      await me.refresh();
      navigate(`/o/${encodeURIComponent(data.id)}/issues`);
    } catch (err) {
      const problem = err instanceof ApiProblem ? err : null;
      const nameProblem = problem?.errors.find((e) => e.path === "name");
      // A short name another organisation has (409) or a malformed one (422): said on the field, with a free one to take.
      const slugProblem = problem?.errors.find((e) => e.path === "slug");
      if (nameProblem) setFieldError(nameProblem.message);
      else if (slugProblem)
        setSlugError({
          message: slugProblem.message,
          suggestion: typeof problem?.extensions.suggestion === "string" ? problem.extensions.suggestion : null,
        });
      else setError(err);
      setBusy(false);
    }
  };
  return (
    <section className="card welcome-card" aria-labelledby="create-org-heading">
      <h2 id="create-org-heading">Create an organisation</h2>
      <p className="muted">For your own team: you become its admin and can invite colleagues.</p>
      <form className="inline-form" onSubmit={submit} noValidate>
        <label>
          Organisation name
          <input
            value={name}
            maxLength={LIMITS.orgNameMax}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={fieldError ? "org-name-error" : undefined}
          />
        </label>
        <label>
          Short name (optional)
          <input
            value={slug}
            maxLength={50}
            spellCheck={false}
            placeholder="acme-support"
            onChange={(e) => {
              setSlugError(null);
              setSlug(e.target.value);
            }}
            aria-invalid={slugError ? true : undefined}
            aria-describedby={slugError ? "org-slug-error" : undefined}
          />
        </label>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? "Creating…" : "Create organisation"}
        </button>
      </form>
      {fieldError && (
        <p className="field-error" id="org-name-error">
          {fieldError}
        </p>
      )}
      {slugError && (
        <p className="field-error" id="org-slug-error">
          {slugError.message}{" "}
          {slugError.suggestion && (
            <button
              type="button"
              onClick={() => {
                setSlug(slugError.suggestion!);
                setSlugError(null);
              }}
            >
              Use {slugError.suggestion}
            </button>
          )}
        </p>
      )}
      {error !== null && <ErrorState error={error} compact />}
    </section>
  );
}

function IntakeCard() {
  const navigate = useNavigate();
  const [value, setValue] = useState("");
  const [fieldError, setFieldError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const slug = slugFromIntakeInput(value);
    if (!slug) {
      setFieldError("Paste the link the organisation gave you, or its short name (like acme-support).");
      return;
    }
    navigate(`/raise/${slug}`);
  };
  return (
    <section className="card welcome-card" aria-labelledby="intake-heading">
      <h2 id="intake-heading">Raise an issue with an organisation</h2>
      <p className="muted">Organisations that take requests from anyone share a link. Open it, or paste it here.</p>
      <form className="inline-form" onSubmit={submit} noValidate>
        <label>
          Intake link or short name
          <input
            value={value}
            onChange={(e) => setValue(e.target.value)}
            placeholder="https://…/raise/acme-support"
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={fieldError ? "intake-error" : undefined}
          />
        </label>
        <button type="submit">Continue</button>
      </form>
      {fieldError && (
        <p className="field-error" id="intake-error">
          {fieldError}
        </p>
      )}
      <p className="hint">
        Already a customer somewhere? <Link to="/portal">See your issues</Link>.
      </p>
    </section>
  );
}
