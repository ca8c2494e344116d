import { describe, expect, it } from "vitest";
import { mayReplace, reconcile } from "../src/list/stableRows";

const live = (...ids: string[]) => ids.map((id) => ({ id, item: { id, title: `t-${id}` } }));
const known = (...ids: string[]) => new Map(ids.map((id) => [id, { id, title: `old-${id}` }]));

describe("a live list that does not jump", () => {
  it("keeps the screen's order while the live order changes, and says the order moved", () => {
    const view = reconcile(["a", "b", "c"], live("c", "a", "b"), known("a", "b", "c"));
    expect(view.rows.map((r) => r.id)).toEqual(["a", "b", "c"]);
    expect(view.moved).toBe(true);
    expect(view.incoming).toBe(0);
  });

  it("updates the content of rows on screen in place", () => {
    const view = reconcile(["a", "b"], live("a", "b"), known("a", "b"));
    expect(view.rows.map((r) => r.item.title)).toEqual(["t-a", "t-b"]);
    expect(view.moved).toBe(false);
  });

  it("keeps a row that left the view, marked, with its last known content", () => {
    const view = reconcile(["a", "b"], live("a"), known("a", "b"));
    expect(view.rows).toEqual([
      { id: "a", item: { id: "a", title: "t-a" }, gone: false },
      { id: "b", item: { id: "b", title: "old-b" }, gone: true },
    ]);
  });

  it("counts newcomers instead of inserting them", () => {
    const view = reconcile(["a", "b"], live("x", "a", "b", "y"), known("a", "b"));
    expect(view.rows.map((r) => r.id)).toEqual(["a", "b"]);
    expect(view.incoming).toBe(2);
    expect(view.moved).toBe(false);
  });

  it("lets the first answers replace the screen, then never again", () => {
    expect(mayReplace(null, false)).toBe(true);
    expect(mayReplace([], true)).toBe(true);
    expect(mayReplace(["a"], false)).toBe(true);
    expect(mayReplace(["a"], true)).toBe(false);
  });
});
