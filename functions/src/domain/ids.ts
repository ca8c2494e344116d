/**
 * What Firestore accepts, checked before a value gets anywhere near it. A
 * string it refuses (a lone surrogate is not UTF-8; `a/b` names another path;
 * `__x__` is reserved) is bad input, a 4xx, never a failed write.
 */
import { z } from "zod";

/** A UTF-16 surrogate with no partner: a valid JavaScript string, but not Unicode, so not UTF-8. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const isWellFormed = (text: string): boolean => !LONE_SURROGATE.test(text);

/** For text we did not parse ourselves (a name in a token): keep it, with U+FFFD where a surrogate stood alone. */
export const toWellFormed = (text: string): string =>
  isWellFormed(text) ? text : text.replace(new RegExp(LONE_SURROGATE.source, "g"), "\uFFFD");

/**
 * The one string type of the input schemas: every string that is stored, used
 * in a query or echoed back starts here.
 */
export const wellFormedString = () =>
  z.string().refine(isWellFormed, { message: "must be valid Unicode text (no lone surrogates)" });

const utf8Length = (text: string) => new TextEncoder().encode(text).length;

/** Firestore's rules for a document id: 1–1,500 bytes, no `/`, not `.` or `..`, not `__…__`. */
export const isDocId = (id: string): boolean =>
  id.length > 0 &&
  id.length <= 1500 &&
  isWellFormed(id) &&
  utf8Length(id) <= 1500 &&
  !id.includes("/") &&
  id !== "." &&
  id !== ".." &&
  !/^__[\s\S]*__$/.test(id);

/** A document id, wherever one arrives: a path, a body, a cursor, a query parameter. */
export const docIdSchema = z
  .string()
  .refine(isDocId, { message: "must be a document id: 1–1,500 bytes, no '/', not '.', '..' or '__…__'" })
  .describe("A Firestore document id");

/** A document id made of parts (an event id, a kind, an issue id): the same parts always give the same id, so a write named by it happens once. */
export const docIdFor = (...parts: string[]) => parts.join("_").replace(/[/]/g, "-").slice(0, 1400);
