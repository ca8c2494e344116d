// A small SVG chart writer: line charts (curves and cumulative distributions)
// and horizontal bars. Plain strings, no dependencies; the output renders on
// GitHub and in any browser.

const WIDTH = 640;
const HEIGHT = 360;
const MARGIN = { top: 40, right: 24, bottom: 52, left: 72 };
const COLORS = ["#1f6feb", "#d1242f", "#1a7f37", "#9a6700", "#8250df", "#57606a"];

const escape = (text) => String(text).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
const fixed = (n) => Number(n.toFixed(1));

/** Round tick values covering [min, max]: 1, 2, 5 × 10^k steps. */
export function niceTicks(min, max, count = 5) {
  if (!(max > min)) return [min];
  const raw = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
  const ticks = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

function logTicks(min, max) {
  const ticks = [];
  for (let p = Math.floor(Math.log10(min)); p <= Math.ceil(Math.log10(max)); p++) {
    for (const m of [1, 2, 5]) {
      const v = m * 10 ** p;
      if (v >= min * 0.999 && v <= max * 1.001) ticks.push(v);
    }
  }
  return ticks;
}

export function formatNumber(v) {
  if (v === 0) return "0";
  if (Math.abs(v) >= 10_000) return `${Number((v / 1000).toPrecision(3))}k`;
  if (Math.abs(v) >= 100) return String(Math.round(v));
  return String(Number(v.toPrecision(3)));
}

function scale(domainMin, domainMax, rangeMin, rangeMax, log) {
  const f = log ? Math.log10 : (v) => v;
  const d0 = f(domainMin);
  const d1 = f(domainMax);
  return (v) => rangeMin + ((f(v) - d0) / (d1 - d0 || 1)) * (rangeMax - rangeMin);
}

function frame(title, body) {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="system-ui, sans-serif" font-size="12">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
    `<text x="${WIDTH / 2}" y="22" text-anchor="middle" font-size="14" font-weight="600">${escape(title)}</text>`,
    ...body,
    "</svg>",
    "",
  ].join("\n");
}

/**
 * series: [{ name, points: [[x, y], …], dashed? }]. Options: xLabel, yLabel,
 * logX, logY, step (a staircase, for distributions), yMin.
 * @param {{ title: string, xLabel: string, yLabel: string, series: { name: string, points: number[][], dashed?: boolean }[],
 *   logX?: boolean, logY?: boolean, step?: boolean, yMin?: number }} chart
 */
