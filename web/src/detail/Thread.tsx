import { can, COMMENT_MAX, type Role } from "@firetrack/domain";
import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { api } from "../api/client";
import { ApiProblem } from "../api/problem";
import { ReplyPicker } from "../replies/ReplyPicker";
import { insertAt, opensPicker, type SavedReply } from "../replies/savedReplies";
import { LockIcon } from "../ui/LockIcon";
import { ErrorState } from "../ui/states";
import { CommentList } from "../issues/CommentList";
import type { Comment, Live } from "./useIssueData";

/** The team's view of the conversation. */
export function Thread({ comments }: { comments: Live<Comment[]> }) {
  return <CommentList comments={comments} audience={{ kind: "team" }} />;
}

/** Reply publicly or note internally; the toggle changes the whole composer so the choice cannot be missed. */
export function Composer({
  orgId,
  issueId,
  role,
  owns,
}: {
  orgId: string;
  issueId: string;
  role: Role;
  owns: boolean;
}) {
  const mayPublic = can(role, "comment.public", owns);
  const mayInternal = can(role, "comment.internal", owns);
  const mayMarkSolution = can(role, "issue.edit", owns);
  const [internal, setInternal] = useState(!mayPublic);
  const [body, setBody] = useState("");
  const [solution, setSolution] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const hintId = useId();
  const mayInsert = can(role, "savedReplies.read");
  const textarea = useRef<HTMLTextAreaElement>(null);
  // Where the saved reply goes (the selection when the picker opened), and whether `#` opened it.
  const [picking, setPicking] = useState<{ start: number; end: number; byKey: boolean } | null>(null);
  if (!mayPublic && !mayInternal) return null;

  const openPicker = (byKey: boolean) => {
    const box = textarea.current;
    setPicking({ start: box?.selectionStart ?? body.length, end: box?.selectionEnd ?? body.length, byKey });
  };
  const putText = (text: string, at: { start: number; end: number }, ownLine: boolean) => {
    const next = ownLine
      ? insertAt(body, at.start, at.end, text)
      : { value: body.slice(0, at.start) + text + body.slice(at.end), caret: at.start + text.length };
    setBody(next.value);
    setPicking(null);
    requestAnimationFrame(() => {
      textarea.current?.focus();
      textarea.current?.setSelectionRange(next.caret, next.caret);
    });
  };
  const insertSaved = (reply: SavedReply) => {
    // An internal saved reply starts an internal note; the agent can still switch before sending.
    if (reply.internal && mayInternal) setInternal(true);
    putText(reply.body, picking ?? { start: body.length, end: body.length }, true);
  };
  const cancelPicker = (typed: string) => {
    if (!picking) return;
    // `#` typed a character the picker took: give it back, with what was typed after it.
    putText(picking.byKey ? `#${typed}` : "", picking, false);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    const box = event.currentTarget;
    if (
      mayInsert &&
      event.key === "#" &&
      !event.ctrlKey &&
      !event.metaKey &&
      !event.altKey &&
      opensPicker(box.value, box.selectionStart)
    ) {
      event.preventDefault();
      openPicker(true);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) {
      setFieldError("Write something first.");
      return;
    }
    setBusy(true);
    setError(null);
    setFieldError(null);
    try {
      await api("POST", "/orgs/{orgId}/issues/{id}/comments", {
        params: { path: { orgId, id: issueId } },
        body: { body: body.trim(), internal, solution: !internal && solution },
      });
      setBody("");
      setSolution(false);
    } catch (err) {
      const bodyProblem = err instanceof ApiProblem ? err.errors.find((e) => e.path === "body") : undefined;
      if (bodyProblem) setFieldError(bodyProblem.message);
      else setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className={`composer ${internal ? "internal" : "public"}`} onSubmit={submit} noValidate>
      <fieldset className="visibility-toggle">
        <legend className="visually-hidden">Who sees this reply</legend>
        {mayPublic && (
          <label className={!internal ? "chosen" : ""}>
            <input type="radio" name="visibility" checked={!internal} onChange={() => setInternal(false)} />
            Public reply
          </label>
        )}
        {mayInternal && (
          <label className={internal ? "chosen" : ""}>
            <input type="radio" name="visibility" checked={internal} onChange={() => setInternal(true)} />
            <LockIcon />
            Internal note
          </label>
        )}
      </fieldset>
      <p className="composer-hint" id={hintId}>
        {internal
          ? "Internal note: only your team sees this. Customers never do."
          : "Public reply: everyone on this issue sees it, the customer included."}
      </p>
      <label>
        <span className="visually-hidden">{internal ? "Internal note" : "Public reply"}</span>
        <textarea
          ref={textarea}
          rows={4}
          value={body}
          onKeyDown={onKeyDown}
          maxLength={COMMENT_MAX}
          onChange={(e) => setBody(e.target.value)}
          aria-describedby={hintId}
          aria-invalid={fieldError ? true : undefined}
          placeholder={internal ? "Note for the team…" : mayInsert ? "Reply… (# inserts a saved reply)" : "Reply…"}
        />
      </label>
      {mayInsert && <ReplyPicker orgId={orgId} open={picking !== null} onPick={insertSaved} onCancel={cancelPicker} />}
      {fieldError && <p className="field-error">{fieldError}</p>}
      {error !== null && <ErrorState error={error} compact />}
      <div className="composer-foot">
        {mayInsert && (
          <button type="button" className="link-button" onClick={() => openPicker(false)} aria-keyshortcuts="#">
            Insert saved reply
          </button>
        )}
        {mayMarkSolution && !internal && (
          <label className="inline">
            <input type="checkbox" checked={solution} onChange={(e) => setSolution(e.target.checked)} />
            Mark as the solution
          </label>
        )}
        <button type="submit" className={internal ? "internal-submit" : "primary"} disabled={busy}>
          {busy ? "Sending…" : internal ? "Add internal note" : "Send public reply"}
        </button>
      </div>
    </form>
  );
}
