import type { LinearSettings } from "./linear";
import type { Priority } from "./vocabulary";

export interface SlaTarget {
  firstResponseMins: number;
  resolutionMins: number;
}
export type SlaPolicy = Record<Priority, SlaTarget>;

/** DESIGN.md §5 defaults, used until an org sets its own. */
export const DEFAULT_SLA_POLICY: Readonly<SlaPolicy> = {
  critical: { firstResponseMins: 15, resolutionMins: 4 * 60 },
  urgent: { firstResponseMins: 30, resolutionMins: 8 * 60 },
  high: { firstResponseMins: 2 * 60, resolutionMins: 24 * 60 },
  medium: { firstResponseMins: 8 * 60, resolutionMins: 72 * 60 },
  low: { firstResponseMins: 24 * 60, resolutionMins: 7 * 24 * 60 },
};

import type { EmailSettings } from "./emailSettings";

export interface OrgSettings {
  publicIntake: boolean;
  autoJoinDomains: string[];
  sla: SlaPolicy;
  linear: LinearSettings;
  serviceAccounts: string[];
  /** The email channel (domain/emailSettings.ts). */
  email: EmailSettings;
}
