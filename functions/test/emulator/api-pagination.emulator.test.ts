import { Timestamp } from "firebase-admin/firestore";
import { describe, expect, it } from "vitest";
import { call, db, newOrg, newUser, withTriggersPaused } from "./helpers";

const year = new Date().getUTCFullYear();
const SEEDED = 120;

describe("cursor pagination", () => {
  it("walks 120 issues page by page, each exactly once and in order, while new issues arrive", async () => {
    const owner = await newUser("walker");
    const orgId = await newOrg(owner, "Thousand Org");
    // Written numbered and straight to Firestore: this is about paging, not triggers. The
    // emulator still delivers each paused write's events (and drops them), about 15 ms each, so
    // the count is what 12 pages of 10 need, not more (docs/testing.md, "Pausing triggers").
    await withTriggersPaused(async () => {
      const writer = db().bulkWriter();
      const base = Date.UTC(year, 0, 1);
      for (let i = 1; i <= SEEDED; i++) {
        writer.create(db().collection(`orgs/${orgId}/issues`).doc(), {
          orgId,
          title: `Issue ${i}`,
          number: `ISS-${year}-${String(i).padStart(4, "0")}`,
          seq: i,
          year,
          status: "open",
          priority: "medium",
          priorityRank: 1,
          deleted: false,
          // Pairs share a timestamp, so the id tie-break is exercised too.
          createdAt: Timestamp.fromMillis(base + Math.floor(i / 2) * 1000),
          reporter: { uid: owner.uid, name: owner.name, kind: "member" },
          version: 1,
        });
      }
      await writer.close();
      await db()
        .doc(`orgs/${orgId}/counters/issues_${year}`)
        .set({ next: SEEDED + 1 });
    });

    for (const sort of ["number", "createdAt"] as const) {
      const seen: string[] = [];
      let cursor: string | null = null;
      let inserted = 0;
      do {
        const page: { status: number; body: { data: { title: string }[]; nextCursor: string | null } } = await call(
          "GET",
          `/orgs/${orgId}/issues?sort=${sort}&limit=10${cursor ? `&cursor=${cursor}` : ""}`,
          { token: owner.token },
        );
        expect(page.status).toBe(200);
        seen.push(...page.body.data.map((row) => row.title));
        cursor = page.body.nextCursor;
        // Meanwhile someone files a new issue; it sorts after everything seeded and must not disturb the walk.
        if (inserted < 3) {
          expect(
            (
              await call("POST", `/orgs/${orgId}/issues`, {
                token: owner.token,
                body: { title: `Arrived during ${sort} walk ${inserted}` },
              })
            ).status,
          ).toBe(201);
          inserted++;
        }
      } while (cursor);
      const seeded = seen.filter((title) => /^Issue \d+$/.test(title));
      expect(seeded).toHaveLength(SEEDED);
      expect(new Set(seeded).size).toBe(SEEDED);
      if (sort === "number") expect(seeded).toEqual(Array.from({ length: SEEDED }, (_, i) => `Issue ${i + 1}`));
      else {
        // Issue i was created at second ⌊i/2⌋: the walk must never step back in time.
        const seconds = seeded.map((title) => Math.floor(Number(title.split(" ")[1]) / 2));
        expect(seconds).toEqual([...seconds].sort((a, b) => a - b));
      }
      // Issues that arrived before the walk reached the end show up at the end, once.
      const arrivals = seen.filter((title) => title.startsWith("Arrived"));
      expect(new Set(arrivals).size).toBe(arrivals.length);
    }
  });
});
