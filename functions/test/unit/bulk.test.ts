import { logger } from "firebase-functions/logger";
import { describe, expect, it, vi } from "vitest";
import { forEachId } from "../../src/api/bulk";
import { notFound } from "../../src/api/errors";
import { DomainError } from "../../src/domain";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("forEachId", () => {
  it("gives every id its own result, in order, whatever the others meet", async () => {
    const logged = vi.spyOn(logger, "error").mockImplementation(() => undefined);
    const ids = ["ok1", "refused", "gone", "broken", "ok2", "rejected-with-a-string"];
    const results = await forEachId(ids, 3, async (id) => {
      await sleep(Math.random() * 5);
      if (id === "refused") throw notFound("The issue");
      if (id === "gone") throw new DomainError("issue_not_found");
      if (id === "broken") throw new Error("Firestore fell over");
      if (id === "rejected-with-a-string") throw "not even an Error";
      return `done ${id}`;
    });
    expect(results.map((result) => [result.id, result.status])).toEqual([
      ["ok1", 200],
      ["refused", 404],
      ["gone", 404],
      ["broken", 500],
      ["ok2", 200],
      ["rejected-with-a-string", 500],
    ]);
    expect(results[0]).toEqual({ id: "ok1", status: 200, value: "done ok1" });
    expect(results[1]).toMatchObject({
      problem: { status: 404, title: "Not found", detail: "The issue was not found." },
    });
    expect(JSON.stringify(results[3])).not.toContain("fell over");
    // Our faults are logged, each once, with where they happened.
    expect(logged.mock.calls.map(([event, data]) => [event, (data as { index: number }).index]).sort()).toEqual([
      ["api.bulk_item_failed", 3],
      ["api.bulk_item_failed", 5],
    ]);
    logged.mockRestore();
  });

  it("keeps at most `concurrency` commands running at once", async () => {
    let running = 0;
    let peak = 0;
    await forEachId(
      Array.from({ length: 30 }, (_, i) => `id${i}`),
      4,
      async () => {
        running++;
        peak = Math.max(peak, running);
        await sleep(2);
        running--;
      },
    );
    expect(peak).toBe(4);
  });
});
