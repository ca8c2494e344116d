import { browserPopupRedirectResolver, GoogleAuthProvider, signInWithCredential, signInWithEmailAndPassword, signInWithPopup } from "firebase/auth";
import { useState, type FormEvent } from "react";
import { Navigate, useLocation } from "react-router";
import { auth, onEmulators } from "../firebase";
import { Dialog } from "../ui/Dialog";
import { useAuth } from "./AuthProvider";
import { signInFailure, type SignInFailure } from "./signInError";

/**
 * Google's real popup needs scripts from Google that the offline emulator suite
 * cannot load, so on the emulators the Google button asks for the account here and
 * sends the Auth emulator the same unsigned Google ID token its own account
 * picker would. Production uses the real popup.
 */
function emulatedGoogleCredential(email: string, name: string) {
  const claims = { sub: `google-${email.toLowerCase()}`, email: email.toLowerCase(), email_verified: true, name: name || email.split("@")[0] };
  return GoogleAuthProvider.credential(JSON.stringify(claims));
}

export function SignInPage() {
  const state = useAuth();
  const location = useLocation();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<SignInFailure | null>(null);
  const [picker, setPicker] = useState(false);
  const [googleEmail, setGoogleEmail] = useState("");
  const [googleName, setGoogleName] = useState("");

  const from = (location.state as { from?: string } | null)?.from ?? "/";
  if (state.status === "signedIn") return <Navigate to={from} replace />;

  async function attempt(signIn: () => Promise<unknown>) {
    setBusy(true);
    setFailure(null);
    try {
      await signIn();
    } catch (error) {
      setFailure(signInFailure(error));
    } finally {
      setBusy(false);
    }
  }

  const withPassword = (event: FormEvent) => {
    event.preventDefault();
    void attempt(() => signInWithEmailAndPassword(auth, email.trim(), password));
  };
  const withGoogle = () => {
    if (onEmulators) setPicker(true);
    else void attempt(() => signInWithPopup(auth, new GoogleAuthProvider(), browserPopupRedirectResolver));
  };
  const withEmulatedGoogle = (event: FormEvent) => {
    event.preventDefault();
    setPicker(false);
    void attempt(() => signInWithCredential(auth, emulatedGoogleCredential(googleEmail.trim(), googleName.trim())));
  };

  return (
    <main className="signin" id="main">
      <div className="signin-card">
        <p className="brand signin-brand">
          <span className="brand-mark" aria-hidden="true">
            ▲
          </span>
          Firetrack
        </p>
        <h1>Sign in</h1>
        {failure && (
          <div className={`alert ${failure.refused ? "alert-refused" : "alert-error"}`} role="alert">
            {failure.refused && <strong>Sign-in refused. </strong>}
            {failure.message}
          </div>
        )}
        <button type="button" className="google-button" onClick={withGoogle} disabled={busy}>
          <span className="google-g" aria-hidden="true">
            G
          </span>
          Continue with Google
        </button>
        <p className="divider">
          <span>or with email</span>
        </p>
        <form onSubmit={withPassword} className="stack">
          <label>
            Email
            <input type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
          </label>
          <label>
            Password
            <input type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
          </label>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? "Signing in…" : "Sign in"}
          </button>
        </form>
        {onEmulators && <p className="hint">Running on the Firebase emulators: demo accounts use the password “firetrack-demo”.</p>}
      </div>
      <Dialog open={picker} title="Google account (Auth emulator)" onClose={() => setPicker(false)}>
        <form onSubmit={withEmulatedGoogle} className="stack">
          <p className="hint">The Auth emulator signs in any Google address you enter; the deployment’s domain policy still applies.</p>
          <label>
            Google email
            <input type="email" required value={googleEmail} onChange={(e) => setGoogleEmail(e.target.value)} />
          </label>
          <label>
            Display name
            <input value={googleName} onChange={(e) => setGoogleName(e.target.value)} />
          </label>
          <div className="actions">
            <button type="button" onClick={() => setPicker(false)}>
              Cancel
            </button>
            <button type="submit" className="primary">
              Continue
            </button>
          </div>
        </form>
      </Dialog>
    </main>
  );
}
