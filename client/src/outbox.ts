/**
 * The bounded queue behind every call: reports wait here until the API takes
 * them, is judged to refuse them for good, or they are pushed out. It never
 * throws into the caller, never holds a Node process open, and counts every
 * report it gives up.
 *
 * Backoff is shared, not per report: when the API fails, the whole client waits
 * (a "gate"), then sends one report as a probe and opens up to full concurrency
 * once a probe gets through. While the tracker is down this costs one request
 * per backoff step, not one per report, and callers get their null at once.
 */
import { errorText, type Outcome } from "./http.js";
import { backoffDelay, type BackoffOptions } from "./retry.js";
import { backgroundTimer, whenProcessIdle } from "./runtime.js";
import type { CallError, ClientStats, DropReason, DroppedReport } from "./types.js";

/** Statuses that say the call itself is wrong: the caller's bug, not an outage. */
const MALFORMED = new Set([400, 422]);

export interface OutboxOptions {
  timeoutMs: number;
  maxQueue: number;
  concurrency: number;
  maxAttempts: number;
  attemptTimeoutMs: number;
  backoff: BackoffOptions;
  onDrop: ((report: DroppedReport, reason: DropReason) => void) | undefined;
  onError: ((report: DroppedReport, error: CallError) => void) | undefined;
  log: (message: string, data?: Record<string, unknown>) => void;
}

type Timer = ReturnType<typeof setTimeout>;

interface Entry {
  seq: number;
  report: DroppedReport;
  run: (signal: AbortSignal) => Promise<Outcome<unknown>>;
  /** The caller's resolver until the call has been answered (with a result, or null). */
  settle: ((value: unknown) => void) | null;
  deadline: number;
  deadlineTimer: Timer | null;
  /** Set while an attempt is in flight. */
  attempt: AbortController | null;
  lastError: string;
}

export class Outbox {
  private readonly entries = new Map<number, Entry>();
  private nextSeq = 0;
  private inFlight = 0;
  /** Failed rounds in a row; a round is every attempt started between two failures. */
  private failures = 0;
  private round = 0;
  private gateUntil = 0;
  /** The gate was set by the server's Retry-After, which even flush honours. */
  private gateByServer = false;
  private gateTimer: Timer | null = null;
  private gateTimerAt = 0;
  private closed = false;
  private readonly counters = { sent: 0, deduplicated: 0, retried: 0, dropped: 0, errors: 0 };
  private readonly idleWaiters = new Set<() => void>();
  private readonly removeExitHook: () => void;

  constructor(private readonly options: OutboxOptions) {
    this.removeExitHook = whenProcessIdle(() => this.answerEveryCaller());
  }

  stats(): ClientStats {
    return { ...this.counters, queued: this.entries.size };
  }

  /** Queues a report; resolves with its result, or null at the deadline, on a drop, or when the API is known to be failing. */
  submit<T>(report: DroppedReport, run: (signal: AbortSignal) => Promise<Outcome<T>>): Promise<T | null> {
    return new Promise<T | null>((resolve) => {
      const entry: Entry = {
        seq: this.nextSeq++,
        report,
        run,
        settle: resolve as (value: unknown) => void,
        deadline: Date.now() + this.options.timeoutMs,
        deadlineTimer: null,
        attempt: null,
        lastError: "",
      };
      if (this.closed) return this.drop(entry, { code: "closed" });
      while (this.entries.size >= this.options.maxQueue) this.drop(this.oldestToEvict()!, { code: "queue_full" });
      this.entries.set(entry.seq, entry);
      entry.deadlineTimer = backgroundTimer(() => this.answer(entry, null), this.options.timeoutMs);
      // Known to be failing: the report waits for the next probe, the caller does not.
      if (this.failures > 0) this.answer(entry, null);
      this.pump();
    });
  }

  /** Rejects a report before any attempt (bad arguments): counted and reported like every drop. */
  refuse(report: DroppedReport, detail: string): Promise<null> {
    this.counters.dropped++;
    this.notifyDrop(report, { code: "invalid", detail });
    return Promise.resolve(null);
  }

  flush(timeoutMs: number): Promise<boolean> {
    if (this.entries.size === 0) return Promise.resolve(true);
    // Our own backoff yields to an explicit flush; a server's Retry-After does not.
    if (!this.gateByServer) this.gateUntil = 0;
    this.pump();
    return new Promise<boolean>((resolve) => {
      // Not unref'd: whoever awaits flush asked for the process to wait this long.
      const timer = setTimeout(
        () => {
          this.idleWaiters.delete(done);
          resolve(false);
        },
        Math.max(0, timeoutMs),
      );
      const done = () => {
        clearTimeout(timer);
        resolve(true);
      };
      this.idleWaiters.add(done);
    });
  }

  async close(timeoutMs: number): Promise<boolean> {
    this.closed = true;
    const flushed = await this.flush(timeoutMs);
    for (const entry of [...this.entries.values()]) this.drop(entry, { code: "closed" });
    if (this.gateTimer) clearTimeout(this.gateTimer);
    this.gateTimer = null;
    this.removeExitHook();
    return flushed;
  }

  /** The oldest report no attempt is working on; failing that, the oldest of all. */
  private oldestToEvict(): Entry | undefined {
    let oldest: Entry | undefined;
    for (const entry of this.entries.values()) {
      if (!entry.attempt) return entry;
      oldest ??= entry;
    }
    return oldest;
  }

