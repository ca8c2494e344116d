/** Firestore for the pages that read it live (every page after sign-in). */
import { connectFirestoreEmulator, initializeFirestore } from "firebase/firestore";
import { firebaseApp } from "./firebase";

export const db = initializeFirestore(firebaseApp, {});

if (__EMULATORS__) connectFirestoreEmulator(db, "127.0.0.1", __EMULATORS__.firestore);
