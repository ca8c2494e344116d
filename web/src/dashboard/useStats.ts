/**
 * The dashboard's figures, live from the stats documents the event core keeps
 * (orgs/{orgId}/stats: 8 counter shards and `meta`): one listener, no scan.
 * The sum and the summary are the domain's, as for GET …/stats.
 */
import { addCounters, flattenCounters, summarizeStats, type OrgStats } from "@firetrack/domain";
import { collection, onSnapshot } from "firebase/firestore";
import { useEffect, useState } from "react";
import { db } from "../firestore";

export type StatsState =
  | { status: "loading" }
  | { status: "error"; error: unknown }
  | { status: "ready"; stats: OrgStats; docs: number };

export function useStats(orgId: string): StatsState {
  const [state, setState] = useState<StatsState>({ status: "loading" });
  useEffect(
    () =>
      onSnapshot(
        collection(db, "orgs", orgId, "stats"),
        (snapshot) => {
          const shards = snapshot.docs.filter((d) => d.id.startsWith("shard_"));
          const counters = addCounters(...shards.map((d) => flattenCounters(d.data())));
          setState({ status: "ready", stats: summarizeStats(counters, Date.now()), docs: snapshot.size });
        },
        (error) => setState({ status: "error", error }),
      ),
    [orgId],
  );
  return state;
}
