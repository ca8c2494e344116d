/**
 * The settings pattern of a list an admin keeps (saved replies, macros): a form above that creates or edits one
 * item, the live list below with Edit and Delete on each, and a confirmation before a delete. The sections supply
 * their form and how an item looks; this holds the draft, the save and the delete, and draws the list.
 */
import { useState, type FormEvent, type ReactNode } from "react";
import { ActionResult, Confirm, useAction } from "./formParts";
import type { Live } from "./live";
import { Empty, ErrorState, Loading } from "../ui/states";

interface Options<Item, Draft> {
  empty: Draft;
  /** Creates (draft without an id) or updates the item; resolves when the API answered. */
  save: (draft: Draft) => Promise<unknown>;
  remove: (item: Item) => Promise<unknown>;
  /** The name a saved draft is announced by. */
  nameOf: (draft: Draft) => string;
}

export function useEditableList<Item extends { id: string }, Draft extends { id: string | null }>({
  empty,
  save,
  remove,
  nameOf,
}: Options<Item, Draft>) {
  const [draft, setDraft] = useState<Draft>(empty);
  const saving = useAction();
  const [savedName, setSavedName] = useState("");
  const [deleting, setDeleting] = useState<Item | null>(null);
  const deletion = useAction();
  return {
    draft,
    saving,
    savedName,
    deleting,
    deletion,
    edit(change: Partial<Draft>) {
      saving.reset();
      setDraft((current) => ({ ...current, ...change }));
    },
    startEditing(next: Draft) {
      saving.reset();
      setDraft(next);
    },
    cancel() {
      saving.reset();
      setDraft(empty);
    },
    async submit(event: FormEvent) {
      event.preventDefault();
      if (await saving.run(() => save(draft))) {
        setSavedName(nameOf(draft).trim());
        setDraft(empty);
      }
    },
    askDelete(item: Item) {
      deletion.reset();
      setDeleting(item);
    },
    closeDelete() {
      setDeleting(null);
    },
    async confirmDelete() {
      if (!deleting) return;
      if ((await deletion.run(() => remove(deleting))) !== undefined) {
        if (draft.id === deleting.id) setDraft(empty);
        setDeleting(null);
      }
    },
  };
}

export type EditableList<Item extends { id: string }, Draft extends { id: string | null }> = ReturnType<
  typeof useEditableList<Item, Draft>
>;

/** The save outcome under a section's form. */
export function SaveResult({
  list,
  fieldsShown,
}: {
  list: { saving: ReturnType<typeof useAction>; savedName: string };
  fieldsShown: boolean;
}) {
  return (
    <ActionResult
      error={list.saving.error}
      done={list.saving.done}
      savedText={`Saved “${list.savedName}”.`}
      fieldsShown={fieldsShown}
    />
  );
}

/** The live list with Edit and Delete on each item, and the delete's confirmation. */
export function EditableItems<Item extends { id: string }, Draft extends { id: string | null }>({
  items,
  list,
  what,
  emptyTitle,
  nameOf,
  className = () => "",
  onEdit,
  children,
  deleteLabel,
  deleteNote,
}: {
  items: Live<Item[]>;
  list: EditableList<Item, Draft>;
  /** For the loading state: "the macros". */
  what: string;
  emptyTitle: string;
  nameOf: (item: Item) => string;
  className?: (item: Item) => string;
  onEdit: (item: Item) => void;
  /** What an item shows above its buttons. */
  children: (item: Item) => ReactNode;
  deleteLabel: string;
  deleteNote: ReactNode;
}) {
  return (
    <>
      {items.status === "loading" ? (
        <Loading what={what} />
      ) : items.status === "error" ? (
        <ErrorState error={items.error} compact />
      ) : items.value.length === 0 ? (
        <Empty title={emptyTitle} />
      ) : (
        <ul className="reply-list">
          {items.value.map((item) => (
            <li key={item.id} className={`card saved-reply ${className(item)}`.trim()}>
              {children(item)}
              <div className="button-row">
                <button type="button" aria-label={`Edit ${nameOf(item)}`} onClick={() => onEdit(item)}>
                  Edit
                </button>
                <button
                  type="button"
                  className="danger-outline"
                  aria-label={`Delete ${nameOf(item)}`}
                  onClick={() => list.askDelete(item)}
                >
                  Delete
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <Confirm
        open={list.deleting !== null}
        title={`Delete “${list.deleting ? nameOf(list.deleting) : ""}”?`}
        confirmLabel={deleteLabel}
        busy={list.deletion.busy}
        error={list.deletion.error}
        onClose={() => list.closeDelete()}
        onConfirm={() => void list.confirmDelete()}
      >
        {deleteNote}
      </Confirm>
    </>
  );
}
