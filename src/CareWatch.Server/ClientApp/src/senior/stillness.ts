// "Right now" on the senior page, kept current: the server renders it once; this module asks the senior's monitor
// again every minute (GET /api/seniors/{id}/normal-stillness) and rewrites the line and the bar in place.
import { getJson } from "../shared/api";
import { formatNumber, text } from "../shared/text";

/** GET /api/seniors/{id}/normal-stillness (Apis/SeniorActivityViews.cs). */
export interface NormalStillness {
  rule: string; typicalMinutes: number | null; longestNormalMinutes: number | null; alertAfterMinutes: number;
  stillSince: string | null; stillForMinutes: number | null; currentLimitMinutes: number | null;
  lastMinute: string | null;
}

export function duration(minutes: number): string {
  if (minutes < 60) return text("{0} min", formatNumber(minutes));
  return minutes % 60 === 0 ? text("{0} h", formatNumber(minutes / 60))
    : text("{0} h {1} min", formatNumber(Math.floor(minutes / 60)), formatNumber(minutes % 60));
}

/** Applies the bar positions the server rendered as data (the CSP refuses style attributes). */
export function placeBars(root: ParentNode): void {
  for (const bar of root.querySelectorAll<HTMLElement>(".band [data-width], .band [data-left]")) {
    if (bar.dataset.width) bar.style.width = `${bar.dataset.width}%`;
    if (bar.dataset.left) bar.style.left = `${bar.dataset.left}%`;
  }
}

/** Reads the monitor's view and updates the still line and the current bar (the band itself changes hourly). */
export async function refreshStillness(seniorId: string, zone: string, lang: string): Promise<void> {
  const s = await getJson<NormalStillness>(`/api/seniors/${seniorId}/normal-stillness`);
  const line = document.querySelector<HTMLElement>(".still-now");
  const clock = new Intl.DateTimeFormat(lang, { hour: "2-digit", minute: "2-digit", timeZone: zone });
  if (line) {
    line.textContent = s.stillSince && s.stillForMinutes !== null
      ? text("Still for {0}, since {1}.", duration(s.stillForMinutes), clock.format(new Date(s.stillSince)))
      : s.lastMinute === null ? text("No movement data yet.") : text("Moving: no still period going on.");
  }
  const current = document.querySelector<HTMLElement>(".band-current");
  if (current) {
    const scale = Math.max(1, s.currentLimitMinutes ?? s.alertAfterMinutes, s.stillForMinutes ?? 0);
    current.style.width = `${(100 * Math.min(s.stillForMinutes ?? 0, scale)) / scale}%`;
  }
}
