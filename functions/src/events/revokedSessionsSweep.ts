/**
 * Every minute: accounts disabled or revoked in Auth directly (the Firebase console, the Admin
 * SDK), which Auth announces to nobody, get the revocation marker the security rules compare
 * tokens with, so an open tab stops reading within a minute even if it never calls the API
 * (docs/security.md, "Disabled and revoked accounts"). Auth's records are judged on their own
 * (identity/sessions.ts, `markerDue`); only an account Auth shows as cut off costs a read of its
 * profile, and only once per instance while its record stays the same.
 */
import { type Auth, getAuth } from "firebase-admin/auth";
import type { Firestore } from "firebase-admin/firestore";
import { logger } from "firebase-functions/logger";
import { onSchedule } from "firebase-functions/v2/scheduler";
import { REGION } from "../config";
import { accountRecordOf, markerDue, markerToWrite } from "../identity/sessions";
import { db } from "../store/db";
import { recordSessionsEnded, storedSessionMarkers } from "../store/sessionMarkers";

/** Accounts per page of `listUsers`, Auth's maximum. */
const PAGE = 1000;
/** Accounts marked at once: a mass disable should not open a thousand writes together. */
const CONCURRENT_MARKS = 20;

/**
 * uid → a marker this instance knows is stored. A record Auth still shows the same way needs
 * no read on the next run; a new instance starts empty and reads once per cut-off account.
 */
const knownOnThisInstance = new Map<string, number>();

export interface SweepResult {
  /** Accounts listed. */
  accounts: number;
  /** Profiles read to compare markers. */
  read: number;
  /** Accounts whose marker was written. */
  marked: number;
  /** Documents written (memberships and profiles). */
  written: number;
  /** Accounts whose marker could not be written this time (they are tried again next run). */
  failed: number;
}

export async function sweepRevokedSessions(
  options: { firestore?: Firestore; auth?: Auth; known?: Map<string, number> } = {},
): Promise<SweepResult> {
  const firestore = options.firestore ?? db();
  const auth = options.auth ?? getAuth();
  const known = options.known ?? knownOnThisInstance;
  const result: SweepResult = { accounts: 0, read: 0, marked: 0, written: 0, failed: 0 };
  let pageToken: string | undefined;
  do {
    const page = await auth.listUsers(PAGE, pageToken);
    result.accounts += page.users.length;
    const due = page.users.flatMap((user) => {
      const marker = markerDue(accountRecordOf(user));
      if (markerToWrite(marker, known.get(user.uid)) === null) return [];
      return [{ uid: user.uid, marker }];
    });
    const stored = await storedSessionMarkers(
      firestore,
      due.map(({ uid }) => uid),
    );
    result.read += due.length;
    const toMark: { uid: string; write: number }[] = [];
    for (const { uid, marker } of due) {
      const write = markerToWrite(marker, stored.get(uid));
      if (write === null) known.set(uid, stored.get(uid) as number);
      else toMark.push({ uid, write });
    }
    for (let i = 0; i < toMark.length; i += CONCURRENT_MARKS) {
      await Promise.all(
        toMark.slice(i, i + CONCURRENT_MARKS).map(async ({ uid, write }) => {
          try {
            result.written += await recordSessionsEnded(firestore, uid, write);
            result.marked += 1;
            known.set(uid, write);
          } catch (err) {
            result.failed += 1;
            logger.error("sessions.sweep_marker_failed", { uid, code: (err as { code?: unknown }).code ?? null });
          }
        }),
      );
    }
    pageToken = page.pageToken;
  } while (pageToken);
  if (result.marked > 0 || result.failed > 0)
    logger.info("sessions.sweep_marked", { marked: result.marked, written: result.written, failed: result.failed });
  return result;
}

export const revokedSessionsSweep = onSchedule({ schedule: "every 1 minutes", region: REGION }, async () => {
  await sweepRevokedSessions();
});
