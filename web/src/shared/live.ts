/**
 * The web's live reads (docs/web.md): one hook for a document and one for a query. Each parses what arrives, so a
 * document that does not have the shape the page expects is an error on screen, not a crash three components
 * down, and a listener the rules refuse is an error too — neither is ever swallowed.
 */
import {
  collection,
  onSnapshot,
  orderBy,
  query,
  queryEqual,
  refEqual,
  Timestamp,
  type DocumentReference,
  type DocumentSnapshot,
  type Query,
  type QueryDocumentSnapshot,
} from "firebase/firestore";
import { useEffect, useRef, useState } from "react";
import { z } from "zod";
import { db } from "../firestore";

export type Live<T> = { status: "loading" } | { status: "error"; error: unknown } | { status: "ready"; value: T };

/** A document that did not have the shape its page reads: shown like any other error, with where it came from. */
export class UnreadableDocument extends Error {
  readonly title = "Unreadable data";
  readonly detail: string;
  constructor(
    readonly path: string,
    readonly cause: unknown,
  ) {
    super(`${path} could not be read`);
    this.detail = `The document ${path} does not have the expected shape. Reload; if it persists, report it.`;
  }
}

/** A document's data through a domain schema; an UnreadableDocument when it does not fit. */
export function parseDocument<S extends z.ZodType>(snapshot: DocumentSnapshot, schema: S): z.output<S> {
  const result = schema.safeParse(snapshot.data());
  if (!result.success) throw new UnreadableDocument(snapshot.ref.path, result.error);
  return result.data;
}

/**
 * An object schema that reads a missing key as null wherever null is allowed: documents written before a field
 * existed (an issue before `channel`, say) still read, and a field of the wrong type is still an error.
 */
export function tolerantObject<S extends Record<string, z.ZodType>>(shape: S) {
  const fields = Object.fromEntries(
    Object.entries(shape).map(([key, schema]) => [
      key,
      schema.safeParse(null).success ? z.preprocess((value) => value ?? null, schema) : schema,
    ]),
  );
  return z.object(fields) as unknown as z.ZodObject<S>;
}

/** Firestore's own timestamps, as the web SDK delivers them. */
export const timestampSchema = z.custom<Timestamp>((value) => value instanceof Timestamp, "a Firestore timestamp");

function parsed<T>(path: string, parse: () => T): { ok: true; value: T } | { ok: false; error: UnreadableDocument } {
  try {
    return { ok: true, value: parse() };
  } catch (cause) {
    return { ok: false, error: cause instanceof UnreadableDocument ? cause : new UnreadableDocument(path, cause) };
  }
}

/** The same reference or query from one render to the next while it names the same thing, so the listener stays. */
function useStable<R>(value: R | null, equal: (a: R, b: R) => boolean): R | null {
  const kept = useRef(value);
  const same = value === null || kept.current === null ? value === kept.current : equal(kept.current, value);
  if (!same) kept.current = value;
  return kept.current;
}

/** A live document, parsed; `null` while `ref` is null (nothing to read yet), `value: null` when it does not exist. */
export function useLiveDocument<T>(
  ref: DocumentReference | null,
  parse: (snapshot: DocumentSnapshot) => T,
): Live<T | null> {
  const stable = useStable(ref, refEqual);
  const parseRef = useRef(parse);
  parseRef.current = parse;
  const [state, setState] = useState<Live<T | null>>({ status: "loading" });
  useEffect(() => {
    setState({ status: "loading" });
    if (!stable) return;
    return onSnapshot(
      stable,
      (snapshot) => {
        if (!snapshot.exists()) return setState({ status: "ready", value: null });
        const result = parsed(stable.path, () => parseRef.current(snapshot));
        setState(result.ok ? { status: "ready", value: result.value } : { status: "error", error: result.error });
      },
      (error) => setState({ status: "error", error }),
    );
  }, [stable]);
  return state;
}

/** A live list of one collection in `field` order, each document mapped (the settings lists, the thread). */
export function useLiveCollection<T>(
  path: string[],
  field: string,
  map: (data: Record<string, unknown>, id: string) => T,
): Live<T[]> {
  const [first, ...rest] = path;
  return useLiveQuery(query(collection(db, first!, ...rest), orderBy(field, "asc")), (d) => map(d.data(), d.id));
}

/** A live query's documents, each parsed, in the query's order; loading while `query` is null. */
export function useLiveQuery<T>(query: Query | null, parse: (snapshot: QueryDocumentSnapshot) => T): Live<T[]> {
  const stable = useStable(query, queryEqual);
  const parseRef = useRef(parse);
  parseRef.current = parse;
  const [state, setState] = useState<Live<T[]>>({ status: "loading" });
  useEffect(() => {
    setState({ status: "loading" });
    if (!stable) return;
    return onSnapshot(
      stable,
      (snapshot) => {
        const values: T[] = [];
        for (const doc of snapshot.docs) {
          const result = parsed(doc.ref.path, () => parseRef.current(doc));
          if (!result.ok) return setState({ status: "error", error: result.error });
          values.push(result.value);
        }
        setState({ status: "ready", value: values });
      },
      (error) => setState({ status: "error", error }),
    );
  }, [stable]);
  return state;
}
