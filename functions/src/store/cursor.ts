/**
 * Opaque list cursors: the sort values of the last row plus its id, so a page
 * resumes exactly after it no matter what was inserted meanwhile. A cursor also
 * carries a hash of the query it was made for (list, filters, sort), so reusing
 * it with another query is refused instead of resuming at a meaningless place.
 * Everything in it is checked as any input is: it goes into a Firestore query.
 */
import { createHash } from "node:crypto";
import { Timestamp } from "firebase-admin/firestore";
import { z } from "zod";
import { docIdSchema, DomainError, wellFormedString } from "../domain";

type CursorValue = string | number | boolean | null | Timestamp;

/** Firestore timestamps run from 0001-01-01 to 9999-12-31. */
const MIN_SECONDS = -62_135_596_800;
const MAX_SECONDS = 253_402_300_799;

const encodedValue = z.union([
  wellFormedString().max(300),
  z.number(),
  z.boolean(),
  z.null(),
  z.strictObject({
    ts: z.tuple([z.number().int().min(MIN_SECONDS).max(MAX_SECONDS), z.number().int().min(0).max(999_999_999)]),
  }),
]);
const cursorSchema = z.strictObject({ q: z.string().max(64), v: z.array(encodedValue).max(4), id: docIdSchema });

/** Order-independent JSON: the same query always hashes alike, whatever order its keys were built in. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}

/** The hash a cursor carries: of the list it pages and the filters and sort it was made with (not the page size). */
export function cursorQueryKey(query: Record<string, unknown>): string {
  return createHash("sha256")
    .update(JSON.stringify(canonical(query)))
    .digest("base64url")
    .slice(0, 22);
}

export function encodeCursor(queryKey: string, values: CursorValue[], id: string): string {
  const v = values.map((value) => (value instanceof Timestamp ? { ts: [value.seconds, value.nanoseconds] } : value));
  return Buffer.from(JSON.stringify({ q: queryKey, v, id })).toString("base64url");
}

/** Throws `cursor_invalid` for anything that is not a cursor we wrote, `cursor_other_query` for one made for another query. */
export function decodeCursor(
  cursor: string,
  queryKey: string,
  expectedValues: number,
): { values: CursorValue[]; id: string } {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw new DomainError("cursor_invalid");
  }
  const parsed = cursorSchema.safeParse(json);
  if (!parsed.success) throw new DomainError("cursor_invalid");
  if (parsed.data.q !== queryKey) throw new DomainError("cursor_other_query");
  if (parsed.data.v.length !== expectedValues) throw new DomainError("cursor_invalid");
  const values = parsed.data.v.map((value) =>
    value !== null && typeof value === "object" ? new Timestamp(value.ts[0], value.ts[1]) : value,
  );
  return { values, id: parsed.data.id };
}
