/** Admins keep the team's saved replies: title, text, and whether it is meant as an internal note. */
import { COMMENT_MAX, SAVED_REPLY_TITLE_MAX } from "@firetrack/domain";
import { useRef, useState, type FormEvent } from "react";
import { api } from "../api/client";
import { useOrg } from "../org/OrgContext";
import { InternalBadge } from "../ui/badges";
import { RelativeTime } from "../ui/RelativeTime";
import { Empty, ErrorState, Loading } from "../ui/states";
import { ActionResult, Confirm, FieldMessages, fieldMessages, useAction } from "../shared/formParts";
import type { SavedReply } from "./savedReplies";
import { useSavedReplies } from "./useSavedReplies";

interface Draft {
  id: string | null;
  title: string;
  body: string;
  internal: boolean;
}
const EMPTY: Draft = { id: null, title: "", body: "", internal: false };

export default function SavedRepliesSection() {
  const org = useOrg();
  const replies = useSavedReplies(org.orgId);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const saving = useAction();
  const [savedTitle, setSavedTitle] = useState("");
  const [deleting, setDeleting] = useState<SavedReply | null>(null);
  const deletion = useAction();
  const titleInput = useRef<HTMLInputElement>(null);
  const startEditing = (reply: SavedReply) => {
    saving.reset();
    setDraft({ id: reply.id, title: reply.title, body: reply.body, internal: reply.internal });
    // The form is above the list: take the admin there.
    requestAnimationFrame(() => {
      titleInput.current?.focus();
      titleInput.current?.scrollIntoView({ block: "center" });
    });
  };

  const edit = (change: Partial<Draft>) => {
    saving.reset();
    setDraft((current) => ({ ...current, ...change }));
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = { title: draft.title, body: draft.body, internal: draft.internal };
    const done = await saving.run(() =>
      draft.id
        ? api("PATCH", "/orgs/{orgId}/saved-replies/{replyId}", {
            params: { path: { orgId: org.orgId, replyId: draft.id } },
            body,
          })
        : api("POST", "/orgs/{orgId}/saved-replies", { params: { path: { orgId: org.orgId } }, body }),
    );
    if (done) {
      setSavedTitle(draft.title.trim());
      setDraft(EMPTY);
    }
  };
  const remove = async () => {
    if (!deleting) return;
    if (
      (await deletion.run(() =>
        api("DELETE", "/orgs/{orgId}/saved-replies/{replyId}", {
          params: { path: { orgId: org.orgId, replyId: deleting.id } },
        }),
      )) !== undefined
    ) {
      if (draft.id === deleting.id) setDraft(EMPTY);
      setDeleting(null);
    }
  };
  const titleInvalid = fieldMessages(saving.error, "title").length > 0;
  const bodyInvalid = fieldMessages(saving.error, "body").length > 0;

  return (
    <section aria-labelledby="replies-heading" className="settings-section">
      <header className="section-head">
        <h2 id="replies-heading">Saved replies</h2>
        <p className="muted">
          Texts your team starts replies from. In an issue's reply box, type <kbd>#</kbd> (or use “Insert saved reply”),
          pick one, and edit it before sending.
        </p>
      </header>
      <form
        className={`card stack reply-form ${draft.internal ? "internal" : ""}`}
        onSubmit={(event) => void submit(event)}
        noValidate
      >
        <h3>{draft.id ? "Edit saved reply" : "New saved reply"}</h3>
        <label>
          Title
          <input
            ref={titleInput}
            value={draft.title}
            maxLength={SAVED_REPLY_TITLE_MAX}
            onChange={(event) => edit({ title: event.target.value })}
            aria-invalid={titleInvalid ? true : undefined}
            aria-describedby="reply-title-error"
          />
        </label>
        <FieldMessages error={saving.error} path="title" id="reply-title-error" />
        <label>
          Text
          <textarea
            rows={5}
            value={draft.body}
            maxLength={COMMENT_MAX}
            onChange={(event) => edit({ body: event.target.value })}
            aria-invalid={bodyInvalid ? true : undefined}
            aria-describedby="reply-body-error"
          />
        </label>
        <FieldMessages error={saving.error} path="body" id="reply-body-error" />
        <label className="inline">
          <input
            type="checkbox"
            checked={draft.internal}
            onChange={(event) => edit({ internal: event.target.checked })}
          />
          Internal note: inserting it switches the reply box to an internal note
        </label>
        <div className="actions">
          {draft.id && (
            <button
              type="button"
              onClick={() => {
                saving.reset();
                setDraft(EMPTY);
              }}
            >
              Cancel
            </button>
          )}
          <button type="submit" className="primary" disabled={saving.busy}>
            {saving.busy ? "Saving…" : draft.id ? "Save changes" : "Save reply"}
          </button>
        </div>
        <ActionResult
          error={saving.error}
          done={saving.done}
          savedText={`Saved “${savedTitle}”.`}
          fieldsShown={titleInvalid || bodyInvalid}
        />
      </form>

      {replies.status === "loading" ? (
        <Loading what="the saved replies" />
      ) : replies.status === "error" ? (
        <ErrorState error={replies.error} compact />
      ) : replies.value.length === 0 ? (
        <Empty title="No saved replies yet." />
      ) : (
        <ul className="reply-list">
          {replies.value.map((reply) => (
            <li key={reply.id} className={`card saved-reply ${reply.internal ? "internal" : ""}`}>
              <div className="saved-reply-head">
                <h3>{reply.title}</h3>
                {reply.internal && <InternalBadge />}
                <span className="muted">
                  edited <RelativeTime value={reply.updatedAt} />
                </span>
              </div>
              <p className="saved-reply-body">{reply.body}</p>
              <div className="button-row">
                <button type="button" aria-label={`Edit ${reply.title}`} onClick={() => startEditing(reply)}>
                  Edit
                </button>
                <button
                  type="button"
                  className="danger-outline"
                  aria-label={`Delete ${reply.title}`}
                  onClick={() => {
                    deletion.reset();
                    setDeleting(reply);
                  }}
                >
                  Delete
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <Confirm
        open={deleting !== null}
        title={`Delete “${deleting?.title ?? ""}”?`}
        confirmLabel="Delete saved reply"
        busy={deletion.busy}
        error={deletion.error}
        onClose={() => setDeleting(null)}
        onConfirm={() => void remove()}
      >
        <p>Replies already sent keep their text.</p>
      </Confirm>
    </section>
  );
}
