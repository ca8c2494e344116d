/**
 * Where an issue lives in the web app (docs/web.md), shared by the web's own links and the
 * links in notification mail, so both name the same pages. Both pages take the readable
 * number (`/o/<org>/issues/ISS-2026-0044`, `/portal/issues/<org>/ISS-2026-0044`), so what a
 * customer reads in a mail or passes on is the number the team talks about; both still take
 * the document id, which is all a link made before the issue was numbered can name (and what
 * older mail holds).
 */
const seg = encodeURIComponent;

/** The readable address of an issue: its number once it has one. */
export const issueAddress = (issue: { id: string; number: string | null }) => issue.number ?? issue.id;

export const agentIssuePath = (orgId: string, issueIdOrNumber: string) =>
  `/o/${seg(orgId)}/issues/${seg(issueIdOrNumber)}`;
export const portalIssuePath = (orgId: string, issueIdOrNumber: string) =>
  `/portal/issues/${seg(orgId)}/${seg(issueIdOrNumber)}`;

/** Who opens a link: a member of the team, or a customer (who may open only the portal page). */
export type IssueReader = "team" | "customer";

/** The page a notification about the issue sends its reader to, by number once the issue has one. */
export function issuePagePath(
  issue: { orgId: string; id: string; number: string | null },
  reader: IssueReader,
): string {
  const address = issueAddress(issue);
  return reader === "customer" ? portalIssuePath(issue.orgId, address) : agentIssuePath(issue.orgId, address);
}

/** The same page as a full URL on the deployment's app (`APP_BASE_URL`). */
export const issuePageUrl = (
  appBaseUrl: string,
  issue: { orgId: string; id: string; number: string | null },
  reader: IssueReader,
) => `${appBaseUrl.replace(/\/+$/, "")}${issuePagePath(issue, reader)}`;
