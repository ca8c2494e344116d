/** Admins keep the team's macros: a name, an optional reply, and the changes one click makes. */
import { COMMENT_MAX, MACRO_NAME_MAX, PRIORITIES, STATUSES, type MacroChanges } from "@firetrack/domain";
import { api } from "../api/client";
import { assignable, useOrg } from "../org/OrgContext";
import { EditableItems, SaveResult, useEditableList } from "../shared/EditableList";
import { FieldMessages, fieldMessages } from "../shared/formParts";
import { label } from "../ui/labels";
import { describeMacro, useMacros, type Macro } from "./useMacros";

interface Draft {
  id: string | null;
  name: string;
  replyKind: "none" | "public" | "internal";
  body: string;
  status: string;
  priority: string;
  tags: string;
  /** "" no change, "none" unassign, else a uid. */
  assignee: string;
}
const EMPTY: Draft = {
  id: null,
  name: "",
  replyKind: "none",
  body: "",
  status: "",
  priority: "",
  tags: "",
  assignee: "",
};

function draftOf(macro: Macro): Draft {
  const { status, priority, addTags, assigneeUid } = macro.changes;
  return {
    id: macro.id,
    name: macro.name,
    replyKind: macro.reply ? (macro.reply.internal ? "internal" : "public") : "none",
    body: macro.reply?.body ?? "",
    status: status ?? "",
    priority: priority ?? "",
    tags: (addTags ?? []).join(", "),
    assignee: assigneeUid === undefined ? "" : assigneeUid === null ? "none" : assigneeUid,
  };
}

function bodyOf(draft: Draft) {
  const changes: Record<string, unknown> = {};
  if (draft.status) changes.status = draft.status;
  if (draft.priority) changes.priority = draft.priority;
  const tags = draft.tags
    .split(/[,\s]+/)
    .map((t) => t.trim())
    .filter(Boolean);
  if (tags.length) changes.addTags = tags;
  if (draft.assignee) changes.assigneeUid = draft.assignee === "none" ? null : draft.assignee;
  return {
    name: draft.name,
    reply: draft.replyKind === "none" ? null : { body: draft.body, internal: draft.replyKind === "internal" },
    changes: changes as MacroChanges,
  };
}

export default function MacrosSection() {
  const org = useOrg();
  const macros = useMacros(org.orgId);
  const list = useEditableList<Macro, Draft>({
    empty: EMPTY,
    nameOf: (draft) => draft.name,
    save: (draft) => {
      const body = bodyOf(draft);
      return draft.id
        ? api("PATCH", "/orgs/{orgId}/macros/{macroId}", {
            params: { path: { orgId: org.orgId, macroId: draft.id } },
            body,
          })
        : api("POST", "/orgs/{orgId}/macros", { params: { path: { orgId: org.orgId } }, body });
    },
    remove: (macro) =>
      api("DELETE", "/orgs/{orgId}/macros/{macroId}", { params: { path: { orgId: org.orgId, macroId: macro.id } } }),
  });
  const { draft, edit, saving } = list;
  const invalid = (path: string) => fieldMessages(saving.error, path).length > 0;

  return (
    <section aria-labelledby="macros-heading" className="settings-section">
      <header className="section-head">
        <h2 id="macros-heading">Macros</h2>
        <p className="muted">
          One click for the answers you give again and again. Applying a macro posts its reply first, then makes its
          changes. If the issue cannot move to the macro's status from where it is, nothing is applied and the agent is
          told why.
        </p>
      </header>
      <form className="card stack macro-form" onSubmit={(event) => void list.submit(event)} noValidate>
        <h3>{draft.id ? "Edit macro" : "New macro"}</h3>
        <label>
          Name
          <input
            value={draft.name}
            maxLength={MACRO_NAME_MAX}
            onChange={(e) => edit({ name: e.target.value })}
            aria-invalid={invalid("name") || undefined}
            aria-describedby="macro-name-error"
          />
        </label>
        <FieldMessages error={saving.error} path="name" id="macro-name-error" />
        <fieldset>
          <legend>Reply</legend>
          {(["none", "public", "internal"] as const).map((kind) => (
            <label key={kind} className="inline">
              <input
                type="radio"
                name="macro-reply"
                checked={draft.replyKind === kind}
                onChange={() => edit({ replyKind: kind })}
              />
              {kind === "none"
                ? "No reply"
                : kind === "public"
                  ? "Public reply to the customer"
                  : "Internal note for the team"}
            </label>
          ))}
          {draft.replyKind !== "none" && (
            <label>
              Text
              <textarea
                rows={4}
                value={draft.body}
                maxLength={COMMENT_MAX}
                onChange={(e) => edit({ body: e.target.value })}
                aria-describedby="macro-reply-error"
              />
            </label>
          )}
          <FieldMessages error={saving.error} path="reply" id="macro-reply-error" />
        </fieldset>
        <fieldset>
          <legend>Changes</legend>
          <div className="form-grid">
            <label>
              Status
              <select value={draft.status} onChange={(e) => edit({ status: e.target.value })}>
                <option value="">No change</option>
                {STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {label(s)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Priority
              <select value={draft.priority} onChange={(e) => edit({ priority: e.target.value })}>
                <option value="">No change</option>
                {PRIORITIES.map((p) => (
                  <option key={p} value={p}>
                    {label(p)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Add tags
              <input
                value={draft.tags}
                placeholder="needs-logs, billing"
                onChange={(e) => edit({ tags: e.target.value })}
              />
            </label>
            <label>
              Assignee
              <select value={draft.assignee} onChange={(e) => edit({ assignee: e.target.value })}>
                <option value="">No change</option>
                <option value="none">Unassign</option>
                {assignable(org.members).map((m) => (
                  <option key={m.uid} value={m.uid}>
                    {m.displayName}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <FieldMessages error={saving.error} path="changes" />
        </fieldset>
        <div className="actions">
          {draft.id && (
            <button type="button" onClick={() => list.cancel()}>
              Cancel
            </button>
          )}
          <button type="submit" className="primary" disabled={saving.busy}>
            {saving.busy ? "Saving…" : draft.id ? "Save changes" : "Save macro"}
          </button>
        </div>
        <SaveResult list={list} fieldsShown={invalid("name") || invalid("reply") || invalid("changes")} />
      </form>

      <EditableItems
        items={macros}
        list={list}
        what="the macros"
        emptyTitle="No macros yet."
        nameOf={(macro) => macro.name}
        onEdit={(macro) => list.startEditing(draftOf(macro))}
        deleteLabel="Delete macro"
        deleteNote={<p>Issues it was applied to keep what it did.</p>}
      >
        {(macro) => (
          <>
            <div className="saved-reply-head">
              <h3>{macro.name}</h3>
            </div>
            <p className="muted">{describeMacro(macro, org.memberName)}</p>
            {macro.reply && <p className="saved-reply-body">{macro.reply.body}</p>}
          </>
        )}
      </EditableItems>
    </section>
  );
}
