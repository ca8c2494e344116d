import { useSyncExternalStore } from "react";
import { exactTime, relativeTime, toDate } from "./time";

// One clock for every relative time on the page, in steps of 30 s.
const STEP_MS = 30_000;
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;
function subscribe(listener: () => void) {
  listeners.add(listener);
  timer ??= setInterval(() => {
    for (const notify of listeners) notify();
  }, STEP_MS);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  };
}
const getNow = () => Math.floor(Date.now() / STEP_MS) * STEP_MS;

/** The page's shared clock, in steps of 30 s: what live countdowns re-render with. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, getNow, getNow);
}

/** "3 hours ago", with the exact time on hover (title) and for machines (dateTime). */
export function RelativeTime({ value, fallback = "—" }: { value: unknown; fallback?: string }) {
  const current = useSyncExternalStore(subscribe, getNow, getNow);
  const date = toDate(value);
  if (!date) return <span>{fallback}</span>;
  const exact = exactTime(date);
  return (
    <time dateTime={date.toISOString()} title={exact}>
      {relativeTime(date, current)}
    </time>
  );
}
