/**
 * What `logError` sends for an error: a title, the stack as the description, and
 * a fingerprint that groups like Sentry's default stack-trace grouping — the
 * error's type plus its top in-app frames, by function and file with line and
 * column numbers stripped, so the same bug from two deploys (code moved up or
 * down a few lines) folds into one issue.
 */
export interface StackFrame {
    /** The function name as the engine printed it, or "?" when anonymous. */
    fn: string;
    /** The file, normalised: no scheme, origin, query, working directory or bundle hash. */
    file: string;
}
/** How many in-app frames, from the top, decide the group. */
export declare const GROUPING_FRAMES = 5;
export declare function normaliseFile(raw: string, cwd?: string | undefined): string;
/** The frames of a V8, SpiderMonkey or JavaScriptCore stack, top first; lines that are no frame are skipped. */
export declare function parseStack(stack: string | undefined, cwd?: string): StackFrame[];
/** Frames of the application itself: not dependencies, not the runtime. */
export declare function isInApp(frame: StackFrame): boolean;
export declare const hashText: (text: string) => string;
export interface ErrorFacts {
    type: string;
    message: string;
    stack: string | undefined;
    frames: StackFrame[];
}
/** Anything thrown, read safely: getters that throw and odd values yield defaults, never an exception. */
export declare function errorFacts(thrown: unknown, cwd?: string): ErrorFacts;
/**
 * `error:{type}:{hash}`. The hash covers the top in-app frames (function and file);
 * without any (no stack, only library frames) it falls back to the message with
 * numbers and ids taken out, as Sentry does.
 */
export declare function errorFingerprint(facts: ErrorFacts): string;
export interface ErrorIssue {
    title: string;
    description: string;
    fingerprint: string;
}
/** Title, description (stack, causes, context) and fingerprint for `thrown`. */
export declare function describeError(thrown: unknown, context?: Record<string, unknown>, cwd?: string): ErrorIssue;
