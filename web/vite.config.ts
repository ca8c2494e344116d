import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { emulatorPorts, PROJECT_ID, webDist } from "../scripts/lib/emulatorEnv.mjs";

// The domain vocabulary lives in functions/src/domain and is shared, not copied.
const domain = fileURLToPath(new URL("../functions/src/domain", import.meta.url));

/**
 * Production builds name their Firebase project through VITE_FIREBASE_* variables.
 * A `demo-*` project (the default) is the emulator suite: the app then talks to the
 * Auth and Firestore emulators on the ports of this run (FIRETRACK_PORT_OFFSET).
 */
const projectId = process.env.VITE_FIREBASE_PROJECT_ID ?? PROJECT_ID;
const onEmulators = projectId.startsWith("demo-");
const ports = onEmulators ? emulatorPorts() : null;

export default defineConfig({
  plugins: [react()],
  resolve: { alias: { "@firetrack/domain": domain } },
  server: { fs: { allow: [".."] } },
  define: {
    __FIREBASE_CONFIG__: JSON.stringify({
      projectId,
      apiKey: process.env.VITE_FIREBASE_API_KEY ?? "demo-key",
      authDomain: process.env.VITE_FIREBASE_AUTH_DOMAIN ?? `${projectId}.firebaseapp.com`,
      appId: process.env.VITE_FIREBASE_APP_ID ?? "demo-app",
    }),
    __EMULATORS__: JSON.stringify(ports ? { auth: ports.auth, firestore: ports.firestore } : null),
  },
  build: {
    // The emulators' ports are baked in, so each port offset builds apart (scripts/lib/emulatorEnv.mjs).
    outDir: fileURLToPath(new URL(`../${webDist(onEmulators ? undefined : 0)}`, import.meta.url)),
    emptyOutDir: true,
    manifest: true,
    sourcemap: false,
    chunkSizeWarningLimit: 700,
    rollupOptions: {
      // The domain is pure (no module does anything on import), so a page that uses
      // the vocabulary does not carry the zod schemas it never calls.
      treeshake: { moduleSideEffects: (id: string) => !id.startsWith(domain) },
    },
  },
});
