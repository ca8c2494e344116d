import type { z } from "zod";
import { validationError } from "./errors";

/** Parse, don't validate: hand back the typed value or throw a 422 with field errors. */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown, where: "body" | "query" | "params" = "body"): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw validationError(result.error, where);
  return result.data;
}
