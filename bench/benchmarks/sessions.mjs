// Sessions: the minute sweep that writes the rules' revocation marker for accounts disabled or
// revoked in Auth directly (functions/src/events/revokedSessionsSweep.ts). Auth holds N accounts,
// 1% of them disabled, each of those with a membership and a profile. What one run costs in
// Firestore operations when nothing changed, on a warm instance and on a new one, and what the
// run after the disables wrote, against the obvious sweep: read every listed account's profile
// each minute to compare its marker.
import { getAuth } from "firebase-admin/auth";
import { tally } from "../lib/opLog.mjs";

/** Accounts created at once in the Auth emulator. */
const CREATE_AT_ONCE = 20;

export default {
  title: "Sessions: the minute sweep of Auth's accounts against reading every profile each run",
  async run(ctx, { smoke }) {
    const plain = smoke ? 20 : 1_980;
    const cutOff = smoke ? 2 : 20;
    const { sweepRevokedSessions } = await ctx.functionsModule("events/revokedSessionsSweep");

    const world = await ctx.newWorld("sessions", { agents: cutOff, customers: 0 });
    for (let i = 0; i < plain; i += CREATE_AT_ONCE) {
      await Promise.all(
        Array.from({ length: Math.min(CREATE_AT_ONCE, plain - i) }, (_, j) =>
          getAuth().createUser({ email: `sessions-plain-${i + j}-${Date.now()}@bench.example.test` }),
        ),
      );
    }
    for (const agent of world.agents) await getAuth().updateUser(agent.uid, { disabled: true });

    /** One run under a probe, on an instance that knows `known`: its result and its Firestore operations. */
    const counted = async (label, known) => {
      const mark = ctx.opLog.mark();
      const result = await ctx.probe.probeEvent(label, () => sweepRevokedSessions({ known }))();
      return { result, ops: tally(ctx.opLog.since(mark), { include: (fn) => fn === label }).total };
    };
    const marking = await counted("bench.sessions.afterDisables", new Map());
    const known = new Map();
    const cold = await counted("bench.sessions.coldUnchanged", known);
    const warm = await counted("bench.sessions.warmUnchanged", known);
    const accounts = warm.result.accounts;
    const pages = Math.ceil(accounts / 1000);

    return {
      title: this.title,
      figures: [
        {
          figure: `Firestore reads per run, nothing changed, warm instance (${accounts.toLocaleString("en-US")} accounts)`,
          ours: warm.ops.reads,
          baseline: accounts,
          target: "0 reads",
          pass: warm.ops.reads === 0,
          required: true,
          meaning: `A minute with no change in Auth costs ${pages} listUsers call(s) and ${warm.ops.reads} Firestore reads; comparing every account's marker would read ${accounts.toLocaleString("en-US")} profiles, ${(accounts * 1440).toLocaleString("en-US")} a day.`,
        },
        {
          figure: "Firestore reads per run, nothing changed, new instance",
          ours: cold.ops.reads,
          baseline: accounts,
          ratio: accounts / Math.max(1, cold.ops.reads),
          target: "fewer",
          pass: cold.ops.reads < accounts,
          meaning: `A new instance reads only the profiles of accounts Auth shows cut off (${cold.ops.reads}, in one batched read), once.`,
        },
        {
          figure: "Firestore writes per run, nothing changed",
          ours: cold.ops.writes + warm.ops.writes,
          target: "0 writes",
          pass: cold.ops.writes + warm.ops.writes === 0,
          required: true,
          meaning: "A run over unchanged accounts writes nothing, whether the instance is new or warm.",
        },
        {
          figure: `the run after ${cutOff} disables: accounts marked, reads, writes`,
          ours: `${marking.result.marked}, ${marking.ops.reads}, ${marking.ops.writes}`,
          pass: marking.result.marked >= cutOff,
          meaning: `Each newly disabled account costs a profile read, a query of its memberships and one write per membership plus one for the profile, once (${marking.ops.writes} writes for ${marking.result.marked} accounts here).`,
        },
      ],
      charts: [],
      notes: [
        "Auth's listUsers calls are not Firestore operations: one per 1,000 accounts and run.",
        "Accounts of other benchmarks in the same emulator are listed too.",
      ],
    };
  },
};
