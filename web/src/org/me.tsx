/** The caller's memberships come from GET /me: rules let nobody list orgs. */
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import type { Me, Membership } from "../api/answers";
import { api } from "../api/client";
import { useUser } from "../auth/AuthProvider";
import { ErrorState, Loading } from "../ui/states";

export type { Invitation, Me, Membership } from "../api/answers";

/** `refresh` settles once the new answer is in: navigate after it, and the next page already sees a new membership. */
const MeContext = createContext<(Me & { refresh: () => Promise<void> }) | null>(null);

export function MeProvider({ children }: { children: ReactNode }) {
  const user = useUser();
  const [state, setState] = useState<{ me: Me | null; error: unknown }>({ me: null, error: null });
  const [attempt, setAttempt] = useState(0);
  const waiting = useRef<(() => void)[]>([]);
  const refresh = useCallback(
    () =>
      new Promise<void>((resolve) => {
        waiting.current.push(resolve);
        setAttempt((n) => n + 1);
      }),
    [],
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new user or a refresh (`attempt`) asks GET /me again; neither is read inside.
  useEffect(() => {
    const settle = () => {
      const resolvers = waiting.current;
      waiting.current = [];
      for (const resolve of resolvers) resolve();
    };
    const controller = new AbortController();
    setState((current) => ({ me: current.me, error: null }));
    api("GET", "/me", { signal: controller.signal }).then(
      ({ data }) => {
        setState({ me: data, error: null });
        settle();
      },
      (error: unknown) => {
        if ((error as Error).name === "AbortError") return;
        setState({ me: null, error });
        settle();
      },
    );
    return () => controller.abort();
  }, [user.uid, attempt]);

  if (state.error) {
    return (
      <main className="page narrow" id="main">
        <ErrorState error={state.error} retry={() => void refresh()} />
      </main>
    );
  }
  if (!state.me) {
    return (
      <main className="page narrow" id="main">
        <Loading what="your organisations" />
      </main>
    );
  }
  return <MeContext.Provider value={{ ...state.me, refresh }}>{children}</MeContext.Provider>;
}

export function useMe() {
  const me = useContext(MeContext);
  if (!me) throw new Error("useMe outside MeProvider");
  return me;
}

/** Where a membership leads: the agent workspace, or for customers the portal (one for every org they raise issues with). */
export const homeOf = (membership: Membership) =>
  membership.role === "customer" ? "/portal" : `/o/${membership.orgId}/issues`;
