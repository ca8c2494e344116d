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

/** The org a slug names, as the intake link sees it. */
export interface SlugCandidate {
  orgId: string;
  /** The caller's role there, or null when they are not a member. */
  role: string | null;
  policy: IntakePolicy;
}

/**
 * Whether `/raise/{slug}` leads the caller into the org the slug names: a member always,
 * anyone else only when the org takes them in (intakeGrant). Slugs are unique
 * (store/slugs.ts), so there is one org to decide about, or none.
 */
export function intakeTarget(candidate: SlugCandidate | null, person: IntakeCandidate): SlugCandidate | null {
  if (!candidate) return null;
  return candidate.role !== null || intakeGrant(candidate.policy, person) !== null ? candidate : null;
}
