// The repeating alarm tone of the board: while an SOS, fall or no-movement alert is open (nobody has taken it), a
// two-note tone every two seconds, made with the Web Audio API (no sound file to ship or to fail to load). It
// stops as soon as the alert is acknowledged anywhere in the bureau (the push changes its status). Muting is per
// device (localStorage), never global nor on the server: one muted tablet must not silence a colleague's.
// The state is on <body> for people and tests alike: data-sounding (the alarm wants to be heard), data-tones
// (tones actually started), data-audio (running, or blocked until the browser has seen a click or a key).

import { isEmergency } from "./words";

const mutedKey = "carewatch.alarm.muted";
const everyMs = 2000;

/** Whether the alert calls for the alarm tone: an emergency staff have been called about and nobody has taken. */
export const needsAlarm = (alert: { kind: string; status: string }): boolean =>
  alert.status === "open" && isEmergency(alert.kind);

export class AlarmSound {
  #body: HTMLElement;
  #storage: Storage | null;
  #context: AudioContext | null = null;
  #timer: number | null = null;
  #wanted = false;
  #tones = 0;
  #muted: boolean;
  #changed: (sound: AlarmSound) => void;

  constructor(body: HTMLElement, storage: Storage | null, changed: (sound: AlarmSound) => void = () => {}) {
    this.#body = body;
    this.#storage = storage;
    this.#changed = changed;
    this.#muted = read(storage) === "1";
    this.#show();
  }

  /** Muted on this device. */
  get muted(): boolean { return this.#muted; }

  /** Whether the browser lets the page play sound yet (it needs a click or a key on the page first). */
  get blocked(): boolean { return this.#context?.state !== "running"; }

  /** Mutes or unmutes this device, remembered across reloads. */
  setMuted(muted: boolean): void {
    this.#muted = muted;
    try { this.#storage?.setItem(mutedKey, muted ? "1" : "0"); } catch { /* private mode: this page only */ }
    this.#apply();
  }

  /** Call from a click or key press: browsers start sound only after the person has interacted with the page. */
  unlock(): void {
    try {
      this.#context ??= new AudioContext();
      if (this.#context.state === "suspended") {
        void this.#context.resume().then(() => { this.#show(); if (this.#sounding) this.#tone(); });
      }
    } catch { /* no Web Audio: the visual cue and the notification remain */ }
    this.#show();
  }

  /** Sounds while <paramref name="wanted"/> holds (some alert needs the alarm), until muted. */
  update(wanted: boolean): void {
    this.#wanted = wanted;
    this.#apply();
  }

  get #sounding(): boolean { return this.#wanted && !this.#muted; }

  #apply(): void {
    if (this.#sounding && this.#timer === null) {
      this.#tone();
      this.#timer = window.setInterval(() => this.#tone(), everyMs);
    } else if (!this.#sounding && this.#timer !== null) {
      window.clearInterval(this.#timer);
      this.#timer = null;
    }
    this.#show();
  }

  // Two short notes (880 Hz, then 660 Hz): recognisable, not shrill, audible over a television.
  #tone(): void {
    const context = this.#context;
    if (!context || context.state !== "running") return;
    const start = context.currentTime;
    for (const [offset, frequency] of [[0, 880], [0.35, 660]] as const) {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, start + offset);
      gain.gain.exponentialRampToValueAtTime(0.4, start + offset + 0.03);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.3);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(start + offset);
      oscillator.stop(start + offset + 0.32);
    }
    this.#tones++;
    this.#show();
  }

  #show(): void {
    const data = this.#body.dataset;
    data.sounding = String(this.#sounding);
    data.tones = String(this.#tones);
    data.audio = this.blocked ? "blocked" : "running";
    data.muted = String(this.#muted);
    this.#changed(this);
  }
}

function read(storage: Storage | null): string | null {
  try { return storage?.getItem(mutedKey) ?? null; } catch { return null; }
}
