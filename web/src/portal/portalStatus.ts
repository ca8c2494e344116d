/** How the portal speaks about a status: to a customer, in words, and which tab it lives under ("Resolved" holds closed ones too). */
import { ACTIVE_STATUSES, type Status } from "@firetrack/domain";

export type PortalTab = "open" | "done" | "all";
export const PORTAL_TABS: readonly { id: PortalTab; label: string }[] = [
  { id: "open", label: "Open" },
  { id: "done", label: "Resolved" },
  { id: "all", label: "All" },
];

export function inTab(status: Status, tab: PortalTab): boolean {
  if (tab === "all") return true;
  const active = (ACTIVE_STATUSES as readonly Status[]).includes(status);
  return tab === "open" ? active : !active;
}

/** One sentence a customer understands, for the issue page's status panel. */
export function statusExplanation(status: Status): string {
  switch (status) {
    case "open":
      return "We have your request. The support team will answer soon.";
    case "answered":
      return "The support team has answered. Reply below if you need anything else.";
    case "in_progress":
      return "The support team is working on it.";
    case "on_hold":
      return "This is on hold for now. We will pick it up again and let you know.";
    case "waiting_for_response":
      return "The support team is waiting for your reply.";
    case "resolved":
      return "This has been resolved. If the problem is still there, reopen it and tell us why.";
    case "closed":
      return "This is closed. If the problem came back, reopen it and tell us why.";
  }
}
