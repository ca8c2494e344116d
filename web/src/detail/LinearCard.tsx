/**
 * The issue's Linear link and sync state (issue 11): the identifier as a link,
 * where the last push stands and why it failed, and the admin's "Push again"
 * (POST …/linear:sync). Shown when the issue has a link, or, to admins, who
 * can read the org's settings, when the org's sync is on and the issue has no
 * link yet.
 */
import { can, type Role } from "@firetrack/domain";
import { doc, onSnapshot } from "firebase/firestore";
import { useEffect, useState } from "react";
import { api } from "../api/client";
import { db } from "../firestore";
import type { Issue } from "../issues/issue";
import { useOrg } from "../org/OrgContext";
import { InternalBadge } from "../ui/badges";
import { RelativeTime } from "../ui/RelativeTime";
import { ErrorState } from "../ui/states";

type LinearLink = NonNullable<Issue["linear"]>;

/** Whether the org's sync is on; null while unknown, and for anyone but admins (the settings are theirs to read). */
function useLinearSyncOn(orgId: string, role: Role): boolean | null {
  const [on, setOn] = useState<boolean | null>(null);
  const admin = can(role, "settings.manage");
  useEffect(() => {
    setOn(null);
    if (!admin) return;
    return onSnapshot(
      doc(db, "orgs", orgId, "private", "settings"),
      (snapshot) => setOn(snapshot.get("linear.enabled") === true && Boolean(snapshot.get("linear.teamId"))),
      () => setOn(null),
    );
  }, [orgId, admin]);
  return on;
}

/** Where the issue stands in Linear, in words. */
function stateText(link: LinearLink): string {
  switch (link.state) {
    case "pending":
      return "Being created in Linear";
    case "deleted":
      return "Removed in Linear";
    case "unknown":
      return "Linked";
    default:
      return link.stateName ?? link.state;
  }
}

export function LinearCard({ issue }: { issue: Issue }) {
  const org = useOrg();
  const syncOn = useLinearSyncOn(org.orgId, org.role);
  const link = issue.linear;
  if (!link && syncOn !== true) return null;
  return (
    <section className="card linear-card" aria-labelledby="linear-heading">
      <h2 id="linear-heading">
        Linear <InternalBadge />
      </h2>
      {link ? <LinkFacts link={link} /> : <p className="muted">Not in Linear yet.</p>}
      {can(org.role, "integrations.manage") && (
        <PushAgain orgId={org.orgId} issueId={issue.id} removed={link?.state === "deleted"} />
      )}
    </section>
  );
}

function LinkFacts({ link }: { link: LinearLink }) {
  return (
    <>
      <dl className="facts">
        <dt>Issue</dt>
        <dd>
          {link.identifier && link.url ? (
            <a href={link.url} target="_blank" rel="noreferrer noopener">
              {link.identifier}
            </a>
          ) : (
            (link.identifier ?? <span className="muted">Not created yet</span>)
          )}
        </dd>
        <dt>State</dt>
        <dd>{stateText(link)}</dd>
        <dt>Last sync</dt>
        <dd>
          <RelativeTime value={link.syncedAt} fallback="not yet" />
        </dd>
      </dl>
      {link.error && (
        <div className="state state-error compact linear-error" role="alert">
          <p className="state-title">The last push to Linear failed</p>
          <p>{link.error.message}</p>
          <p className="muted">
            <code>{link.error.code}</code>,{" "}
            {link.error.attempts === 1 ? "1 attempt" : `${link.error.attempts} attempts`},{" "}
            <RelativeTime value={link.error.at} />
          </p>
        </div>
      )}
    </>
  );
}

function PushAgain({ orgId, issueId, removed }: { orgId: string; issueId: string; removed: boolean }) {
  const [busy, setBusy] = useState(false);
  const [queued, setQueued] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const push = async () => {
    setBusy(true);
    setError(null);
    setQueued(false);
    try {
      await api("POST", "/orgs/{orgId}/issues/{id}/linear:sync", {
        params: { path: { orgId, id: issueId } },
        body: {},
      });
      setQueued(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      {removed && <p className="muted">Pushing again creates a new Linear issue.</p>}
      <button type="button" disabled={busy} onClick={() => void push()}>
        Push again
      </button>
      {queued && <p role="status">Push queued: this page updates when Linear has it.</p>}
      {error !== null && <ErrorState error={error} compact />}
    </>
  );
}
