// A page's live connection to a SignalR hub. On every (re)connect the page reloads its picture from the API and
// merges the pushes that arrive meanwhile, so nothing missed while the connection was down stays missed; the
// badge says so whenever the page may be out of date ("never a stale all-calm"). One reload runs at a time.
import * as signalR from "@microsoft/signalr";
import { text } from "./text";

/** Where the connection stands, as the badge shows it. */
export type LiveState = "connecting" | "live" | "reconnecting" | "down" | "unreachable" | "load-failed";

export interface LiveOptions {
  /** The hub's path, e.g. "/hubs/alerts". */
  hub: string;
  /** Hub methods the page handles, by name. */
  on: Record<string, (...args: any[]) => void>;
  /** Loads the page's current picture from the API; called on every (re)connect. Throws when it failed. */
  reload: () => Promise<void>;
  /** The state changed (the badge); `current` is true once a reload succeeded while pushes were arriving. */
  changed: (state: LiveState, current: boolean) => void;
}

export class Live {
  private readonly connection: signalR.HubConnection;
  private reloads: Promise<void> = Promise.resolve();
  private state: LiveState = "connecting";
  private current = false;

  constructor(private readonly options: LiveOptions) {
    this.connection = new signalR.HubConnectionBuilder()
      .withUrl(options.hub)
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: c => Math.min(10000, 500 * 2 ** c.previousRetryCount) })
      .build();
    for (const [name, handler] of Object.entries(options.on)) this.connection.on(name, handler);
    this.connection.onreconnecting(() => this.set("reconnecting", false));
    // If it drops again before it is ready, onreconnecting or onclose says so.
    this.connection.onreconnected(() => void this.joinedThenReload().catch(() => undefined));
    // Automatic reconnection gave up (or the server closed it): start over, for as long as the page is open.
    this.connection.onclose(() => { this.set("down", false); setTimeout(() => void this.start(), 3000); });
  }

  /** Pushes are arriving and the last reload succeeded: what the page shows is current. */
  get isCurrent(): boolean { return this.current; }

  /** Calls a hub method (for example to join a senior's group). */
  invoke<T>(method: string, ...args: unknown[]): Promise<T> { return this.connection.invoke<T>(method, ...args); }

  async start(): Promise<void> {
    try {
      await this.connection.start();
      await this.joinedThenReload();
    } catch {
      this.set("unreachable", false);
      setTimeout(() => void this.start(), 3000);
    }
  }

  // The handshake completes before the server has joined this connection to its groups; a push in between would
  // be missed, and so would a change committed after the reload read. The server runs "Ready" only once the groups
  // are joined: from then on pushes arrive, so the badge says "Live" (not yet current) and the reload that follows
  // sees everything the pushes will not.
  private async joinedThenReload(): Promise<void> {
    await this.connection.invoke("Ready");
    this.set("live", false);
    await this.reload();
  }

  /** Queues a reload after the one under way (a reconnect during a slow load loads again). */
  reload(): Promise<void> {
    this.reloads = this.reloads.then(() => this.reloadOnce());
    return this.reloads;
  }

  private async reloadOnce(): Promise<void> {
    try {
      await this.options.reload();
      const connected = this.connection.state === signalR.HubConnectionState.Connected;
      this.set(connected ? "live" : this.state === "load-failed" ? "down" : this.state, connected);
    } catch {
      // A failed load must be loud: an empty page would read as "nobody needs help".
      this.set("load-failed", false);
      setTimeout(() => void this.reload(), 3000);
    }
  }

  private set(state: LiveState, current: boolean): void {
    this.state = state;
    this.current = current;
    this.options.changed(state, current);
  }
}

/** The badge's words for a state. */
export function liveWords(state: LiveState): string {
  switch (state) {
    case "connecting": return text("Connecting…");
    case "live": return text("Live");
    case "reconnecting": return text("Reconnecting… this page may be out of date");
    case "down": return text("Disconnected — retrying");
    case "unreachable": return text("Cannot reach the server — retrying");
    case "load-failed": return text("Cannot load — retrying");
  }
}

/** Shows the state on a badge element (class "connection live|connecting|down"). */
export function showLiveState(badge: HTMLElement, state: LiveState): void {
  badge.className = `connection ${state === "live" ? "live" : state === "connecting" ? "connecting" : "down"}`;
  badge.textContent = liveWords(state);
}
