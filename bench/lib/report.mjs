// The run's results: a table on the terminal, and latest.json + latest.md (with
// one SVG per chart) in the output folder.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem, platform } from "node:os";
import { join } from "node:path";

export function machine(root) {
  const git = (...args) => {
    try {
      return execFileSync("git", args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    } catch {
      return "";
    }
  };
  const commit = git("rev-parse", "--short", "HEAD") || "unknown";
  const dirty = git("status", "--porcelain", "--untracked-files=no") !== "";
  return {
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: platform(),
    commit: dirty ? `${commit}+changes` : commit,
    loadAverage: loadavg().map((v) => Number(v.toFixed(2))),
  };
}

/** The short form every line of the table carries. */
export const machineTag = (m) => `${m.cores} cores · ${m.memoryGiB} GiB · Node ${m.node} · ${m.commit}`;

const show = (value) => (value === null || value === undefined ? "" : typeof value === "number" ? formatValue(value) : String(value));

export function formatValue(value) {
  // A percentile of nothing (a baseline that finished nothing) is no figure.
  if (Number.isNaN(value)) return "—";
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) return value.toLocaleString("en-US");
  if (Math.abs(value) >= 100) return Math.round(value).toLocaleString("en-US");
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

export const ratioText = (ratio) => (Number.isFinite(ratio) ? `${ratio >= 10 ? ratio.toFixed(0) : ratio.toFixed(2)}×` : ratio === Infinity ? "∞" : "");
const met = (pass) => (pass === true ? "yes" : pass === false ? "**no**" : "");

/** An error for a table cell: one line, no terminal colours, short. */
export const errorCell = (text) => {
  const line = String(text).replace(/\x1b\[[0-9;]*m/g, "").replace(/\s+/g, " ").trim();
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
};

/** Rows of the summary table, one per figure of every benchmark. */
export function summaryRows(results) {
  return results.flatMap((result) =>
    result.error
      ? [{ benchmark: result.name, figure: "failed", ours: errorCell(result.error), baseline: "", ratio: "", target: "", met: "no" }]
      : (result.figures ?? []).map((f) => ({
          benchmark: result.name,
          figure: f.figure,
          ours: `${show(f.ours)}${f.unit && f.ours !== undefined && f.ours !== null ? ` ${f.unit}` : ""}`,
          baseline: `${show(f.baseline)}${f.unit && f.baseline !== undefined && f.baseline !== null ? ` ${f.unit}` : ""}`,
          ratio: f.ratio === undefined ? "" : ratioText(f.ratio),
          target: f.target ?? "",
          met: met(f.pass),
        })),
  );
}

export function printTable(results, m) {
  const rows = summaryRows(results);
  const headers = ["benchmark", "figure", "ours", "baseline", "ratio", "target", "met"];
  const widths = headers.map((h) => Math.min(48, Math.max(h.length, ...rows.map((r) => String(r[h]).replace(/\*/g, "").length))));
  const line = (cells) => cells.map((c, i) => String(c).replace(/\*/g, "").slice(0, widths[i]).padEnd(widths[i])).join("  ");
  console.log(`\n${machineTag(m)}`);
  console.log(line(headers));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const row of rows) console.log(line(headers.map((h) => row[h])));
  for (const result of results) for (const table of result.tables ?? []) printExtraTable(table);
}

function printExtraTable(table) {
  const widths = table.headers.map((h, i) => Math.max(String(h).length, ...table.rows.map((r) => String(r[i] ?? "").length)));
  console.log(`\n${table.title}`);
  console.log(table.headers.map((h, i) => String(h).padEnd(widths[i])).join("  "));
  for (const row of table.rows) console.log(row.map((c, i) => String(c ?? "").padEnd(widths[i])).join("  "));
}

const mdCell = (value) => String(value ?? "").replace(/\|/g, "\\|").replace(/\n/g, " ");

function mdTable(headers, rows) {
  return [`| ${headers.map(mdCell).join(" | ")} |`, `|${headers.map(() => "---").join("|")}|`, ...rows.map((r) => `| ${r.map(mdCell).join(" | ")} |`)].join("\n");
}

/**
 * The run as markdown. `charts: false` leaves the chart images out: a dated
 * copy outlives the SVGs, which every run overwrites.
 */
export function markdown({ results, machine: m, mode, startedAt, seconds }, { charts = true } = {}) {
  const tag = machineTag(m);
  const rows = summaryRows(results);
  const out = [
    `# Firetrack bench: ${mode === "smoke" ? "smoke run" : "latest run"}`,
    "",
    `${startedAt} · ${seconds.toFixed(0)} s · ${tag} · ${m.platform} · load average at the start ${m.loadAverage.join(", ")}`,
    "",
    "Every figure is a ratio against a baseline measured the same way in the same run, or a count of Firestore",
    "operations; timings come from the emulators on this machine and are not production figures.",
    "",
    mdTable(
      ["benchmark", "figure", "ours", "baseline", "ratio", "target", "met", "machine · commit"],
      rows.map((r) => [r.benchmark, r.figure, r.ours, r.baseline, r.ratio, r.target, r.met, tag]),
    ),
  ];
  for (const result of results) {
    out.push("", `## ${result.name}: ${result.title ?? ""}`.trimEnd(), "");
    if (result.error) {
      out.push(`Failed: ${result.error}`);
      continue;
    }
    if (charts) for (const chart of result.charts ?? []) out.push(`![${chart.title}](${chart.name}.svg)`, "");
    for (const figure of result.figures ?? []) if (figure.meaning) out.push(`- **${figure.figure}**: ${figure.meaning}`);
    for (const note of result.notes ?? []) out.push(`- ${note}`);
    for (const table of result.tables ?? []) {
      out.push("", `**${table.title}**`, "", mdTable(table.headers, table.rows));
      for (const line of table.footnotes ?? []) out.push("", line);
    }
    if (result.text) out.push("", "```", result.text.trimEnd(), "```");
  }
  return `${out.join("\n")}\n`;
}

/**
 * A run's name in the results folder: when it started (UTC, to the minute),
 * the commit, and what ran ("full", or the benchmarks' names).
 */
export function datedName({ startedAt, machine: m }, label) {
  const stamp = startedAt.slice(0, 16).replace(/:/g, "");
  return `${stamp}-${String(m.commit).replace(/[^0-9a-z]+/gi, "-")}-${label}`;
}

function jsonOf(run) {
  return {
    ...run,
    results: run.results.map(({ charts, ...rest }) => ({ ...rest, charts: (charts ?? []).map((c) => `${c.name}.svg`) })),
  };
}

/**
 * Writes the run into `dir`. `latest` (full runs, smoke runs, --out) replaces
 * latest.json, latest.md and the charts; `dated` adds `<datedName>.json` and
 * `.md` beside them, which no later run overwrites: the history.
 */
export function writeResults(dir, run, { latest = true, dated = null } = {}) {
  mkdirSync(dir, { recursive: true });
  const json = `${JSON.stringify(jsonOf(run), null, 2)}\n`;
  const written = [];
  if (latest) {
    for (const result of run.results) for (const chart of result.charts ?? []) writeFileSync(join(dir, `${chart.name}.svg`), chart.svg);
    writeFileSync(join(dir, "latest.json"), json);
    writeFileSync(join(dir, "latest.md"), markdown(run));
    written.push("latest.md", "latest.json");
  }
  if (dated) {
    const name = datedName(run, dated);
    writeFileSync(join(dir, `${name}.json`), json);
    writeFileSync(join(dir, `${name}.md`), markdown(run, { charts: false }));
    written.push(`${name}.md`, `${name}.json`);
  }
  return written;
}
