/** The portal's raise form, with the API replaced: the schema's errors first, the server's on the fields, and the body a customer sends. */
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { ApiProblem } from "../src/api/problem";
import { RaiseForm } from "../src/portal/RaiseForm";

const api = vi.hoisted(() => vi.fn());
vi.mock("../src/api/client", () => ({ api }));

beforeEach(() => {
  api.mockReset();
});

const TARGETS = [
  { orgId: "acme", orgName: "Acme Support" },
  { orgId: "globex", orgName: "Globex Corporation" },
];

describe("the raise form", () => {
  it("shows the schema's errors inline before sending anything", async () => {
    render(<RaiseForm targets={TARGETS} onRaised={vi.fn()} />);
    await userEvent.click(screen.getByRole("button", { name: "Raise the issue" }));
    expect(await screen.findByText("Required.")).toBeTruthy();
    expect(screen.getByLabelText(/^Title/).getAttribute("aria-invalid")).toBe("true");
    expect(api).not.toHaveBeenCalled();
  });

  it("raises with the chosen org, without tags, and hands back the customer's answer", async () => {
    const answer = { issueId: "i9", orgId: "globex", number: "ISS-2026-0009" };
    api.mockResolvedValue({ data: answer, etag: null, requestId: null });
    const onRaised = vi.fn();
    render(<RaiseForm targets={TARGETS} initialOrgId="globex" onRaised={onRaised} />);
    expect((screen.getByLabelText("Organisation") as HTMLSelectElement).value).toBe("globex");
    await userEvent.type(screen.getByLabelText(/^Title/), "Adapter missing");
    await userEvent.selectOptions(screen.getByLabelText("Priority"), "urgent");
    await userEvent.click(screen.getByRole("button", { name: "Raise the issue" }));
    await waitFor(() => expect(onRaised).toHaveBeenCalledWith("globex", answer));
    const [, route, options] = api.mock.calls[0]!;
    expect(route).toBe("/orgs/{orgId}/issues");
    expect(options.params).toEqual({ path: { orgId: "globex" } });
    expect(options.body).toMatchObject({ title: "Adapter missing", priority: "urgent", vendor: null, order: null });
    expect(options.body).not.toHaveProperty("tags");
  });

  it("puts the server's message on the reference field it names, and shows the requestId", async () => {
    api.mockImplementation(async () => {
      throw new ApiProblem({
        status: 422,
        title: "Validation failed",
        requestId: "req-raise",
        errors: [{ path: "order.ref", code: "too_big", message: "Too big: expected string to have <=200 characters" }],
      });
    });
    render(<RaiseForm targets={[TARGETS[0]!]} onRaised={vi.fn()} />);
    expect(screen.getByText("Acme Support")).toBeTruthy();
    expect(screen.queryByLabelText("Organisation")).toBeNull();
    await userEvent.type(screen.getByLabelText(/^Title/), "Order problem");
    await userEvent.type(screen.getByLabelText("Order id"), "o-1");
    await userEvent.type(screen.getByLabelText("Order reference"), "SO-1");
    await userEvent.click(screen.getByRole("button", { name: "Raise the issue" }));
    await waitFor(() =>
      expect(screen.getByText("Too big: expected string to have <=200 characters").id).toBe("error-orderRef"),
    );
    expect(screen.getByRole("textbox", { name: "Order reference" }).getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByRole("alert").textContent).toContain("req-raise");
  });
});
