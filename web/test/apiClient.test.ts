/**
 * The API client against a stand-in for the network: what it sends (route, encoding, token, If-Match, body) and
 * what it makes of the answer (data, etag, requestId, problems). The real API answers it in the e2e suites.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { api } from "../src/api/client";
import { ApiProblem } from "../src/api/problem";
import { auth } from "../src/firebase";

const signedIn = auth as { currentUser: unknown };
const network = vi.fn<(request: Request) => Promise<Response>>();

beforeEach(() => {
  signedIn.currentUser = { getIdToken: async () => "token-1" };
  network.mockReset();
  vi.stubGlobal("fetch", network);
});
afterEach(() => {
  signedIn.currentUser = null;
  vi.unstubAllGlobals();
});

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });
const sent = () => network.mock.calls[0]![0];

describe("the API client", () => {
  it("fills the route with encoded parts under /api/v1 on this origin, with the caller's token", async () => {
    network.mockResolvedValue(json(200, { id: "x" }));
    await api("DELETE", "/orgs/{orgId}/issues/{id}", {
      params: { path: { orgId: "acme", id: "a/../b?x=1#y" }, query: { permanent: "true" } },
    });
    const request = sent();
    expect(request.method).toBe("DELETE");
    expect(request.url).toBe(`${location.origin}/api/v1/orgs/acme/issues/a%2F..%2Fb%3Fx%3D1%23y?permanent=true`);
    expect(request.headers.get("authorization")).toBe("Bearer token-1");
    expect(request.headers.get("content-type")).toBeNull();
  });

  it("sends the body as JSON and If-Match from ifMatch, and answers data, etag and requestId", async () => {
    network.mockResolvedValue(json(200, { title: "New title", version: 5 }, { etag: '"5"', "x-request-id": "req-1" }));
    const result = await api("PATCH", "/orgs/{orgId}/issues/{id}", {
      params: { path: { orgId: "acme", id: "i1" } },
      body: { title: "New title" },
      ifMatch: 4,
    });
    const request = sent();
    expect(request.headers.get("if-match")).toBe('"4"');
    expect(request.headers.get("content-type")).toBe("application/json");
    expect(await request.json()).toEqual({ title: "New title" });
    expect(result).toEqual({ data: { title: "New title", version: 5 }, etag: '"5"', requestId: "req-1" });
  });

  it("throws a refusal as an ApiProblem with its fields, requestId and extensions", async () => {
    network.mockResolvedValue(
      new Response(
        JSON.stringify({
          type: "about:blank",
          status: 409,
          title: "Conflict",
          detail: "The issue moved on.",
          requestId: "req-409",
          currentVersion: 7,
        }),
        { status: 409, headers: { "content-type": "application/problem+json" } },
      ),
    );
    const refused = api("POST", "/orgs/{orgId}/issues/{id}/close", {
      params: { path: { orgId: "acme", id: "i1" } },
      body: {},
    });
    await expect(refused).rejects.toBeInstanceOf(ApiProblem);
    await expect(refused).rejects.toMatchObject({
      status: 409,
      detail: "The issue moved on.",
      requestId: "req-409",
      extensions: { currentVersion: 7 },
    });
  });

  it("sends nothing when nobody is signed in", async () => {
    signedIn.currentUser = null;
    await expect(api("GET", "/me")).rejects.toMatchObject({ status: 401, title: "Signed out" });
    expect(network).not.toHaveBeenCalled();
  });

  it("refuses an id that would climb to another route before sending anything", async () => {
    await expect(
      api("DELETE", "/orgs/{orgId}/issues/{id}", { params: { path: { orgId: "acme", id: ".." } } }),
    ).rejects.toThrow(/another path/);
    expect(network).not.toHaveBeenCalled();
  });

  it("turns a network failure into a problem, and lets an abort through as it is", async () => {
    network.mockRejectedValueOnce(new TypeError("Failed to fetch"));
    await expect(api("GET", "/me")).rejects.toMatchObject({ status: 0, title: "Network error" });
    network.mockRejectedValueOnce(new DOMException("The operation was aborted.", "AbortError"));
    await expect(api("GET", "/me")).rejects.toMatchObject({ name: "AbortError" });
  });

  it("downloads the CSV export as a Blob, with the list's query", async () => {
    network.mockResolvedValue(
      new Response("number,title\r\n", { status: 200, headers: { "content-type": "text/csv" } }),
    );
    const { data } = await api("GET", "/orgs/{orgId}/issues/export.csv", {
      params: { path: { orgId: "acme" }, query: { status: "open,answered", sort: "-number" } },
      parseAs: "blob",
    });
    expect(new URL(sent().url).search).toBe("?status=open%2Canswered&sort=-number");
    // Not `instanceof Blob`: jsdom's Blob is another class than the one Node's Response makes.
    expect(data.type).toBe("text/csv");
    expect(await data.text()).toBe("number,title\r\n");
  });
});
