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
import { type Outcome } from "./http.js";
import { type BackoffOptions } from "./retry.js";
import type { ClientStats, DropReason, DroppedReport } from "./types.js";
export interface OutboxOptions {
    timeoutMs: number;
    maxQueue: number;
    concurrency: number;
    maxAttempts: number;
    attemptTimeoutMs: number;
    backoff: BackoffOptions;
    onDrop: ((report: DroppedReport, reason: DropReason) => void) | undefined;
    log: (message: string, data?: Record<string, unknown>) => void;
}
export declare class Outbox {
    private readonly options;
    private readonly entries;
    private nextSeq;
    private inFlight;
    /** Failed rounds in a row; a round is every attempt started between two failures. */
    private failures;
    private round;
    private gateUntil;
    /** The gate was set by the server's Retry-After, which even flush honours. */
    private gateByServer;
    private gateTimer;
    private gateTimerAt;
    private closed;
    private readonly counters;
    private readonly idleWaiters;
    private readonly removeExitHook;
    constructor(options: OutboxOptions);
    stats(): ClientStats;
    /** Queues a report; resolves with its result, or null at the deadline, on a drop, or when the API is known to be failing. */
    submit<T>(report: DroppedReport, run: (signal: AbortSignal) => Promise<Outcome<T>>): Promise<T | null>;
    /** Rejects a report before any attempt (bad arguments): counted and reported like every drop. */
    refuse(report: DroppedReport, detail: string): Promise<null>;
    flush(timeoutMs: number): Promise<boolean>;
    close(timeoutMs: number): Promise<boolean>;
    /** The oldest report no attempt is working on; failing that, the oldest of all. */
    private oldestToEvict;
    private pump;
    private armGate;
    private send;
    private settleAttempt;
    private answer;
    private drop;
    private notifyDrop;
    private checkIdle;
    /** The process is about to exit: nobody should be left awaiting a call. */
    private answerEveryCaller;
}
