// The board's vocabulary: alert kinds (as stored in alerts.kind) mapped to what staff read, in their language
// (the English words are the keys of Resources/ClientText/board.<culture>.resx).
import { text } from "../shared/text";

const kindNames: Record<string, string> = {
  inactivity: "No movement", sos: "SOS", fall: "Fall", "not-worn": "Watch off", "left-charging": "On charger",
  offline: "Watch offline", "low-battery": "Battery low",
};

/** "No movement", "SOS"… in the reader's language; a kind this page does not know yet shows as stored. */
export const kindLabel = (kind: string): string => kindNames[kind] ? text(kindNames[kind]) : kind;

// The emergencies: announced through the assertive live region and sounded (alarm.ts): someone may need help now.
// (The queue's order comes from each alert's severity: queue-order.ts.)
const emergencies = new Set(["sos", "fall", "inactivity"]);
export const isEmergency = (kind: string): boolean => emergencies.has(kind);

// What the time beside the live duration is: "still since 21:43", "pressed at 14:02".
const startWords: Record<string, string> = { inactivity: "still since {0}", sos: "pressed at {0}", fall: "fall at {0}" };
export const startedWords = (kind: string, time: string): string => text(startWords[kind] ?? "since {0}", time);

// Why a card went calm: the condition the monitor saw end, at the senior's time.
const clearedWords: Record<string, string> = {
  inactivity: "Movement resumed at {0}", "not-worn": "Watch back on the wrist at {0}",
  "left-charging": "Watch off the charger at {0}", offline: "Watch online again at {0}",
  "low-battery": "Watch charged at {0}",
};
export const closedWords = (alert: any, at: (utc: string) => string, outcomeLabel: (outcome: string) => string): string => {
  const handling = alert.handling;
  const time = at(alert.endedAt ?? alert.closedAt);
  // Resolved by a person: who, when, what they found and their note (staff's cards only carry the handling).
  if (alert.status === "resolved" && handling?.resolvedBy && handling.outcome) {
    const said = text("Resolved by {0} at {1}: {2}", handling.resolvedBy, at(alert.closedAt), outcomeLabel(handling.outcome));
    return handling.resolutionNote ? `${said} — “${handling.resolutionNote}”` : said;
  }
  // The senior answered "Are you OK?" on the watch: nobody was called.
  if (alert.status === "cancelled") return text("The senior answered OK at {0}", time);
  // A device-health alert that closed itself when its condition ended (resolved, no resolver, with its end time).
  return text(alert.status === "resolved" && alert.endedAt ? clearedWords[alert.kind] ?? "Cleared at {0}" : "Closed at {0}",
    time);
};
