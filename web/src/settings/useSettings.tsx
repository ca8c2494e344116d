/**
 * The org's settings as admins see them: GET /orgs/{orgId}/settings (the API fills in
 * defaults), and the org's slug for the intake link. Every section saves through
 * PATCH …/settings, which merges field by field, and shows the answer.
 */
import type { OrgSettings } from "@firetrack/domain";
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from "react";
import { api , path } from "../api/client";
import { ErrorState, Loading } from "../ui/states";
import type { LinearSettingsForm } from "./linear";

export type Settings = Omit<OrgSettings, "linear"> & { linear: LinearSettingsForm };
export type SettingsPatch = { [K in keyof Settings]?: K extends "sla" ? Partial<Settings["sla"]> : K extends "linear" ? Partial<LinearSettingsForm> : Settings[K] };

interface SettingsState {
  settings: Settings;
  slug: string;
  save: (patch: SettingsPatch) => Promise<Settings>;
}

const SettingsContext = createContext<SettingsState | null>(null);

export function SettingsProvider({ orgId, children }: { orgId: string; children: ReactNode }) {
  const [state, setState] = useState<{ settings: Settings; slug: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the retry button's trigger; it is not read inside.
  useEffect(() => {
    const controller = new AbortController();
    setError(null);
    Promise.all([
      api<Settings>("GET", path`/orgs/${orgId}/settings`, { signal: controller.signal }),
      api<{ slug: string }>("GET", path`/orgs/${orgId}`, { signal: controller.signal }),
    ]).then(
      ([settings, org]) => setState({ settings: settings.data, slug: org.data.slug }),
      (err: unknown) => {
        if ((err as Error).name !== "AbortError") setError(err);
      },
    );
    return () => controller.abort();
  }, [orgId, attempt]);

  const save = useCallback(
    async (patch: SettingsPatch) => {
      const { data } = await api<Settings>("PATCH", path`/orgs/${orgId}/settings`, { body: patch });
      setState((current) => (current ? { ...current, settings: data } : current));
      return data;
    },
    [orgId],
  );

  if (error !== null) return <ErrorState error={error} retry={() => setAttempt((n) => n + 1)} />;
  if (!state) return <Loading what="the settings" />;
  return <SettingsContext.Provider value={{ ...state, save }}>{children}</SettingsContext.Provider>;
}

export function useSettings(): SettingsState {
  const value = useContext(SettingsContext);
  if (!value) throw new Error("useSettings outside SettingsProvider");
  return value;
}
