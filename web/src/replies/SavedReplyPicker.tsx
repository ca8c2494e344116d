/**
 * The saved-reply picker: a search box over the org's saved replies. Arrows move,
 * Enter inserts, Escape closes (giving back the `#` and whatever was typed, so typing
 * "#42" in a reply still works).
 */
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import type { Live } from "../shared/live";
import { InternalBadge } from "../ui/badges";
import { Dialog } from "../ui/Dialog";
import { ErrorState, Loading } from "../ui/states";
import "./replies.css";
import { searchSavedReplies, type SavedReply } from "./savedReplies";

export function SavedReplyPicker({
  open,
  replies,
  onPick,
  onCancel,
}: {
  open: boolean;
  replies: Live<SavedReply[]>;
  onPick: (reply: SavedReply) => void;
  /** `typed`: what was in the search box when the picker closed without a pick. */
  onCancel: (typed: string) => void;
}) {
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  // Escape reaches both the search box and the dialog: the picker answers once per opening.
  const answered = useRef(false);
  const matches = useMemo(
    () => (replies.status === "ready" ? searchSavedReplies(replies.value, query) : []),
    [replies, query],
  );

  useEffect(() => {
    if (open) {
      answered.current = false;
      setQuery("");
      setActive(0);
      // The dialog moves focus to its first control, the close button; the search box is where typing goes.
      requestAnimationFrame(() => inputRef.current?.focus());
    }
  }, [open]);

  const pick = (reply: SavedReply | undefined) => {
    if (!reply || answered.current) return;
    answered.current = true;
    onPick(reply);
  };
  const cancel = () => {
    if (answered.current) return;
    answered.current = true;
    onCancel(query);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      setActive((i) => Math.min(i + 1, matches.length - 1));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (event.key === "Enter") {
      event.preventDefault();
      pick(matches[active]);
    } else if (event.key === "Escape") {
      event.preventDefault();
      cancel();
    }
  };
  const optionId = (i: number) => `${listId}-option-${i}`;

  return (
    <Dialog open={open} title="Insert a saved reply" onClose={cancel} className="reply-picker">
      <div className="stack">
        <label>
          Search saved replies
          <input
            ref={inputRef}
            role="combobox"
            aria-expanded="true"
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={matches[active] ? optionId(active) : undefined}
            value={query}
            onChange={(event) => {
              setQuery(event.target.value);
              setActive(0);
            }}
            onKeyDown={onKeyDown}
            placeholder="Type to filter by title or text"
          />
        </label>
        {replies.status === "loading" && <Loading what="the saved replies" />}
        {replies.status === "error" && <ErrorState error={replies.error} compact />}
        <div id={listId} role="listbox" aria-label="Saved replies" className="picker-list">
          {matches.map((reply, i) => (
            // Keys go to the search box, which points at the active option (aria-activedescendant); focus never moves here.
            // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox above handles the keys for every option.
            // biome-ignore lint/a11y/useFocusableInteractive: the combobox keeps focus; options are reached through aria-activedescendant.
            <div
              key={reply.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              className={`picker-option ${i === active ? "active" : ""} ${reply.internal ? "internal" : ""}`}
              onMouseEnter={() => setActive(i)}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => pick(reply)}
            >
              <span className="picker-title">
                {reply.title} {reply.internal && <InternalBadge />}
              </span>
              <span className="picker-excerpt">{reply.body}</span>
            </div>
          ))}
        </div>
        {replies.status === "ready" && matches.length === 0 && (
          <p className="muted picker-empty">
            {replies.value.length === 0
              ? "Your admins have saved no replies yet."
              : `No saved reply matches “${query}”.`}
          </p>
        )}
        <p className="hint">
          <kbd>↑</kbd> <kbd>↓</kbd> to choose, <kbd>Enter</kbd> to insert, <kbd>Esc</kbd> to go back to the reply.
        </p>
      </div>
    </Dialog>
  );
}
