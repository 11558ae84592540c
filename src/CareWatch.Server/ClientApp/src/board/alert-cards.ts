// The alert cards, updated in place by alert id: a card someone is reading or operating is never replaced,
// only its changed texts are, and between changes only the live durations tick.

import { canAcknowledge, canResolve, outcomeLabels } from "./alert-actions";
import { isActive } from "./alert-book";
import { explain } from "./explain";
import { formatDuration, formatElapsed, formatWhen } from "./format";
import { needsAlarm } from "./alarm";
import { fillAssignee, fillHandling } from "./handling";
import { text } from "../shared/text";
import { closedWords, kindLabel, startedWords } from "./words";

export class AlertCards {
  #list;
  #template;
  #cards = new Map(); // id -> { card, alert }
  #colleagues; // () => the bureau's staff for the "Assign to" lists ([] on a relative's board)
  #alarms; // whether cards that call for the alarm are marked (staff boards)

  constructor(list, template, colleagues = () => [], alarms = false) {
    this.#list = list;
    this.#template = template;
    this.#colleagues = colleagues;
    this.#alarms = alarms;
  }

  /** Shows exactly these alerts in this order, reusing each alert's card. */
  show(alerts, now) {
    const ids = new Set(alerts.map(a => a.id));
    for (const [id, { card }] of this.#cards) {
      if (!ids.has(id)) { card.remove(); this.#cards.delete(id); }
    }
    let position = this.#list.firstElementChild;
    for (const alert of alerts) {
      const card = this.#cards.get(alert.id)?.card ?? this.#create(alert);
      this.#cards.set(alert.id, { card, alert });
      fill(card, alert, now);
      fillHandling(card, alert, now);
      fillAssignee(card, alert, this.#colleagues());
      card.classList.toggle("alarming", this.#alarms && needsAlarm(alert));
      // Move a card only when it is out of place, so focus and selection inside the others stay.
      if (card === position) position = position.nextElementSibling;
      else this.#list.insertBefore(card, position);
    }
  }

  /** Brings the live durations (and a "yesterday" after midnight) up to date. */
  tick(now) {
    for (const { card, alert } of this.#cards.values()) if (isActive(alert)) fillTimes(card, alert, now);
  }

  #create(alert) {
    const card = this.#template.content.firstElementChild.cloneNode(true);
    card.dataset.alertId = alert.id;
    card.tabIndex = -1; // the shortcuts' "this card" (focused by them, or holding the focused button)
    card.classList.add(`kind-${alert.kind}`);
    return card;
  }
}

function fill(card, alert, now) {
  const closed = !isActive(alert);
  card.classList.toggle("closed", closed);
  // Severity critical (an alarm left unacknowledged long enough to rise) is said in words, not colour alone.
  const critical = !closed && alert.severity === "critical";
  setText(card.querySelector(".kind"), kindLabel(alert.kind));
  setText(card.querySelector(".severity"), critical ? text("critical") : "");
  setText(card.querySelector(".name"), alert.seniorName);
  card.querySelector(".duration").hidden = closed;
  card.querySelector(".since").hidden = closed;
  const outcome = card.querySelector(".outcome");
  outcome.hidden = !closed;
  if (closed) {
    setText(outcome, closedWords(alert, utc => formatWhen(utc, alert.seniorTimeZone, now),
      o => outcomeLabels[o] ? text(outcomeLabels[o]) : o));
  }
  else fillTimes(card, alert, now);
  const reason = card.querySelector(".explanation");
  const because = explain(alert, now);
  setText(reason, because ?? "");
  reason.hidden = !because;
  const relative = card.querySelector(".relative-checking");
  setText(relative, alert.relativeChecking ? text("{0} is checking on {1}", alert.relativeChecking, alert.seniorName) : "");
  relative.hidden = !alert.relativeChecking || closed;
  // The buttons exist only on the boards of people who may act (staff, supervisors); a relative's has none.
  const acknowledge = card.querySelector("button[data-action='acknowledge']");
  if (acknowledge) acknowledge.hidden = !canAcknowledge(alert);
  const resolve = card.querySelector("button[data-action='resolve']");
  if (resolve) resolve.hidden = !canResolve(alert);
  const actions = card.querySelector(".actions");
  if (actions) actions.hidden = closed && !actions.querySelector(".action-status").textContent;
  setText(card.querySelector(".status-word"), statusWords[alert.status] ? text(statusWords[alert.status]) : "");
  card.classList.toggle("critical", critical);
}

// One live duration, counted from when the situation began (the press, the fall, the start of stillness); by the
// second while nobody has taken the alert, so a glance shows it is live and still waiting.
function fillTimes(card, alert, now) {
  const waiting = alert.status === "open" || alert.status === "checking";
  const elapsed = now - new Date(alert.startedAt).getTime();
  setText(card.querySelector(".duration"), waiting ? formatElapsed(elapsed) : formatDuration(elapsed));
  setText(card.querySelector(".since"),
    startedWords(alert.kind, formatWhen(alert.startedAt, alert.seniorTimeZone, now)));
}

// What staff need to know of the state beyond "open": the watch is still asking, or someone has taken it.
const statusWords: Record<string, string> = {
  checking: "Asking “Are you OK?” on the watch",
  acknowledged: "Acknowledged",
};

function setText(element, text) {
  if (element.textContent !== text) element.textContent = text;
}
