/**
 * users/{uid} as the server keeps it. The address and whether Auth verified it come
 * from the caller's token, never from the client (the rules refuse both), because mail
 * goes only to verified addresses (store/notifications.ts).
 */
import type { Firestore } from "firebase-admin/firestore";
import { userRef } from "./refs";

export interface TokenIdentity {
  uid: string;
  email: string | null;
  emailVerified: boolean;
}

export function profileFromToken(person: Omit<TokenIdentity, "uid">): { email: string | null; emailVerified: boolean } {
  return { email: person.email, emailVerified: person.email !== null && person.emailVerified };
}

/** Records what the token says about the address, writing only when it changed (one read otherwise). */
export async function syncProfileFromToken(db: Firestore, person: TokenIdentity): Promise<void> {
  const ref = userRef(db, person.uid);
  const stored = await ref.get();
  const profile = profileFromToken(person);
  if (stored.get("email") === profile.email && stored.get("emailVerified") === profile.emailVerified) return;
  await ref.set(profile, { merge: true });
}
