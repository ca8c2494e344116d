/**
 * Automations (docs/automations.md): round-robin assignment of new issues and the
 * auto-close of resolved issues nobody answered. Pure decisions; the store applies them.
 */
import { z } from "zod";
import { docIdSchema } from "./ids";
import type { Actor } from "./issue";
import { isAssignableRole } from "./vocabulary";

export const ASSIGNMENT_MODES = ["none", "round_robin"] as const;
export type AssignmentMode = (typeof ASSIGNMENT_MODES)[number];

export interface AutomationSettings {
  /** Days a resolved issue waits for the customer before it closes by itself; null: never. */
  autoCloseAfterDays: number | null;
  assignment: { mode: AssignmentMode; pool: string[] };
}

export const DEFAULT_AUTOMATIONS: Readonly<AutomationSettings> = {
  autoCloseAfterDays: null,
  assignment: { mode: "none", pool: [] },
};

export const AUTO_CLOSE_MAX_DAYS = 365;
export const ASSIGNMENT_POOL_MAX = 50;

export const automationsUpdateSchema = z.strictObject({
  autoCloseAfterDays: z.number().int().min(1).max(AUTO_CLOSE_MAX_DAYS).nullable().optional(),
  assignment: z
    .strictObject({
      mode: z.enum(ASSIGNMENT_MODES),
      pool: z
        .array(docIdSchema)
        .max(ASSIGNMENT_POOL_MAX)
        .refine((uids) => new Set(uids).size === uids.length, "each member once")
        .describe("Member uids, in turn order; members who are no longer admins or agents are skipped"),
    })
    .optional(),
});
export type AutomationsUpdateInput = z.infer<typeof automationsUpdateSchema>;

/** Stored settings read leniently: anything malformed is the default (automations off). */
export function automationsOf(stored: unknown): AutomationSettings {
  const parsed = z
    .object({
      autoCloseAfterDays: z.number().int().min(1).nullable().catch(null).default(null),
      assignment: z
        .object({ mode: z.enum(ASSIGNMENT_MODES).catch("none"), pool: z.array(z.string()).catch([]) })
        .catch({ mode: "none", pool: [] })
        .default({ mode: "none", pool: [] }),
    })
    .catch({ ...DEFAULT_AUTOMATIONS, assignment: { ...DEFAULT_AUTOMATIONS.assignment, pool: [] } })
    .parse(stored ?? {});
  return parsed;
}

export function mergeAutomations(
  current: AutomationSettings,
  changes: AutomationsUpdateInput | undefined,
): AutomationSettings {
  if (!changes) return current;
  return {
    autoCloseAfterDays:
      changes.autoCloseAfterDays === undefined ? current.autoCloseAfterDays : changes.autoCloseAfterDays,
    assignment: changes.assignment ?? current.assignment,
  };
}

/** Roles that may take issues: the same rule as POST …/assign. */

export interface PoolMember {
  uid: string;
  /** null when the uid is no longer a member. */
  role: string | null;
  name: string;
}

/**
 * Hands out `count` issues in turn, starting after `lastUid` in pool order. Members who
 * left or lost their staff role are skipped; a `lastUid` no longer in the pool starts
 * from the top. Returns the picks and the new cursor.
 */
export function roundRobinPicks(
  pool: readonly PoolMember[],
  lastUid: string | null,
  count: number,
): { picks: { uid: string; name: string }[]; lastUid: string | null } {
  const eligible = pool.filter((member) => isAssignableRole(member.role));
  if (eligible.length === 0 || count <= 0) return { picks: [], lastUid };
  // Position of the last pick in the whole pool, so a member who left since does not reset the turn.
  const lastIndex = lastUid === null ? -1 : pool.findIndex((member) => member.uid === lastUid);
  let start = 0;
  if (lastIndex >= 0) {
    const next = eligible.findIndex((member) => pool.indexOf(member) > lastIndex);
    start = next === -1 ? 0 : next;
  }
  const picks = Array.from({ length: count }, (_, i) => {
    const member = eligible[(start + i) % eligible.length]!;
    return { uid: member.uid, name: member.name };
  });
  return { picks, lastUid: picks[picks.length - 1]!.uid };
}

export const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Whether a resolved issue is due to close: resolved at least `days` ago, and no customer
 * reply since (a customer reply reopens the issue, so "still resolved" and "last customer
 * reply before the resolution" are what we check).
 */
export function isDueForAutoClose(
  issue: { status: string | null; resolvedAt: number | null; deleted: boolean | null },
  lastCustomerReplyAt: number | null,
  days: number | null,
  now: number,
): boolean {
  if (days === null || issue.status !== "resolved" || issue.deleted !== false || issue.resolvedAt === null)
    return false;
  const quietSince = Math.max(issue.resolvedAt, lastCustomerReplyAt ?? 0);
  return now - quietSince >= days * DAY_MS;
}

/** The actors automations act as: the activity's `via` says why. */
export const roundRobinActor = (): Actor => ({
  uid: "system",
  name: "Firetrack",
  kind: "system",
  via: { kind: "round_robin", name: "Round-robin assignment" },
});
export const autoCloseActor = (days: number): Actor => ({
  uid: "system",
  name: "Firetrack",
  kind: "system",
  via: {
    kind: "auto_close",
    name: `Closed automatically: resolved ${days} day${days === 1 ? "" : "s"} ago with no reply from the customer`,
  },
});

/** What the customer reads when their issue closes by itself. */
export const autoCloseMessage = (days: number) =>
  `This issue was closed automatically because it was resolved ${days} day${days === 1 ? "" : "s"} ago and we heard nothing more. ` +
  "If it is not solved, reply or reopen it and we will pick it up again.";
