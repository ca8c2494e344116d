/**
 * In-app and email, per event type: users/{uid}.notificationPrefs, the one profile field
 * besides the display name a client may write (firestore.rules). The fan-out reads it
 * through the domain's resolvePrefs, so what shows here is what the server will do.
 */
import { resolvePrefs, type NotificationPrefs } from "@firetrack/domain";
import { doc, onSnapshot, setDoc } from "firebase/firestore";
import { useEffect, useState, type FormEvent } from "react";
import { AppShell } from "../AppShell";
import { useUser } from "../auth/AuthProvider";
import { db } from "../firestore";
import { useMe } from "../org/me";
import { ErrorState, Loading } from "../ui/states";
import { NOTIFICATION_TYPE_TEXT, prefTypesFor, withPref } from "./notificationView";
import "./notifications.css";

export default function NotificationPrefsPage() {
  const user = useUser();
  const me = useMe();
  const [stored, setStored] = useState<{ prefs: NotificationPrefs; emailVerified: boolean } | null>(null);
  const [draft, setDraft] = useState<NotificationPrefs | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);

  useEffect(
    () =>
      onSnapshot(
        doc(db, "users", user.uid),
        (snapshot) =>
          setStored({
            prefs: resolvePrefs(snapshot.get("notificationPrefs")),
            emailVerified: snapshot.get("emailVerified") === true,
          }),
        setError,
      ),
    [user.uid],
  );
  const prefs = draft ?? stored?.prefs ?? null;
  const types = prefTypesFor(me.memberships);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!prefs) return;
    setBusy(true);
    setError(null);
    try {
      await setDoc(doc(db, "users", user.uid), { notificationPrefs: prefs }, { merge: true });
      setDraft(null);
      setSaved(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <AppShell portal={!me.memberships.some((m) => m.role !== "customer")}>
      <main className="page narrow" id="main">
        <h1>Notification settings</h1>
        <p className="muted">
          Choose how you hear about each kind of event. You are never told about your own changes.
        </p>
        {error !== null && <ErrorState error={error} compact />}
        {!prefs ? (
          <Loading what="your settings" />
        ) : (
          <form className="stack" onSubmit={save}>
            {stored && !stored.emailVerified && (
              <p className="notice">
                Email goes only to a verified address. Yours is not verified yet, so only in-app notifications reach you
                for now.
              </p>
            )}
            <table className="prefs-table">
              <caption className="visually-hidden">Notification channels per event</caption>
              <thead>
                <tr>
                  <th scope="col">Event</th>
                  <th scope="col" className="channel">
                    In the app
                  </th>
                  <th scope="col" className="channel">
                    Email
                  </th>
                </tr>
              </thead>
              <tbody>
                {types.map((type) => (
                  <tr key={type}>
                    <th scope="row">
                      {NOTIFICATION_TYPE_TEXT[type].title}
                      <p className="hint">{NOTIFICATION_TYPE_TEXT[type].detail}</p>
                    </th>
                    {(["inApp", "email"] as const).map((channel) => (
                      <td key={channel} className="channel">
                        <input
                          type="checkbox"
                          aria-label={`${NOTIFICATION_TYPE_TEXT[type].title}: ${channel === "inApp" ? "in the app" : "email"}`}
                          checked={prefs[type][channel]}
                          onChange={(e) => {
                            setSaved(false);
                            setDraft(withPref(prefs, type, channel, e.target.checked));
                          }}
                        />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
            <div className="actions">
              {saved && draft === null && (
                <span className="saved-note" role="status">
                  Saved.
                </span>
              )}
              <button type="button" disabled={busy || draft === null} onClick={() => setDraft(null)}>
                Discard changes
              </button>
              <button type="submit" className="primary" disabled={busy || draft === null}>
                {busy ? "Saving…" : "Save settings"}
              </button>
            </div>
          </form>
        )}
      </main>
    </AppShell>
  );
}
