/**
 * An org's short name in links (`/raise/{slug}`): lowercase letters, digits and inner
 * dashes. Apart from the schemas so the web's shell can read links without zod.
 */
export const ORG_SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,48}[a-z0-9])?$/;
export const isOrgSlug = (value: string): boolean => ORG_SLUG_PATTERN.test(value);
