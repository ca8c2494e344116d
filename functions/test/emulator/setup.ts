import { getApps, initializeApp } from "firebase-admin/app";

for (const variable of ["FIRESTORE_EMULATOR_HOST", "FIREBASE_AUTH_EMULATOR_HOST"]) {
  if (!process.env[variable]) {
    throw new Error(`${variable} is not set: run emulator tests through \`npm run test:emulator\` (firebase emulators:exec).`);
  }
}
if (getApps().length === 0) initializeApp({ projectId: "demo-firetrack" });
