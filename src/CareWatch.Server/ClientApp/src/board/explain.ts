// Why an alert was raised, worded in the reader's language from what the server knows (the kind, when it began,
// an inactivity alert's limits), not from the English sentence stored at raise time. The card shows the live
// duration and its start beside it, so these words hold no duration that would freeze.
import { text } from "../shared/text";
import { formatDuration, formatWhen } from "./format";

const minutes = (n: number): string => formatDuration(n * 60000);

function inactivity(facts: any): string {
  const limit = minutes(facts.limitMinutes);
  switch (facts.trigger) {
    case "fixed-rule":
      return text("Watch worn, no movement. While this person's routine is still being learned, the standard limit of {0} applies.", limit);
    case "model":
      return facts.longestNormalMinutes != null
        ? text("Watch worn, no movement for longer than usual for this person at this hour (limit {0}; their longest normal still period then is {1}).", limit, minutes(facts.longestNormalMinutes))
        : text("Watch worn, no movement for longer than usual for this person at this hour (limit {0}).", limit);
    default:
      return text("Watch worn, no movement. The safety limit of {0} for this time of day is reached.", limit);
  }
}

/** The explanation line of a card; an alert this page cannot word shows the server's reason. */
export function explain(alert: any, now: number): string {
  const at = () => formatWhen(alert.startedAt, alert.seniorTimeZone, now);
  switch (alert.kind) {
    case "sos": return text("SOS pressed at {0}.", at());
    case "fall": return text("Watch detected a fall at {0}.", at());
    case "inactivity": return alert.facts ? inactivity(alert.facts) : alert.reason;
    case "not-worn": return text("Watch off the wrist: no-movement alerts are paused until it is back on.");
    case "left-charging": return text("Watch on its charger instead of on the wrist.");
    case "offline": return text("No data from the watch: check its battery and the home's connection.");
    case "low-battery": return text("Watch battery low: it needs charging before it goes flat.");
    default: return alert.reason;
  }
}
