import uPlot from "uplot";

// The board's dark palette (wwwroot/styles.css): amber movement, blue "not worn", green for normal rest.
const axis = { stroke: "#aab4be", grid: { stroke: "#2a333c" }, ticks: { stroke: "#2a333c" } };
const height = 220;

/** Labels the charts need, in the page's language. */
export interface ChartLabels {
  movement: string; notWorn: string; stillLine: string; active: string; longestStill: string;
}

function sized(el: HTMLElement): { width: number; height: number } {
  return { width: Math.max(280, el.clientWidth), height };
}

// A canvas chart keeps its width when the window changes; follow the panel instead.
function follow(el: HTMLElement, chart: uPlot): uPlot {
  new ResizeObserver(() => chart.setSize(sized(el))).observe(el);
  return chart;
}

/** Today's movement per minute, with the senior's still line (a worn minute at or below it is still). */
export function drawToday(el: HTMLElement, columns: [number[], (number | null)[], (number | null)[]],
  stillCeiling: number, zone: string, lang: string, labels: ChartLabels): uPlot {
  const clock = new Intl.DateTimeFormat(lang, { hour: "2-digit", minute: "2-digit", timeZone: zone });
  const ceiling = columns[0].map(() => stillCeiling);
  const chart = new uPlot({
    ...sized(el),
    legend: { show: false },
    cursor: { show: false },
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), zone),
    scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(max ?? 0, stillCeiling * 2, 1)] } },
    axes: [
      // Room for a clock label ("03:30") and a gap, so neighbouring hours never run together.
      { ...axis, space: 70, values: (_u, splits) => splits.map((s) => clock.format(new Date(s * 1000))) },
      { ...axis, size: 50 },
    ],
    series: [
      {},
      { label: labels.movement, stroke: "#ffb347", width: 1, points: { show: false } },
      { label: labels.notWorn, stroke: "#6fa8dc", width: 4, points: { show: false } },
      { label: labels.stillLine, stroke: "#4cd97b", width: 1, dash: [6, 4], points: { show: false } },
    ],
  }, [columns[0], columns[1], columns[2], ceiling], el);
  return follow(el, chart);
}

/** The last days: active minutes as bars, the longest still period of each day as a line. */
export function drawDays(el: HTMLElement, dates: string[], active: number[], longestStill: number[], lang: string,
  labels: ChartLabels): uPlot {
  const day = new Intl.DateTimeFormat(lang, { month: "numeric", day: "numeric", timeZone: "UTC" });
  // Noon UTC of each date: the label is the date itself whatever the viewer's zone.
  const xs = dates.map((d) => Date.parse(`${d}T12:00:00Z`) / 1000);
  const chart = new uPlot({
    ...sized(el),
    legend: { show: false },
    cursor: { show: false },
    scales: {
      x: { time: false, range: [xs[0] - 43200, xs[xs.length - 1] + 43200] },
      y: { range: (_u, _m, max) => [0, Math.max(max ?? 0, 60)] },
    },
    axes: [
      // Every day a tick; on a narrow panel (a tablet held upright) every other day a label, so none overlap.
      { ...axis, splits: () => xs, values: (u, splits) => {
        const step = Math.max(1, Math.ceil((splits.length * 46) / Math.max(1, u.width)));
        return splits.map((s, i) => ((splits.length - 1 - i) % step === 0 ? day.format(new Date(s * 1000)) : ""));
      } },
      { ...axis, size: 50 },
    ],
    series: [
      {},
      { label: labels.active, stroke: "#ffb347", fill: "rgba(255,179,71,0.45)",
        paths: uPlot.paths.bars!({ size: [0.6, 40] }), points: { show: false } },
      { label: labels.longestStill, stroke: "#4cd97b", width: 2, points: { show: true, size: 6 } },
    ],
  }, [xs, active, longestStill], el);
  return follow(el, chart);
}
