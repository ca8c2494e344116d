/** Lists typed into one box (auto-join domains, service accounts): split, trimmed, lower-cased, no repeats. */
export function parseList(text: string): string[] {
  const items = text
    .split(/[\s,;]+/)
    .map((item) => item.trim().toLowerCase())
    .filter(Boolean);
  return [...new Set(items)];
}

/** Where customers raise issues with an org that takes public intake (the portal's page). */
export function intakeLink(origin: string, slug: string): string {
  return `${origin.replace(/\/+$/, "")}/raise/${encodeURIComponent(slug)}`;
}
