/** The sizes every boundary enforces (API schemas, web forms, what Linear may bring in), in one place. */
export const LIMITS = {
  titleMax: 200,
  descriptionMax: 20_000,
  tagsMax: 20,
  tagMax: 50,
  refMax: 200,
  fingerprintMax: 200,
  orgNameMax: 100,
  listLimitMax: 100,
} as const;
