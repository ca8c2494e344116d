/** The signed-in user's notifications, live (users/{uid}/notifications: theirs alone, the rules say). */
import type { NotificationType } from "@firetrack/domain";
import {
  collection,
  doc,
  getDocs,
  limit,
  onSnapshot,
  orderBy,
  query,
  updateDoc,
  where,
  writeBatch,
  type Timestamp,
} from "firebase/firestore";
import { useEffect, useState } from "react";
import type { Live } from "../shared/live";
import { db } from "../firestore";

export interface AppNotification {
  id: string;
  type: NotificationType;
  orgId: string;
  issueId: string;
  issueNumber: string | null;
  title: string;
  read: boolean;
  createdAt: Timestamp | null;
}

/** The bell counts up to this many; beyond it shows "99+". */
const UNREAD_WINDOW = 100;
const RECENT = 30;

const notificationsOf = (uid: string) => collection(db, "users", uid, "notifications");

function useNotificationQuery(uid: string, enabled: boolean, unreadOnly: boolean): Live<AppNotification[]> {
  const [state, setState] = useState<Live<AppNotification[]>>({ status: "loading" });
  useEffect(() => {
    if (!enabled) return;
    setState({ status: "loading" });
    const q = unreadOnly
      ? query(notificationsOf(uid), where("read", "==", false), orderBy("createdAt", "desc"), limit(UNREAD_WINDOW))
      : query(notificationsOf(uid), orderBy("createdAt", "desc"), limit(RECENT));
    return onSnapshot(
      q,
      (snapshot) =>
        setState({
          status: "ready",
          value: snapshot.docs.map((d) => ({ id: d.id, ...(d.data() as Omit<AppNotification, "id">) })),
        }),
      (error) => setState({ status: "error", error }),
    );
  }, [uid, enabled, unreadOnly]);
  return state;
}

export const useUnreadNotifications = (uid: string) => useNotificationQuery(uid, true, true);
/** The latest notifications, read or not; listens only while the panel is open. */
export const useRecentNotifications = (uid: string, open: boolean) => useNotificationQuery(uid, open, false);

/** The one field a client may write on a notification (firestore.rules). */
export const markRead = (uid: string, id: string) => updateDoc(doc(notificationsOf(uid), id), { read: true });

/** Every unread notification, in batches of Firestore's 500 writes. */
export async function markAllRead(uid: string): Promise<void> {
  for (;;) {
    const unread = await getDocs(query(notificationsOf(uid), where("read", "==", false), limit(500)));
    if (unread.empty) return;
    const batch = writeBatch(db);
    for (const d of unread.docs) batch.update(d.ref, { read: true });
    await batch.commit();
    if (unread.size < 500) return;
  }
}
