export const PRICES: { readPer100k: number; writePer100k: number; deletePer100k: number; invocationsPerMillion: number };
export function money(usd: number): string;
export const AUTOMATION_ROWS: Record<
  "roundRobin" | "assignByHand" | "macro" | "macroByHand" | "autoClose" | "closeByHand" | "slaTimer" | "slaSweepIdle",
  string
>;
export const TIMERS_PER_ISSUE: number;

/** A row of the cost table: what one user action costs. */
export interface CostRow {
  action: string;
  reads: number;
  writes: number;
  deletes: number;
  invocations: number;
  /** Reads each agent with the dashboard and the queue open pays when the action happens. */
  listenerReads: number;
}

export interface BillLine {
  line: string;
  short: string;
  count: number;
  reads: number;
  writes: number;
  deletes: number;
  invocations: number;
  usd: number;
}

export interface Bill {
  lines: BillLine[];
  totals: { reads: number; writes: number; deletes: number; invocations: number };
  total: number;
  dominant: { line: string; usd: number };
  /** One sentence per line of the arithmetic, for the results (bench/results/latest.md). */
  arithmetic: string[];
}

export function monthlyBill(rows: CostRow[], options?: { agents?: number; issues?: number; workingDays?: number }): Bill;

export function automationLines(find: (prefix: string) => CostRow | undefined, issues: number): (BillLine & { listenerReadsPerAgent: number })[];
