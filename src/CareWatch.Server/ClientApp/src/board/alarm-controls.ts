// The board's alarm controls (staff boards): the tone, muted per device, turned on by the first click or key
// (browsers hold sound back until then, and the page says so), desktop notifications on request, and the
// shortcuts list. The cards that call for the alarm are marked by alert-cards.ts (class "alarming").
import { text } from "../shared/text";
import { AlarmSound, needsAlarm } from "./alarm";
import { DesktopNotices } from "./desktop-notices";
import { explain } from "./explain";
import { listenForShortcuts } from "./shortcuts";
import { kindLabel } from "./words";

/** The controls of a staff board; update() after every render. */
export class AlarmControls {
  #sound: AlarmSound;
  #notices: DesktopNotices;

  constructor(doc: Document, list: HTMLElement) {
    const enable = doc.getElementById("sound-enable") as HTMLButtonElement;
    const mute = doc.getElementById("sound-mute") as HTMLButtonElement;
    const state = doc.getElementById("alarm-state")!;
    let storage: Storage | null = null;
    try { storage = window.localStorage; } catch { /* storage refused: muting lasts for this page only */ }
    this.#sound = new AlarmSound(doc.body, storage, sound => {
      enable.hidden = !sound.blocked;
      mute.setAttribute("aria-pressed", String(sound.muted));
      const words = sound.muted ? text("Alarm muted on this device.")
        : sound.blocked ? text("The browser holds the alarm sound back until you click or press a key on this page.")
        : "";
      if (state.textContent !== words) state.textContent = words;
    });
    this.#notices = new DesktopNotices(doc.getElementById("notify-enable") as HTMLButtonElement | null);
    // Any click or key counts as the person's go-ahead for sound; the button says so outright. On click, not on
    // pointerdown: the button and the hint then go, and nothing may move between the press and the click.
    for (const type of ["click", "keydown"]) doc.addEventListener(type, () => this.#sound.unlock(), true);
    enable.addEventListener("click", () => this.#sound.unlock());
    mute.addEventListener("click", () => this.#sound.setMuted(!this.#sound.muted));
    const shortcuts = doc.getElementById("shortcuts-dialog") as HTMLDialogElement;
    doc.getElementById("shortcuts-open")!.addEventListener("click", () => shortcuts.showModal());
    listenForShortcuts(doc, {
      cards: () => [...list.querySelectorAll<HTMLElement>("li[data-alert-id]")],
      help: () => shortcuts.showModal(),
    });
  }

  /** Sounds and notifies while an emergency waits for someone; stops when none does. */
  update(alerts: any[], now: number): void {
    const waiting = alerts.filter(needsAlarm);
    this.#sound.update(waiting.length > 0);
    this.#notices.notify(waiting.map(a => ({
      id: a.id, title: `${kindLabel(a.kind)}: ${a.seniorName}`, body: explain(a, now) ?? "",
    })));
  }
}
