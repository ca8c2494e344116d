import { describe, expect, it } from "vitest";
import { apiQuery, readView, writeView } from "../src/list/listView";

describe("the list's view in the URL", () => {
  it("reads filters with the API's schema and resolves assignee=me to the viewer's uid", () => {
    const view = readView(new URLSearchParams("status=open,answered&assignee=me&tag=VIP&q=%20invoice%20"), "u-7");
    expect(view.filter).toMatchObject({
      status: ["open", "answered"],
      assignee: "u-7",
      tag: "vip",
      q: "invoice",
      sort: "-number",
    });
    expect(view.params.assignee).toBe("me");
    expect(view.ignored).toEqual([]);
  });

  it("ignores parameters the schema refuses and keeps the rest", () => {
    const view = readView(new URLSearchParams("priority=whenever&status=open&sort=sideways"), "u");
    expect(view.ignored.sort()).toEqual(["priority", "sort"]);
    expect(view.filter).toMatchObject({ status: ["open"], sort: "-number" });
    expect(view.filter.priority).toBeUndefined();
  });

  it("writes only what differs from the defaults, in a stable order, with the page cursor", () => {
    expect(writeView({ tag: "vip", status: "open", sort: "-number" }, "doc9").toString()).toBe(
      "status=open&tag=vip&after=doc9",
    );
    expect(writeView({ sort: "priority" }).toString()).toBe("sort=priority");
  });

  it("gives the export the same filter, `me` resolved", () => {
    const view = readView(new URLSearchParams("assignee=me&status=open,closed"), "u-1");
    expect(new URLSearchParams(apiQuery(view.filter)).toString()).toBe(
      "status=open%2Cclosed&assignee=u-1&sort=-number",
    );
  });
});
