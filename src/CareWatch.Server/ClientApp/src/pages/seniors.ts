// The seniors board: a tile per senior of the bureau, live. On every (re)connect it reloads the tiles from the API;
// pushes that arrive during the load are applied after it, and each tile keeps the newest view (asOf), so nothing
// missed while the connection was down stays missed. Pushes are applied in one batch per animation frame.
// Performance marks for the benchmark (ops/bench.sh seniors-board): "seniors:first-render" once the first list is
// on screen, and a "seniors:update" measure per applied batch of pushes (detail: how many tiles).
import { getJson } from "../shared/api";
import { Live, showLiveState } from "../shared/live";
import { formatNumber, text } from "../shared/text";
import { Filter, TileGrid } from "../seniors/tile-grid";
import { SeniorTile } from "../seniors/tile-words";

const grid = new TileGrid(document.getElementById("tiles")!,
  document.getElementById("tile-template") as HTMLTemplateElement);
const summary = document.getElementById("summary")!;
const results = document.getElementById("results")!;
const search = document.getElementById("search") as HTMLInputElement;
const chips = [...document.querySelectorAll<HTMLButtonElement>("#filters button[data-filter]")];
const badge = document.getElementById("connection")!;
// ?bench=plain: every push painted at once and no content-visibility, to measure what batching saves.
const plain = new URLSearchParams(location.search).get("bench") === "plain";
if (plain) document.body.classList.add("plain");

let loaded = false;
let held: SeniorTile[] | null = null; // pushes during a reload
const queued = new Map<string, SeniorTile>(); // pushes waiting for the next frame, newest per senior
let frame = 0;
let filter: Filter = "all";

function showCounts(): void {
  if (!loaded) return;
  const total = grid.size;
  const attention = grid.attention;
  summary.textContent = attention > 0
    ? text("{0} seniors · {1} need attention", formatNumber(total), formatNumber(attention))
    : text("{0} seniors", formatNumber(total));
  const shown = grid.shown;
  const words = shown === 0 ? text("No senior matches.")
    : text("{0} of {1} seniors shown", formatNumber(shown), formatNumber(total));
  if (results.textContent !== words) results.textContent = words;
}

async function reload(): Promise<void> {
  held = [];
  try {
    const tiles = await getJson<SeniorTile[]>("api/seniors/states");
    const first = !loaded;
    grid.load(tiles, Date.now());
    for (const t of held) grid.update(t, Date.now());
    loaded = true;
    showCounts();
    if (first) {
      performance.mark("seniors:first-render", { detail: { tiles: tiles.length } });
      // After the browser has laid the grid out and painted it.
      requestAnimationFrame(() => setTimeout(() => performance.mark("seniors:first-paint")));
    }
  } finally {
    held = null;
  }
}

function flush(): void {
  frame = 0;
  const start = performance.now();
  const now = Date.now();
  for (const t of queued.values()) grid.update(t, now);
  const count = queued.size;
  queued.clear();
  showCounts();
  performance.measure("seniors:update", { start, end: performance.now(), detail: { tiles: count } });
}

function receive(t: SeniorTile): void {
  if (held) { held.push(t); return; }
  queued.set(t.seniorId, t);
  if (plain) flush();
  else if (!frame) frame = requestAnimationFrame(flush);
}

// Chips: one pressed at a time, like radio buttons, but real buttons a keyboard reaches with Tab.
for (const chip of chips) chip.addEventListener("click", () => {
  filter = chip.dataset.filter as Filter;
  for (const c of chips) c.setAttribute("aria-pressed", String(c === chip));
  grid.setFilter(filter, search.value);
  showCounts();
});
search.addEventListener("input", () => { grid.setFilter(filter, search.value); showCounts(); });

const live = new Live({
  hub: "hubs/alerts",
  on: {
    SeniorStateChanged: receive,
    // The hub also carries the alert queue's messages; this page shows their effect through its tiles.
    AlertChanged: () => {}, AlertCalled: () => {}, InsightAdded: () => {},
  },
  reload,
  changed: state => showLiveState(badge, state),
});

// "Still for N min" counts up here; the server pushes only when a state changes.
setInterval(() => grid.tick(Date.now()), 20000);
void live.start();
