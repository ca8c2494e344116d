/**
 * The few things that differ between Node and browsers, behind feature checks, so
 * the package needs neither Node types nor a bundler shim.
 */
type Timer = ReturnType<typeof setTimeout>;
/** A timer that never keeps a Node process alive (browsers have nothing to unref). */
export declare function backgroundTimer(callback: () => void, ms: number): Timer;
/** An RFC 4122 v4 id; crypto.randomUUID needs a secure context in browsers, getRandomValues does not. */
export declare function uuid(): string;
/**
 * Runs `hook` when a Node process has nothing left to do and is about to exit.
 * The client's timers are unref'd, so a caller awaiting a report would otherwise
 * be left hanging as the process ends (an unsettled top-level await); the hook
 * settles such calls instead. One process listener serves every client.
 * Returns the function that removes the hook.
 */
export declare function whenProcessIdle(hook: () => void): () => void;
export {};
