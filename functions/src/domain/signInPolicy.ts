/**
 * Which email addresses may sign in (docs/api.md, param SIGN_IN_DOMAINS). The
 * Auth blocking functions ask this before Firebase issues a token, so an
 * address outside the list never gets one.
 */

/** `"Acme.com, eu.acme.com,"` → `["acme.com", "eu.acme.com"]`; empty means anyone. */
export function parseSignInDomains(value: string | null | undefined): string[] {
  return [
    ...new Set(
      (value ?? "")
        .split(",")
        .map((part) => part.trim().toLowerCase().replace(/^@/, ""))
        .filter(Boolean),
    ),
  ];
}

export type SignInDecision =
  | { ok: true }
  | { ok: false; reason: "no_email" | "domain_not_admitted"; domain: string | null };

/**
 * A listed domain admits its own addresses and those of its subdomains
 * (`acme.com` admits `a@acme.com` and `a@eu.acme.com`, not `a@notacme.com`).
 * With a list, an account without an email address (phone, anonymous) is refused.
 */
export function decideSignIn(email: string | null | undefined, domains: readonly string[]): SignInDecision {
  if (domains.length === 0) return { ok: true };
  const at = email?.lastIndexOf("@") ?? -1;
  if (!email || at < 1) return { ok: false, reason: "no_email", domain: null };
  const domain = email.slice(at + 1).toLowerCase();
  const admitted = domains.some((allowed) => domain === allowed || domain.endsWith(`.${allowed}`));
  return admitted ? { ok: true } : { ok: false, reason: "domain_not_admitted", domain };
}

/** What a refused person reads: the sign-in page shows it as it comes. */
export function signInRefusalMessage(decision: Exclude<SignInDecision, { ok: true }>): string {
  return decision.reason === "no_email"
    ? "This deployment admits only accounts with an email address from an approved domain."
    : `Accounts from ${decision.domain} may not sign in here. Use your organisation's email address.`;
}

/**
 * An org's own staff policy (its `staffDomains` setting): a staff role needs a verified
 * address of one of the org's domains or their subdomains; customers come from anywhere.
 * An org without staff domains asks only for a verified address.
 */
export function mayHoldStaffRole(
  person: { email: string | null; emailVerified: boolean },
  staffDomains: readonly string[],
): boolean {
  if (!person.emailVerified || !person.email) return false;
  return staffDomains.length === 0 || decideSignIn(person.email, staffDomains).ok;
}
