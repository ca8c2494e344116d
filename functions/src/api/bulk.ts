/**
 * Bulk work: one command per id, a few at a time. Whatever one id meets (a
 * refusal, a vanished issue, a fault of ours) becomes that id's own result; it
 * never stops the other ids or the answer.
 */
import { internalProblem, knownProblem, logFault, problemBody } from "./errors";

export type ItemResult<T> =
  | { id: string; status: 200; value: T }
  | { id: string; status: number; problem: Record<string, unknown> };

export async function forEachId<T>(
  ids: readonly string[],
  concurrency: number,
  apply: (id: string) => Promise<T>,
  /** Joins the log line of an unexpected failure (request id, org). */
  logContext: Record<string, unknown> = {},
): Promise<ItemResult<T>[]> {
  const results = new Array<ItemResult<T>>(ids.length);
  let next = 0;
  const worker = async () => {
    while (next < ids.length) {
      const index = next++;
      const id = ids[index]!;
      try {
        results[index] = { id, status: 200, value: await apply(id) };
      } catch (err) {
        let problem = knownProblem(err);
        if (!problem) {
          logFault("api.bulk_item_failed", { ...logContext, index }, err);
          problem = internalProblem();
        }
        results[index] = { id, status: problem.status, problem: problemBody(problem) };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, ids.length) }, worker));
  return results;
}
