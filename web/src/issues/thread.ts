/** An issue's thread as the web reads it: comments and activities (the portal sees the public ones only). */
import type { Actor } from "@firetrack/domain";
import type { Timestamp } from "firebase/firestore";

export interface Comment {
  id: string;
  body: string;
  author: Actor;
  internal: boolean;
  solution: boolean;
  createdAt: Timestamp | null;
}

export interface Activity {
  id: string;
  type: string;
  actor: Actor;
  changes: Record<string, { from: unknown; to: unknown }>;
  internal: boolean;
  at: Timestamp | null;
}
