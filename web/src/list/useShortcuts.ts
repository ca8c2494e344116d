import { useEffect, useRef } from "react";

/** True while the person is typing somewhere: letters then belong to the field. */
export function isTyping(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  if (!element?.tagName) return false;
  if (element.tagName === "INPUT")
    return !["checkbox", "radio", "button", "submit"].includes((element as HTMLInputElement).type);
  return element.isContentEditable || ["TEXTAREA", "SELECT"].includes(element.tagName);
}

/** Single-key shortcuts for the page; ignored while typing, with a modifier, or under an open dialog. */
export function useShortcuts(handlers: Record<string, (event: KeyboardEvent) => void>) {
  const current = useRef(handlers);
  current.current = handlers;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented || isTyping(event.target)) return;
      if (document.querySelector("dialog[open]")) return;
      const handler = current.current[event.key];
      if (handler) handler(event);
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
}
