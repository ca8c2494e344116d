/** Saved replies as the picker and the settings read them, and what inserting one does to the reply box. */
import type { Timestamp } from "firebase/firestore";

export interface SavedReply {
  id: string;
  title: string;
  body: string;
  internal: boolean;
  updatedAt?: Timestamp | null;
}

const fold = (text: string) =>
  text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();

/**
 * Replies matching every word of the query, in title or text; those whose title
 * matches every word come first, each group in title order. An empty query lists all.
 */
export function searchSavedReplies<T extends Pick<SavedReply, "title" | "body">>(
  replies: readonly T[],
  query: string,
): T[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  const byTitle = (a: T, b: T) => a.title.localeCompare(b.title);
  if (words.length === 0) return [...replies].sort(byTitle);
  const inTitle: T[] = [];
  const inText: T[] = [];
  for (const reply of replies) {
    const title = fold(reply.title);
    const all = `${title}\n${fold(reply.body)}`;
    if (words.every((word) => title.includes(word))) inTitle.push(reply);
    else if (words.every((word) => all.includes(word))) inText.push(reply);
  }
  return [...inTitle.sort(byTitle), ...inText.sort(byTitle)];
}

export interface Insertion {
  value: string;
  /** Where the caret goes: just after the inserted text. */
  caret: number;
}

/**
 * Puts `text` in place of the selection [start, end) of `value`, on a line of its own
 * when the reply already has words around it.
 */
export function insertAt(value: string, start: number, end: number, text: string): Insertion {
  const before = value.slice(0, start);
  const after = value.slice(end);
  const lead = before === "" || before.endsWith("\n") ? "" : "\n";
  const trail = after === "" || after.startsWith("\n") ? "" : "\n";
  const inserted = `${lead}${text}${trail}`;
  return { value: `${before}${inserted}${after}`, caret: before.length + lead.length + text.length };
}

/** `#` opens the picker where a word starts, so "issue #42" in the middle of a word still types. */
export function opensPicker(value: string, caret: number): boolean {
  return caret === 0 || /\s/.test(value[caret - 1] ?? "");
}
