import { CommentList } from "../src/issues/CommentList";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { ApiProblem } from "../src/api/problem";
import CreateIssuePage from "../src/create/CreateIssuePage";
import { permittedTargets, StatusActions } from "../src/detail/StatusActions";
import { Composer, Thread } from "../src/detail/Thread";
import type { Issue } from "../src/issues/issue";
import { RelativeTime } from "../src/ui/RelativeTime";
import { renderInOrg } from "./render";

const api = vi.hoisted(() => vi.fn());
vi.mock("../src/api/client", () => ({ api }));

const issue = (fields: Partial<Issue> = {}) =>
  ({
    id: "i1",
    number: "ISS-2026-0007",
    title: "Printer",
    status: "open",
    reporter: { uid: "u-someone", name: "Someone", kind: "member" },
    version: 3,
    ...fields,
  }) as Issue;

beforeEach(() => {
  api.mockClear();
  api.mockImplementation(async () => ({ data: {}, etag: null, requestId: "r" }));
});

describe("status actions come from the shared machine and permission table", () => {
  it("offer an agent every move the machine allows from open, resolving included", () => {
    expect(permittedTargets("agent", issue(), "u-agent")).toEqual([
      "answered",
      "in_progress",
      "on_hold",
      "closed",
      "resolved",
    ]);
  });

  it("offer a customer only the reopen of their own resolved issue", () => {
    expect(
      permittedTargets(
        "customer",
        issue({ status: "resolved", reporter: { uid: "c1", name: "C", kind: "customer" } }),
        "c1",
      ),
    ).toEqual(["open"]);
    expect(permittedTargets("customer", issue({ status: "resolved" }), "c1")).toEqual([]);
  });

  it("render no button at all for a viewer or a reporter", () => {
    for (const role of ["viewer", "reporter"] as const) {
      const { container, unmount } = renderInOrg(<StatusActions orgId="acme" issue={issue()} role={role} uid="u" />, {
        role,
      });
      expect(container.querySelectorAll("button")).toHaveLength(0);
      unmount();
    }
  });

  it("resolve through the dialog, which requires the public notes", async () => {
    api.mockResolvedValue({ data: {}, etag: null, requestId: "r" });
    renderInOrg(<StatusActions orgId="acme" issue={issue()} role="agent" uid="u-agent" />);
    await userEvent.click(screen.getByRole("button", { name: "Resolve…" }));
    const dialog = screen.getByRole("dialog");
    expect(within(dialog).getByText("These notes are public.")).toBeTruthy();
    await userEvent.click(within(dialog).getByRole("button", { name: "Resolve with these public notes" }));
    expect(within(dialog).getByText(/they are required/)).toBeTruthy();
    expect(api).not.toHaveBeenCalled();
    await userEvent.type(within(dialog).getByLabelText(/Resolution notes/), "Replaced the part.");
    await userEvent.click(within(dialog).getByRole("button", { name: "Resolve with these public notes" }));
    expect(api).toHaveBeenCalledWith("POST", "/orgs/{orgId}/issues/{id}/resolve", {
      params: { path: { orgId: "acme", id: "i1" } },
      body: { notes: "Replaced the part." },
    });
  });

  it("show a refused move's problem with its requestId", async () => {
    api.mockImplementation(async () => {
      throw new ApiProblem({
        status: 409,
        title: "Conflict",
        detail: "An issue cannot move from closed to on_hold.",
        requestId: "req-123",
      });
    });
    renderInOrg(<StatusActions orgId="acme" issue={issue()} role="agent" uid="u-agent" />);
    await userEvent.click(screen.getByRole("button", { name: "Put on hold" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("An issue cannot move");
    expect(alert.textContent).toContain("req-123");
  });
});

describe("the thread", () => {
  it("marks internal notes in words, not colour alone", () => {
    const at = null;
    const { container } = renderInOrg(
      <Thread
        comments={{
          status: "ready",
          value: [
            {
              id: "c1",
              body: "Hello",
              author: { uid: "a", name: "Sam", kind: "member" },
              internal: false,
              solution: true,
              createdAt: at,
            },
            {
              id: "c2",
              body: "Team only",
              author: { uid: "a", name: "Sam", kind: "member" },
              internal: true,
              solution: false,
              createdAt: at,
            },
          ],
        }}
      />,
    );
    const [pub, internal] = [...container.querySelectorAll("li.comment")];
    expect(pub!.className).toContain("public");
    expect(pub!.textContent).toContain("Solution");
    expect(internal!.className).toContain("internal");
    expect(internal!.textContent).toContain("Internal");
  });

  it("shows a customer their own words as theirs and the team's as the team's, with no team badges", () => {
    const { container } = renderInOrg(
      <CommentList
        audience={{ kind: "customer", uid: "cust" }}
        comments={{
          status: "ready",
          value: [
            {
              id: "c1",
              body: "Where is it?",
              author: { uid: "cust", name: "Cora", kind: "customer" },
              internal: false,
              solution: false,
              createdAt: null,
            },
            {
              id: "c2",
              body: "On its way",
              author: { uid: "a", name: "Sam", kind: "member" },
              internal: false,
              solution: true,
              createdAt: null,
            },
          ],
        }}
      />,
    );
    const [mine, theirs] = [...container.querySelectorAll("li.comment")];
    expect(mine!.className).toContain("mine");
    expect(mine!.querySelector("strong")!.textContent).toBe("You");
    expect(theirs!.className).toContain("theirs");
    expect(theirs!.textContent).toContain("Support team");
    expect(container.textContent).not.toMatch(/Internal|Public/);
  });

  it("switches the whole composer to internal, and sends internal: true", async () => {
    api.mockResolvedValue({ data: {}, etag: null, requestId: "r" });
    const { container } = renderInOrg(<Composer orgId="acme" issueId="i1" role="agent" owns={false} />);
    await userEvent.click(screen.getByLabelText(/Internal note/));
    expect(container.querySelector("form")!.className).toContain("internal");
    expect(screen.getByText(/only your team sees this/)).toBeTruthy();
    expect(screen.queryByLabelText("Mark as the solution")).toBeNull();
    await userEvent.type(screen.getByRole("textbox"), "Parts ordered");
    await userEvent.click(screen.getByRole("button", { name: "Add internal note" }));
    expect(api).toHaveBeenCalledWith("POST", "/orgs/{orgId}/issues/{id}/comments", {
      params: { path: { orgId: "acme", id: "i1" } },
      body: { body: "Parts ordered", internal: true, solution: false },
    });
  });

  it("is not there for a viewer", () => {
    const { container } = renderInOrg(<Composer orgId="acme" issueId="i1" role="viewer" owns={false} />, {
      role: "viewer",
    });
    expect(container.innerHTML).toBe("");
  });
});

describe("the create form", () => {
  it("shows the schema's errors inline before sending anything", async () => {
    renderInOrg(<CreateIssuePage />);
    await userEvent.click(screen.getByRole("button", { name: "Create issue" }));
    expect(await screen.findByText("Required.")).toBeTruthy();
    expect(screen.getByLabelText(/^Title/).getAttribute("aria-invalid")).toBe("true");
    expect(api).not.toHaveBeenCalled();
  });

  it("maps a server problem+json onto the fields it names and shows the requestId", async () => {
    api.mockImplementation(async () => {
      throw new ApiProblem({
        status: 422,
        title: "Validation failed",
        detail: "The request body is not valid.",
        requestId: "req-422",
        errors: [
          { path: "vendor.name", code: "too_big", message: "Too big: expected string to have <=200 characters" },
        ],
      });
    });
    renderInOrg(<CreateIssuePage />);
    await userEvent.type(screen.getByLabelText(/^Title/), "Scanner offline");
    await userEvent.type(screen.getByLabelText("Vendor id"), "v1");
    await userEvent.type(screen.getByLabelText("Vendor name"), "Acme Parts");
    await userEvent.click(screen.getByRole("button", { name: "Create issue" }));
    await waitFor(() =>
      expect(screen.getByRole("textbox", { name: "Vendor name" }).getAttribute("aria-invalid")).toBe("true"),
    );
    expect(screen.getByText("Too big: expected string to have <=200 characters").id).toBe("error-vendorName");
    expect(screen.getByRole("alert").textContent).toContain("req-422");
    expect(api).toHaveBeenCalledWith("POST", "/orgs/{orgId}/issues", {
      params: { path: { orgId: "acme" } },
      body: expect.objectContaining({ title: "Scanner offline", vendor: { id: "v1", name: "Acme Parts" } }),
    });
  });

  it("is refused to a viewer", () => {
    renderInOrg(<CreateIssuePage />, { role: "viewer" });
    expect(screen.getByRole("alert").textContent).toContain("You cannot create issues");
    expect(screen.queryByRole("button", { name: "Create issue" })).toBeNull();
  });
});

describe("relative times", () => {
  it("say how long ago, with the exact time on hover", () => {
    const date = new Date(Date.now() - 3 * 3600_000);
    const { container } = renderInOrg(<RelativeTime value={date} />);
    const time = container.querySelector("time")!;
    expect(time.textContent).toBe("3 hours ago");
    expect(time.getAttribute("dateTime")).toBe(date.toISOString());
    expect(time.getAttribute("title")).toMatch(/\d{2}:\d{2}:\d{2} \(UTC[+-]\d/);
  });
});
