/** The reply box and the saved-reply picker: `#` opens it, the search narrows, Enter inserts, internal replies switch the box. */
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { Composer } from "../src/detail/Thread";
import { renderInOrg } from "./render";

const api = vi.hoisted(() => vi.fn());
vi.mock("../src/api/client", () => ({ api }));
const subscriptions = vi.hoisted(() => ({ count: 0 }));
vi.mock("../src/replies/useSavedReplies", () => ({
  useSavedReplies: () => {
    subscriptions.count++;
    return {
      status: "ready",
      value: [
        { id: "r1", title: "Refund on its way", body: "We issued the refund.", internal: false },
        { id: "r2", title: "Escalated to billing", body: "Billing has the refund now.", internal: true },
      ],
    };
  },
}));

beforeEach(() => {
  api.mockReset();
  api.mockResolvedValue({ data: {}, etag: null, requestId: "r" });
  subscriptions.count = 0;
});

const box = () => screen.getByRole("textbox", { name: /Public reply|Internal note/ }) as HTMLTextAreaElement;

describe("saved replies in the reply box", () => {
  it("reads no saved replies until the picker is first opened", () => {
    renderInOrg(<Composer orgId="acme" issueId="i1" role="agent" owns={false} />);
    expect(subscriptions.count).toBe(0);
    expect(screen.queryByRole("dialog")).toBeNull();
  });

  it("# opens the picker; typing filters, Enter inserts where the caret was, and the text can be edited and sent", async () => {
    const user = userEvent.setup();
    renderInOrg(<Composer orgId="acme" issueId="i1" role="agent" owns={false} />);
    await user.type(box(), "Hi Ann,{enter}");
    await user.keyboard("#");
    const search = await screen.findByRole("combobox", { name: "Search saved replies" });
    await waitFor(() => expect(document.activeElement).toBe(search));
    expect(screen.getAllByRole("option").map((o) => o.textContent)).toEqual([
      expect.stringContaining("Escalated"),
      expect.stringContaining("Refund"),
    ]);
    await user.keyboard("refund way");
    expect(screen.getAllByRole("option")).toHaveLength(1);
    await user.keyboard("{Enter}");
    await waitFor(() => expect(screen.queryByRole("combobox")).toBeNull());
    expect(box().value).toBe("Hi Ann,\nWe issued the refund.");
    // A public saved reply leaves the reply public.
    expect((screen.getByRole("radio", { name: "Public reply" }) as HTMLInputElement).checked).toBe(true);
    await user.type(box(), " Sorry for the wait.");
    await user.click(screen.getByRole("button", { name: "Send public reply" }));
    expect(api).toHaveBeenCalledWith("POST", "/orgs/{orgId}/issues/{id}/comments", {
      params: { path: { orgId: "acme", id: "i1" } },
      body: { body: "Hi Ann,\nWe issued the refund. Sorry for the wait.", internal: false, solution: false },
    });
  });

  it("an internal saved reply turns the reply into an internal note", async () => {
    const user = userEvent.setup();
    renderInOrg(<Composer orgId="acme" issueId="i1" role="agent" owns={false} />);
    await user.click(screen.getByRole("button", { name: "Insert saved reply" }));
    const search = await screen.findByRole("combobox");
    await waitFor(() => expect(document.activeElement).toBe(search));
    await user.keyboard("{ArrowDown}{ArrowUp}{Enter}");
    expect((screen.getByRole("radio", { name: /Internal note/ }) as HTMLInputElement).checked).toBe(true);
    expect(box().value).toBe("Billing has the refund now.");
  });

  it("Escape gives back the # and what was typed, so '#42' still types; # inside a word types at once", async () => {
    const user = userEvent.setup();
    renderInOrg(<Composer orgId="acme" issueId="i1" role="agent" owns={false} />);
    await user.type(box(), "See ");
    await user.keyboard("#");
    const search = await screen.findByRole("combobox");
    await waitFor(() => expect(document.activeElement).toBe(search));
    await user.keyboard("42{Escape}");
    await waitFor(() => expect(screen.queryByRole("combobox")).toBeNull());
    expect(box().value).toBe("See #42");
    await waitFor(() => expect(document.activeElement).toBe(box()));
    await user.keyboard(" issue#");
    expect(screen.queryByRole("combobox")).toBeNull();
    expect(box().value).toBe("See #42 issue#");
  });

  it("offers nothing to a reporter, who may not read saved replies: # just types", async () => {
    const user = userEvent.setup();
    renderInOrg(<Composer orgId="acme" issueId="i1" role="reporter" owns={false} />, { role: "reporter" });
    expect(screen.queryByRole("button", { name: "Insert saved reply" })).toBeNull();
    await user.type(box(), "#");
    expect(box().value).toBe("#");
    expect(subscriptions.count).toBe(0);
  });
});
