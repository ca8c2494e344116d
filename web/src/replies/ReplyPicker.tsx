/**
 * The composer's side of saved replies: the picker with its live list, mounted the first
 * time it opens (no listener for people who never use it).
 */
import { useState } from "react";
import { SavedReplyPicker } from "./SavedReplyPicker";
import type { SavedReply } from "./savedReplies";
import { useSavedReplies } from "./useSavedReplies";

function LivePicker({
  orgId,
  open,
  onPick,
  onCancel,
}: {
  orgId: string;
  open: boolean;
  onPick: (reply: SavedReply) => void;
  onCancel: (typed: string) => void;
}) {
  const replies = useSavedReplies(orgId);
  return <SavedReplyPicker open={open} replies={replies} onPick={onPick} onCancel={onCancel} />;
}

export function ReplyPicker(props: {
  orgId: string;
  open: boolean;
  onPick: (reply: SavedReply) => void;
  onCancel: (typed: string) => void;
}) {
  const [used, setUsed] = useState(false);
  if (props.open && !used) setUsed(true);
  return used ? <LivePicker {...props} /> : null;
}