  private pump(): void {
    const now = Date.now();
    if (now < this.gateUntil) {
      this.armGate();
      return;
    }
    // After failures, one probe at a time until one gets through.
    const limit = this.failures > 0 ? 1 : this.options.concurrency;
    for (const entry of this.entries.values()) {
      if (this.inFlight >= limit) break;
      if (!entry.attempt) void this.send(entry);
    }
  }

  private armGate(): void {
    if (this.gateTimer && this.gateTimerAt === this.gateUntil) return;
    if (this.gateTimer) clearTimeout(this.gateTimer);
    this.gateTimerAt = this.gateUntil;
    this.gateTimer = backgroundTimer(() => {
      this.gateTimer = null;
      this.pump();
    }, this.gateUntil - Date.now());
  }

  private async send(entry: Entry): Promise<void> {
    const controller = new AbortController();
    entry.attempt = controller;
    this.inFlight++;
    entry.report.attempts++;
    if (entry.report.attempts > 1) this.counters.retried++;
    const round = this.round;
    const timer = backgroundTimer(() => controller.abort(), this.options.attemptTimeoutMs);
    let outcome: Outcome<unknown>;
    try {
      outcome = await entry.run(controller.signal);
    } catch (err) {
      outcome = { kind: "retry", error: errorText(err) };
    }
    clearTimeout(timer);
    entry.attempt = null;
    this.inFlight--;
    // Dropped while in flight (queue full, closed): its fate is already told.
    if (this.entries.get(entry.seq) === entry) this.settleAttempt(entry, outcome, round);
    this.pump();
  }

  private settleAttempt(entry: Entry, outcome: Outcome<unknown>, round: number): void {
    switch (outcome.kind) {
      case "delivered": {
        this.failures = 0;
        this.gateByServer = false;
        this.entries.delete(entry.seq);
        this.counters.sent++;
        if ((outcome.value as { deduplicated?: unknown } | null)?.deduplicated === true) this.counters.deduplicated++;
        this.answer(entry, outcome.value);
        this.options.log("delivered", { kind: entry.report.kind, attempts: entry.report.attempts });
        this.checkIdle();
        return;
      }
      case "rejected":
        this.failures = 0;
        if (MALFORMED.has(outcome.status))
          this.fail(entry, { status: outcome.status, detail: outcome.detail, errors: outcome.errors });
        else this.drop(entry, { code: "rejected", status: outcome.status, detail: outcome.detail });
        return;
      case "retry": {
        entry.lastError = outcome.error;
        this.options.log("attempt failed", {
          kind: entry.report.kind,
          attempts: entry.report.attempts,
          error: outcome.error,
        });
        const now = Date.now();
        const newRound = round === this.round;
        if (newRound) {
          this.round++;
          this.failures++;
        }
        if (outcome.retryAfterMs !== undefined) {
          // A little over what the server asked, never under it.
          this.gateUntil = Math.max(this.gateUntil, now + Math.ceil(outcome.retryAfterMs * (1 + Math.random() * 0.05)));
          this.gateByServer = true;
        } else if (newRound) {
          this.gateUntil = Math.max(this.gateUntil, now + backoffDelay(this.failures, this.options.backoff));
        }
        if (entry.report.attempts >= this.options.maxAttempts) {
          this.drop(entry, { code: "retries_exhausted", lastError: entry.lastError });
        }
        // Callers whose deadline comes before the next attempt could start hear null now.
        for (const waiting of this.entries.values())
          if (waiting.settle && waiting.deadline <= this.gateUntil) this.answer(waiting, null);
        return;
      }
    }
  }

  private answer(entry: Entry, value: unknown): void {
    if (entry.deadlineTimer) clearTimeout(entry.deadlineTimer);
    entry.deadlineTimer = null;
    const settle = entry.settle;
    entry.settle = null;
    settle?.(value);
  }

  private drop(entry: Entry, reason: DropReason): void {
    this.entries.delete(entry.seq);
    entry.attempt?.abort();
    this.counters.dropped++;
    this.answer(entry, null);
    this.notifyDrop(entry.report, reason);
    this.checkIdle();
  }

  /** The API called the request itself wrong: answered, counted and told apart from drops. */
  private fail(entry: Entry, error: CallError): void {
    this.entries.delete(entry.seq);
    this.counters.errors++;
    this.answer(entry, null);
    this.options.log("refused as malformed", { kind: entry.report.kind, status: error.status });
    try {
      this.options.onError?.(entry.report, error);
    } catch {
      // As with onDrop: the host's callback must not stop the client.
    }
    this.checkIdle();
  }

  private notifyDrop(report: DroppedReport, reason: DropReason): void {
    this.options.log("dropped", { kind: report.kind, reason: reason.code });
    if (!this.options.onDrop) return;
    try {
      this.options.onDrop(report, reason);
    } catch {
      // The host's callback failing is the host's business; it must not stop the client.
    }
  }

  private checkIdle(): void {
    if (this.entries.size > 0) return;
    for (const done of [...this.idleWaiters]) done();
    this.idleWaiters.clear();
  }

  /** The process is about to exit: nobody should be left awaiting a call. */
  private answerEveryCaller(): void {
    for (const entry of this.entries.values()) if (entry.settle) this.answer(entry, null);
  }
}
