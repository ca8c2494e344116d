/**
 * Chart.js, registered piece by piece (only what the dashboard draws), in the
 * dashboard's own chunk. Each canvas has a text alternative and its data as a table.
 */
import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart as ChartJs,
  DoughnutController,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
} from "chart.js";
import { useEffect, useId, useRef } from "react";

ChartJs.register(
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  DoughnutController,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
);
ChartJs.defaults.font.family = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
ChartJs.defaults.color = "#3f4654";

export const PALETTE = ["#2f5fd0", "#d9822b", "#2e8b57", "#b8336a", "#7a5af8", "#0f8b8d", "#8a6d1d", "#5b6472"];

export interface Series {
  label: string;
  values: number[];
  color?: string;
}

export function ChartFigure({
  title,
  kind,
  labels,
  series,
  horizontal = false,
  height = 220,
}: {
  title: string;
  kind: "bar" | "line" | "doughnut";
  labels: string[];
  series: Series[];
  horizontal?: boolean;
  height?: number;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<ChartJs | null>(null);
  const headingId = useId();

  useEffect(() => {
    if (!canvas.current) return;
    const config: ChartConfiguration = {
      type: kind,
      data: { labels: [], datasets: [] },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        indexAxis: horizontal ? "y" : "x",
        plugins: { legend: { position: "bottom" } },
        ...(kind === "doughnut"
          ? {}
          : { scales: { [horizontal ? "x" : "y"]: { beginAtZero: true, ticks: { precision: 0 } } } }),
      },
    };
    chart.current = new ChartJs(canvas.current, config);
    return () => {
      chart.current?.destroy();
      chart.current = null;
    };
    // The chart is made once per kind; data changes go through update() below.
  }, [kind, horizontal]);

  useEffect(() => {
    const instance = chart.current;
    if (!instance) return;
    instance.data.labels = labels;
    // The legend names the series, so it shows when there is more than one (a doughnut's slices always need it).
    if (instance.options.plugins?.legend)
      instance.options.plugins.legend.display = kind === "doughnut" || series.length > 1;
    instance.data.datasets = series.map((s, i) => ({
      label: s.label,
      data: s.values,
      backgroundColor:
        kind === "doughnut"
          ? labels.map((_, j) => PALETTE[j % PALETTE.length]!)
          : (s.color ?? PALETTE[i % PALETTE.length]),
      borderColor: kind === "line" ? (s.color ?? PALETTE[i % PALETTE.length]) : undefined,
      pointRadius: kind === "line" ? 0 : undefined,
      borderWidth: kind === "line" ? 2 : 0,
    }));
    instance.update();
  }, [labels, series, kind]);

  const summary = series
    .map((s) => `${s.label}: ${labels.map((l, i) => `${l} ${s.values[i] ?? 0}`).join(", ")}`)
    .join("; ");
  return (
    <figure className="chart card" aria-labelledby={headingId}>
      <figcaption id={headingId}>{title}</figcaption>
      <div className="chart-canvas" style={{ height }}>
        <canvas
          ref={canvas}
          role="img"
          aria-label={`${title}. ${summary.length > 600 ? `${summary.slice(0, 597)}…` : summary}`}
        />
      </div>
      <details className="chart-data">
        <summary>Show data</summary>
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{kind === "line" ? "Day" : "Value"}</th>
                {series.map((s) => (
                  <th key={s.label} scope="col">
                    {s.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {labels.map((l, i) => (
                <tr key={l}>
                  <th scope="row">{l}</th>
                  {series.map((s) => (
                    <td key={s.label}>{s.values[i] ?? 0}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
