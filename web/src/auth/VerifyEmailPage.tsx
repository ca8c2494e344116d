/**
 * A signed-in account whose address is not verified may do nothing but verify it
 * (docs/security.md): the API answers it only GET /me and the rules nothing, so the
 * app shows this instead of any page.
 */
import { sendEmailVerification, type User } from "firebase/auth";
import { useState } from "react";
import { signOutNow, useRefreshUser } from "./AuthProvider";
import { signInFailure } from "./signInError";

export function VerifyEmailPage({ user }: { user: User }) {
  const refresh = useRefreshUser();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: "info" | "error"; text: string } | null>(null);

  async function resend() {
    setBusy(true);
    setMessage(null);
    try {
      await sendEmailVerification(user);
      setMessage({ kind: "info", text: `We sent a new link to ${user.email ?? "your address"}.` });
    } catch (error) {
      setMessage({ kind: "error", text: signInFailure(error).message });
    } finally {
      setBusy(false);
    }
  }

  async function verified() {
    setBusy(true);
    setMessage(null);
    try {
      await refresh();
      if (!user.emailVerified)
        setMessage({
          kind: "error",
          text: "Your address is not verified yet. Follow the link in the mail, then try again.",
        });
    } catch (error) {
      setMessage({ kind: "error", text: signInFailure(error).message });
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="signin" id="main">
      <div className="signin-card">
        <h1>Check your inbox</h1>
        <p>
          We sent a link to <strong>{user.email}</strong>. Follow it to verify your address; until then your account can
          do nothing here.
        </p>
        {message && (
          <div
            className={`alert ${message.kind === "error" ? "alert-error" : "alert-info"}`}
            role={message.kind === "error" ? "alert" : "status"}
          >
            {message.text}
          </div>
        )}
        <button type="button" className="primary" onClick={() => void verified()} disabled={busy}>
          I have verified my address
        </button>
        <button type="button" onClick={() => void resend()} disabled={busy}>
          Send the link again
        </button>
        <button type="button" className="link-button" onClick={() => void signOutNow()}>
          Sign out
        </button>
      </div>
    </main>
  );
}
