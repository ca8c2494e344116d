import { getFirestore, type Firestore } from "firebase-admin/firestore";

/** The default Firestore; `initializeApp()` must have run (index.ts, or a test's setup). */
export function db(): Firestore {
  return getFirestore();
}
