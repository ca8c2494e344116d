/**
 * Who is told about what (docs/events.md), and how (notificationPrefs).
 *
 * | event                         | recipients                  |
 * |-------------------------------|-----------------------------|
 * | a customer raised an issue    | admins and agents           |
 * | assignment                    | the new assignee            |
 * | status change or resolution   | reporter and watchers       |
 * | comment                       | reporter and watchers       |
 * | SLA breach                    | assignee and admins         |
 *
 * Always: the actor is never told of their own change; only current members of
 * the org are told anything; a customer hears only about issues they raised, and
 * never about anything internal.
 */
import { z } from "zod";
import type { Role } from "./vocabulary";

export const NOTIFICATION_TYPES = [
  "issue_raised",
  "assigned",
  "status_changed",
  "comment",
  "sla_breach",
  "sla_at_risk",
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

export interface ChannelPrefs {
  inApp: boolean;
  email: boolean;
}
export type NotificationPrefs = Record<NotificationType, ChannelPrefs>;

/** Everything on by default, as helpdesks ship; users turn channels off per type in their profile. */
export const DEFAULT_NOTIFICATION_PREFS: Readonly<NotificationPrefs> = {
  issue_raised: { inApp: true, email: true },
  assigned: { inApp: true, email: true },
  status_changed: { inApp: true, email: true },
  comment: { inApp: true, email: true },
  sla_breach: { inApp: true, email: true },
  sla_at_risk: { inApp: true, email: true },
};

const channelPrefsSchema = z.object({
  inApp: z.boolean().optional().catch(undefined),
  email: z.boolean().optional().catch(undefined),
});

/**
 * A user's stored prefs over the defaults, type by type and channel by
 * channel: an unreadable entry falls back to the default, unknown types are ignored.
 */
export function resolvePrefs(stored: unknown): NotificationPrefs {
  const given = stored !== null && typeof stored === "object" ? (stored as Record<string, unknown>) : {};
  return Object.fromEntries(
    NOTIFICATION_TYPES.map((type) => {
      const parsed = channelPrefsSchema.safeParse(given[type]);
      return [type, { ...DEFAULT_NOTIFICATION_PREFS[type], ...(parsed.success ? stripUndefined(parsed.data) : {}) }];
    }),
  ) as NotificationPrefs;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export type NotifyEvent =
  | { type: "issue_raised" }
  | { type: "assigned" }
  | { type: "status_changed"; from: string; to: string; reason?: string }
  | { type: "comment"; internal: boolean; excerpt: string }
  | { type: "sla_breach"; clock: "firstResponse" | "resolution" }
  | { type: "sla_at_risk"; clock: "firstResponse" | "resolution" };

export interface IssueAudience {
  reporterUid: string | null;
  assigneeUid: string | null;
  watchers: readonly string[];
}

export interface RecipientContext {
  actorUid: string;
  /** The role of every candidate who is a member of the org; absent means not a member. */
  roles: ReadonlyMap<string, Role>;
  /** The org's admins and agents, for the events that go to staff. */
  admins: readonly string[];
  agents: readonly string[];
}

/** The people an event concerns, before any filtering. */
export function candidateRecipients(
  event: NotifyEvent,
  issue: IssueAudience,
  staff: Pick<RecipientContext, "admins" | "agents">,
): string[] {
  switch (event.type) {
    case "issue_raised":
      return [...staff.admins, ...staff.agents];
    case "assigned":
      return issue.assigneeUid ? [issue.assigneeUid] : [];
    case "status_changed":
    case "comment":
      return [...(issue.reporterUid ? [issue.reporterUid] : []), ...issue.watchers];
    case "sla_breach":
      return [...(issue.assigneeUid ? [issue.assigneeUid] : []), ...staff.admins];
    case "sla_at_risk":
      // The assignee can still act in time; with nobody assigned, the admins must pick someone.
      return issue.assigneeUid ? [issue.assigneeUid] : [...staff.admins];
  }
}

export function isInternalEvent(event: NotifyEvent): boolean {
  return event.type === "comment" && event.internal;
}

/** Customers hear about status changes and public comments on issues they raised, nothing else. */
function customerMayHear(event: NotifyEvent, uid: string, issue: IssueAudience): boolean {
  if (isInternalEvent(event) || uid !== issue.reporterUid) return false;
  return event.type === "status_changed" || event.type === "comment";
}

/** The recipients after the rules that hold for every event; sorted and without repeats. */
export function notificationRecipients(event: NotifyEvent, issue: IssueAudience, ctx: RecipientContext): string[] {
  const out = new Set<string>();
  for (const uid of candidateRecipients(event, issue, ctx)) {
    if (uid === ctx.actorUid) continue;
    const role = ctx.roles.get(uid);
    if (!role || role === "service") continue;
    if (role === "customer" && !customerMayHear(event, uid, issue)) continue;
    out.add(uid);
  }
  return [...out].sort();
}

export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

export interface NotificationText {
  issueNumber: string | null;
  title: string;
  link: string;
  actorName: string;
}

function headline(event: NotifyEvent, who: string): string {
  switch (event.type) {
    case "issue_raised":
      return `${who} raised a new issue`;
    case "assigned":
      return `${who} assigned an issue to you`;
    case "status_changed":
      return `${who} changed the status from ${event.from.replaceAll("_", " ")} to ${event.to.replaceAll("_", " ")}`;
    case "comment":
      return `${who} added ${event.internal ? "an internal note" : "a comment"}`;
    case "sla_breach":
      return `The ${event.clock === "firstResponse" ? "first-response" : "resolution"} target was missed`;
    case "sla_at_risk":
      return `The ${event.clock === "firstResponse" ? "first-response" : "resolution"} target is at risk: three quarters of its time are used`;
  }
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** The in-app title and the Trigger Email message for one event. */
export function renderNotification(event: NotifyEvent, text: NotificationText): { title: string; mail: MailContent } {
  const ref = text.issueNumber ?? "Issue";
  const line = headline(event, text.actorName);
  const detail =
    event.type === "comment" && event.excerpt
      ? event.excerpt
      : event.type === "status_changed" && event.reason
        ? event.reason
        : "";
  const subject = `[${ref}] ${text.title}`;
  const plain = [line, "", `${ref}: ${text.title}`, ...(detail ? ["", detail] : []), "", `Open it: ${text.link}`].join(
    "\n",
  );
  const html = [
    `<p>${escapeHtml(line)}</p>`,
    `<p><strong>${escapeHtml(ref)}</strong>: ${escapeHtml(text.title)}</p>`,
    ...(detail ? [`<blockquote>${escapeHtml(detail).replaceAll("\n", "<br>")}</blockquote>`] : []),
    `<p><a href="${escapeHtml(text.link)}">Open ${escapeHtml(ref)}</a></p>`,
  ].join("\n");
  return { title: `${line}: ${text.title}`, mail: { subject, text: plain, html } };
}

export const COMMENT_EXCERPT_MAX = 500;
export function excerpt(body: string): string {
  const flat = body.trim();
  return flat.length <= COMMENT_EXCERPT_MAX ? flat : `${flat.slice(0, COMMENT_EXCERPT_MAX - 1)}…`;
}
