/**
 * Service dedupe. `orgs/{org}/fingerprints/{sha256(fingerprint)}` points at the
 * open issue for a fingerprint. The pointer and a new issue are created in one
 * batch with create(), so of many concurrent first reports exactly one creates
 * the issue; every other one adds an occurrence with an atomic increment.
 */
import { createHash } from "node:crypto";
import { FieldValue, type Firestore } from "firebase-admin/firestore";
import { isActiveStatus, type Actor, type Status } from "../domain";
import { newIssueRecord, stampWrite, type NewIssue } from "./issues";
import { GRPC, hasGrpcCode, isAlreadyExists } from "./grpcCodes";
import { fingerprintRefByHash, issuesCol } from "./refs";

export const fingerprintRef = (db: Firestore, orgId: string, fingerprint: string) =>
  fingerprintRefByHash(db, orgId, createHash("sha256").update(fingerprint).digest("hex"));

export type LogResult = { kind: "created"; issueId: string } | { kind: "deduplicated"; issueId: string };

export async function logIssueWithFingerprint(
  db: Firestore,
  orgId: string,
  fingerprint: string,
  issue: NewIssue,
  actor: Actor,
): Promise<LogResult> {
  const pointer = fingerprintRef(db, orgId, fingerprint);
  for (let attempt = 0; attempt < 10; attempt++) {
    const existing = await pointer.get();
    if (existing.exists) {
      const issueRef = issuesCol(db, orgId).doc(existing.get("issueId") as string);
      const target = await issueRef.get();
      if (target.exists && !target.get("deleted") && isActiveStatus(target.get("status") as Status)) {
        await issueRef.update({
          occurrences: FieldValue.increment(1),
          lastSeenAt: FieldValue.serverTimestamp(),
          ...stampWrite(actor),
        });
        return { kind: "deduplicated", issueId: issueRef.id };
      }
      // The issue it pointed at is finished: start a new one in its place.
      const issueRefNew = issuesCol(db, orgId).doc();
      const batch = db.batch();
      batch.create(issueRefNew, newIssueRecord(orgId, issue));
      batch.update(
        pointer,
        { issueId: issueRefNew.id, updatedAt: FieldValue.serverTimestamp() },
        { lastUpdateTime: existing.updateTime! },
      );
      try {
        await batch.commit();
        return { kind: "created", issueId: issueRefNew.id };
      } catch (err) {
        if (!hasGrpcCode(err, GRPC.FAILED_PRECONDITION)) throw err;
        continue;
      }
    }
    const issueRef = issuesCol(db, orgId).doc();
    const batch = db.batch();
    batch.create(issueRef, newIssueRecord(orgId, issue));
    batch.create(pointer, { issueId: issueRef.id, updatedAt: FieldValue.serverTimestamp() });
    try {
      await batch.commit();
      return { kind: "created", issueId: issueRef.id };
    } catch (err) {
      if (!isAlreadyExists(err)) throw err;
    }
  }
  throw new Error("fingerprint dedupe did not settle after 10 attempts");
}
