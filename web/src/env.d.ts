/** Set by vite.config.ts at build time. */
declare const __FIREBASE_CONFIG__: { projectId: string; apiKey: string; authDomain: string; appId: string };
/** The emulators' ports for a `demo-*` project, else null (production). */
declare const __EMULATORS__: { auth: number; firestore: number } | null;