export function lineChart({ title, xLabel, yLabel, series, logX = false, logY = false, step = false, yMin }) {
  const all = series.flatMap((s) => s.points).filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y) && (!logX || x > 0) && (!logY || y > 0));
  if (all.length === 0) return frame(title, [`<text x="${WIDTH / 2}" y="${HEIGHT / 2}" text-anchor="middle">no data</text>`]);
  let [xMin, xMax] = [Math.min(...all.map(([x]) => x)), Math.max(...all.map(([x]) => x))];
  let [y0, y1] = [Math.min(...all.map(([, y]) => y)), Math.max(...all.map(([, y]) => y))];
  if (logY) y0 = Math.max(Math.min(y0, y1 / 10), 1e-3);
  else y0 = yMin ?? Math.min(0, y0);
  if (xMax === xMin) xMax = xMin + 1;
  if (y1 === y0) y1 = y0 + 1;
  const xTicks = logX ? logTicks(xMin, xMax) : niceTicks(xMin, xMax);
  const yTicks = logY ? logTicks(y0, y1) : niceTicks(y0, y1);
  if (!logY) y1 = Math.max(y1, yTicks.at(-1));
  const left = MARGIN.left;
  const right = WIDTH - MARGIN.right;
  const top = MARGIN.top;
  const bottom = HEIGHT - MARGIN.bottom;
  const sx = scale(xMin, xMax, left, right, logX);
  const sy = scale(y0, y1, bottom, top, logY);
  const body = [];
  for (const t of yTicks) {
    const y = fixed(sy(t));
    body.push(`<line x1="${left}" x2="${right}" y1="${y}" y2="${y}" stroke="#d0d7de" stroke-width="1"/>`);
    body.push(`<text x="${left - 6}" y="${y + 4}" text-anchor="end" fill="#57606a">${escape(formatNumber(t))}</text>`);
  }
  for (const t of xTicks) {
    const x = fixed(sx(t));
    body.push(`<line x1="${x}" x2="${x}" y1="${bottom}" y2="${bottom + 4}" stroke="#57606a"/>`);
    body.push(`<text x="${x}" y="${bottom + 18}" text-anchor="middle" fill="#57606a">${escape(formatNumber(t))}</text>`);
  }
  body.push(`<line x1="${left}" x2="${right}" y1="${bottom}" y2="${bottom}" stroke="#57606a"/>`);
  body.push(`<line x1="${left}" x2="${left}" y1="${top}" y2="${bottom}" stroke="#57606a"/>`);
  body.push(`<text x="${(left + right) / 2}" y="${HEIGHT - 12}" text-anchor="middle">${escape(xLabel)}</text>`);
  body.push(`<text x="16" y="${(top + bottom) / 2}" text-anchor="middle" transform="rotate(-90 16 ${(top + bottom) / 2})">${escape(yLabel)}</text>`);
  series.forEach((s, i) => {
    const color = COLORS[i % COLORS.length];
    const points = s.points.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y) && (!logX || x > 0) && (!logY || y > 0));
    const coords = [];
    points.forEach(([x, y], j) => {
      if (step && j > 0) coords.push([sx(x), sy(points[j - 1][1])]);
      coords.push([sx(x), sy(y)]);
    });
    const d = coords.map(([x, y], j) => `${j === 0 ? "M" : "L"}${fixed(x)},${fixed(y)}`).join(" ");
    body.push(`<path d="${d}" fill="none" stroke="${color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ""}/>`);
    if (!step) for (const [x, y] of coords) body.push(`<circle cx="${fixed(x)}" cy="${fixed(y)}" r="3" fill="${color}"/>`);
    const ly = top + 4 + i * 16;
    body.push(`<rect x="${left + 10}" y="${ly}" width="12" height="3" fill="${color}"/>`);
    body.push(`<text x="${left + 28}" y="${ly + 5}">${escape(s.name)}</text>`);
  });
  return frame(title, body);
}

/** Cumulative distributions of samples: x the value, y the share of samples at or below it. */
export function cdfChart({ title, xLabel, series, logX = false }) {
  return lineChart({
    title,
    xLabel,
    yLabel: "share of requests ≤ x",
    logX,
    step: true,
    yMin: 0,
    series: series.map(({ name, values, dashed }) => {
      // On a log scale a zero cannot be drawn: it counts from the smallest drawable value.
      const sorted = [...values].filter(Number.isFinite).map((v) => (logX ? Math.max(v, 1) : v)).sort((a, b) => a - b);
      if (sorted.length === 0) return { name, dashed, points: [] };
      return { name, dashed, points: [[sorted[0], 0], ...sorted.map((v, i) => [v, (i + 1) / sorted.length])] };
    }),
  });
}

/** Horizontal bars: [{ label, value }], with the value printed at the end of each bar. */
export function barChart({ title, xLabel, bars, format = formatNumber }) {
  const left = 200;
  const right = WIDTH - MARGIN.right - 60;
  const top = MARGIN.top;
  const rowHeight = Math.min(28, (HEIGHT - top - MARGIN.bottom) / Math.max(1, bars.length));
  const max = Math.max(...bars.map((b) => b.value), 1e-9);
  const body = bars.flatMap((bar, i) => {
    const y = top + i * rowHeight;
    const width = fixed(((right - left) * bar.value) / max);
    return [
      `<text x="${left - 8}" y="${fixed(y + rowHeight / 2 + 4)}" text-anchor="end">${escape(bar.label)}</text>`,
      `<rect x="${left}" y="${fixed(y + 4)}" width="${width}" height="${fixed(rowHeight - 8)}" fill="${COLORS[0]}"/>`,
      `<text x="${fixed(left + width + 6)}" y="${fixed(y + rowHeight / 2 + 4)}">${escape(format(bar.value))}</text>`,
    ];
  });
  body.push(`<text x="${(left + right) / 2}" y="${HEIGHT - 12}" text-anchor="middle">${escape(xLabel)}</text>`);
  return frame(title, body);
}
