/**
 * The Linear form against the settings document as the API answers it. The sync
 * (issue 11) stores `mirrorComments` as "none" | "public" | "all"; before it, the
 * settings held a boolean. The form reads whichever shape it is shown and answers
 * with the three-way choice, the only one the API takes.
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

/**
 * The PATCH body for the form's values. The API takes only the three-way choice (it reads an older boolean
 * document itself, functions/src/domain/linear.ts), so that is what the form sends, whatever it was shown.
 */
export function linearPatch(form: { teamId: string; enabled: boolean; mirror: MirrorChoice }) {
  return {
    teamId: form.teamId.trim() === "" ? null : form.teamId.trim(),
    enabled: form.enabled,
    mirrorComments: form.mirror,
  };
}
