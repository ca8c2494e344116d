import type { Firestore } from "firebase-admin/firestore";
import { z } from "zod";
import {
  storedBusinessHoursSchema,
  DEFAULT_BUSINESS_HOURS,
  DEFAULT_SLA_POLICY,
  PRIORITIES,
  SLA_CLOCK_MODES,
  type BusinessHours,
  type SlaPolicy,
} from "../domain";
import { orgSettingsRef } from "./refs";

const targetSchema = z.object({
  firstResponseMins: z.number().positive(),
  resolutionMins: z.number().positive(),
  clock: z.enum(SLA_CLOCK_MODES).optional(),
});

/** The org's SLA policy, priority by priority over the defaults (a bad entry falls back too); a target without a clock gets its priority's default clock. */
export function policyFrom(settingsSla: unknown): SlaPolicy {
  const raw = (settingsSla && typeof settingsSla === "object" ? settingsSla : {}) as Record<string, unknown>;
  return Object.fromEntries(
    PRIORITIES.map((priority) => {
      const parsed = targetSchema.safeParse(raw[priority]);
      const target = parsed.success ? parsed.data : DEFAULT_SLA_POLICY[priority];
      return [priority, { ...target, clock: target.clock ?? DEFAULT_SLA_POLICY[priority].clock }];
    }),
  ) as SlaPolicy;
}

/** The org's open hours, or the defaults when none (or none valid) are stored. */
export function businessHoursFrom(stored: unknown): BusinessHours {
  const parsed = storedBusinessHoursSchema.safeParse(stored);
  return parsed.success ? parsed.data : (structuredClone(DEFAULT_BUSINESS_HOURS) as BusinessHours);
}

/** What an SLA is computed from: the targets and clocks per priority, and the open hours. */
export interface SlaRules {
  policy: SlaPolicy;
  hours: BusinessHours;
}

export async function loadSlaRules(db: Firestore, orgId: string): Promise<SlaRules> {
  const settings = await orgSettingsRef(db, orgId).get();
  return { policy: policyFrom(settings.get("sla")), hours: businessHoursFrom(settings.get("businessHours")) };
}
