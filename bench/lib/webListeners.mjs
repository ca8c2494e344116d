// The web app's live listeners, opened with the Firebase JS SDK as a signed-in
// person (so the security rules run), counting the document reads Firestore
// bills them: every document of a listener's first snapshot (at least one per
// query), then one per document added or changed. Each `signIn` is a separate
// app instance with an empty cache, as a fresh browser tab would be.
import { deleteApp, initializeApp } from "firebase/app";
import { connectAuthEmulator, getAuth, signInWithEmailAndPassword } from "firebase/auth";
import {
  collection,
  connectFirestoreEmulator,
  doc,
  getFirestore,
  limit,
  onSnapshot,
  orderBy,
  query,
  terminate,
  where,
} from "firebase/firestore";
import { PROJECT_ID } from "../../scripts/lib/emulatorEnv.mjs";
import { PASSWORD } from "./context.mjs";

let apps = 0;

export async function signIn(hosts, user) {
  const app = initializeApp({ projectId: PROJECT_ID, apiKey: "demo-key" }, `bench-web-${++apps}`);
  const auth = getAuth(app);
  connectAuthEmulator(auth, `http://${hosts.auth}`, { disableWarnings: true });
  await signInWithEmailAndPassword(auth, user.email, PASSWORD);
  const db = getFirestore(app);
  const [host, port] = hosts.firestore.split(":");
  connectFirestoreEmulator(db, host, Number(port));
  const listeners = [];

  /** Listens to a query or document; `reads` grows as Firestore would bill it. */
  function listen(name, target) {
    /** @type {{ name: string, reads: number, snapshots: number, ready: Promise<void> | null, error: unknown, unsubscribe?: () => void }} */
    const listener = { name, reads: 0, snapshots: 0, ready: null, error: null };
    listener.ready = new Promise((resolve, reject) => {
      const isDoc = target.type === "document";
      listener.unsubscribe = onSnapshot(
        target,
        (snapshot) => {
          if (snapshot.metadata.fromCache) return;
          const changed = isDoc ? 1 : snapshot.docChanges().filter((change) => change.type !== "removed").length;
          listener.reads += listener.snapshots === 0 ? Math.max(1, changed) : changed;
          listener.snapshots++;
          resolve();
        },
        (error) => {
          listener.error = error;
          reject(error);
        },
      );
    });
    listeners.push(listener);
    return listener;
  }

  return {
    db,
    listen,
    /** The web's listeners, by the names of the query catalogue (functions/src/store/queryShapes.ts). */
    queue: (orgId, pageSize = 50) =>
      listen("web.queue", query(collection(db, `orgs/${orgId}/issues`), where("deleted", "==", false), orderBy("updatedAt", "desc"), limit(pageSize))),
    dashboard: (orgId) => listen("stats", collection(db, `orgs/${orgId}/stats`)),
    issue: (orgId, issueId) => listen("issue", doc(db, `orgs/${orgId}/issues/${issueId}`)),
    comments: (orgId, issueId) => listen("web.thread.comments", query(collection(db, `orgs/${orgId}/issues/${issueId}/comments`), orderBy("createdAt"))),
    activities: (orgId, issueId) => listen("web.thread.activities", query(collection(db, `orgs/${orgId}/issues/${issueId}/activities`), orderBy("at"))),
    reads: () => listeners.reduce((sum, l) => sum + l.reads, 0),
    async close() {
      for (const l of listeners) l.unsubscribe?.();
      await terminate(db);
      await deleteApp(app);
    },
  };
}
