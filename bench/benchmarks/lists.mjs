// 4. Lists, on the 10,000-issue org:
// - the agent queue's first page (status=open, most recently updated first, 50
//   rows) through the API, against the same query run raw with the Admin SDK:
//   what the API adds (auth, membership, parsing, serialising, HTTP);
// - `q` search (the search tokens the triggers keep) against a prefix query on
//   `title`, both with the Admin SDK, first page of 50;
// - the 50th page by cursor against the first: the time must not grow with depth.
import { FieldPath } from "firebase-admin/firestore";
import { interleave, summary } from "../lib/measure.mjs";
import { tally } from "../lib/opLog.mjs";
import { largeOrg } from "../lib/seedOrg.mjs";
import { lineChart } from "../lib/svg.mjs";

const SEARCH_WORD = "printer";

export default {
  title: "Lists: the API against raw queries, search, and deep pages",
  prepare: (ctx) => largeOrg(ctx),
  async run(ctx, { smoke }) {
    const org = await largeOrg(ctx);
    const { listIssues } = await ctx.functionsModule("store/issues");
    const agent = org.world.agents[0];
    const limit = smoke ? 10 : 50;
    const depth = smoke ? 3 : 50;
    const rounds = smoke ? 2 : 20;
    const issues = ctx.db.collection(`orgs/${org.orgId}/issues`);
    const queuePath = (cursor) =>
      `/orgs/${org.orgId}/issues?status=open&sort=-updatedAt&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;

    const apiPage = async (cursor) => ctx.expectCall(200, "GET", queuePath(cursor), { token: agent.token });
    const rawPage = async () => {
      const snapshot = await issues
        .where("deleted", "==", false)
        .where("status", "==", "open")
        .orderBy("updatedAt", "desc")
        .orderBy(FieldPath.documentId(), "desc")
        .limit(limit + 1)
        .get();
      return snapshot.docs.slice(0, limit).map((doc) => ({ id: doc.id, ...doc.data() }));
    };
    const [apiTimes, rawTimes] = await interleave(rounds, () => apiPage(), rawPage, { warmup: 2 });
    const api = summary(apiTimes);
    const raw = summary(rawTimes);

    // Search: the first page of `q` against a title prefix (which finds only titles starting with the word).
    const prefix = SEARCH_WORD[0].toUpperCase() + SEARCH_WORD.slice(1);
    const searchPage = () => listIssues(ctx.db, org.orgId, { q: SEARCH_WORD, sort: "-updatedAt" }, { limit }, {});
    const prefixPage = () =>
      issues
        .where("deleted", "==", false)
        .where("title", ">=", prefix)
        .where("title", "<", `${prefix}\uf8ff`)
        .orderBy("title")
        .limit(limit)
        .get();
    const [searchTimes, prefixTimes] = await interleave(rounds, searchPage, prefixPage, { warmup: 1 });
    const search = summary(searchTimes);
    const prefixed = summary(prefixTimes);
    const counted = async (label, work) => {
      const mark = ctx.opLog.mark();
      const value = await ctx.probe.probeEvent(label, work)();
      return { value, ops: tally(ctx.opLog.since(mark), { include: (fn) => fn === label }).total };
    };
    const searchRun = await counted("bench.lists.search", searchPage);
    const prefixRun = await counted("bench.lists.prefix", prefixPage);
    const otherWord = "offline";
    const anywhere = (await listIssues(ctx.db, org.orgId, { q: otherWord, sort: "-updatedAt" }, { limit }, {})).docs
      .length;

    // Walk the queue page by page, timing each page; then page 1 against page `depth`, alternated.
    const walk = [];
    const cursors = [null];
    for (let page = 1; page <= depth; page++) {
      const t0 = performance.now();
      const body = await apiPage(cursors[page - 1]);
      walk.push([page, performance.now() - t0]);
      if (!body.nextCursor) throw new Error(`the queue ended at page ${page}; seed more open issues`);
      cursors.push(body.nextCursor);
    }
    const [firstTimes, deepTimes] = await interleave(
      rounds,
      () => apiPage(null),
      () => apiPage(cursors[depth - 1]),
      { warmup: 1 },
    );
    const first = summary(firstTimes);
    const deep = summary(deepTimes);
    const depthRatio = deep.p50 / first.p50;
    const n = org.count.toLocaleString("en-US");

    return {
      title: this.title,
      figures: [
        {
          figure: `queue page 1 (${limit} rows, ${n} issues): API p50 / raw p50`,
          ours: api.p50,
          baseline: raw.p50,
          unit: "ms",
          ratio: api.p50 / raw.p50,
          meaning: `The agent's queue page arrives in ${Math.round(api.p50)} ms; auth, membership, validation and serialising add ${Math.round(api.p50 - raw.p50)} ms to the bare query.`,
        },
        {
          figure: "queue page 1: API p95 / raw p95",
          ours: api.p95,
          baseline: raw.p95,
          unit: "ms",
          ratio: api.p95 / raw.p95,
          meaning: `One page in twenty takes longer than ${Math.round(api.p95)} ms (the bare query: ${Math.round(raw.p95)} ms).`,
        },
        {
          figure: `q=${SEARCH_WORD} p50 / title prefix p50`,
          ours: search.p50,
          baseline: prefixed.p50,
          unit: "ms",
          ratio: search.p50 / prefixed.p50,
          meaning: `A search box query answers in ${Math.round(search.p50)} ms against ${Math.round(prefixed.p50)} ms for a title-prefix query (the emulator scans array-contains queries; production serves both from an index).`,
        },
        {
          figure: `q=${SEARCH_WORD}: rows / reads`,
          ours: `${searchRun.value.docs.length} / ${searchRun.ops.reads}`,
          baseline: `${prefixRun.value.size} / ${prefixRun.ops.reads}`,
          meaning: `A page of results costs one read per row shown, as a plain query does.`,
        },
        {
          figure: `q=${otherWord} (a word inside titles): rows`,
          ours: anywhere,
          baseline: 0,
          meaning: `Search finds a word anywhere in the title or description ("${otherWord}": ${anywhere} on the first page), where a prefix query on title finds nothing.`,
        },
        {
          figure: `page ${depth} by cursor p50 / page 1 p50`,
          ours: deep.p50,
          baseline: first.p50,
          unit: "ms",
          ratio: depthRatio,
          target: "≤ 1.5× (flat)",
          pass: depthRatio <= 1.5,
          meaning: `Page ${depth} takes ${Math.round(deep.p50)} ms against ${Math.round(first.p50)} ms for page 1: an agent deep in the queue waits no longer than at the top, and pays the same reads.`,
        },
      ],
      charts: [
        {
          name: "lists-depth",
          title: "Time per page while walking the queue by cursor",
          svg: lineChart({
            title: `Queue page time by depth (${limit} rows a page, ${n} issues)`,
            xLabel: "page",
            yLabel: "ms",
            series: [{ name: "GET …/issues?status=open&sort=-updatedAt, by cursor", points: walk }],
          }),
        },
      ],
      data: { api, raw, search, prefix: prefixed, first, deep, walk },
    };
  },
};
