/**
 * Where an issue lives in the web app (docs/web.md), shared by the web's own links and the
 * links in notification mail, so both name the same pages. The team's page takes the
 * readable number (`/o/<org>/issues/ISS-2026-0044`); the portal knows issues by id, because
 * a customer reads their own projection, which is named by the issue's id.
 */
const seg = encodeURIComponent;

/** The readable address of an issue: its number once it has one. */
export const issueAddress = (issue: { id: string; number: string | null }) => issue.number ?? issue.id;

export const agentIssuePath = (orgId: string, issueIdOrNumber: string) =>
  `/o/${seg(orgId)}/issues/${seg(issueIdOrNumber)}`;
export const portalIssuePath = (orgId: string, issueId: string) => `/portal/issues/${seg(orgId)}/${seg(issueId)}`;

/** Who opens a link: a member of the team, or a customer (who may open only the portal page). */
export type IssueReader = "team" | "customer";

/** The page a notification about the issue sends its reader to. */
export function issuePagePath(
  issue: { orgId: string; id: string; number: string | null },
  reader: IssueReader,
): string {
  return reader === "customer"
    ? portalIssuePath(issue.orgId, issue.id)
    : agentIssuePath(issue.orgId, issueAddress(issue));
}

/** The same page as a full URL on the deployment's app (`APP_BASE_URL`). */
export const issuePageUrl = (
  appBaseUrl: string,
  issue: { orgId: string; id: string; number: string | null },
  reader: IssueReader,
) => `${appBaseUrl.replace(/\/+$/, "")}${issuePagePath(issue, reader)}`;
