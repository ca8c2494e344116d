/**
 * The revocation marker the security rules read (docs/security.md, "Disabled and revoked
 * accounts"): `sessionsValidAfter`, in Unix seconds, on each of a person's memberships
 * (`orgs/{orgId}/members/{uid}`, which every org rule already reads) and on their profile
 * (`users/{uid}`, which guards their notifications and portal issues). A token whose
 * `auth_time` is older reads nothing; a fresh sign-in reads again.
 */
import type { DocumentSnapshot, Firestore } from "firebase-admin/firestore";
import { GRPC, hasGrpcCode } from "./grpcCodes";
import { allMembers, userRef } from "./refs";

/**
 * Records that sessions signed in before `validAfterSec` are over. Only ever moves the
 * marker forward, so a late or repeated write cannot reopen sessions. Answers how many
 * documents it wrote (0 when every marker was already there).
 *
 * The profile is written last, once every membership carries the marker: a profile marker
 * then vouches for the memberships, so the minute sweep (events/revokedSessionsSweep.ts) reads only
 * the profile to know the work is done, and a run that failed halfway is repeated.
 */
export async function recordSessionsEnded(db: Firestore, uid: string, validAfterSec: number): Promise<number> {
  const after = Math.floor(validAfterSec);
  const [members, profile] = await Promise.all([allMembers(db).where("uid", "==", uid).get(), userRef(db, uid).get()]);
  const stale = (doc: DocumentSnapshot) => {
    const current = doc.get("sessionsValidAfter") as unknown;
    return !(typeof current === "number" && current >= after);
  };
  // A membership removed meanwhile stays removed (update, not set): the marker never makes a member.
  const memberWrites = members.docs.filter(stale).map((doc) =>
    doc.ref.update({ sessionsValidAfter: after }).then(
      () => 1,
      (err: unknown) => {
        if (hasGrpcCode(err, GRPC.NOT_FOUND)) return 0;
        throw err;
      },
    ),
  );
  let written = (await Promise.all(memberWrites)).reduce((sum: number, n) => sum + n, 0);
  if (stale(profile)) {
    await profile.ref.set({ sessionsValidAfter: after }, { merge: true });
    written += 1;
  }
  return written;
}

/** The markers stored on these people's profiles (undefined where none), in one batched read. */
export async function storedSessionMarkers(db: Firestore, uids: string[]): Promise<Map<string, unknown>> {
  if (uids.length === 0) return new Map();
  const profiles = await db.getAll(...uids.map((uid) => userRef(db, uid)), { fieldMask: ["sessionsValidAfter"] });
  return new Map(profiles.map((doc) => [doc.id, doc.get("sessionsValidAfter") as unknown]));
}
