#!/usr/bin/env node
// Seeds the running emulators with the demo world of lib/demoData.mjs. Issues
// are written unnumbered, as an import would, and numbered by the same allocator
// the API and the trigger use. Running it twice changes nothing.
import { getApps, initializeApp } from "firebase-admin/app";
import { getAuth } from "firebase-admin/auth";
import { FieldValue, getFirestore, Timestamp } from "firebase-admin/firestore";
import { PROJECT_ID } from "./lib/emulatorEnv.mjs";
import { ACCOUNTS, DEMO_PASSWORD, demoIssues, ORGS } from "./lib/demoData.mjs";

process.env.FIRESTORE_EMULATOR_HOST ??= "127.0.0.1:8080";
process.env.FIREBASE_AUTH_EMULATOR_HOST ??= "127.0.0.1:9099";

const ISSUES_PER_ORG = { acme: 50, globex: 8 };

export async function seed() {
  if (getApps().length === 0) initializeApp({ projectId: PROJECT_ID });
  const db = getFirestore();
  const { numberPendingIssues } = await import("../functions/lib/store/numberAllocator.js");
  const { defaultOrgSettings, settingsToStored, writeMembership } = await import("../functions/lib/store/orgs.js");
  const { newIssueRecord } = await import("../functions/lib/store/issues.js");
  const { createInvite } = await import("../functions/lib/store/invites.js");
  const { bindLinearTeam } = await import("../functions/lib/store/linearTeams.js");

  for (const account of ACCOUNTS) {
    await getAuth()
      // Verified, as if each had clicked the link Auth mails: mail and invitations go to verified addresses only.
      .createUser({
        uid: account.uid,
        email: account.email,
        emailVerified: true,
        password: DEMO_PASSWORD,
        displayName: account.name,
      })
      .catch((err) => {
        if (err.code !== "auth/uid-already-exists" && err.code !== "auth/email-already-exists") throw err;
      });
    await db
      .doc(`users/${account.uid}`)
      .set({ displayName: account.name, email: account.email, emailVerified: true }, { merge: true });
  }

  for (const org of ORGS) {
    const orgRef = db.doc(`orgs/${org.id}`);
    // The demo's slugs are reserved like any org's (store/slugs.ts): its links and inbound addresses resolve through them.
    await db.doc(`slugs/${org.slug}`).set({ orgId: org.id });
    if ((await orgRef.get()).exists) continue;
    const admin = ACCOUNTS.find((account) => account.org === org.id && account.role === "admin");
    if (!admin) throw new Error(`the demo data gives ${org.id} no admin`);
    const batch = db.batch();
    batch.set(orgRef, {
      name: org.name,
      slug: org.slug,
      createdAt: FieldValue.serverTimestamp(),
      createdBy: admin.uid,
    });
    // Settings live apart from the org document, where only admins read them.
    batch.set(orgRef.collection("private").doc("settings"), {
      ...settingsToStored(defaultOrgSettings(org.linearTeamId)),
      publicIntake: org.publicIntake,
      staffDomains: org.staffDomains,
      updatedAt: FieldValue.serverTimestamp(),
    });
    for (const member of ACCOUNTS.filter((account) => account.org === org.id)) {
      writeMembership(
        batch,
        db,
        org.id,
        { uid: member.uid, displayName: member.name, email: member.email, emailVerified: true },
        member.role,
      );
    }
    for (const issue of demoIssues(org.id, ISSUES_PER_ORG[org.id])) {
      const { resolutionNotes, createdAt, resolvedAt, closedAt, thread, ...fields } = issue;
      const ts = (date) => (date ? Timestamp.fromDate(date) : null);
      // The API's own record for a new issue, with the history a demo needs laid over it.
      const { status, assignee, source, reporter, ...input } = fields;
      const issueRef = orgRef.collection("issues").doc();
      // The thread is history, written with its activities: the comment trigger finds each
      // comment's activity and leaves counts, statuses and first response as the seed set them.
      for (const entry of thread) {
        const comment = issueRef.collection("comments").doc();
        const author = { uid: entry.author.uid, name: entry.author.name, kind: entry.kind };
        batch.set(comment, {
          body: entry.body,
          internal: entry.internal,
          solution: false,
          author,
          source: entry.kind === "customer" ? "client" : "internal",
          createdAt: ts(entry.at),
          editedAt: null,
        });
        batch.set(issueRef.collection("activities").doc(`comment_${comment.id}`), {
          type: "commented",
          actor: author,
          changes: {},
          internal: entry.internal,
          commentId: comment.id,
          at: ts(entry.at),
          eventId: "seed",
        });
      }
      batch.set(issueRef, {
        ...newIssueRecord(org.id, { input: { ...input, vendor: null, order: null }, source, reporter }),
        status,
        assignee,
        watchers: [...new Set([reporter.uid, ...(assignee ? [assignee.uid] : [])])],
        resolution: resolutionNotes
          ? { notes: resolutionNotes, by: { uid: admin.uid, name: admin.name, kind: "member" }, at: ts(resolvedAt) }
          : null,
        createdAt: ts(createdAt),
        updatedAt: ts(closedAt ?? resolvedAt ?? createdAt),
        // Every change in the demo's history is one its customer saw (docs/decisions/0048-customer-updated-at.md).
        publicUpdatedAt: ts(closedAt ?? resolvedAt ?? createdAt),
        lastSeenAt: ts(createdAt),
        firstResponseAt: status === "open" ? null : ts(new Date(createdAt.getTime() + 3600 * 1000)),
        resolvedAt: ts(resolvedAt),
        closedAt: ts(closedAt),
        commentCount: thread.length,
        publicCommentCount: thread.filter((entry) => !entry.internal).length,
      });
    }
    await batch.commit();
    // The trigger numbers these too; whichever runs first does the work, the other finds nothing left.
    await numberPendingIssues(db, org.id);
    for (const invite of org.invites) await createInvite(db, org.id, invite, admin.uid);
    // As the operator would (scripts/linear-team.mjs): the sync stays off until the admin turns it on.
    if (org.linearTeamId) await bindLinearTeam(db, org.linearTeamId, org.id);
  }
  return { orgs: ORGS.length, accounts: ACCOUNTS.length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  seed().then(
    (result) => console.log(`seeded ${result.orgs} orgs and ${result.accounts} accounts`),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
