/**
 * What went out by mail about the issue (docs/email.md): to whom, what about, and whether
 * it arrived. Admins and agents only, as the records name addresses (the rules say so too).
 */
import type { Role } from "@firetrack/domain";
import type { Timestamp } from "firebase/firestore";
import { RelativeTime } from "../ui/RelativeTime";
import { ErrorState } from "../ui/states";
import { useLiveCollection as useList } from "../shared/live";

interface MailRecord {
  id: string;
  to: string | null;
  kind: string | null;
  state: string;
  error: string | null;
  attempts: number;
  createdAt: Timestamp | null;
}

const mailOf = (data: Record<string, unknown>, id: string) => ({ id, error: null, attempts: 0, ...data }) as MailRecord;

const KIND_TEXT: Record<string, string> = {
  acknowledgement: "Acknowledgement",
  comment: "Reply",
  status_changed: "Status change",
  assigned: "Assignment",
  issue_raised: "New issue",
  sla_breach: "SLA breach",
};

function stateText(mail: MailRecord): string {
  if (mail.state === "SUCCESS") return "Delivered";
  if (mail.state === "RETRY") return `Not yet: retrying (attempt ${mail.attempts})`;
  if (mail.state === "ERROR") return mail.error?.startsWith("Bounced") ? "Bounced" : "Not delivered";
  return "Sending…";
}

export const mayReadMails = (role: Role) => role === "admin" || role === "agent";

export function MailCard({ orgId, issueId }: { orgId: string; issueId: string }) {
  const mails = useList(["orgs", orgId, "issues", issueId, "mails"], "createdAt", mailOf);
  if (mails.status === "loading") return null;
  return (
    <section className="card" aria-labelledby="mail-heading">
      <h2 id="mail-heading">Mail</h2>
      {mails.status === "error" ? (
        <ErrorState error={mails.error} compact />
      ) : mails.value.length === 0 ? (
        <p className="muted">No mail about this issue yet.</p>
      ) : (
        <ul className="mail-list">
          {mails.value.map((mail) => (
            <li key={mail.id}>
              <strong>{KIND_TEXT[mail.kind ?? ""] ?? "Mail"}</strong> to {mail.to ?? "someone"}
              <br />
              <span className={mail.state === "ERROR" ? "field-error" : "muted"}>{stateText(mail)}</span>
              {mail.createdAt && (
                <>
                  {" · "}
                  <RelativeTime value={mail.createdAt} />
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
