/**
 * Fan-out of one event to in-app notifications and Trigger Email documents.
 * Ids are `{eventKey}_{uid}` (and the same for the mail), written with
 * `create()`: a redelivered event re-runs the fan-out and every write it
 * repeats fails with ALREADY_EXISTS, which counts as done. Logs carry ids and
 * counts, never names, addresses or bodies.
 */
import { FieldValue, type Firestore } from "firebase-admin/firestore";
import { logger } from "firebase-functions/logger";
import {
  customerFacingActor,
  MEMBER_ROLES,
  notificationRecipients,
  renderNotification,
  resolvePrefs,
  candidateRecipients,
  type IssueAudience,
  type MemberRole,
  type NotifyEvent,
  type Role,
  ASSIGNABLE_ROLES,
  issuePageUrl,
  type IssueReader,
} from "../domain";
import { appBaseUrl } from "../config";
import { isAlreadyExists } from "./grpcCodes";
import { issueMailDocument, mailContext } from "./issueMail";
import { issueRef, mailCol, membersCol, notificationsCol, userRef } from "./refs";

export interface NotifyInput {
  orgId: string;
  issueId: string;
  issueNumber: string | null;
  title: string;
  event: NotifyEvent;
  actor: { uid: string; name: string; kind?: string };
  audience: IssueAudience;
  /** Unique per event and kind of notification; with the uid it names the documents. */
  eventKey: string;
  /** People already told about this event through another notice (one notification per person per change). */
  exclude?: ReadonlySet<string>;
}

/** Admins and agents, with their roles, so their member documents are not read again. */
async function staffOf(db: Firestore, orgId: string) {
  const staff = await membersCol(db, orgId)
    .where("role", "in", [...ASSIGNABLE_ROLES])
    .select("role")
    .get();
  const admins = staff.docs.filter((doc) => doc.get("role") === "admin").map((doc) => doc.id);
  const agents = staff.docs.filter((doc) => doc.get("role") === "agent").map((doc) => doc.id);
  return { admins, agents, docs: staff.docs };
}

async function createOnce(ref: FirebaseFirestore.DocumentReference, data: Record<string, unknown>): Promise<boolean> {
  try {
    await ref.create(data);
    return true;
  } catch (err) {
    if (isAlreadyExists(err)) return false;
    throw err;
  }
}

/**
 * The address mail may go to: users/{uid}.email, only while the server has seen Auth
 * call it verified (store/users.ts). Anyone can sign up with someone else's address;
 * mailing it would send our notifications to a stranger.
 */
export function verifiedEmailOf(user: FirebaseFirestore.DocumentSnapshot): string | null {
  const email = user.get("email") as unknown;
  // A mail contact (integrations/email) wrote to us from this address: answering it there is what they asked for.
  const reachable = user.get("emailVerified") === true || user.get("mailContact") === true;
  return typeof email === "string" && email.length > 0 && reachable ? email : null;
}

/** Returns the uids notified (in-app or by mail). */
export async function notify(db: Firestore, input: NotifyInput): Promise<string[]> {
  const needsStaff =
    input.event.type === "issue_raised" || input.event.type === "sla_breach" || input.event.type === "sla_at_risk";
  const staff = needsStaff ? await staffOf(db, input.orgId) : { admins: [], agents: [], docs: [] };
  const candidates = [
    ...new Set(candidateRecipients(input.event, input.audience, { admins: staff.admins, agents: staff.agents })),
  ].filter((uid) => uid !== input.actor.uid && !input.exclude?.has(uid));
  if (candidates.length === 0) return [];

  // Staff came with their query; only the other candidates' memberships are read.
  const known = new Map(staff.docs.map((doc) => [doc.id, doc]));
  const unknown = candidates.filter((uid) => !known.has(uid));
  const memberDocs = [
    ...candidates.flatMap((uid) => known.get(uid) ?? []),
    ...(unknown.length > 0 ? await db.getAll(...unknown.map((uid) => membersCol(db, input.orgId).doc(uid))) : []),
  ];
  const roles = new Map<string, Role>();
  for (const doc of memberDocs) {
    const role = doc.get("role") as unknown;
    if (!doc.exists || !(MEMBER_ROLES as readonly string[]).includes(role as string)) continue;
    roles.set(doc.id, role as MemberRole);
  }
  const recipients = notificationRecipients(input.event, input.audience, {
    actorUid: input.actor.uid,
    roles,
    admins: staff.admins,
    agents: staff.agents,
  });
  if (recipients.length === 0) return [];

  // Read with the recipients, just before writing: an issue erased while this event waited
  // gets no copies of its title (erasure sweeps again after the issue is gone; store/issueErasure.ts).
  const [issue, ...users] = await db.getAll(
    issueRef(db, input.orgId, input.issueId),
    ...recipients.map((uid) => userRef(db, uid)),
  );
  if (!issue!.exists) return [];
  // Everyone opens the issue by its number, the team on the agent page and customers on their portal page
  // (domain/issueLinks.ts).
  const page = { orgId: input.orgId, id: input.issueId, number: input.issueNumber };
  const render = (actor: { name: string }, reader: IssueReader) =>
    renderNotification(input.event, {
      issueNumber: input.issueNumber,
      title: input.title,
      link: issuePageUrl(appBaseUrl(), page, reader),
      actorName: actor.name || "Someone",
    });
  const forStaff = render(input.actor, "team");
  // Customers are told who acted as customers may see it (a Linear user is "Support team").
  const forCustomers = render(customerFacingActor(input.actor), "customer");
  let inApp = 0;
  let mails = 0;
  const mailing = users.some(
    (user) => resolvePrefs(user.get("notificationPrefs"))[input.event.type].email && verifiedEmailOf(user),
  );
  const context = mailing ? await mailContext(db, input.orgId) : null;
  await Promise.all(
    users.map(async (user) => {
      const uid = user.id;
      const rendered = roles.get(uid) === "customer" ? forCustomers : forStaff;
      const prefs = resolvePrefs(user.get("notificationPrefs"))[input.event.type];
      const id = `${input.eventKey}_${uid}`;
      if (prefs.inApp) {
        const created = await createOnce(notificationsCol(db, uid).doc(id), {
          type: input.event.type,
          orgId: input.orgId,
          issueId: input.issueId,
          issueNumber: input.issueNumber,
          title: rendered.title,
          read: false,
          createdAt: FieldValue.serverTimestamp(),
        });
        if (created) inApp++;
      }
      const email = verifiedEmailOf(user);
      if (prefs.email && email && context) {
        const document = await issueMailDocument(db, context, {
          orgId: input.orgId,
          issueId: input.issueId,
          uid,
          to: email,
          mailId: id,
          content: rendered.mail,
          customer: roles.get(uid) === "customer",
          kind: input.event.type,
        });
        const created = await createOnce(mailCol(db).doc(id), document);
        if (created) mails++;
      }
    }),
  );
  logger.info("notifications.sent", {
    orgId: input.orgId,
    issueId: input.issueId,
    type: input.event.type,
    recipients: recipients.length,
    inApp,
    mails,
  });
  return recipients;
}
