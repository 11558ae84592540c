// The words of a senior's tile: the server's state vocabulary (Apis/SeniorState.cs, kebab-case in JSON) mapped to
// text in the reader's language; times on the senior's own clock, as the alert queue shows them. The minutes of a
// still period are counted here, from its start, so a still senior costs the server no push per minute.
import { formatWhen } from "../board/format";
import { formatNumber, text } from "../shared/text";

export type SeniorState = "alert" | "check-in" | "offline" | "not-worn" | "on-charger" | "battery-low"
  | "sleep-window" | "still" | "active" | "no-data" | "no-watch";

/** A tile as GET /api/seniors/states and the SeniorStateChanged push send it. */
export interface SeniorTile {
  seniorId: string; name: string; timeZone: string; state: SeniorState; since: string | null;
  stillSince: string | null; battery: number | null; batteryLow: boolean; charging: boolean | null;
  worn: boolean | null; lastSeenAt: string | null; alertId: number | null; alertKind: string | null;
  alertSeverity: string | null; asOf: string;
}

/** States a caregiver should look at (the "Needs attention" filter and the summary's count). */
export const needsAttention = (t: SeniorTile): boolean => t.batteryLow
  || ["alert", "check-in", "offline", "not-worn", "no-watch"].includes(t.state);

/** "Still for 42 min" / "Still for 2 h 05 min", counted from the still period's start. */
export function stillFor(stillSince: string, now: number): string {
  const minutes = Math.max(0, Math.floor((now - Date.parse(stillSince)) / 60000));
  return minutes < 60 ? text("Still for {0} min", formatNumber(minutes))
    : text("Still for {0} h {1} min", formatNumber(Math.floor(minutes / 60)), String(minutes % 60).padStart(2, "0"));
}

function alertWords(kind: string | null): string {
  switch (kind) {
    case "sos": return text("SOS pressed");
    case "fall": return text("Fall detected");
    case "inactivity": return text("No movement");
    default: return text("Open alert");
  }
}

/** The tile's main line (its state) and its detail line. */
export function stateWords(t: SeniorTile, now: number): [string, string] {
  const at = t.since ? formatWhen(t.since, t.timeZone, now) : "";
  const since = at ? text("since {0}", at) : "";
  switch (t.state) {
    case "alert": return [alertWords(t.alertKind), since];
    case "check-in": return [text("Check-in pending"), text("Asking “Are you OK?” on the watch")];
    case "offline": return [at ? text("Offline since {0}", at) : text("Offline"), ""];
    case "not-worn": return [text("Not worn"), ""];
    case "on-charger": return [text("On charger"), ""];
    case "battery-low": return [text("Battery low"), ""];
    case "sleep-window": return [text("In sleep window"), t.stillSince ? stillFor(t.stillSince, now) : ""];
    case "still": return [t.stillSince ? stillFor(t.stillSince, now) : text("Active"), since];
    case "active": return [text("Active"), ""];
    case "no-data": return [text("No data yet"), ""];
    case "no-watch": return [text("No watch"), ""];
  }
}

/** "Battery 57 %", "Battery 12 % · charging", or nothing when no watch has reported yet. */
export function batteryWords(t: SeniorTile): string {
  if (t.battery === null || t.state === "no-watch") return "";
  const level = text("Battery {0} %", formatNumber(t.battery));
  return t.charging ? `${level} · ${text("charging")}` : level;
}
