// One <li> per senior id, created once and updated in place: a push changes the text of one tile, never the grid,
// so focus, scroll position and a screen reader's place survive. Filtering only toggles `hidden`.
import { batteryWords, needsAttention, SeniorTile, stateWords } from "./tile-words";

export type Filter = "all" | "attention" | "alerts" | "offline" | "battery-low" | "not-worn" | "still";

const matchers: Record<Filter, (t: SeniorTile) => boolean> = {
  all: () => true,
  attention: needsAttention,
  alerts: t => t.state === "alert" || t.state === "check-in",
  offline: t => t.state === "offline",
  "battery-low": t => t.batteryLow,
  "not-worn": t => t.state === "not-worn" || t.state === "on-charger",
  still: t => t.state === "still" || t.state === "sleep-window",
};

export class TileGrid {
  private readonly tiles = new Map<string, SeniorTile>();
  private readonly items = new Map<string, HTMLLIElement>();
  private filter: Filter = "all";
  private query = "";

  constructor(private readonly list: HTMLElement, private readonly template: HTMLTemplateElement) {}

  get size(): number { return this.tiles.size; }

  get shown(): number { let n = 0; for (const t of this.tiles.values()) if (this.matches(t)) n++; return n; }

  get attention(): number { let n = 0; for (const t of this.tiles.values()) if (needsAttention(t)) n++; return n; }

  get(id: string): SeniorTile | undefined { return this.tiles.get(id); }

  /** Shows the tiles in the server's order (by name): new ones are added, known ones updated, gone ones removed. */
  load(tiles: SeniorTile[], now: number): void {
    const keep = new Set(tiles.map(t => t.seniorId));
    for (const id of [...this.items.keys()]) if (!keep.has(id)) this.remove(id);
    const fresh = document.createDocumentFragment();
    for (const t of tiles) {
      if (this.items.has(t.seniorId)) this.update(t, now);
      else fresh.append(this.create(t, now));
    }
    // First load: one append of the whole fragment. A reload adds only seniors that are new since.
    if (this.items.size === tiles.length && this.list.childElementCount === 0) this.list.append(fresh);
    else for (const li of [...fresh.children] as HTMLLIElement[]) this.insertSorted(li);
  }

  /** A pushed tile: updated in place (or added where its name sorts); an older view than the one shown is ignored. */
  update(t: SeniorTile, now: number): void {
    const known = this.tiles.get(t.seniorId);
    if (known && Date.parse(known.asOf) > Date.parse(t.asOf)) return;
    const li = this.items.get(t.seniorId);
    if (!li) { this.insertSorted(this.create(t, now)); return; }
    this.tiles.set(t.seniorId, t);
    this.paint(li, t, now);
  }

  setFilter(filter: Filter, query: string): void {
    this.filter = filter;
    this.query = query.trim().toLocaleLowerCase();
    for (const [id, li] of this.items) li.hidden = !this.matches(this.tiles.get(id)!);
  }

  /** Recounts the minutes of the still tiles (called once a minute). */
  tick(now: number): void {
    for (const [id, t] of this.tiles) if (t.stillSince || t.since) this.paint(this.items.get(id)!, t, now);
  }

  private matches(t: SeniorTile): boolean {
    return matchers[this.filter](t) && (this.query === "" || t.name.toLocaleLowerCase().includes(this.query));
  }

  private create(t: SeniorTile, now: number): HTMLLIElement {
    const li = (this.template.content.firstElementChild as HTMLLIElement).cloneNode(true) as HTMLLIElement;
    li.dataset.seniorId = t.seniorId;
    const link = li.querySelector<HTMLAnchorElement>(".name")!;
    link.href = `/Seniors/${encodeURIComponent(t.seniorId)}`;
    this.tiles.set(t.seniorId, t);
    this.items.set(t.seniorId, li);
    this.paint(li, t, now);
    return li;
  }

  private paint(li: HTMLLIElement, t: SeniorTile, now: number): void {
    const [state, detail] = stateWords(t, now);
    const className = `tile state-${t.state}${t.batteryLow ? " battery-low" : ""}`
      + (t.alertSeverity === "critical" && t.state === "alert" ? " critical" : "");
    if (li.className !== className) li.className = className;
    set(li.querySelector(".name")!, t.name);
    set(li.querySelector(".state")!, state);
    set(li.querySelector(".detail")!, detail);
    set(li.querySelector(".battery")!, batteryWords(t));
    li.hidden = !this.matches(t);
  }

  private insertSorted(li: HTMLLIElement): void {
    const name = this.tiles.get(li.dataset.seniorId!)!.name;
    const next = [...this.items.values()].find(other => other !== li && other.isConnected
      && this.tiles.get(other.dataset.seniorId!)!.name.localeCompare(name) > 0);
    this.list.insertBefore(li, next ?? null);
  }

  private remove(id: string): void {
    this.items.get(id)?.remove();
    this.items.delete(id);
    this.tiles.delete(id);
  }
}

// Writing the same text again would still cost a layout and make a screen reader re-read it.
function set(node: Element, value: string): void {
  if (node.textContent !== value) node.textContent = value;
}
