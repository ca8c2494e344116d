import type { Firestore } from "firebase-admin/firestore";
import { z } from "zod";
import { DEFAULT_SLA_POLICY, PRIORITIES, type SlaPolicy } from "../domain";
import { orgSettingsRef } from "./refs";

const targetSchema = z.object({
  firstResponseMins: z.number().positive(),
  resolutionMins: z.number().positive(),
});

/** The org's SLA policy, priority by priority over the defaults in docs/events.md (a bad entry falls back too). */
export function policyFrom(settingsSla: unknown): SlaPolicy {
  const raw = (settingsSla && typeof settingsSla === "object" ? settingsSla : {}) as Record<string, unknown>;
  return Object.fromEntries(
    PRIORITIES.map((priority) => {
      const parsed = targetSchema.safeParse(raw[priority]);
      return [priority, parsed.success ? parsed.data : DEFAULT_SLA_POLICY[priority]];
    }),
  ) as SlaPolicy;
}

export async function loadSlaPolicy(db: Firestore, orgId: string): Promise<SlaPolicy> {
  const settings = await orgSettingsRef(db, orgId).get();
  return policyFrom(settings.get("sla"));
}
