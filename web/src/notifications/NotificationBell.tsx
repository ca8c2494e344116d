/**
 * The bell in the header: a live unread count, and a panel of the latest notifications
 * with mark read and mark all read. Each entry opens its issue where the reader works
 * on it: the agent page for a member, the portal page for a customer.
 */
import { useEffect, useId, useRef, useState } from "react";
import { Link } from "react-router";
import { useUser } from "../auth/AuthProvider";
import { useMe } from "../org/me";
import { issueHref } from "../shared/links";
import { RelativeTime } from "../ui/RelativeTime";
import { Empty, ErrorState, Loading } from "../ui/states";
import { bellLabel, unreadBadge } from "./notificationView";
import {
  markAllRead,
  markRead,
  useRecentNotifications,
  useUnreadNotifications,
  type AppNotification,
} from "./useNotifications";
import "./notifications.css";

export default function NotificationBell() {
  const user = useUser();
  const [open, setOpen] = useState(false);
  const unread = useUnreadNotifications(user.uid);
  const count = unread.status === "ready" ? unread.value.length : 0;
  const button = useRef<HTMLButtonElement>(null);
  const wrapper = useRef<HTMLDivElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        setOpen(false);
        button.current?.focus();
      }
    };
    const onPointer = (event: PointerEvent) => {
      if (wrapper.current && !wrapper.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onPointer);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onPointer);
    };
  }, [open]);

  return (
    <div className="bell-wrapper" ref={wrapper}>
      <button
        ref={button}
        type="button"
        className="bell"
        aria-label={bellLabel(count)}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen((now) => !now)}
      >
        <BellIcon />
        {count > 0 && (
          <span className="bell-count" aria-hidden="true" data-testid="bell-count">
            {unreadBadge(count)}
          </span>
        )}
      </button>
      {open && <NotificationPanel id={panelId} uid={user.uid} unreadCount={count} close={() => setOpen(false)} />}
    </div>
  );
}

function NotificationPanel({
  id,
  uid,
  unreadCount,
  close,
}: {
  id: string;
  uid: string;
  unreadCount: number;
  close: () => void;
}) {
  const recent = useRecentNotifications(uid, true);
  const me = useMe();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const headingId = useId();
  const panel = useRef<HTMLElement>(null);
  useEffect(() => panel.current?.focus(), []);
  const orgName = (orgId: string) => me.memberships.find((m) => m.orgId === orgId)?.orgName ?? null;

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="notif-panel" id={id} aria-labelledby={headingId} tabIndex={-1} ref={panel}>
      <div className="notif-head">
        <h2 id={headingId}>Notifications</h2>
        <button
          type="button"
          className="link-button"
          disabled={busy || unreadCount === 0}
          onClick={() => void run(() => markAllRead(uid))}
        >
          Mark all read
        </button>
      </div>
      {error !== null && <ErrorState error={error} compact />}
      {recent.status === "loading" && <Loading what="notifications" />}
      {recent.status === "error" && <ErrorState error={recent.error} compact />}
      {recent.status === "ready" && recent.value.length === 0 && <Empty title="Nothing new. You are all caught up." />}
      {recent.status === "ready" && recent.value.length > 0 && (
        <ul className="notif-list">
          {recent.value.map((n) => (
            <NotificationItem
              key={n.id}
              notification={n}
              orgName={orgName(n.orgId)}
              href={issueHref(me.memberships, n.orgId, n.issueId, n.issueNumber)}
              onOpen={() => {
                if (!n.read) void markRead(uid, n.id).catch(setError);
                close();
              }}
              onMarkRead={() => void run(() => markRead(uid, n.id))}
              busy={busy}
            />
          ))}
        </ul>
      )}
      <div className="notif-foot">
        <Link to="/account/notifications" onClick={close}>
          Notification settings
        </Link>
      </div>
    </section>
  );
}

function NotificationItem({
  notification: n,
  orgName,
  href,
  onOpen,
  onMarkRead,
  busy,
}: {
  notification: AppNotification;
  orgName: string | null;
  href: string;
  onOpen: () => void;
  onMarkRead: () => void;
  busy: boolean;
}) {
  return (
    <li className={n.read ? "read" : "unread"}>
      <Link to={href} onClick={onOpen} className="notif-link">
        {!n.read && <span className="visually-hidden">Unread: </span>}
        <span className="notif-title">{n.title}</span>
        <span className="notif-meta">
          {n.issueNumber && <span className="issue-number">{n.issueNumber}</span>}
          {orgName && <span>{orgName}</span>}
          <RelativeTime value={n.createdAt} />
        </span>
      </Link>
      {!n.read && (
        <button
          type="button"
          className="notif-mark"
          disabled={busy}
          onClick={onMarkRead}
          aria-label={`Mark read: ${n.title}`}
          title="Mark read"
        >
          <span aria-hidden="true">✓</span>
        </button>
      )}
    </li>
  );
}

function BellIcon() {
  return (
    <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path
        d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
        fill="currentColor"
      />
    </svg>
  );
}
