// Says a new emergency (SOS, fall, no movement) out loud through an aria-live="assertive" region, once per
// alert: a reload after a reconnect does not repeat what was already announced.

import { isEmergency, kindLabel } from "./words";

export class Announcer {
  #region;
  #announced = new Set();

  constructor(region) { this.#region = region; }

  /** Announces the open emergencies among these alerts that have not been announced yet. */
  announce(alerts) {
    const fresh = alerts.filter(a => a.status === "open" && isEmergency(a.kind) && !this.#announced.has(a.id));
    if (fresh.length === 0) return;
    for (const a of fresh) this.#announced.add(a.id);
    this.#region.textContent = fresh.map(a => `${kindLabel(a.kind)}: ${a.seniorName}`).join(". ");
  }
}
