// The board's vocabulary: alert kinds (as stored in alerts.kind) mapped to what staff read.

export const kindLabels = {
  inactivity: "No movement", sos: "SOS", fall: "Fall",
  "not-worn": "Watch off", "left-charging": "On charger", offline: "Watch offline",
};

// Emergencies first, then the longest waiting; device-health kinds (and any kind this page does not know
// yet) after them, never hidden.
const severity = { sos: 0, fall: 1, inactivity: 2 };
export const severityOf = kind => severity[kind] ?? 3;

// Announced through the assertive live region: someone may need help now.
export const isEmergency = kind => kind in severity;

// What the time beside the live duration is: "still since 21:43", "pressed at 14:02".
const startWords = { inactivity: "still since", sos: "pressed at", fall: "fall at" };
export const startedWords = kind => startWords[kind] ?? "since";

// Why a card went calm: the condition the monitor saw end, at the senior's time.
const clearedWords = {
  inactivity: "Movement resumed at", "not-worn": "Watch back on the wrist at",
  "left-charging": "Watch off the charger at", offline: "Watch online again at",
};
export const closedWords = alert =>
  // A device-health alert that closed itself when its condition ended (resolved, no resolver, with its end time).
  alert.status === "resolved" && alert.endedAt ? clearedWords[alert.kind] ?? "Cleared at" : "Closed at";
