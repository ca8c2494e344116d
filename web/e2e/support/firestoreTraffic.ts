/**
 * Everything a page's Firestore listeners receive, recorded from inside the page: the SDK
 * talks to Firestore over WebChannel (XMLHttpRequest), so an init script reports every
 * byte of every Firestore response to the test, across navigations. The test then reads
 * the documents out of it: their paths and their fields, whatever the app did with them.
 */
import type { Page } from "playwright-core";

export interface Traffic {
  /** Every Firestore response body, as received, one per request. */
  bodies: () => string[];
  /** The path of every document received (`users/u/portalIssues/acme_x`, `orgs/acme/issues/x/comments/y`). */
  documentPaths: () => string[];
}

export async function recordFirestoreTraffic(page: Page): Promise<Traffic> {
  const bodies = new Map<string, string>();
  await page.exposeFunction("__firetrackTraffic", (id: string, delta: string) => {
    bodies.set(id, (bodies.get(id) ?? "") + delta);
  });
  await page.addInitScript(() => {
    const report = (window as unknown as { __firetrackTraffic: (id: string, delta: string) => void })
      .__firetrackTraffic;
    const open = XMLHttpRequest.prototype.open;
    let next = 0;
    XMLHttpRequest.prototype.open = function (
      this: XMLHttpRequest,
      method: string,
      url: string | URL,
      ...rest: unknown[]
    ) {
      if (/google\.firestore\.v1\.Firestore\//.test(String(url))) {
        const id = `${Date.now()}-${next++}`;
        let seen = 0;
        const take = () => {
          try {
            const text = this.responseText;
            if (text.length > seen) {
              void report(id, text.slice(seen));
              seen = text.length;
            }
          } catch {
            // responseText throws for other response types; Firestore's are text.
          }
        };
        this.addEventListener("readystatechange", take);
        this.addEventListener("progress", take);
        this.addEventListener("load", take);
      }
      return (open as (...args: unknown[]) => void).call(this, method, url, ...rest);
    } as typeof XMLHttpRequest.prototype.open;
    // Should the SDK stream over fetch instead, the same bytes are read from a copy of the body.
    const originalFetch = window.fetch.bind(window);
    window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const response = await originalFetch(input, init);
      const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
      if (/google\.firestore\.v1\.Firestore\//.test(url) && response.body) {
        const id = `${Date.now()}-${next++}`;
        const reader = response.clone().body!.getReader();
        const decoder = new TextDecoder();
        void (async () => {
          for (;;) {
            const { done, value } = await reader.read();
            if (done) return;
            void report(id, decoder.decode(value, { stream: true }));
          }
        })().catch(() => undefined);
      }
      return response;
    };
  });
  const all = () => [...bodies.values()];
  return {
    bodies: all,
    documentPaths: () => {
      const paths = new Set<string>();
      for (const body of all()) {
        for (const match of body.matchAll(/"projects\/[^/"]+\/databases\/\(default\)\/documents\/([^"]+)"/g))
          paths.add(match[1]!);
      }
      return [...paths].sort();
    },
  };
}
