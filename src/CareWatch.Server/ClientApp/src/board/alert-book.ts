// The alerts the board knows, merged by version: per alert id it keeps the highest version it has seen, so a
// push and a reload can arrive in any order. Pushes that arrive while a reload is under way are held and
// applied after it: the reload's answer may predate them (a new SOS) or contradict them (a stale "open").

import { severityOf } from "./words";

export class AlertBook {
  #alerts = new Map(); // id -> alert view
  #held = null; // pushes received during a reload, or null when none is under way

  /** Applies a pushed alert now, or after the reload under way; true when the board must be redrawn now. */
  receive(view) {
    if (this.#held) { this.#held.push(view); return false; }
    return merge(this.#alerts, view);
  }

  /** The alert with this id as the board knows it, or undefined. */
  get(id) { return this.#alerts.get(id); }

  /** Call before asking the server for its list. */
  beginReload() { this.#held = []; }

  /** The server's list replaces what the board had, except where a push has told of a newer version. */
  completeReload(views) {
    const next = new Map();
    for (const view of views) merge(next, view);
    for (const known of this.#alerts.values()) if (next.has(known.id)) merge(next, known);
    for (const view of this.#held) merge(next, view);
    this.#alerts = next;
    this.#held = null;
  }

  /** The reload failed: keep what the board had, plus the pushes held meanwhile. */
  abandonReload() {
    for (const view of this.#held ?? []) merge(this.#alerts, view);
    this.#held = null;
  }

  /** Drops closed alerts whose time on the board is over; true when any went. */
  prune(now) {
    const expired = [...this.#alerts.values()].filter(a => a.shownUntil && new Date(a.shownUntil) <= now);
    for (const a of expired) this.#alerts.delete(a.id);
    return expired.length > 0;
  }

  /** Open alerts, most severe first and then the longest waiting; then the recently closed, newest first. */
  shown() {
    const all = [...this.#alerts.values()];
    const open = all.filter(isActive).sort((a, b) =>
      severityOf(a.kind) - severityOf(b.kind) || new Date(a.startedAt) - new Date(b.startedAt) || a.id - b.id);
    const closed = all.filter(a => !isActive(a)).sort((a, b) => new Date(b.closedAt) - new Date(a.closedAt));
    return [...open, ...closed];
  }
}

function merge(alerts, view) {
  const known = alerts.get(view.id);
  if (known && known.version >= view.version) return false;
  alerts.set(view.id, view);
  return true;
}

/** Whether the alert is still someone's business (checking, open or acknowledged), not closed. */
export const isActive = alert => alert.status === "checking" || alert.status === "open" || alert.status === "acknowledged";
