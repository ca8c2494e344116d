/** Form pieces every area uses: a save state, a copy button, a confirmation and field errors. */
import { useRef, useState, type ReactNode } from "react";
import { ApiProblem } from "../api/problem";
import { Dialog } from "../ui/Dialog";
import { ErrorState } from "../ui/states";

export { useAction } from "./useAction";

/** The messages of a problem's field errors under `path` (and its items: `autoJoinDomains.2`). */
export function fieldMessages(error: unknown, path: string): string[] {
  if (!(error instanceof ApiProblem)) return [];
  return error.errors.filter((e) => e.path === path || e.path.startsWith(`${path}.`)).map((e) => e.message);
}

export function FieldMessages({ error, path, id }: { error: unknown; path: string; id?: string }) {
  const messages = fieldMessages(error, path);
  if (messages.length === 0) return null;
  return (
    <p className="field-error" id={id}>
      {messages.join(" ")}
    </p>
  );
}

/** What an action answered: the problem (with its requestId), or a quiet "saved". */
export function ActionResult({
  error,
  done,
  savedText = "Saved.",
  fieldsShown = false,
}: {
  error: unknown;
  done: boolean;
  savedText?: string;
  fieldsShown?: boolean;
}) {
  return (
    <div aria-live="polite">
      {error !== null && <ErrorState error={error} compact fieldsShown={fieldsShown} />}
      {done && error === null && <p className="saved-note">✓ {savedText}</p>}
    </div>
  );
}

/** Copies to the clipboard; where the browser refuses, selects the text so Ctrl+C does it. */
export function CopyButton({
  text,
  label = "Copy",
  selectFallback,
}: {
  text: string;
  label?: string;
  selectFallback?: () => void;
}) {
  const [state, setState] = useState<"idle" | "copied" | "manual">("idle");
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState("copied");
    } catch {
      selectFallback?.();
      setState("manual");
    }
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => setState("idle"), 4000);
  };
  return (
    <>
      <button type="button" onClick={() => void copy()}>
        {state === "copied" ? "Copied ✓" : label}
      </button>
      <span className="visually-hidden" aria-live="polite">
        {state === "copied" ? "Copied to the clipboard." : state === "manual" ? "Selected: press Ctrl+C to copy." : ""}
      </span>
      {state === "manual" && <span className="hint">Selected: press Ctrl+C (⌘C) to copy.</span>}
    </>
  );
}

/** A yes/no question before something that cannot be undone. */
export function Confirm({
  open,
  title,
  confirmLabel,
  onConfirm,
  onClose,
  busy,
  error,
  children,
}: {
  open: boolean;
  title: string;
  confirmLabel: string;
  onConfirm: () => void;
  onClose: () => void;
  busy: boolean;
  error: unknown;
  children: ReactNode;
}) {
  return (
    <Dialog open={open} title={title} onClose={onClose}>
      <div className="stack">
        {children}
        {error !== null && <ErrorState error={error} compact />}
        <div className="actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="danger" disabled={busy} onClick={onConfirm}>
            {confirmLabel}
          </button>
        </div>
      </div>
    </Dialog>
  );
}

export function SectionHead({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <header className="section-head">
      <h2>{title}</h2>
      {children && <p className="muted">{children}</p>}
    </header>
  );
}
