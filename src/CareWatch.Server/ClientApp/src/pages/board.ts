// The staff board: alerts, live. On every (re)connect it reloads the alerts from the API and merges the hub's
// pushes by version (board/alert-book.ts), so nothing is missed while the connection was down or the load ran.

import { command } from "../board/alert-actions";
import { AlertBook, isActive } from "../board/alert-book";
import { AlarmControls } from "../board/alarm-controls";
import { AlertCards } from "../board/alert-cards";
import { listenForCardTools } from "../board/card-tools";
import type { Colleague } from "../board/handling";
import { Announcer } from "../board/announcer";
import { ResolveDialog } from "../board/resolve-dialog";
import { getJson } from "../shared/api";
import { Live, showLiveState } from "../shared/live";
import { text } from "../shared/text";
import { insightWords } from "../board/insight-words";

// Staff and supervisors act on alerts (the page renders their tools); a relative's board only shows them.
const canAct = document.getElementById("resolve-dialog") !== null;
const list = document.getElementById("alerts")!;
let colleagues: Colleague[] = []; // whom an alert can be assigned to
const book = new AlertBook();
const cards = new AlertCards(list, document.getElementById("alert-template") as HTMLTemplateElement,
  () => colleagues, canAct);
const controls = canAct ? new AlarmControls(document, list) : null;
const announcer = new Announcer(document.getElementById("announcer")!);
const insights = new Map<number, any>(); // id -> insight view
let heldInsights: any[] | null = null; // insights pushed while a reload is under way
let loaded = false; // never say "All calm" before the alerts have actually been loaded
const connectionBadge = document.getElementById("connection")!;
const summary = document.getElementById("summary")!;
const empty = document.getElementById("empty")!;

function render(): void {
  const now = Date.now();
  book.prune(now);
  const shown = book.shown();
  cards.show(shown, now);
  announcer.announce(shown);
  controls?.update(shown, now);
  const open = shown.filter(isActive).length;
  // "All calm" only on the server's word, current: no open alert of any kind, device health included.
  summary.textContent = !loaded ? text("Loading alerts…")
    : open === 1 ? text("1 open alert")
    : open > 1 ? text("{0} open alerts", open)
    : live.isCurrent ? text("All calm") : text("No open alerts when last updated");
  empty.hidden = !loaded || !live.isCurrent || open !== 0;
  document.title = open ? `(${open}) CareWatch — ${text("alerts")}` : `CareWatch — ${text("alerts")}`;
}

function renderInsights(): void {
  const list = document.getElementById("insights");
  if (!list) return; // a relative's board shows no insights
  const items = [...insights.values()].sort((a, b) => +new Date(b.createdAt) - +new Date(a.createdAt));
  list.replaceChildren(...items.map(i => {
    const item = document.createElement("li");
    const name = document.createElement("strong");
    name.textContent = i.seniorName;
    const { words, english } = insightWords(i);
    const said = document.createElement("span");
    said.textContent = ` — ${words}`;
    if (english) said.lang = "en"; // an older insight's stored English, said right by a screen reader
    item.append(name, said);
    return item;
  }));
  document.getElementById("no-insights")!.hidden = items.length !== 0;
}

// A relative's board shows their senior's alerts, not the bureau's insights: it does not ask for them.
const insightsForStaff = (): Promise<any[]> => canAct ? getJson<any[]>("api/insights") : Promise.resolve([]);

// The colleagues change rarely: a failed load keeps the last list rather than failing the board.
async function colleaguesOrKept(): Promise<Colleague[]> {
  if (!canAct) return [];
  try { return await getJson<Colleague[]>("api/bureau/staff"); } catch { return colleagues; }
}

async function reload(): Promise<void> {
  book.beginReload();
  heldInsights = [];
  try {
    const [alertViews, insightViews, staff] = await Promise.all([getJson<any[]>("api/alerts"), insightsForStaff(),
      colleaguesOrKept()]);
    colleagues = staff;
    book.completeReload(alertViews);
    insights.clear();
    for (const i of [...insightViews, ...heldInsights]) insights.set(i.id, i);
    loaded = true;
  } catch (e) {
    book.abandonReload();
    for (const i of heldInsights) insights.set(i.id, i);
    loaded = false;
    throw e;
  } finally {
    heldInsights = null;
    renderInsights();
  }
}

const live = new Live({
  hub: "hubs/alerts",
  on: {
    AlertChanged: (alert: any) => { if (book.receive(alert)) render(); },
    InsightAdded: (insight: any) => {
      if (heldInsights) heldInsights.push(insight);
      else { insights.set(insight.id, insight); renderInsights(); }
    },
  },
  reload,
  changed: state => { showLiveState(connectionBadge, state); render(); },
});

// Acknowledge and Resolve on a card (present only for staff and supervisors). The answer, or the alert someone
// else changed (409), goes into the book like a push, so the card shows the alert as it is now.
const resolveDialog = document.getElementById("resolve-dialog") as HTMLDialogElement | null;
const dialog = resolveDialog ? new ResolveDialog(resolveDialog) : null;
list.addEventListener("click", async event => {
  const button = (event.target as Element).closest<HTMLButtonElement>("button[data-action]");
  const card = button?.closest<HTMLElement>("li[data-alert-id]");
  const alert = card && book.get(Number(card.dataset.alertId));
  if (!button || !card || !alert || button.disabled) return;
  const status = card.querySelector(".action-status")!;
  let body = {};
  if (button.dataset.action === "resolve") {
    const answer = await dialog?.ask(alert);
    if (!answer) return;
    body = answer;
  }
  status.textContent = "";
  for (const b of card.querySelectorAll<HTMLButtonElement>("button[data-action]")) b.disabled = true;
  try {
    const result = await command(alert, button.dataset.action!, body);
    status.textContent = result.message;
    if (result.alert && book.receive(result.alert)) render();
  } catch {
    status.textContent = text("Could not reach the server — try again");
  } finally {
    for (const b of card.querySelectorAll<HTMLButtonElement>("button[data-action]")) b.disabled = false;
  }
});

listenForCardTools(list, { alert: id => book.get(id), receive: alert => { if (book.receive(alert)) render(); } });

// Keeps the live durations current (by the second while an alert waits); a closed card whose time is over leaves.
setInterval(() => {
  const now = Date.now();
  if (book.prune(now)) render();
  else cards.tick(now);
}, 1000);
void live.start();
