/**
 * Applies a recorded Linear delivery (webhookDeliveries/{id}), exactly once:
 * every path writes its change and marks the delivery `appliedAt` in one
 * transaction, and a delivery already marked is skipped. So a redelivered
 * event, or this trigger run twice, applies nothing twice.
 *
 * - `Issue` update on a linked issue: title, description, priority and status
 *   as mapped (domain/linear.ts), when newer than the last Linear state we
 *   pushed or applied, by Linear's clock. Written with lastActor
 *   {kind: "linear"}: onIssueWritten records the activity and notifies, and
 *   queues nothing back to Linear.
 * - `Issue` create in a team an org syncs with, not made by us: imported, with
 *   source `linear`, numbered like any other. Its document id comes from the
 *   Linear id, so an import run again cannot duplicate it.
 * - `Comment` create on a linked issue: an internal comment with source `linear`.
 * - `Issue` remove: `linear.state = "deleted"`; ours is never deleted.
 * Echoes of our own changes are recognised by the actor (the API key's own
 * Linear user), by our comment mark, and by carrying nothing new.
 */
import {
  FieldValue,
  Timestamp,
  type DocumentReference,
  type DocumentSnapshot,
  type Firestore,
  type Transaction,
} from "firebase-admin/firestore";
import { logger } from "firebase-functions/logger";
import type { FirestoreEvent, QueryDocumentSnapshot } from "firebase-functions/v2/firestore";
import { onDocumentCreated } from "firebase-functions/v2/firestore";
import {
  LINEAR_RESOLUTION_NOTES,
  COMMENT_MAX,
  firetrackCommentIdIn,
  freshFields,
  importedFields,
  inboundIssueChanges,
  isLinearSyncOn,
  isNewerThanLastSync,
  LINEAR_SYNCED_FIELDS,
  linearCommentDataSchema,
  linearIssueDataSchema,
  linearTime,
  linearWebhookPayloadSchema,
  priorityRank,
  recordClockChange,
  reportedFields,
  slaClockRuns,
  syncedFieldsOf,
  type Actor,
  type LinearIssueData,
  type LinearSettings,
  type LinearSyncedField,
  type LinearWebhookPayload,
  type Priority,
  type Status,
} from "../../domain";
import { LINEAR_API_KEY, linearApiKey, linearApiUrl, REGION } from "../../config";
import { db } from "../../store/db";
import { clockStopsToFirestore } from "../../store/issueFacts";
import { clockStamp, newIssueRecord, stampWrite } from "../../store/issues";
import {
  cachedViewer,
  findIssueByLinearId,
  linearLinkOf,
  orgForTeam,
  webhookDeliveryRef,
  type StoredLinearLink,
} from "../../store/linear";
import { getOrgSettings } from "../../store/orgs";
import { commentsCol, issuesCol } from "../../store/refs";
import { linearApi } from "./client";

export type DeliveryOutcome =
  | "applied"
  | "imported"
  | "commented"
  | "removed"
  | "no_change"
  | "stale"
  | "own_echo"
  | "unlinked"
  | "unmapped"
  | "sync_off"
  | "ignored"
  | "unreadable"
  | "already_applied";

export type DeliveryCreatedEvent = FirestoreEvent<QueryDocumentSnapshot | undefined, { deliveryId: string }>;

export interface ApplyDeps {
  /** The integration's own Linear user id, or null when it cannot be known (no key, Linear unreachable). */
  viewerId: () => Promise<string | null>;
}

async function defaultViewerId(): Promise<string | null> {
  const apiKey = linearApiKey();
  if (!apiKey) return null;
  try {
    return (await cachedViewer(db(), apiKey, () => linearApi(apiKey, linearApiUrl()).viewer())).id;
  } catch (err) {
    // The other guards (our comment mark, values already equal, Linear's clock) still stop echoes.
    logger.warn("linear.viewer_unavailable", { error: (err as Error).message });
    return null;
  }
}

