/**
 * Firestore edges of the Linear sync: the link on an issue, the webhook
 * deliveries and the caches. Which org syncs with a team: store/linearTeams.ts. Server-only collections:
 *   webhookDeliveries/{Linear-Delivery}   payload (the raw JSON), type, action, receivedAt, appliedAt, outcome, expireAt (TTL)
 *   linear/team_{teamId}                  states, statesFetchedAt (the team's workflow states, cached)
 *   linear/viewer_{keyHash}               the API key's own Linear user: id, name, fetchedAt
 *   linear/push_{orgId}_{issueId}         the lease of the push running for an issue: holder, until
 */
import { createHash } from "node:crypto";
import {
  FieldValue,
  Timestamp,
  type DocumentSnapshot,
  type Firestore,
  type Transaction,
} from "firebase-admin/firestore";
import type { LinearFieldTimes, LinearWorkflowState } from "../domain";
import { isAlreadyExists } from "./grpcCodes";
import { boundOrgOfTeam, requireTeamBound } from "./linearTeams";
import { allIssues, linearDocRef, webhookDeliveryRef } from "./refs";

export { webhookDeliveryRef };
export const linearTeamRef = (db: Firestore, teamId: string) => linearDocRef(db, `team_${teamId}`);
const viewerRef = (db: Firestore, apiKey: string) =>
  linearDocRef(db, `viewer_${createHash("sha256").update(apiKey).digest("hex").slice(0, 24)}`);

/** Linear retries a failed delivery after 1 min, 1 h and 6 h: a week of records covers every repeat. */
export const DELIVERY_RETENTION_MS = 7 * 24 * 3600 * 1000;

/**
 * Records a verified delivery. False when this delivery id was recorded before
 * (a repeat): `create()` decides, so two copies arriving at once store one.
 */
export async function recordDelivery(
  db: Firestore,
  deliveryId: string,
  delivery: { payload: string; type: string; action: string; linearIssueId?: string | null; now: number },
): Promise<boolean> {
  try {
    await webhookDeliveryRef(db, deliveryId).create({
      payload: delivery.payload,
      type: delivery.type,
      action: delivery.action,
      linearIssueId: delivery.linearIssueId ?? null,
      receivedAt: FieldValue.serverTimestamp(),
      appliedAt: null,
      outcome: null,
      expireAt: Timestamp.fromMillis(delivery.now + DELIVERY_RETENTION_MS),
    });
    return true;
  } catch (err) {
    if (isAlreadyExists(err)) return false;
    throw err;
  }
}

/** The issue linked to a Linear issue id, in any org (collection group, indexed: queryShapes `linear.issueByLinearId`). */
export async function findIssueByLinearId(
  db: Firestore,
  linearId: string,
  tx?: Transaction,
): Promise<DocumentSnapshot | null> {
  const query = allIssues(db).where("linear.id", "==", linearId).limit(1);
  const result = tx ? await tx.get(query) : await query.get();
  return result.docs[0] ?? null;
}

/**
 * A Linear team syncs with at most one org: the org the operator bound it to
 * (store/linearTeams.ts). Turning the sync on for a team bound elsewhere, or to
 * nobody, is refused; the check runs in the settings transaction, so it reads the
 * binding as it stands when the settings are written.
 */
export async function checkTeamBinding(
  db: Firestore,
  tx: Transaction,
  orgId: string,
  after: { teamId: string | null; enabled: boolean },
): Promise<void> {
  if (after.enabled && after.teamId) await requireTeamBound(db, tx, orgId, after.teamId);
}

/** The org that syncs with a Linear team, if any: the one it is bound to (its settings decide whether the sync is on). */
export async function orgForTeam(db: Firestore, teamId: string): Promise<string | null> {
  return boundOrgOfTeam(db, teamId);
}

export const STATES_TTL_MS = 3600 * 1000;

/** A team's workflow states, cached for an hour: a sync then costs one Linear call, not two. */
export async function cachedWorkflowStates(
  db: Firestore,
  teamId: string,
  fetch: () => Promise<LinearWorkflowState[]>,
  now: number = Date.now(),
): Promise<LinearWorkflowState[]> {
  const ref = linearTeamRef(db, teamId);
  const cached = await ref.get();
  const fetchedAt = (cached.get("statesFetchedAt") as Timestamp | undefined)?.toMillis();
  const states = cached.get("states") as LinearWorkflowState[] | undefined;
  if (states && fetchedAt !== undefined && now - fetchedAt < STATES_TTL_MS) return states;
  const fresh = await fetch();
  await ref.set({ states: fresh, statesFetchedAt: Timestamp.fromMillis(now) }, { merge: true });
  return fresh;
}

