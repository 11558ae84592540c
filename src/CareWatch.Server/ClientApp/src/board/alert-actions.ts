// What staff do from a card: acknowledge and resolve, through POST /api/alerts/{id}/…, each sending the version
// the card shows. The server answers the alert as it is now, or 409 with the alert someone else changed: either
// way the board gets the current alert and shows it, so nobody acts twice on a picture that is out of date.

import { problemText, send } from "../shared/api";
import { text } from "../shared/text";

/** The outcomes a person may record (Storage/Alerts/AlertOutcomes.cs, ForStaff), as staff read them. */
export const outcomeLabels: Record<string, string> = {
  "senior-ok": "Senior is OK", "assisted-at-home": "Assisted at home", "ambulance-called": "Ambulance called",
  "false-alarm": "False alarm", "watch-problem": "Watch problem", other: "Other (see note)",
};

/** Which buttons a card offers in a state: take it while open (or still asking), close it once open. */
export const canAcknowledge = alert => alert.status === "open" || alert.status === "checking";
export const canResolve = alert => alert.status === "open" || alert.status === "acknowledged";

/**
 * Posts a command; resolves to { alert, conflict } with the board's view of the alert now (null when it is gone
 * or the command was refused), and a message for the card when it did not apply.
 */
export async function command(alert, action, body = {}) {
  const response = await send("POST", `api/alerts/${alert.id}/${action}`, { version: alert.version, ...body });
  const answer = await response.json().catch(() => null);
  if (response.ok) return { alert: answer.alert, message: "" };
  if (response.status === 409) {
    return { alert: answer?.alert?.alert ?? null, message: text("Someone else changed this alert — reloaded") };
  }
  if (response.status === 404) return { alert: null, message: text("This alert is no longer yours to see") };
  return { alert: null, message: text("Not done ({0}) {1}", response.status, problemText(answer)).trim() };
}
