/**
 * Writes the derived server-owned fields of an issue (domain/derivedFields.ts)
 * plus watchers who join because of the event (reporter on create, new
 * assignee). It reads the issue's current state in a transaction, derives, and
 * writes only when something differs; the write touches server-owned fields
 * only, so its own event derives to nothing and writes nothing: no loop.
 * It does not bump `version`: that is the ETag of what people edit, and a
 * client holding the ETag from a 201 must not get a 409 because search tokens
 * were written behind it. Nor does it touch `lastActor`: bookkeeping is nobody's act, and
 * overwriting it would lose who made the change (a Linear user, whom staff must still see;
 * docs/security.md).
 *
 * Most events need nothing derived (the trigger's own write coming back, a
 * comment count, a reassignment within the same SLA): the event carries the
 * document as written, so that is checked first, without a read or a
 * transaction. When it needs nothing, neither does this event; a later write
 * to the issue comes with its own event.
 */
import { FieldValue, type Firestore } from "firebase-admin/firestore";
import { deriveServerFields, slaNeedsPolicy, type IssueFacts } from "../domain";
import { factsOf, patchToFirestore } from "./issueFacts";
import { issueRef } from "./refs";
import type { SlaRules } from "./slaPolicy";

export interface DeriveOptions {
  /** The time of the change being handled (the event's time). */
  now: number;
  /** Loaded only when the SLA needs computing. */
  policy: () => Promise<SlaRules>;
  /** People who become watchers because of this event; nobody is re-added on other events, so unwatching sticks. */
  joinWatchers?: string[];
  /** The issue as the event carries it. */
  written?: IssueFacts | null;
}

const joiningOf = (facts: IssueFacts, joinWatchers: string[] = []) =>
  joinWatchers.filter((uid) => uid && !facts.watchers.includes(uid));

export async function syncDerivedFields(
  db: Firestore,
  orgId: string,
  issueId: string,
  options: DeriveOptions,
): Promise<Record<string, unknown> | null> {
  // The policy is read outside the transaction, and only when the SLA needs it;
  // a priority change between the read and the transaction sends us round once more.
  let policy: SlaRules | null = null;
  const { written } = options;
  if (written) {
    if (slaNeedsPolicy(written)) policy = await options.policy();
    const patch = deriveServerFields(written, {
      now: options.now,
      policy: policy?.policy ?? null,
      hours: policy?.hours ?? null,
    });
    if (Object.keys(patch).length === 0 && joiningOf(written, options.joinWatchers).length === 0) return null;
  }
  const ref = issueRef(db, orgId, issueId);
  for (let attempt = 0; attempt < 3; attempt++) {
    const result = await db.runTransaction(async (tx) => {
      const facts = factsOf(await tx.get(ref));
      if (!facts) return { update: null, needPolicy: false };
      if (slaNeedsPolicy(facts) && !policy) return { update: null, needPolicy: true };
      const update = patchToFirestore(
        deriveServerFields(facts, { now: options.now, policy: policy?.policy ?? null, hours: policy?.hours ?? null }),
      );
      const joining = joiningOf(facts, options.joinWatchers);
      if (joining.length > 0) update.watchers = FieldValue.arrayUnion(...joining);
      if (Object.keys(update).length === 0) return { update: null, needPolicy: false };
      tx.update(ref, update);
      return { update, needPolicy: false };
    });
    if (!result.needPolicy) return result.update;
    policy = await options.policy();
  }
  throw new Error("the issue's priority kept changing while its SLA was being computed");
}
