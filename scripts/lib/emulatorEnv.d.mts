// Types for the web build (web/vite.config.ts), which reads the emulator ports.
export declare const ROOT: string;
export declare const PROJECT_ID: string;
export declare function portOffset(): number;
export declare function emulatorPorts(offset?: number): Record<string, number> & { auth: number; firestore: number; hosting: number; functions: number };
export declare function functionsParallelism(base?: Record<string, string | undefined>): string;
export declare function emulatorEnv(base?: Record<string, string | undefined>): Record<string, string | undefined>;
