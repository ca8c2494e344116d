import { onAuthStateChanged, signOut, type User } from "firebase/auth";
import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import { auth } from "../firebase";

type AuthState = { status: "loading" } | { status: "signedOut" } | { status: "signedIn"; user: User };

const AuthContext = createContext<AuthState>({ status: "loading" });

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: "loading" });
  useEffect(() => onAuthStateChanged(auth, (user) => setState(user ? { status: "signedIn", user } : { status: "signedOut" })), []);
  return <AuthContext.Provider value={state}>{children}</AuthContext.Provider>;
}

export const useAuth = () => useContext(AuthContext);

/** The signed-in user; only for components under a route that requires one. */
export function useUser(): User {
  const state = useAuth();
  if (state.status !== "signedIn") throw new Error("useUser outside a signed-in route");
  return state.user;
}

export const signOutNow = () => signOut(auth);
