import { onAuthStateChanged, signOut, type User } from "firebase/auth";
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from "react";
import { auth } from "../firebase";

type AuthState =
  | { status: "loading" }
  | { status: "signedOut" }
  | { status: "signedIn"; user: User; emailVerified: boolean };

const AuthContext = createContext<AuthState>({ status: "loading" });
/** Reads the user again from Auth (after the address was verified elsewhere), with a fresh token. */
const RefreshContext = createContext<() => Promise<void>>(async () => undefined);

const signedIn = (user: User): AuthState => ({ status: "signedIn", user, emailVerified: user.emailVerified });

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: "loading" });
  useEffect(() => onAuthStateChanged(auth, (user) => setState(user ? signedIn(user) : { status: "signedOut" })), []);
  // Verifying through the mailed link changes nothing Auth tells this tab about: reload, then take a
  // token that carries email_verified, which the API and the rules ask for.
  const refresh = useCallback(async () => {
    const user = auth.currentUser;
    if (!user) return;
    await user.reload();
    await user.getIdToken(true);
    setState(signedIn(user));
  }, []);
  return (
    <AuthContext.Provider value={state}>
      <RefreshContext.Provider value={refresh}>{children}</RefreshContext.Provider>
    </AuthContext.Provider>
  );
}

export const useAuth = () => useContext(AuthContext);
export const useRefreshUser = () => useContext(RefreshContext);

/** The signed-in user; only for components under a route that requires one. */
export function useUser(): User {
  const state = useAuth();
  if (state.status !== "signedIn") throw new Error("useUser outside a signed-in route");
  return state.user;
}

export const signOutNow = () => signOut(auth);
