/** Admins keep the team's saved replies: title, text, and whether it is meant as an internal note. */
import { COMMENT_MAX, SAVED_REPLY_TITLE_MAX } from "@firetrack/domain";
import { useRef } from "react";
import { api } from "../api/client";
import { useOrg } from "../org/OrgContext";
import { InternalBadge } from "../ui/badges";
import { RelativeTime } from "../ui/RelativeTime";
import { EditableItems, SaveResult, useEditableList } from "../shared/EditableList";
import { FieldMessages, fieldMessages } from "../shared/formParts";
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
  const list = useEditableList<SavedReply, Draft>({
    empty: EMPTY,
    nameOf: (draft) => draft.title,
    save: (draft) => {
      const body = { title: draft.title, body: draft.body, internal: draft.internal };
      return draft.id
        ? api("PATCH", "/orgs/{orgId}/saved-replies/{replyId}", {
            params: { path: { orgId: org.orgId, replyId: draft.id } },
            body,
          })
        : api("POST", "/orgs/{orgId}/saved-replies", { params: { path: { orgId: org.orgId } }, body });
    },
    remove: (reply) =>
      api("DELETE", "/orgs/{orgId}/saved-replies/{replyId}", {
        params: { path: { orgId: org.orgId, replyId: reply.id } },
      }),
  });
  const { draft, edit, saving } = list;
  const titleInput = useRef<HTMLInputElement>(null);
  const startEditing = (reply: SavedReply) => {
    list.startEditing({ id: reply.id, title: reply.title, body: reply.body, internal: reply.internal });
    // The form is above the list: take the admin there.
    requestAnimationFrame(() => {
      titleInput.current?.focus();
      titleInput.current?.scrollIntoView({ block: "center" });
    });
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
        onSubmit={(event) => void list.submit(event)}
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
            <button type="button" onClick={() => list.cancel()}>
              Cancel
            </button>
          )}
          <button type="submit" className="primary" disabled={saving.busy}>
            {saving.busy ? "Saving…" : draft.id ? "Save changes" : "Save reply"}
          </button>
        </div>
        <SaveResult list={list} fieldsShown={titleInvalid || bodyInvalid} />
      </form>

      <EditableItems
        items={replies}
        list={list}
        what="the saved replies"
        emptyTitle="No saved replies yet."
        nameOf={(reply) => reply.title}
        className={(reply) => (reply.internal ? "internal" : "")}
        onEdit={startEditing}
        deleteLabel="Delete saved reply"
        deleteNote={<p>Replies already sent keep their text.</p>}
      >
        {(reply) => (
          <>
            <div className="saved-reply-head">
              <h3>{reply.title}</h3>
              {reply.internal && <InternalBadge />}
              <span className="muted">
                edited <RelativeTime value={reply.updatedAt} />
              </span>
            </div>
            <p className="saved-reply-body">{reply.body}</p>
          </>
        )}
      </EditableItems>
    </section>
  );
}
