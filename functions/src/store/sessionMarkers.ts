/**
 * The revocation marker the security rules read (docs/security.md, "Disabled and revoked
 * accounts"): `sessionsValidAfter`, in Unix seconds, on each of a person's memberships
 * (`orgs/{orgId}/members/{uid}`, which every org rule already reads) and on their profile
 * (`users/{uid}`, which guards their notifications and portal issues). A token whose
 * `auth_time` is older reads nothing; a fresh sign-in reads again.
 */
import type { Firestore } from "firebase-admin/firestore";
import { GRPC, hasGrpcCode } from "./grpcCodes";
import { allMembers, userRef } from "./refs";

/**
 * Records that sessions signed in before `validAfterSec` are over. Only ever moves the
 * marker forward, so a late or repeated write cannot reopen sessions. Answers how many
 * documents it wrote (0 when every marker was already there).
 */
export async function recordSessionsEnded(db: Firestore, uid: string, validAfterSec: number): Promise<number> {
  const after = Math.floor(validAfterSec);
  const [members, profile] = await Promise.all([allMembers(db).where("uid", "==", uid).get(), userRef(db, uid).get()]);
  const stale = [...members.docs, profile].filter((doc) => {
    const current = doc.get("sessionsValidAfter") as unknown;
    return !(typeof current === "number" && current >= after);
  });
  // A membership removed meanwhile stays removed (update, not set): the marker never makes a member.
  const writes = stale.map((doc) =>
    doc.ref.parent.id === "members"
      ? doc.ref.update({ sessionsValidAfter: after }).then(
          () => 1,
          (err: unknown) => {
            if (hasGrpcCode(err, GRPC.NOT_FOUND)) return 0;
            throw err;
          },
        )
      : doc.ref.set({ sessionsValidAfter: after }, { merge: true }).then(() => 1),
  );
  return (await Promise.all(writes)).reduce((sum: number, n) => sum + n, 0);
}
