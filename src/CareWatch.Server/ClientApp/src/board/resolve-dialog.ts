// The small dialog that asks what staff found before an alert is closed: one outcome (required) and a note.

import { text as t } from "../shared/text";
import { outcomeLabels } from "./alert-actions";

export class ResolveDialog {
  #dialog;

  constructor(dialog) {
    this.#dialog = dialog;
    const outcomes = dialog.querySelector(".outcomes");
    outcomes.replaceChildren(...Object.entries(outcomeLabels).map(([value, text], i) => {
      const label = document.createElement("label");
      const input = Object.assign(document.createElement("input"),
        { type: "radio", name: "outcome", value, required: i === 0 });
      label.append(input, document.createTextNode(` ${t(text)}`));
      return label;
    }));
  }

  /** Asks about the alert; resolves to { outcome, note } or null when cancelled. */
  ask(alert) {
    const form = this.#dialog.querySelector("form");
    form.reset();
    this.#dialog.querySelector(".resolve-name").textContent = alert.seniorName;
    this.#dialog.returnValue = "";
    this.#dialog.showModal();
    return new Promise(done => this.#dialog.addEventListener("close", () => {
      if (this.#dialog.returnValue !== "resolve") return done(null);
      const outcome = form.querySelector("input[name='outcome']:checked")?.value;
      done(outcome ? { outcome, note: form.querySelector("textarea").value.trim() || null } : null);
    }, { once: true }));
  }
}
