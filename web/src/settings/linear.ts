/**
 * The Linear form against the settings document as the API answers it. The sync
 * (issue 11) stores `mirrorComments` as "none" | "public" | "all"; before it, the
 * settings held a boolean. The form reads whichever shape the server sent and
 * answers in the same shape, so it works on both sides of that change.
 */
export const MIRROR_CHOICES = ["none", "public", "all"] as const;
export type MirrorChoice = (typeof MIRROR_CHOICES)[number];

export interface LinearSettingsForm {
  teamId: string | null;
  enabled: boolean;
  mirrorComments: boolean | MirrorChoice;
  stateMap?: Record<string, string>;
}

export const MIRROR_LABELS: Record<MirrorChoice, string> = {
  none: "None: comments stay here",
  public: "Public comments",
  all: "All comments, internal notes included",
};

/** The choice the stored value means. */
export function mirrorChoiceOf(stored: LinearSettingsForm["mirrorComments"]): MirrorChoice {
  if (stored === true) return "public";
  if (stored === false) return "none";
  return stored;
}

/** Which choices the server's shape can hold: a boolean cannot say "all". */
export function mirrorChoicesFor(stored: LinearSettingsForm["mirrorComments"]): readonly MirrorChoice[] {
  return typeof stored === "boolean" ? ["none", "public"] : MIRROR_CHOICES;
}

/** The PATCH body for the form's values, in the shape the server stores. */
export function linearPatch(
  stored: LinearSettingsForm,
  form: { teamId: string; enabled: boolean; mirror: MirrorChoice },
) {
  return {
    teamId: form.teamId.trim() === "" ? null : form.teamId.trim(),
    enabled: form.enabled,
    mirrorComments: typeof stored.mirrorComments === "boolean" ? form.mirror !== "none" : form.mirror,
  };
}
