// Cold start per function: what a fresh instance loads before it can run, and the API's first request.
// Each sample is a new Node process (bench/lib/coldStartChild.cjs), alternating the two ways:
// - ours: the manifest loads only the function the instance runs (functions/src/index.ts);
// - baseline: every function's module and firebase-functions' root, which is what each instance loaded before.
// For the API it also times the platform floor: the packages every API request needs, loaded alone.
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { summary } from "../lib/measure.mjs";

const CHILD = fileURLToPath(new URL("../lib/coldStartChild.cjs", import.meta.url));
const run = promisify(execFile);

async function sample(name, mode, token) {
  // The probe stays out: it would count the child's reads into the run's operation log.
  const env = { ...process.env, FUNCTION_TARGET: name, NODE_OPTIONS: "" };
  const { stdout } = await run(process.execPath, [CHILD, name, mode, token ?? ""], { env });
  return JSON.parse(stdout.trim().split("\n").at(-1) ?? "null");
}

export default {
  title: "Cold start: module load per function and the API's first request, loading one function against all",
  async run(ctx, { smoke }) {
    const all = await sample("-", "list");
    // Smoke runs (inside `npm test`) keep the HTTP API and the task that loads the Linear SDK.
    const names = smoke ? all.filter((name) => name === "api" || name === "linearSync") : all;
    const user = await ctx.newUser("coldstart");
    const rounds = smoke ? 1 : 5;
    const figures = [];
    const data = {};
    const notes = [
      `${rounds} fresh processes per function and way, alternating, on this machine; emulator hosts for Firestore and Auth.`,
    ];
    for (const name of names) {
      const ours = [];
      const baseline = [];
      const oursFirst = [];
      const baseFirst = [];
      const floor = [];
      let floorPackages = [];
      for (let i = 0; i < rounds; i++) {
        const lazy = await sample(name, "lazy", user.token);
        const eager = await sample(name, "eager", user.token);
        if (name === "api") {
          const platform = await sample(name, "floor");
          floor.push(platform.loadMs);
          floorPackages = platform.packages;
        }
        ours.push(lazy.loadMs);
        baseline.push(eager.loadMs);
        if (lazy.firstRequestMs !== undefined) {
          oursFirst.push(lazy.firstRequestMs);
          baseFirst.push(eager.firstRequestMs);
        }
      }
      const o = summary(ours);
      const b = summary(baseline);
      data[name] = { ours: o, baseline: b };
      figures.push({
        figure: `${name}: module load p50`,
        ours: o.p50,
        baseline: b.p50,
        unit: "ms",
        ratio: b.p50 / o.p50,
        target: name === "api" ? "at most half" : "faster",
        pass: name === "api" ? o.p50 <= b.p50 / 2 : o.p50 < b.p50,
        meaning: `A fresh ${name} instance loads its code in ${Math.round(o.p50)} ms instead of ${Math.round(b.p50)} ms with every function's code.`,
      });
      if (floor.length > 0) {
        const f = summary(floor);
        data[`${name}.platformFloor`] = f;
        const room = b.p50 / 2 - f.p50;
        notes.push(
          `The packages every API request needs (${floorPackages.join(", ")}), loaded alone with none of our code, take ${Math.round(f.p50)} ms (p50), ${Math.round((100 * f.p50) / b.p50)} % of the baseline: ${room > 0 ? `half the baseline leaves ${Math.round(room)} ms` : "more than half of it before any of our code loads"}; our own code adds ${Math.round(o.p50 - f.p50)} ms.`,
        );
      }
      if (oursFirst.length > 0) {
        const of = summary(oursFirst);
        const bf = summary(baseFirst);
        data[`${name}.firstRequest`] = { ours: of, baseline: bf };
        figures.push({
          figure: `${name}: first request after a fresh start p50 (GET /me)`,
          ours: of.p50,
          baseline: bf.p50,
          unit: "ms",
          ratio: bf.p50 / of.p50,
          target: "faster",
          pass: of.p50 < bf.p50,
          meaning: `The first caller of a new API instance waits ${Math.round(of.p50)} ms from process start to answer, against ${Math.round(bf.p50)} ms loading everything.`,
        });
      }
    }
    return {
      title: this.title,
      figures,
      notes,
      data,
    };
  },
};
