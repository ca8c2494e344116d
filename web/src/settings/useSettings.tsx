/**
 * The org's settings as admins see them: GET /orgs/{orgId}/settings (the API fills in
 * defaults), and the org's slug for the intake link. Every section saves through
 * PATCH …/settings, which merges field by field, and shows the answer.
 */
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from "react";
import type { OrgSettingsAnswer, OrgSettingsPatch } from "../api/answers";
import { api } from "../api/client";
import { ErrorState, Loading } from "../ui/states";

/** `inboundAddress`: where customers write to open an issue, the org's slug at the mail domain (read-only). */
export type Settings = OrgSettingsAnswer;
/** Each section sends only its own fields; the API merges them field by field. */
export type SettingsPatch = OrgSettingsPatch;

interface SettingsState {
  settings: Settings;
  slug: string;
  save: (patch: SettingsPatch) => Promise<Settings>;
  /** Changes the org's slug (its intake link and mail address); a taken one is a 409 on the `slug` field. */
  changeSlug: (slug: string) => Promise<string>;
}

const SettingsContext = createContext<SettingsState | null>(null);

export function SettingsProvider({ orgId, children }: { orgId: string; children: ReactNode }) {
  const [state, setState] = useState<{ settings: Settings; slug: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the retry button's trigger; it is not read inside.
  useEffect(() => {
    const controller = new AbortController();
    const params = { path: { orgId } };
    setError(null);
    Promise.all([
      api("GET", "/orgs/{orgId}/settings", { params, signal: controller.signal }),
      api("GET", "/orgs/{orgId}", { params, signal: controller.signal }),
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
      const { data } = await api("PATCH", "/orgs/{orgId}/settings", { params: { path: { orgId } }, body: patch });
      setState((current) => (current ? { ...current, settings: data } : current));
      return data;
    },
    [orgId],
  );

  const changeSlug = useCallback(
    async (slug: string) => {
      const params = { path: { orgId } };
      const { data } = await api("PATCH", "/orgs/{orgId}", { params, body: { slug } });
      const { data: settings } = await api("GET", "/orgs/{orgId}/settings", { params });
      setState((current) => (current ? { settings, slug: data.slug } : current));
      return data.slug;
    },
    [orgId],
  );

  if (error !== null) return <ErrorState error={error} retry={() => setAttempt((n) => n + 1)} />;
  if (!state) return <Loading what="the settings" />;
  return <SettingsContext.Provider value={{ ...state, save, changeSlug }}>{children}</SettingsContext.Provider>;
}

export function useSettings(): SettingsState {
  const value = useContext(SettingsContext);
  if (!value) throw new Error("useSettings outside SettingsProvider");
  return value;
}
