import {
  browserPopupRedirectResolver,
  createUserWithEmailAndPassword,
  GoogleAuthProvider,
  sendEmailVerification,
  sendPasswordResetEmail,
  signInWithCredential,
  signInWithEmailAndPassword,
  signInWithPopup,
  updateProfile,
} from "firebase/auth";
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
  const claims = {
    sub: `google-${email.toLowerCase()}`,
    email: email.toLowerCase(),
    email_verified: true,
    name: name || email.split("@")[0],
  };
  return GoogleAuthProvider.credential(JSON.stringify(claims));
}

/** One card, three forms: signing in, creating an account (verified by mail before it can act), resetting a password. */
type Mode = "signin" | "signup" | "reset";

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
  const [mode, setMode] = useState<Mode>("signin");
  const [name, setName] = useState("");
  const [resetSent, setResetSent] = useState<string | null>(null);

  const switchTo = (next: Mode) => {
    setMode(next);
    setFailure(null);
    setResetSent(null);
  };

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
  const signUp = (event: FormEvent) => {
    event.preventDefault();
    void attempt(async () => {
      const { user } = await createUserWithEmailAndPassword(auth, email.trim(), password);
      if (name.trim()) await updateProfile(user, { displayName: name.trim() });
      // The account can act only once its owner follows this link (the app shows "Check your inbox").
      await sendEmailVerification(user);
    });
  };
  const resetPassword = (event: FormEvent) => {
    event.preventDefault();
    const address = email.trim();
    void attempt(async () => {
      try {
        await sendPasswordResetEmail(auth, address);
      } catch (error) {
        // The same answer whether or not the address has an account: the form must not tell who signs in here.
        if ((error as { code?: string }).code !== "auth/user-not-found") throw error;
      }
      setResetSent(address);
    });
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
        <h1>{mode === "signin" ? "Sign in" : mode === "signup" ? "Create an account" : "Reset your password"}</h1>
        {failure && (
          <div className={`alert ${failure.refused ? "alert-refused" : "alert-error"}`} role="alert">
            {failure.refused && <strong>Sign-in refused. </strong>}
            {failure.message}
          </div>
        )}
        {mode === "signin" && (
          <>
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
              <EmailField value={email} onChange={setEmail} autoComplete="username" />
              <PasswordField value={password} onChange={setPassword} autoComplete="current-password" />
              <button type="submit" className="primary" disabled={busy}>
                {busy ? "Signing in…" : "Sign in"}
              </button>
            </form>
            <p className="signin-links">
              <button type="button" className="link-button" onClick={() => switchTo("reset")}>
                Forgot your password?
              </button>
              <button type="button" className="link-button" onClick={() => switchTo("signup")}>
                Create an account
              </button>
            </p>
          </>
        )}
        {mode === "signup" && (
          <>
            <form onSubmit={signUp} className="stack">
              <label>
                Your name
                <input autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} />
              </label>
              <EmailField value={email} onChange={setEmail} autoComplete="email" />
              <PasswordField value={password} onChange={setPassword} autoComplete="new-password" minLength={6} />
              <p className="hint">We will mail you a link to verify your address before your account can be used.</p>
              <button type="submit" className="primary" disabled={busy}>
                {busy ? "Creating…" : "Create account"}
              </button>
            </form>
            <button type="button" className="link-button" onClick={() => switchTo("signin")}>
              I have an account: sign in
            </button>
          </>
        )}
        {mode === "reset" && (
          <>
            {resetSent ? (
              <div className="alert alert-info" role="status">
                If an account uses {resetSent}, we sent it a link to choose a new password.
              </div>
            ) : (
              <form onSubmit={resetPassword} className="stack">
                <EmailField value={email} onChange={setEmail} autoComplete="username" />
                <button type="submit" className="primary" disabled={busy}>
                  {busy ? "Sending…" : "Send reset link"}
                </button>
              </form>
            )}
            <button type="button" className="link-button" onClick={() => switchTo("signin")}>
              Back to sign in
            </button>
          </>
        )}
        {onEmulators && (
          <p className="hint">Running on the Firebase emulators: demo accounts use the password “firetrack-demo”.</p>
        )}
      </div>
      <Dialog open={picker} title="Google account (Auth emulator)" onClose={() => setPicker(false)}>
        <form onSubmit={withEmulatedGoogle} className="stack">
          <p className="hint">
            The Auth emulator signs in any Google address you enter; the deployment’s domain policy still applies.
          </p>
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

interface FieldProps {
  value: string;
  onChange: (value: string) => void;
  autoComplete: string;
}

/** The address field of every mode: the browser's autofill tells sign-in from sign-up by autoComplete. */
function EmailField({ value, onChange, autoComplete }: FieldProps) {
  return (
    <label>
      Email
      <input
        type="email"
        autoComplete={autoComplete}
        required
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </label>
  );
}

function PasswordField({ value, onChange, autoComplete, minLength }: FieldProps & { minLength?: number }) {
  return (
    <label>
      Password
      <input
        type="password"
        autoComplete={autoComplete}
        required
        minLength={minLength}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </label>
  );
}
