/**
 * `slugs/{slug}` {orgId}: the one place that says which org a slug names. An org's intake
 * link and its inbound mail address are its slug, so a slug must lead to one org only and
 * nobody may take another org's (docs/email.md). Reserved and freed in the transaction that
 * creates or renames the org; read by document id, never by a query over orgs.
 */
import { randomBytes } from "node:crypto";
import type { Firestore, Transaction } from "firebase-admin/firestore";
import { DomainError, slugAlternatives } from "../domain";
import { slugRef } from "./refs";

/** The org a slug names, or null. */
export async function orgIdOfSlug(db: Firestore, slug: string): Promise<string | null> {
  const snapshot = await slugRef(db, slug).get();
  return snapshot.exists ? ((snapshot.get("orgId") as string | undefined) ?? null) : null;
}

/**
 * Reserves `slug` for `orgId` inside `tx` (all reads first: call before any write of the
 * transaction). Taken by another org → DomainError("slug_taken") with a free alternative.
 * Returns the write to run once the transaction's reads are done.
 */
export async function reserveSlug(db: Firestore, tx: Transaction, slug: string, orgId: string): Promise<() => void> {
  const ref = slugRef(db, slug);
  const current = await tx.get(ref);
  const owner = current.exists ? (current.get("orgId") as string | undefined) : undefined;
  if (owner !== undefined && owner !== orgId) {
    const alternatives = slugAlternatives(slug);
    const taken = await tx.getAll(...alternatives.map((s) => slugRef(db, s)));
    const free = alternatives.find((_, i) => !taken[i]!.exists);
    throw new DomainError("slug_taken", free ? { suggestion: free } : {});
  }
  return () => {
    tx.set(ref, { orgId });
  };
}

/**
 * For a slug the caller did not choose (derived from the org's name): the name's slug if it
 * is free, else its first free alternative, else one with a random tail. Only a slug the caller
 * asked for is refused with 409.
 */
export async function reserveDerivedSlug(
  db: Firestore,
  tx: Transaction,
  base: string,
  orgId: string,
): Promise<{ slug: string; claim: () => void }> {
  const candidates = [base, ...slugAlternatives(base)];
  const docs = await tx.getAll(...candidates.map((s) => slugRef(db, s)));
  const free =
    candidates.find((_, i) => !docs[i]!.exists) ??
    `${base.slice(0, 43).replace(/-+$/g, "")}-${randomBytes(3).toString("hex")}`;
  return { slug: free, claim: () => void tx.set(slugRef(db, free), { orgId }) };
}

/** Frees a slug in `tx`, only if it is still this org's (a read made earlier in the transaction says so). */
export function releaseSlug(db: Firestore, tx: Transaction, slug: string): void {
  tx.delete(slugRef(db, slug));
}
