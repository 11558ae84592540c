// The staff board: alerts, live. On every (re)connect it reloads the alerts from the API and merges the hub's
// pushes by version (js/alert-book.js), so nothing is missed while the connection was down or the load ran.

import { command } from "./js/alert-actions.js";
import { AlertBook, isActive } from "./js/alert-book.js";
import { AlertCards } from "./js/alert-cards.js";
import { Announcer } from "./js/announcer.js";
import { ResolveDialog } from "./js/resolve-dialog.js";

const book = new AlertBook();
const cards = new AlertCards(document.getElementById("alerts"), document.getElementById("alert-template"));
const announcer = new Announcer(document.getElementById("announcer"));
const insights = new Map(); // id -> insight view
let heldInsights = null; // insights pushed while a reload is under way
let loaded = false; // never say "All calm" before the alerts have actually been loaded
let live = false; // pushes are arriving and the last reload succeeded: the board is current
let connection = null; // the hub connection, once SignalR is there
const connectionBadge = document.getElementById("connection");
const summary = document.getElementById("summary");
const empty = document.getElementById("empty");

function render() {
  const now = Date.now();
  book.prune(now);
  const shown = book.shown();
  cards.show(shown, now);
  announcer.announce(shown);
  const open = shown.filter(isActive).length;
  // "All calm" only on the server's word, current: no open alert of any kind, device health included.
  summary.textContent = !loaded ? "Loading alerts…"
    : open > 0 ? `${open} open alert${open > 1 ? "s" : ""}`
    : live ? "All calm" : "No open alerts when last updated";
  empty.hidden = !loaded || !live || open !== 0;
  document.title = open ? `(${open}) CareWatch — alerts` : "CareWatch — alerts";
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
  // The sign-in ended (expired, signed out elsewhere, account disabled): sign in again and come back.
  if (response.status === 401) window.location.assign(`/Account/Login?returnUrl=${encodeURIComponent(location.pathname)}`);
  if (!response.ok) throw new Error(`GET ${path} answered ${response.status}`);
  return response.json();
}

// A relative's account sees their senior's alerts, not the bureau's insights: an empty list, not an error.
async function getJsonOrEmpty(path) {
  try { return await getJson(path); } catch (e) { if (String(e).includes("answered 403")) return []; throw e; }
}

async function reload() {
  book.beginReload();
  heldInsights = [];
  try {
    const [alertViews, insightViews] = await Promise.all([getJson("api/alerts"), getJsonOrEmpty("api/insights")]);
    book.completeReload(alertViews);
    insights.clear();
    for (const i of [...insightViews, ...heldInsights]) insights.set(i.id, i);
  } catch (e) {
    book.abandonReload();
    for (const i of heldInsights) insights.set(i.id, i);
    throw e;
  } finally {
    heldInsights = null;
  }
  loaded = true;
}

const hubConnected = () => Boolean(window.signalR) && connection?.state === signalR.HubConnectionState.Connected;

// A failed load must be loud: an empty board would read as "nobody needs help".
async function reloadOrWarn() {
  try {
    await reload();
    // Current only if pushes are still arriving; a drop meanwhile brings another reload on reconnect.
    live = hubConnected();
    if (live && connectionBadge.textContent.startsWith("Cannot load")) setConnection("live", "Live");
  } catch (e) {
    loaded = live = false;
    setConnection("down", "Cannot load alerts — retrying");
    setTimeout(queueReload, 3000);
  }
  render();
  renderInsights();
}

// One reload at a time: a reconnect during a slow load waits for it, then loads again.
let reloads = Promise.resolve();
function queueReload() {
  reloads = reloads.then(reloadOrWarn);
  return reloads;
}

function setConnection(state, text) {
  connectionBadge.className = `connection ${state}`;
  connectionBadge.textContent = text;
}

function notLive(text) {
  live = false;
  setConnection("down", text);
  render();
}

async function start() {
  if (!window.signalR) {
    setConnection("down", "Live updates unavailable (SignalR client missing: run ops/web-assets.sh)");
    await queueReload();
    return;
  }
  connection = new signalR.HubConnectionBuilder()
    .withUrl("hubs/alerts")
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: ctx => Math.min(10000, 500 * 2 ** ctx.previousRetryCount) })
    .build();
  connection.on("AlertChanged", alert => { if (book.receive(alert)) render(); });
  connection.on("InsightAdded", insight => {
    if (heldInsights) heldInsights.push(insight);
    else { insights.set(insight.id, insight); renderInsights(); }
  });
  connection.onreconnecting(() => notLive("Reconnecting… the board may be out of date"));
  connection.onreconnected(async () => { setConnection("live", "Live"); await queueReload(); });
  connection.onclose(() => { notLive("Disconnected — retrying"); setTimeout(start, 3000); });
  try {
    await connection.start();
    setConnection("live", "Live");
    await queueReload();
  } catch (e) {
    notLive("Cannot reach the server — retrying");
    setTimeout(start, 3000);
  }
}

// Acknowledge and Resolve on a card (present only for staff and supervisors). The answer, or the alert someone
// else changed (409), goes into the book like a push, so the card shows the alert as it is now.
const resolveDialog = document.getElementById("resolve-dialog");
const dialog = resolveDialog ? new ResolveDialog(resolveDialog) : null;
document.getElementById("alerts").addEventListener("click", async event => {
  const button = event.target.closest("button[data-action]");
  const card = button?.closest("li[data-alert-id]");
  const alert = card && book.get(Number(card.dataset.alertId));
  if (!alert || button.disabled) return;
  const status = card.querySelector(".action-status");
  let body = {};
  if (button.dataset.action === "resolve") {
    body = await dialog.ask(alert);
    if (!body) return;
  }
  status.textContent = "";
  for (const b of card.querySelectorAll("button[data-action]")) b.disabled = true;
  try {
    const result = await command(alert, button.dataset.action, body);
    status.textContent = result.message;
    if (result.alert && book.receive(result.alert)) render();
  } catch (e) {
    status.textContent = "Could not reach the server — try again";
  } finally {
    for (const b of card.querySelectorAll("button[data-action]")) b.disabled = false;
  }
});

// Keeps the live durations current; a closed card whose time is over leaves the board.
setInterval(() => {
  const now = Date.now();
  if (book.prune(now)) render();
  else cards.tick(now);
}, 15000);
start();
