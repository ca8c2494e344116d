import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { ApiProblem } from "../src/api/problem";
import { LinearCard } from "../src/detail/LinearCard";
import type { Issue } from "../src/issues/issue";
import { renderInOrg } from "./render";

const api = vi.hoisted(() => vi.fn());
vi.mock("../src/api/client", () => ({ api }));

// The org's settings document as the admin's listener would see it; which path was asked for is recorded.
const settings = vi.hoisted(() => ({
  linear: { enabled: false, teamId: "team-1" } as Record<string, unknown>,
  paths: [] as string[],
}));
vi.mock("firebase/firestore", () => ({
  doc: (_db: unknown, ...path: string[]) => path.join("/"),
  onSnapshot: (path: string, next: (snapshot: { get(field: string): unknown }) => void) => {
    settings.paths.push(path);
    next({
      get: (field: string) =>
        field.startsWith("linear.") ? settings.linear[field.slice("linear.".length)] : undefined,
    });
    return () => undefined;
  },
}));

const link = (fields: Partial<NonNullable<Issue["linear"]>> = {}) =>
  ({
    id: "3b1c8d5e-0f7a-4c2b-9d1e-5a6f7b8c9d0e",
    identifier: "ENG-7",
    url: "https://linear.app/acme/issue/ENG-7",
    state: "started",
    stateId: "s-started",
    stateName: "In Progress",
    syncedAt: null,
    syncedVersion: 2,
    remoteUpdatedAt: null,
    remoteFieldAt: null,
    syncedFields: null,
    error: null,
    ...fields,
  }) as NonNullable<Issue["linear"]>;

const issue = (linear: Issue["linear"]) =>
  ({ id: "i1", title: "Printer", status: "open", version: 3, linear }) as Issue;

beforeEach(() => {
  api.mockReset();
  api.mockResolvedValue({ data: { queued: true, issueId: "i1" }, etag: null, requestId: "r" });
  settings.linear = { enabled: false, teamId: "team-1" };
  settings.paths = [];
});

describe("the Linear card", () => {
  it("shows the identifier as a link, the state and the last push's error", () => {
    const at = { toDate: () => new Date(Date.now() - 120_000) };
    renderInOrg(
      <LinearCard
        issue={issue(
          link({ error: { code: "authentication", message: "Authentication required", at, attempts: 3 } as never }),
        )}
      />,
    );
    expect(screen.getByRole("link", { name: "ENG-7" }).getAttribute("href")).toBe(
      "https://linear.app/acme/issue/ENG-7",
    );
    expect(screen.getByText("In Progress")).toBeTruthy();
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toContain("Authentication required");
    expect(alert.textContent).toContain("3 attempts");
  });

  it("says what a pending or removed link means, with no error when there is none", () => {
    const { unmount } = renderInOrg(
      <LinearCard issue={issue(link({ identifier: null, url: null, state: "pending", stateName: null }))} />,
    );
    expect(screen.getByText("Being created in Linear")).toBeTruthy();
    expect(screen.queryByRole("link")).toBeNull();
    expect(screen.queryByRole("alert")).toBeNull();
    unmount();
    renderInOrg(<LinearCard issue={issue(link({ state: "deleted", stateName: null }))} />, {
      role: "admin",
      uid: "u-admin",
    });
    expect(screen.getByText("Removed in Linear")).toBeTruthy();
    expect(screen.getByText("Pushing again creates a new Linear issue.")).toBeTruthy();
  });

  it("is not there without a link for an agent, who does not read the settings", () => {
    settings.linear = { enabled: true, teamId: "team-1" };
    const { container } = renderInOrg(<LinearCard issue={issue(null)} />);
    expect(container.innerHTML).toBe("");
    expect(settings.paths).toEqual([]);
  });

  it("is there without a link for an admin only while the org's sync is on", () => {
    const { container, unmount } = renderInOrg(<LinearCard issue={issue(null)} />, { role: "admin", uid: "u-admin" });
    expect(container.innerHTML).toBe("");
    expect(settings.paths).toEqual(["orgs/acme/private/settings"]);
    unmount();
    settings.linear = { enabled: true, teamId: "team-1" };
    renderInOrg(<LinearCard issue={issue(null)} />, { role: "admin", uid: "u-admin" });
    expect(screen.getByText("Not in Linear yet.")).toBeTruthy();
  });

  it("offers Push again to admins only, and calls the resync route", async () => {
    const { unmount } = renderInOrg(<LinearCard issue={issue(link())} />);
    expect(screen.queryByRole("button", { name: "Push again" })).toBeNull();
    unmount();
    renderInOrg(<LinearCard issue={issue(link())} />, { role: "admin", uid: "u-admin" });
    await userEvent.click(screen.getByRole("button", { name: "Push again" }));
    expect(api).toHaveBeenCalledWith("POST", "/orgs/{orgId}/issues/{id}/linear:sync", {
      params: { path: { orgId: "acme", id: "i1" } },
      body: {},
    });
    expect((await screen.findByRole("status")).textContent).toContain("Push queued");
  });

  it("shows a refused push with the problem's detail", async () => {
    api.mockRejectedValue(
      new ApiProblem({
        status: 409,
        title: "Conflict",
        detail: "The Linear sync is off for this organisation.",
        requestId: "req-9",
      }),
    );
    renderInOrg(<LinearCard issue={issue(link())} />, { role: "admin", uid: "u-admin" });
    await userEvent.click(screen.getByRole("button", { name: "Push again" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("The Linear sync is off");
    expect(alert.textContent).toContain("req-9");
    expect(screen.queryByRole("status")).toBeNull();
  });
});
