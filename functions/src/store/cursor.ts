/**
 * Opaque list cursors: the sort values of the last row plus its id, so a page
 * resumes exactly after it no matter what was inserted meanwhile.
 */
import { Timestamp } from "firebase-admin/firestore";
import { z } from "zod";

type CursorValue = string | number | boolean | null | Timestamp;

const encodedValue = z.union([
  z.string().max(300),
  z.number(),
  z.boolean(),
  z.null(),
  z.strictObject({ ts: z.tuple([z.number().int(), z.number().int().min(0).max(999_999_999)]) }),
]);
const cursorSchema = z.strictObject({ v: z.array(encodedValue).max(4), id: z.string().min(1).max(200) });

export function encodeCursor(values: CursorValue[], id: string): string {
  const v = values.map((value) => (value instanceof Timestamp ? { ts: [value.seconds, value.nanoseconds] } : value));
  return Buffer.from(JSON.stringify({ v, id })).toString("base64url");
}

/** Returns null for anything that is not a cursor we wrote, so the caller can answer 400. */
export function decodeCursor(cursor: string, expectedValues: number): { values: CursorValue[]; id: string } | null {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const parsed = cursorSchema.safeParse(json);
  if (!parsed.success || parsed.data.v.length !== expectedValues) return null;
  const values = parsed.data.v.map((value) =>
    value !== null && typeof value === "object" ? new Timestamp(value.ts[0], value.ts[1]) : value,
  );
  return { values, id: parsed.data.id };
}
