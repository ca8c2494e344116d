/**
 * The one Firebase app of the page, on the emulators when the project is a `demo-*`
 * one. Auth is here; Firestore has its own module (firestore.ts) so that the sign-in
 * page does not download it.
 */
import { initializeApp } from "firebase/app";
import { browserLocalPersistence, connectAuthEmulator, indexedDBLocalPersistence, initializeAuth } from "firebase/auth";

export const firebaseApp = initializeApp(__FIREBASE_CONFIG__);
// No popup/redirect resolver here: only production's Google button needs it, and it
// passes one to signInWithPopup itself.
export const auth = initializeAuth(firebaseApp, { persistence: [indexedDBLocalPersistence, browserLocalPersistence] });
export const onEmulators = __EMULATORS__ !== null;

if (__EMULATORS__) {
  // The header says "Emulators"; the SDK's own banner would cover the page's foot.
  connectAuthEmulator(auth, `http://127.0.0.1:${__EMULATORS__.auth}`, { disableWarnings: true });
}
