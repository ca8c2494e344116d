/**
 * An org's short name in links (`/raise/{slug}`): lowercase letters, digits and inner
 * dashes. Apart from the schemas so the web's shell can read links without zod.
 */
export const ORG_SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,48}[a-z0-9])?$/;
export const isOrgSlug = (value: string): boolean => ORG_SLUG_PATTERN.test(value);

/**
 * Free-looking alternatives to a taken slug, in the order to offer them: `acme-2`, `acme-3`…
 * The base is cut so that every alternative is still a valid slug.
 */
export function slugAlternatives(slug: string, count = 8): string[] {
  return Array.from({ length: count }, (_, i) => {
    const suffix = `-${i + 2}`;
    const base = slug.slice(0, 50 - suffix.length).replace(/-+$/g, "");
    return `${base || "org"}${suffix}`;
  });
}