export async function handleDeliveryCreated(
  event: DeliveryCreatedEvent,
  deps: ApplyDeps = { viewerId: defaultViewerId },
): Promise<DeliveryOutcome> {
  const deliveryId = event.params.deliveryId;
  const ref = webhookDeliveryRef(db(), deliveryId);
  const delivery = await ref.get();
  if (!delivery.exists || delivery.get("appliedAt")) return "already_applied";
  let payload: LinearWebhookPayload;
  try {
    payload = linearWebhookPayloadSchema.parse(JSON.parse(String(delivery.get("payload") ?? "")));
  } catch {
    return markDelivery(ref, "unreadable");
  }
  const outcome = await applyPayload(db(), ref, payload, deps);
  logger.info("linear.delivery_applied", { deliveryId, type: payload.type, action: payload.action, outcome });
  return outcome;
}

async function applyPayload(
  firestore: Firestore,
  delivery: DocumentReference,
  payload: LinearWebhookPayload,
  deps: ApplyDeps,
): Promise<DeliveryOutcome> {
  const fromViewer = async () => {
    const viewer = await deps.viewerId();
    return viewer !== null && payload.actor?.id === viewer;
  };
  if (payload.type === "Issue") {
    const data = linearIssueDataSchema.safeParse(payload.data);
    if (!data.success) return markDelivery(delivery, "unreadable");
    if (payload.action === "remove") return applyIssueRemoved(firestore, delivery, data.data);
    if (payload.action === "update" || payload.action === "create") {
      const linked = await findIssueByLinearId(firestore, data.data.id);
      if (linked) return applyIssueUpdate(firestore, delivery, payload, data.data, await fromViewer());
      if (payload.action === "create") return importIssue(firestore, delivery, payload, data.data, await fromViewer());
      return markDelivery(delivery, "unlinked");
    }
  }
  if (payload.type === "Comment" && payload.action === "create") {
    const data = linearCommentDataSchema.safeParse(payload.data);
    if (!data.success) return markDelivery(delivery, "unreadable");
    return applyComment(firestore, delivery, payload, data.data, await fromViewer());
  }
  return markDelivery(delivery, "ignored");
}

/** Runs `work` in a transaction that also marks the delivery; a delivery marked before is left alone. */
async function onceForDelivery(
  firestore: Firestore,
  delivery: DocumentReference,
  work: (tx: Transaction) => Promise<DeliveryOutcome>,
): Promise<DeliveryOutcome> {
  return firestore.runTransaction(async (tx) => {
    const marked = await tx.get(delivery);
    if (!marked.exists || marked.get("appliedAt")) return "already_applied";
    const outcome = await work(tx);
    tx.update(delivery, { appliedAt: FieldValue.serverTimestamp(), outcome });
    return outcome;
  });
}

const markDelivery = (delivery: DocumentReference, outcome: DeliveryOutcome) =>
  onceForDelivery(delivery.firestore, delivery, async () => outcome);

export function linearActor(
  actor: { id?: string | undefined; name?: string | undefined } | undefined,
  fallbackName = "Linear",
): Actor {
  return { uid: `linear:${actor?.id ?? "unknown"}`, name: actor?.name || fallbackName, kind: "linear" };
}

const orgIdOf = (issue: DocumentSnapshot) => issue.ref.parent.parent!.id;

async function syncSettings(firestore: Firestore, orgId: string): Promise<LinearSettings | null> {
  const settings = (await getOrgSettings(firestore, orgId))?.linear;
  return settings && isLinearSyncOn(settings) ? settings : null;
}

function stateFields(data: LinearIssueData): Record<string, unknown> {
  if (!data.state) return {};
  return {
    "linear.state": data.state.type || "unknown",
    "linear.stateId": data.state.id,
    "linear.stateName": data.state.name,
  };
}

/** What an event tells us of Linear even when it changes nothing here: its clock per field, the state, the identifier. */
function linkNews(
  link: StoredLinearLink,
  data: LinearIssueData,
  fresh: readonly LinearSyncedField[],
  eventAt: number | null,
): Record<string, unknown> {
  const news: Record<string, unknown> = {};
  if (eventAt !== null) {
    for (const field of fresh) news[`linear.remoteFieldAt.${field}`] = eventAt;
    if (fresh.length > 0 && isNewerThanLastSync(eventAt, link.remoteUpdatedAt))
      news["linear.remoteUpdatedAt"] = Timestamp.fromMillis(eventAt);
  }
  if (fresh.includes("status")) Object.assign(news, stateFields(data));
  if (data.identifier && !link.identifier)
    Object.assign(news, { "linear.identifier": data.identifier, "linear.url": data.url ?? null });
  return news;
}

