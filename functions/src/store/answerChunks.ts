/**
 * How a kept API answer fits Firestore: JSON, gzip-compressed, cut into pieces
 * below the 1 MiB document limit. Compression alone would not do (a bulk
 * answer of 500 issues with long descriptions runs to megabytes), and a
 * reference (re-reading the issues on replay) would replay today's state
 * instead of the answer the caller missed. gzip comes with Node and shrinks
 * JSON several times over, so most answers stay one piece and one read.
 */
import { gunzipSync, gzipSync } from "node:zlib";

/** Below the 1 MiB document limit, with room for the field name and the document name. */
export const ANSWER_CHUNK_BYTES = 900 * 1024;
/** One commit carries at most 10 MiB; the answer and its record are written in one. */
export const MAX_STORED_ANSWER_BYTES = 8 * 1024 * 1024;

export function encodeAnswer(body: unknown): Buffer[] {
  // JSON as the wire sends it: `undefined` dropped, an absent body as null.
  const packed = gzipSync(Buffer.from(JSON.stringify(body ?? null), "utf8"));
  const chunks: Buffer[] = [];
  for (let start = 0; start < packed.length; start += ANSWER_CHUNK_BYTES)
    chunks.push(packed.subarray(start, start + ANSWER_CHUNK_BYTES));
  return chunks;
}

export function decodeAnswer(chunks: readonly Uint8Array[]): unknown {
  return JSON.parse(gunzipSync(Buffer.concat(chunks)).toString("utf8"));
}
