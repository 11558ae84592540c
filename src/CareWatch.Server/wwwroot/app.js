// The staff board: open alerts, live. On every (re)connect it reloads the open alerts from the API,
// then applies pushes from the hub, so nothing is missed while the connection was down.
"use strict";

const alerts = new Map(); // id -> alert view
const insights = new Map(); // id -> insight view
let loaded = false; // never say "All calm" before the alerts have actually been loaded
const list = document.getElementById("alerts");
const template = document.getElementById("alert-template");
const connectionBadge = document.getElementById("connection");
const summary = document.getElementById("summary");
const empty = document.getElementById("empty");
const kindLabels = {
  inactivity: "No movement", sos: "SOS", fall: "Fall",
  "not-worn": "Watch off", "left-charging": "On charger", offline: "Watch offline",
};

function formatDuration(ms) {
  const minutes = Math.max(0, Math.floor(ms / 60000));
  const h = Math.floor(minutes / 60), m = minutes % 60;
  return h > 0 ? `${h} h ${String(m).padStart(2, "0")} min` : `${m} min`;
}

// The senior's own clock: "still since 03:10" must match what the explanation and the family say.
function formatTime(iso, timeZone) {
  const options = { hour: "2-digit", minute: "2-digit", hourCycle: "h23" };
  try { return new Date(iso).toLocaleTimeString([], { ...options, timeZone }); }
  catch { return new Date(iso).toLocaleTimeString([], options); }
}

function render() {
  const open = [...alerts.values()].filter(a => a.status === "open")
    .sort((a, b) => new Date(a.stillSince ?? a.raisedAt) - new Date(b.stillSince ?? b.raisedAt));
  list.replaceChildren(...open.map(a => {
    const item = template.content.firstElementChild.cloneNode(true);
    item.dataset.alertId = a.id;
    item.classList.add(`kind-${a.kind}`);
    item.querySelector(".kind").textContent = kindLabels[a.kind] ?? a.kind;
    item.querySelector(".name").textContent = a.seniorName;
    const since = a.stillSince ?? a.raisedAt;
    item.querySelector(".duration").textContent = formatDuration(Date.now() - new Date(since));
    item.querySelector(".since").textContent = a.stillSince ? `still since ${formatTime(since, a.seniorTimeZone)}` : `at ${formatTime(since, a.seniorTimeZone)}`;
    item.querySelector(".explanation").textContent = a.explanation;
    return item;
  }));
  summary.textContent = !loaded ? "Loading alerts…"
    : open.length === 0 ? "All calm" : `${open.length} open alert${open.length > 1 ? "s" : ""}`;
  empty.hidden = !loaded || open.length !== 0;
  document.title = open.length ? `(${open.length}) CareWatch — alerts` : "CareWatch — alerts";
}

function renderInsights() {
  const list = document.getElementById("insights");
  const items = [...insights.values()].sort((a, b) => new Date(b.createdAt) - new Date(a.createdAt));
  list.replaceChildren(...items.map(i => {
    const item = document.createElement("li");
    const name = document.createElement("strong");
    name.textContent = i.seniorName;
    item.append(name, document.createTextNode(` — ${i.summary}`));
    return item;
  }));
  document.getElementById("no-insights").hidden = items.length !== 0;
}

async function getJson(path) {
  const response = await fetch(path, { headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(`GET ${path} answered ${response.status}`);
  return response.json();
}

async function reload() {
  const [openAlerts, openInsights] = await Promise.all([getJson("api/alerts"), getJson("api/insights")]);
  alerts.clear();
  for (const a of openAlerts) alerts.set(a.id, a);
  insights.clear();
  for (const i of openInsights) insights.set(i.id, i);
  loaded = true;
  render();
  renderInsights();
}

// A failed load must be loud: an empty board would read as "nobody needs help".
async function reloadOrWarn() {
  try {
    await reload();
    if (connectionBadge.textContent.startsWith("Cannot load")) setConnection("live", "Live");
  } catch (e) {
    loaded = false;
    render();
    setConnection("down", "Cannot load alerts — retrying");
    setTimeout(reloadOrWarn, 3000);
  }
}

function setConnection(state, text) {
  connectionBadge.className = `connection ${state}`;
  connectionBadge.textContent = text;
}

async function start() {
  if (!window.signalR) {
    setConnection("down", "Live updates unavailable (SignalR client missing: run ops/web-assets.sh)");
    await reloadOrWarn();
    return;
  }
  const connection = new signalR.HubConnectionBuilder()
    .withUrl("hubs/alerts")
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: ctx => Math.min(10000, 500 * 2 ** ctx.previousRetryCount) })
    .build();
  connection.on("AlertChanged", alert => { alerts.set(alert.id, alert); render(); });
  connection.on("InsightAdded", insight => { insights.set(insight.id, insight); renderInsights(); });
  connection.onreconnecting(() => setConnection("down", "Reconnecting… the board may be out of date"));
  connection.onreconnected(async () => { setConnection("live", "Live"); await reloadOrWarn(); });
  connection.onclose(() => { setConnection("down", "Disconnected — retrying"); setTimeout(start, 3000); });
  try {
    await connection.start();
    setConnection("live", "Live");
    await reloadOrWarn();
  } catch (e) {
    setConnection("down", "Cannot reach the server — retrying");
    setTimeout(start, 3000);
  }
}

setInterval(render, 15000); // keep the "still for" durations current
start();
