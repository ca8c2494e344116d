/**
 * Client intake (docs/api.md): who may raise an issue in an org they are not a member
 * of, and so become its customer by doing it.
 */

export interface IntakePolicy {
  publicIntake: boolean;
  autoJoinDomains: readonly string[];
}

export interface IntakeCandidate {
  email: string | null;
  emailVerified: boolean;
}

export type IntakeGrant = "publicIntake" | "autoJoinDomain";

/**
 * Why a signed-in non-member may raise an issue here, or null. A domain admits only a
 * verified address: anyone can type an address at sign-up, only its owner can verify it.
 */
export function intakeGrant(policy: IntakePolicy, person: IntakeCandidate): IntakeGrant | null {
  if (policy.publicIntake) return "publicIntake";
  const domain = person.email?.split("@")[1]?.toLowerCase();
  if (person.emailVerified && domain && policy.autoJoinDomains.includes(domain)) return "autoJoinDomain";
  return null;
}

/** One org a slug names, as the intake link sees it. */
export interface SlugCandidate {
  orgId: string;
  createdAtMs: number;
  /** The caller's role there, or null when they are not a member. */
  role: string | null;
  policy: IntakePolicy;
}

/**
 * Which org `/raise/{slug}` leads the caller to: one they belong to, else one that
 * takes them in (intakeGrant), else none. Slugs are not unique (two orgs may pick the
 * same one), so among several the oldest wins: a later org cannot capture the link of
 * an earlier one.
 */
export function intakeTarget(candidates: readonly SlugCandidate[], person: IntakeCandidate): SlugCandidate | null {
  const reachable = candidates.filter((c) => c.role !== null || intakeGrant(c.policy, person) !== null);
  const byAge = [...reachable].sort((a, b) => a.createdAtMs - b.createdAtMs || a.orgId.localeCompare(b.orgId));
  return byAge.find((c) => c.role !== null) ?? byAge[0] ?? null;
}
