import type { AutomationSettings } from "./automations";
import type { BusinessHours, SlaClockMode } from "./businessHours";
import type { LinearSettings } from "./linear";
import type { Priority } from "./vocabulary";

export interface SlaTarget {
  firstResponseMins: number;
  resolutionMins: number;
  /** Absent in policies stored before clocks existed: the priority's default applies. */
  clock?: SlaClockMode;
}
export type SlaPolicy = Record<Priority, SlaTarget>;

/** The defaults of docs/events.md (SLA), used until an org sets its own. */
export const DEFAULT_SLA_POLICY: Readonly<SlaPolicy> = {
  critical: { firstResponseMins: 15, resolutionMins: 4 * 60, clock: "calendar" },
  urgent: { firstResponseMins: 30, resolutionMins: 8 * 60, clock: "calendar" },
  high: { firstResponseMins: 2 * 60, resolutionMins: 24 * 60, clock: "business" },
  medium: { firstResponseMins: 8 * 60, resolutionMins: 72 * 60, clock: "business" },
  low: { firstResponseMins: 24 * 60, resolutionMins: 7 * 24 * 60, clock: "business" },
};

import type { EmailSettings } from "./emailSettings";

export interface OrgSettings {
  publicIntake: boolean;
  autoJoinDomains: string[];
  /** Staff roles need a verified address of one of these domains (or a subdomain); empty: any verified address. */
  staffDomains: string[];
  sla: SlaPolicy;
  businessHours: BusinessHours;
  linear: LinearSettings;
  serviceAccounts: string[];
  automations: AutomationSettings;
  /** The email channel (domain/emailSettings.ts). */
  email: EmailSettings;
}

/** The clock a target counts with: its own, or its priority's default. */
export function clockModeOf(priority: Priority, target: SlaTarget): SlaClockMode {
  return target.clock ?? DEFAULT_SLA_POLICY[priority].clock ?? "calendar";
}

/** The percentage of a running target after which an issue is at risk. */
export const AT_RISK_SHARE = 0.75;