export const VIEWER_TTL_MS = 24 * 3600 * 1000;

/** The integration's own Linear user (whose events are our own echoes), cached per API key for a day. */
export async function cachedViewer(
  db: Firestore,
  apiKey: string,
  fetch: () => Promise<{ id: string; name: string }>,
  now: number = Date.now(),
): Promise<{ id: string; name: string }> {
  const ref = viewerRef(db, apiKey);
  const cached = await ref.get();
  const fetchedAt = (cached.get("fetchedAt") as Timestamp | undefined)?.toMillis();
  const id = cached.get("id") as string | undefined;
  if (id && fetchedAt !== undefined && now - fetchedAt < VIEWER_TTL_MS)
    return { id, name: (cached.get("name") as string) ?? "" };
  const fresh = await fetch();
  await ref.set({ id: fresh.id, name: fresh.name, fetchedAt: Timestamp.fromMillis(now) });
  return fresh;
}

const pushLeaseRef = (db: Firestore, orgId: string, issueId: string) => linearDocRef(db, `push_${orgId}_${issueId}`);

/** Longer than one push can take: three calls at their timeout plus an inline rate-limit wait. */
export const PUSH_LEASE_MS = 90_000;

export class PushLeaseBusyError extends Error {}

/**
 * One push per issue at a time: each push reads the issue and sends what
 * Linear does not hold yet, and two at once could land in the wrong order.
 * The lease lives outside the issue, so taking it costs the issue no write
 * (and its triggers no run). A holder that died leaves a lease that expires.
 */
export async function withPushLease<T>(
  db: Firestore,
  orgId: string,
  issueId: string,
  holder: string,
  work: () => Promise<T>,
  { waitMs = 60_000, pollMs = 250 } = {},
): Promise<T> {
  const ref = pushLeaseRef(db, orgId, issueId);
  const started = Date.now();
  for (;;) {
    const taken = await db.runTransaction(async (tx) => {
      const lease = await tx.get(ref);
      const until = (lease.get("until") as Timestamp | undefined)?.toMillis() ?? 0;
      if (lease.exists && until > Date.now() && lease.get("holder") !== holder) return false;
      tx.set(ref, { holder, until: Timestamp.fromMillis(Date.now() + PUSH_LEASE_MS) });
      return true;
    });
    if (taken) break;
    if (Date.now() - started > waitMs) throw new PushLeaseBusyError("another push of this issue is still running");
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
  try {
    return await work();
  } finally {
    await db
      .runTransaction(async (tx) => {
        const lease = await tx.get(ref);
        if (lease.get("holder") === holder) tx.delete(ref);
      })
      .catch(() => undefined);
  }
}

/** The issue's link as stored, read leniently (a malformed link reads as none). */
export interface StoredLinearLink {
  id: string;
  identifier: string | null;
  url: string | null;
  state: string;
  stateId: string | null;
  syncedVersion: number;
  remoteUpdatedAt: number | null;
  remoteFieldAt: LinearFieldTimes | null;
  syncedFields: Record<string, string> | null;
  error: unknown;
}

export function linearLinkOf(snapshot: DocumentSnapshot): StoredLinearLink | null {
  return linearLinkFrom(snapshot.get("linear"));
}

export function linearLinkFrom(value: unknown): StoredLinearLink | null {
  const link = value as Record<string, unknown> | null | undefined;
  if (!link || typeof link.id !== "string" || !link.id) return null;
  const str = (value: unknown) => (typeof value === "string" && value ? value : null);
  const remote = link.remoteUpdatedAt as Timestamp | null | undefined;
  return {
    id: link.id,
    identifier: str(link.identifier),
    url: str(link.url),
    state: str(link.state) ?? "pending",
    stateId: str(link.stateId),
    syncedVersion: typeof link.syncedVersion === "number" ? link.syncedVersion : 0,
    remoteUpdatedAt: remote && typeof remote.toMillis === "function" ? remote.toMillis() : null,
    remoteFieldAt:
      link.remoteFieldAt && typeof link.remoteFieldAt === "object" ? (link.remoteFieldAt as LinearFieldTimes) : null,
    syncedFields:
      link.syncedFields && typeof link.syncedFields === "object" ? (link.syncedFields as Record<string, string>) : null,
    error: link.error ?? null,
  };
}

/** A link before the first create: our UUID, stored before Linear is ever asked, so every retry sends the same one. */
export function pendingLink(id: string) {
  return {
    id,
    identifier: null,
    url: null,
    state: "pending",
    stateId: null,
    stateName: null,
    syncedAt: null,
    syncedVersion: 0,
    remoteUpdatedAt: null,
    remoteFieldAt: null,
    syncedFields: null,
    error: null,
  };
}
