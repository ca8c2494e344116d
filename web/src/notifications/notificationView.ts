/** Pure pieces of the bell, the panel and the preferences page. */
import {
  NOTIFICATION_TYPES,
  type ChannelPrefs,
  type NotificationPrefs,
  type NotificationType,
  type Role,
} from "@firetrack/domain";
import { isStaffRole } from "../shared/links";

/** The bell's badge: nothing at zero, then the count, capped so it fits. */
export function unreadBadge(count: number): string {
  if (count <= 0) return "";
  return count > 99 ? "99+" : String(count);
}

/** The bell's accessible name carries the count, so a screen reader hears it too. */
export const bellLabel = (count: number) =>
  count === 0 ? "Notifications, none unread" : `Notifications, ${count > 99 ? "over 99" : count} unread`;

export const NOTIFICATION_TYPE_TEXT: Record<NotificationType, { title: string; detail: string }> = {
  issue_raised: { title: "A customer raises an issue", detail: "To admins and agents of the organisation." },
  assigned: { title: "An issue is assigned to you", detail: "When someone makes you the assignee." },
  status_changed: { title: "Status changes", detail: "On issues you raised or watch, resolutions included." },
  comment: { title: "Replies", detail: "On issues you raised or watch." },
  sla_breach: { title: "An SLA target is missed", detail: "On issues assigned to you; admins hear of every breach." },
  sla_at_risk: {
    title: "An SLA target is at risk",
    detail: "When three quarters of the time are used: to the assignee, or to admins while nobody is assigned.",
  },
};

/**
 * The event types that can reach this person (domain/notifications.ts): a customer only
 * ever hears of status changes and replies on their own issues, so only those are offered.
 */
export function prefTypesFor(memberships: readonly { role: Role }[]): NotificationType[] {
  if (memberships.some((m) => isStaffRole(m.role))) return [...NOTIFICATION_TYPES];
  return ["status_changed", "comment"];
}

/** One channel of one type changed, the rest as they were. */
export function withPref(
  prefs: NotificationPrefs,
  type: NotificationType,
  channel: keyof ChannelPrefs,
  value: boolean,
): NotificationPrefs {
  return { ...prefs, [type]: { ...prefs[type], [channel]: value } };
}
