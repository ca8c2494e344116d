// Types for the web build (web/vite.config.ts), which reads the emulator ports, and for the type-checked scripts.
export declare const ROOT: string;
export declare const PROJECT_ID: string;
export declare function portOffset(): number;
export declare function webDist(offset?: number): string;
export declare function emulatorPorts(offset?: number): Record<string, number> & { auth: number; firestore: number; hosting: number; functions: number };
// The harness's own entry points (scripts/emulators.mjs, scripts/start.mjs).
export declare const FIREBASE_BIN: string;
export declare function emulatorEnv(base?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
export declare function functionsParallelism(base?: NodeJS.ProcessEnv): string;
export declare function portOffsetArgs(offset?: number, options?: { testEnv?: boolean }): string[];
