// Types for the suites that wait for a quiet Functions emulator (functions/test/emulator/setup.ts, web/e2e).
export interface FunctionsActivity {
  running: number;
  idleMs: number;
}
export declare function activityMonitor(): { watch(chunk: Buffer): void; state(): FunctionsActivity };
export declare function serveActivity(monitor: { state(): FunctionsActivity }): Promise<{ url: string; close(): void }>;
export declare function waitForQuiet(options?: { quietMs?: number; silentMs?: number; deadlineMs?: number }): Promise<void>;
export declare function waitForTriggersDrained(options?: { quietMs?: number; silentMs?: number; deadlineMs?: number }): Promise<void>;
