// The senior page (Pages/Seniors/Detail.cshtml): draws today's minutes and the last 14 days as charts, each with a
// summary line and a table as its text alternative, and refreshes them and "right now" every minute. The rest of
// the page is rendered on the server.
import { getJson } from "../shared/api";
import { formatCulture, formatNumber, text } from "../shared/text";
import { byHour, minuteColumns } from "../senior/hours";
import { drawDays, drawToday, type ChartLabels } from "../senior/charts";
import { duration, placeBars, refreshStillness } from "../senior/stillness";
import type { ActivityDays, DayMinutes } from "../senior/types";
import type uPlot from "uplot";
import "uplot/dist/uPlot.min.css";

const page = document.querySelector<HTMLElement>(".senior-page")!;
const seniorId = page.dataset.seniorId!;
const zone = page.dataset.timeZone!;
const lang = formatCulture(); // dates and times: British English for "en", as on the board
const number = { format: (n: number) => formatNumber(n) };
const labels: ChartLabels = {
  movement: text("Movement"), notWorn: text("Watch not worn"), stillLine: text("Still line"),
  active: text("Active minutes"), longestStill: text("Longest still period"),
};

function rows(table: string, cells: string[][]): void {
  const body = document.querySelector<HTMLTableSectionElement>(`#${table} tbody`)!;
  body.replaceChildren(...cells.map((row) => {
    const tr = document.createElement("tr");
    row.forEach((value, i) => {
      const cell = document.createElement(i === 0 ? "th" : "td");
      if (i === 0) cell.scope = "row";
      cell.textContent = value;
      tr.append(cell);
    });
    return tr;
  }));
}

let todayChart: uPlot | undefined;

async function loadToday(days: ActivityDays): Promise<void> {
  const day = await getJson<DayMinutes>(`/api/seniors/${seniorId}/activity`);
  const columns = minuteColumns(day, Date.now());
  const el = document.getElementById("today-chart")!;
  todayChart?.destroy();
  todayChart = drawToday(el, columns, day.stillCeiling, zone, lang, labels);
  el.dataset.points = String(day.minutes.length);
  const hours = byHour(day);
  const today = days.days[days.days.length - 1];
  const active = hours.reduce((n, h) => n + h.active, 0);
  const worn = hours.reduce((n, h) => n + h.worn, 0);
  document.getElementById("today-summary")!.textContent = day.minutes.length === 0
    ? text("No movement data today yet.")
    : text("Today so far: active for {0}, watch worn for {1}, longest still period {2}.", duration(active),
      duration(worn), duration(today?.longestStillMinutes ?? 0));
  const hour = new Intl.DateTimeFormat(lang, { hour: "2-digit", minute: "2-digit", timeZone: "UTC" });
  rows("today-table", hours.filter((h) => h.worn > 0).map((h) =>
    [hour.format(Date.UTC(2000, 0, 1, h.hour)), number.format(h.active), number.format(h.worn)]));
}

async function loadDays(): Promise<ActivityDays> {
  const days = await getJson<ActivityDays>(`/api/seniors/${seniorId}/activity/days?days=14`);
  const el = document.getElementById("days-chart")!;
  drawDays(el, days.days.map((d) => d.date), days.days.map((d) => d.activeMinutes),
    days.days.map((d) => d.longestStillMinutes), lang, labels);
  el.dataset.points = String(days.days.filter((d) => d.wornMinutes > 0).length);
  const date = new Intl.DateTimeFormat(lang, { weekday: "short", month: "numeric", day: "numeric", timeZone: "UTC" });
  const label = (d: string) => date.format(new Date(`${d}T12:00:00Z`));
  const withData = days.days.filter((d) => d.wornMinutes > 0);
  const longest = withData.reduce((a, d) => (d.longestStillMinutes > a.longestStillMinutes ? d : a), withData[0]);
  document.getElementById("days-summary")!.textContent = withData.length === 0
    ? text("No movement data in the last 14 days.")
    : text("{0} days with data: on average active for {1} a day; the longest still period was {2}, on {3}.",
      number.format(withData.length),
      duration(Math.round(withData.reduce((n, d) => n + d.activeMinutes, 0) / withData.length)),
      duration(longest.longestStillMinutes), label(longest.date));
  rows("days-table", days.days.map((d) => [label(d.date), number.format(d.activeMinutes), number.format(d.wornMinutes),
    duration(d.longestStillMinutes)]));
  return days;
}

async function load(): Promise<void> {
  try {
    await loadToday(await loadDays());
  } catch {
    // Say so rather than leave "Loading…": a caregiver must not read an empty chart as "no movement".
    const failed = text("Could not load the movement data. It is tried again every minute.");
    for (const id of ["today-summary", "days-summary"]) document.getElementById(id)!.textContent = failed;
  }
}

placeBars(document);
void load();
// New minutes arrive every minute or so; a quiet refresh keeps the day and "right now" current without touching
// the rest of the page (a failed refresh leaves the last answer, and the next minute tries again).
setInterval(() => {
  void load();
  refreshStillness(seniorId, zone, lang).catch(() => undefined);
}, 60_000);