async function applyIssueUpdate(
  firestore: Firestore,
  delivery: DocumentReference,
  payload: LinearWebhookPayload,
  data: LinearIssueData,
  fromViewer: boolean,
): Promise<DeliveryOutcome> {
  const found = await findIssueByLinearId(firestore, data.id);
  const settings = found ? await syncSettings(firestore, orgIdOf(found)) : null;
  return onceForDelivery(firestore, delivery, async (tx) => {
    // Read again inside the transaction: the push may have changed the link meanwhile.
    const issue = await findIssueByLinearId(firestore, data.id, tx);
    if (!issue) return "unlinked";
    if (!settings) return "sync_off";
    const link = linearLinkOf(issue)!;
    const eventAt = linearTime(data.updatedAt);
    const reported = reportedFields(payload.action === "create" ? null : payload.updatedFrom);
    const fresh = freshFields(reported, link.remoteFieldAt, eventAt);
    const news = linkNews(link, data, fresh, eventAt);
    // Our own change coming back: note Linear's clock, change nothing.
    if (fromViewer || fresh.length === 0) {
      if (Object.keys(news).length > 0) tx.update(issue.ref, news);
      return fromViewer ? "own_echo" : "stale";
    }
    const current = {
      title: String(issue.get("title") ?? ""),
      description: String(issue.get("description") ?? ""),
      status: issue.get("status") as Status,
      priority: issue.get("priority") as Priority,
      linearStateId: link.stateId,
    };
    const changes = inboundIssueChanges(current, data, fresh, settings.stateMap);
    const actor = linearActor(payload.actor);
    const update: Record<string, unknown> = { ...news };
    const applied: LinearSyncedField[] = [];
    if (changes.title !== undefined) {
      update.title = changes.title;
      applied.push("title");
    }
    if (changes.description !== undefined) {
      update.description = changes.description;
      applied.push("description");
    }
    if (changes.priority) {
      update.priority = changes.priority;
      update.priorityRank = priorityRank(changes.priority);
      applied.push("priority");
    }
    if (changes.status) {
      update.status = changes.status.to;
      applied.push("status");
      if (changes.status.kind === "resolve") {
        // The notes are public: Linear's identifier and user stay with the team (resolution.by, lastActor).
        update.resolution = { notes: LINEAR_RESOLUTION_NOTES, by: actor, at: FieldValue.serverTimestamp() };
      }
      if (changes.status.kind === "reopen") update.resolution = null;
    }
    if (applied.length === 0) {
      if (Object.keys(news).length > 0) tx.update(issue.ref, news);
      return "no_change";
    }
    const after = { ...current, ...update } as Record<LinearSyncedField, string>;
    for (const [field, print] of Object.entries(syncedFieldsOf(after, applied)))
      update[`linear.syncedFields.${field}`] = print;
    // Linear holds this version if it held the one before.
    const version = Number(issue.get("version") ?? 0);
    if (link.syncedVersion >= version) update["linear.syncedVersion"] = version + 1;
    // A status move carries its SLA clock record, as every status write does (store/issues.ts).
    tx.update(issue.ref, { ...update, ...clockStamp(issue, update, Date.now()), ...stampWrite(actor) });
    return "applied";
  });
}

async function applyIssueRemoved(
  firestore: Firestore,
  delivery: DocumentReference,
  data: LinearIssueData,
): Promise<DeliveryOutcome> {
  return onceForDelivery(firestore, delivery, async (tx) => {
    const issue = await findIssueByLinearId(firestore, data.id, tx);
    if (!issue) return "unlinked";
    // Bookkeeping only: the issue stays ours, and is not sent to Linear again by itself.
    tx.update(issue.ref, { "linear.state": "deleted", "linear.stateId": null, "linear.stateName": null });
    return "removed";
  });
}

/** Imported issues are named after their Linear id: the second import of one finds the first. */
export const importedIssueId = (linearId: string) => `linear-${linearId}`;

