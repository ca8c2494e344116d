/**
 * The conversation, for either audience. The team sees every comment, and internal notes look different wherever
 * they appear (colour, border, padlock and the word); a customer sees the public ones only, their own words as
 * "You" and the team's answers marked as such.
 */
import { InternalBadge } from "../ui/badges";
import { RelativeTime } from "../ui/RelativeTime";
import { Empty, ErrorState, Loading } from "../ui/states";
import type { Live } from "../shared/live";
import type { Comment } from "./thread";

export type CommentAudience = { kind: "team" } | { kind: "customer"; uid: string };

export function CommentList({ comments, audience }: { comments: Live<Comment[]>; audience: CommentAudience }) {
  if (comments.status === "loading") return <Loading what="the conversation" />;
  if (comments.status === "error") return <ErrorState error={comments.error} compact />;
  if (comments.value.length === 0) {
    return (
      <Empty
        title={audience.kind === "team" ? "No replies yet." : "No replies yet. The support team will answer here."}
      />
    );
  }
  const team = audience.kind === "team";
  return (
    <ol className={team ? "thread" : "thread portal-thread"}>
      {comments.value.map((c) => {
        const mine = !team && c.author.uid === audience.uid;
        const kind = team ? (c.internal ? "internal" : "public") : mine ? "mine" : "theirs";
        return (
          <li key={c.id} className={`comment ${kind} ${c.solution ? "solution" : ""}`}>
            <div className="comment-head">
              <strong>{mine ? "You" : c.author.name}</strong>
              {team && c.author.kind === "customer" && <span className="badge">Customer</span>}
              {team && (c.internal ? <InternalBadge /> : <span className="badge public-badge">Public</span>)}
              {!team && !mine && c.author.kind !== "customer" && <span className="badge team-badge">Support team</span>}
              {c.solution && <span className="badge solution-badge">✓ Solution</span>}
              <RelativeTime value={c.createdAt} />
            </div>
            <p className="comment-body">{c.body}</p>
          </li>
        );
      })}
    </ol>
  );
}