async function importIssue(
  firestore: Firestore,
  delivery: DocumentReference,
  payload: LinearWebhookPayload,
  data: LinearIssueData,
  fromViewer: boolean,
): Promise<DeliveryOutcome> {
  if (fromViewer) return markDelivery(delivery, "own_echo");
  const teamId = data.teamId ?? data.team?.id;
  const orgId = teamId ? await orgForTeam(firestore, teamId) : null;
  const settings = orgId ? await syncSettings(firestore, orgId) : null;
  if (!orgId || !settings || settings.teamId !== teamId) return markDelivery(delivery, "unmapped");
  const ref = issuesCol(firestore, orgId).doc(importedIssueId(data.id));
  return onceForDelivery(firestore, delivery, async (tx) => {
    // A link made meanwhile (our own create, answered late) wins: that issue is ours already.
    const [existing, linked] = await Promise.all([tx.get(ref), findIssueByLinearId(firestore, data.id, tx)]);
    if (existing.exists || linked) return "already_applied";
    const fields = importedFields(data, settings.stateMap);
    const reporter = linearActor(data.creator?.id ? data.creator : payload.actor);
    const record = newIssueRecord(orgId, {
      input: {
        title: fields.title,
        description: fields.description,
        type: "task",
        priority: fields.priority,
        category: "general",
        tags: [],
        vendor: null,
        order: null,
      },
      source: "linear",
      reporter,
    });
    const eventAt = linearTime(data.updatedAt);
    tx.create(ref, {
      ...record,
      status: fields.status,
      // Imported in a stopped state (resolved, on hold…), its SLA clock stands from the start.
      clockStops: clockStopsToFirestore(recordClockChange([], slaClockRuns(fields.status, false), Date.now())),
      // A Linear user is no Firetrack person to notify.
      watchers: [],
      resolution:
        fields.status === "resolved"
          ? { notes: LINEAR_RESOLUTION_NOTES, by: reporter, at: FieldValue.serverTimestamp() }
          : null,
      linear: {
        id: data.id,
        identifier: data.identifier ?? null,
        url: data.url ?? null,
        state: data.state?.type || "unknown",
        stateId: data.state?.id ?? null,
        stateName: data.state?.name ?? null,
        syncedAt: FieldValue.serverTimestamp(),
        syncedVersion: record.version,
        remoteUpdatedAt: eventAt === null ? null : Timestamp.fromMillis(eventAt),
        remoteFieldAt:
          eventAt === null ? null : Object.fromEntries(LINEAR_SYNCED_FIELDS.map((field) => [field, eventAt])),
        syncedFields: syncedFieldsOf(fields),
        error: null,
      },
    });
    return "imported";
  });
}

async function applyComment(
  firestore: Firestore,
  delivery: DocumentReference,
  payload: LinearWebhookPayload,
  data: {
    id: string;
    body: string;
    issueId?: string | undefined;
    issue?: { id: string } | undefined;
    user?: { id?: string | undefined; name?: string | undefined } | undefined;
    userId?: string | undefined;
  },
  fromViewer: boolean,
): Promise<DeliveryOutcome> {
  const linearIssueId = data.issueId ?? data.issue?.id;
  const issue = linearIssueId ? await findIssueByLinearId(firestore, linearIssueId) : null;
  if (!issue) return markDelivery(delivery, "unlinked");
  const settings = await syncSettings(firestore, orgIdOf(issue));
  if (!settings || settings.mirrorComments === "none") return markDelivery(delivery, "sync_off");
  if (fromViewer) return markDelivery(delivery, "own_echo");
  // A comment of ours relayed back by someone else still carries our mark.
  const ours = firetrackCommentIdIn(data.body);
  if (ours && (await commentsCol(firestore, orgIdOf(issue), issue.id).doc(ours).get()).exists)
    return markDelivery(delivery, "own_echo");
  const ref = commentsCol(firestore, orgIdOf(issue), issue.id).doc(`linear-${data.id}`);
  return onceForDelivery(firestore, delivery, async (tx) => {
    if ((await tx.get(ref)).exists) return "already_applied";
    const author = linearActor({
      id: data.user?.id ?? data.userId ?? payload.actor?.id,
      name: data.user?.name || payload.actor?.name,
    });
    tx.create(ref, {
      body: data.body.slice(0, COMMENT_MAX) || "(empty comment in Linear)",
      author,
      internal: true,
      solution: false,
      source: "linear",
      createdAt: FieldValue.serverTimestamp(),
      editedAt: null,
    });
    return "commented";
  });
}

export const applyLinearDelivery = onDocumentCreated(
  { document: "webhookDeliveries/{deliveryId}", region: REGION, retry: true, secrets: [LINEAR_API_KEY] },
  async (event: Parameters<typeof handleDeliveryCreated>[0]) => {
    await handleDeliveryCreated(event);
  },
);
